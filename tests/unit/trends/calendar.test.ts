// calendar: date parsing, period indices and the first/last day of months, quarters and years.
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDateKey, parseIsoDate, periodEndDay, periodIndex, periodStartDay, periodStartIso } from '../../../pipeline/trends/calendar.js';
import { paperDates } from '../../../pipeline/trends/dates.js';
import { MONTHS_PER } from '../../../pipeline/trends/periods.js';

describe('calendar', () => {
  it('accepts 29 February only in leap years and rejects malformed dates', () => {
    expect(parseIsoDate('2024-02-29')).toStrictEqual({ year: 2024, month: 2, day: 29 });
    expect(['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-1-01', ''].map(parseIsoDate)).toStrictEqual([null, null, null, null, null, null]);
    expect(parseIsoDate('2000-02-29')).toStrictEqual({ year: 2000, month: 2, day: 29 });
  });

  it('counts days from 1970-01-01', () => {
    expect([dayNumber(1970, 1, 1), dayNumber(1970, 2, 1), dayNumber(2025, 3, 18)]).toStrictEqual([0, 31, Date.UTC(2025, 2, 18) / 86_400_000]);
  });

  it('starts quarter 3 of 2026 on 1 July and ends it on 30 September', () => {
    const q = periodIndex('quarter', 2026, 8);
    expect(periodStartIso('quarter', q)).toBe('2026-07-01');
    expect([periodStartDay('quarter', q), periodEndDay('quarter', q)]).toStrictEqual([dayNumber(2026, 7, 1), dayNumber(2026, 9, 30)]);
  });

  it('numbers consecutive periods consecutively across a year boundary', () => {
    expect(periodIndex('month', 2026, 1) - periodIndex('month', 2025, 12)).toBe(1);
    expect(periodIndex('quarter', 2026, 1) - periodIndex('quarter', 2025, 12)).toBe(1);
    expect(periodStartIso('month', periodIndex('month', 2025, 12) + 1)).toBe('2026-01-01');
    expect(periodEndDay('month', periodIndex('month', 2024, 2))).toBe(dayNumber(2024, 2, 29));
    expect(periodStartIso('year', 2025)).toBe('2025-01-01');
  });

  it('reads a date as yyyymmdd exactly where parseIsoDate reads it, and its month index gives every granularity\'s period', () => {
    const texts = ['2024-02-29', '2025-02-29', '1900-02-29', '2000-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-01', '', '0099-12-31',
      '2025-03-18 ', ' 2025-03-18', '2025/03/18', '2025-03-1a', '１２３４-01-01', '2025-12-31', '0000-01-01'];
    for (const text of texts) {
      const date = parseIsoDate(text);
      expect(isoDateKey(text)).toBe(date === null ? -1 : date.year * 10_000 + date.month * 100 + date.day);
    }
    const papers = [{ published: '2025-03-18', datePrecision: 'day' as const }, { published: null, datePrecision: null },
      { published: '2024-11-01', datePrecision: 'month' as const }, { published: '2024-11-01', datePrecision: 'year' as const }, { published: '2025-02-30', datePrecision: 'day' as const }];
    const read = paperDates(papers);
    expect([Array.from(read.precision), Array.from(read.key)]).toStrictEqual([[1, 0, 2, 3, 1], [20250318, 0, 20241101, 20241101, -1]]);
    for (const g of ['month', 'quarter', 'year'] as const) {
      expect(Math.floor(read.month[0] / MONTHS_PER[g])).toBe(periodIndex(g, 2025, 3));
      expect(Math.floor(read.month[2] / MONTHS_PER[g])).toBe(periodIndex(g, 2024, 11));
    }
  });
});

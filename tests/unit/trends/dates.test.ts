// The run's dates as a whole: precision counts, the default granularity (the finest most dated
// papers support) and the range with the precision of each end.
import { describe, expect, it } from 'vitest';
import { chooseGranularity, describeDates, MAJORITY } from '../../../pipeline/trends/dates.js';
import type { DatePrecision } from '../../../pipeline/types.js';

type P = { published: string | null; datePrecision: DatePrecision | null };
const at = (published: string, datePrecision: DatePrecision): P => ({ published, datePrecision });
const undated: P = { published: null, datePrecision: null };

describe('chooseGranularity', () => {
  it('picks month when at least half the dated papers give a month or a day', () => {
    expect(MAJORITY).toBe(0.5);
    expect(chooseGranularity({ day: 74_728, month: 0, year: 0 })).toBe('month');
    expect(chooseGranularity({ day: 3, month: 2, year: 5 })).toBe('month');
    expect(chooseGranularity({ day: 0, month: 10, year: 0 })).toBe('month');
  });
  it('picks year when most dated papers give only a year', () => {
    expect(chooseGranularity({ day: 0, month: 0, year: 1 })).toBe('year');
    expect(chooseGranularity({ day: 4, month: 0, year: 5 })).toBe('year');
  });
  it('keeps month when nothing is dated', () => {
    expect(chooseGranularity({ day: 0, month: 0, year: 0 })).toBe('month');
  });
});

describe('describeDates', () => {
  it('counts papers per precision and gives the range with the precision of each end', () => {
    const papers = [at('1990-01-01', 'year'), at('2025-03-18', 'day'), at('2024-06-01', 'month'), at('2025-01-01', 'year'), at('2003-01-01', 'year'), undated];
    expect(describeDates(papers)).toStrictEqual({
      precision: { day: 1, month: 1, year: 3, undated: 1 },
      granularity: 'year',
      min: '1990-01-01',
      max: '2025-03-18',
      minPrecision: 'year',
      maxPrecision: 'day'
    });
  });
  it('takes the coarser precision when two papers share the earliest or latest date', () => {
    const d = describeDates([at('2020-01-01', 'day'), at('2020-01-01', 'year'), at('2021-01-01', 'year'), at('2021-01-01', 'month')]);
    expect([d.minPrecision, d.maxPrecision]).toStrictEqual(['year', 'year']);
  });
  it('gives no range for a run without dates', () => {
    expect(describeDates([undated])).toStrictEqual({
      precision: { day: 0, month: 0, year: 0, undated: 1 }, granularity: 'month', min: null, max: null, minPrecision: null, maxPrecision: null
    });
  });
});

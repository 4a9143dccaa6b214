// computePeriods: which papers count at which granularity, zero rows, shares and partial periods.
import { describe, expect, it } from 'vitest';
import { computePeriods } from '../../../pipeline/trends/periods.js';
import type { DatePrecision } from '../../../pipeline/types.js';

type P = { published: string | null; datePrecision: DatePrecision | null };
const day = (published: string): P => ({ published, datePrecision: 'day' });
const month = (published: string): P => ({ published, datePrecision: 'month' });
const year = (published: string): P => ({ published, datePrecision: 'year' });
const undated: P = { published: null, datePrecision: null };

function partialPeriods(papers: P[]): string[] {
  const { totals } = computePeriods(papers, new Int32Array(papers.length), 1);
  return totals.filter((t) => t.partial).map((t) => `${t.granularity} ${t.period}`);
}

describe('computePeriods', () => {
  it('counts day and month dates at every granularity, year-only dates only at year, undated nowhere', () => {
    const papers = [
      day('2025-01-02'), // theme 0
      day('2025-01-20'), // theme 1
      day('2025-03-30'), // theme 0
      month('2025-02-01'), // theme 1
      year('2025-01-01'), // theme 0: year rows only, never January
      year('2024-01-01'), // theme 1: opens year 2024, which year dates cover whole → complete
      undated // theme 1: not counted
    ];
    const { periods, totals } = computePeriods(papers, Int32Array.from([0, 1, 0, 1, 0, 1, 1]), 2);
    const row = (themeId: number, granularity: string, period: string, papers: number, share: number, partial: boolean) => ({
      themeId,
      period,
      granularity,
      papers,
      share,
      partial
    });
    expect(periods).toStrictEqual([
      row(0, 'month', '2025-01-01', 1, 1 / 2, false),
      row(1, 'month', '2025-01-01', 1, 1 / 2, false),
      row(0, 'month', '2025-02-01', 0, 0, false),
      row(1, 'month', '2025-02-01', 1, 1, false),
      row(0, 'month', '2025-03-01', 1, 1, false),
      row(1, 'month', '2025-03-01', 0, 0, false),
      row(0, 'quarter', '2025-01-01', 2, 2 / 4, false),
      row(1, 'quarter', '2025-01-01', 2, 2 / 4, false),
      row(0, 'year', '2024-01-01', 0, 0, false),
      row(1, 'year', '2024-01-01', 1, 1, false),
      row(0, 'year', '2025-01-01', 3, 3 / 5, false),
      row(1, 'year', '2025-01-01', 2, 2 / 5, false)
    ]);
    expect(totals).toStrictEqual([
      { period: '2025-01-01', granularity: 'month', papers: 2, partial: false },
      { period: '2025-02-01', granularity: 'month', papers: 1, partial: false },
      { period: '2025-03-01', granularity: 'month', papers: 1, partial: false },
      { period: '2025-01-01', granularity: 'quarter', papers: 4, partial: false },
      { period: '2024-01-01', granularity: 'year', papers: 1, partial: false },
      { period: '2025-01-01', granularity: 'year', papers: 5, partial: false }
    ]);
  });

  it('emits zero rows for every theme in months without papers', () => {
    const { periods } = computePeriods([day('2025-01-15'), day('2025-04-15')], Int32Array.from([0, 0]), 2);
    const months = periods.filter((p) => p.granularity === 'month');
    expect(months.map((p) => `${p.period}:${p.themeId}:${p.papers}:${p.share}`)).toStrictEqual([
      '2025-01-01:0:1:1',
      '2025-01-01:1:0:0',
      '2025-02-01:0:0:0',
      '2025-02-01:1:0:0',
      '2025-03-01:0:0:0',
      '2025-03-01:1:0:0',
      '2025-04-01:0:1:1',
      '2025-04-01:1:0:0'
    ]);
  });

  it('flags the first and last month, quarter and year of data running 2025-03-18..2026-07-01 as partial', () => {
    expect(partialPeriods([day('2025-03-18'), day('2026-07-01')])).toStrictEqual([
      'month 2025-03-01',
      'month 2026-07-01',
      'quarter 2025-01-01',
      'quarter 2026-07-01',
      'year 2025-01-01',
      'year 2026-01-01'
    ]);
  });

  it('gives a 3-day grace at both ends of a period before calling it partial', () => {
    expect(partialPeriods([day('2025-01-04'), day('2025-01-28')])).toStrictEqual(['quarter 2025-01-01', 'year 2025-01-01']);
    expect(partialPeriods([day('2025-01-05'), day('2025-01-31')])).toStrictEqual([
      'month 2025-01-01',
      'quarter 2025-01-01',
      'year 2025-01-01'
    ]);
    expect(partialPeriods([day('2025-01-01'), day('2025-01-27')])).toStrictEqual([
      'month 2025-01-01',
      'quarter 2025-01-01',
      'year 2025-01-01'
    ]);
  });

  it('takes coverage from whole months when no paper has a day date', () => {
    // Covered: 2025-03-01..2025-05-31, so every month is whole but Q1, Q2 and 2025 are not.
    expect(partialPeriods([month('2025-03-01'), month('2025-05-01')])).toStrictEqual([
      'quarter 2025-01-01',
      'quarter 2025-04-01',
      'year 2025-01-01'
    ]);
  });

  it('returns no rows when no paper is dated', () => {
    expect(computePeriods([undated, undated], Int32Array.from([0, 1]), 2)).toStrictEqual({ periods: [], totals: [] });
  });

  it('rejects a theme outside 0..k-1, a length mismatch and a malformed date', () => {
    expect(() => computePeriods([day('2025-01-01')], Int32Array.from([2]), 2)).toThrow('paper 0 has theme 2, outside 0..1');
    expect(() => computePeriods([day('2025-01-01')], new Int32Array(2), 2)).toThrow('1 papers but 2 assignments');
    expect(() => computePeriods([day('2025-02-30')], new Int32Array(1), 1)).toThrow('paper 0 has published "2025-02-30"');
  });
});

describe('computePeriods with year-only and mixed dates', () => {
  it('flags no year of a year-only corpus as partial, and counts nothing at month or quarter', () => {
    const papers = ['1990', '1991', '2005', '2025'].map((y) => year(`${y}-01-01`));
    const { totals } = computePeriods(papers, new Int32Array(papers.length), 1);
    expect(totals.every((t) => t.granularity === 'year' && !t.partial)).toBe(true);
    expect(totals.map((t) => t.period)).toHaveLength(36); // 1990..2025, gaps as zero rows
  });

  it('takes year dates as covering their years beside day dates, but not the months', () => {
    // Day data 2025-03-18..2026-07-01, year-only papers in 1990 and 2026.
    expect(partialPeriods([day('2025-03-18'), day('2026-07-01'), year('1990-01-01'), year('2026-01-01')])).toStrictEqual([
      'month 2025-03-01',
      'month 2026-07-01',
      'quarter 2025-01-01',
      'quarter 2026-07-01'
    ]);
  });

  it('keeps a year partial that neither year dates nor day dates cover whole', () => {
    // Year dates cover 2015..2024; day dates 2025-03-18..2025-12-31: 2025 starts uncovered.
    expect(partialPeriods([year('2015-01-01'), year('2024-01-01'), day('2025-03-18'), day('2025-12-31')]).filter((p) => p.startsWith('year')))
      .toStrictEqual(['year 2025-01-01']);
    // Years between two sources that no source spans are not covered either.
    expect(partialPeriods([year('2015-01-01'), day('2017-01-01'), day('2017-12-31')]).filter((p) => p.startsWith('year')))
      .toStrictEqual(['year 2016-01-01']);
  });
});

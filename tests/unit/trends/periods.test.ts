// computePeriods: which papers count at which granularity, zero rows, shares, partial periods and stragglers.
import { describe, expect, it } from 'vitest';
import { bodyOf, computePeriods, STRAGGLER_SHARE } from '../../../pipeline/trends/periods.js';
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
    expect(computePeriods([undated, undated], Int32Array.from([0, 1]), 2)).toStrictEqual({ periods: [], totals: [], stragglers: { month: null, quarter: null, year: null } });
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

describe('stragglers', () => {
  /** A daily feed: `n` papers, one a day from `from` (ISO), every day. */
  function feed(from: string, n: number): P[] {
    const start = Date.parse(`${from}T00:00:00Z`);
    return Array.from({ length: n }, (_, i) => day(new Date(start + i * 86_400_000).toISOString().slice(0, 10)));
  }
  const monthsOf = (papers: P[]) => computePeriods(papers, new Int32Array(papers.length), 1).totals.filter((t) => t.granularity === 'month');

  it('leaves a reading list\'s few old papers out of a feed\'s periods: the feed\'s first month is partial again, no month of nothing', () => {
    // 500 days from 2025-03-18 (to 2026-07-30), and five papers of 2023-10 … 2025-02-16 (under 1% of 505, a month before the feed).
    const papers = [...feed('2025-03-18', 500), day('2023-10-01'), day('2023-10-12'), day('2024-02-06'), day('2024-04-24'), day('2025-02-16')];
    const months = monthsOf(papers);
    expect(months[0]).toStrictEqual({ period: '2025-03-01', granularity: 'month', papers: 14, partial: true });
    expect(months.at(-1)!.period).toBe('2026-07-01');
    expect(months.reduce((sum, t) => sum + t.papers, 0)).toBe(500);
    const { totals, stragglers } = computePeriods(papers, new Int32Array(papers.length), 1);
    expect(totals.filter((t) => t.granularity === 'year').map((t) => t.period)).toStrictEqual(['2025-01-01', '2026-01-01']);
    expect(stragglers.month).toStrictEqual({ papers: 5, from: '2023-10-01', to: '2025-02-16' });
    // At year, 2025-02-16 shares the rest's first year, so it counts there.
    expect(stragglers.year).toStrictEqual({ papers: 4, from: '2023-10-01', to: '2024-04-24' });
  });

  it('leaves out a lone date far after the rest (a typo such as 2036)', () => {
    const months = monthsOf([...feed('2025-01-01', 400), day('2036-05-01')]);
    expect([months[0].period, months.at(-1)!.period, months.length]).toStrictEqual(['2025-01-01', '2026-02-01', 14]);
  });

  it('keeps a sparse list whole: its gaps are its usual spacing', () => {
    // 300 papers 9 days apart, and the first one 40 days before the second (under 10 × the median gap).
    const papers = [day('2020-01-01'), ...Array.from({ length: 299 }, (_, i) => day(new Date(Date.UTC(2020, 1, 10) + i * 9 * 86_400_000).toISOString().slice(0, 10)))];
    expect(monthsOf(papers)[0].period).toBe('2020-01-01');
  });

  it('keeps papers apart from the rest when they are more than STRAGGLER_SHARE of them', () => {
    const early = Array.from({ length: 10 }, () => day('2023-06-01')); // 10 of 510: 2%
    expect(monthsOf([...early, ...feed('2025-03-18', 500)])[0].period).toBe('2023-06-01');
  });

  it('reads year dates as the spans they are: a lone 1975 before 25 full years is apart, a year dated by a year-only paper over a gap is not', () => {
    const years = [year('1975-01-01'), ...Array.from({ length: 500 }, (_, i) => year(`${2000 + (i % 25)}-01-01`))];
    const { totals, stragglers } = computePeriods(years, new Int32Array(years.length), 1);
    expect([totals[0].period, stragglers.year]).toStrictEqual(['2000-01-01', { papers: 1, from: '1975', to: '1975' }]);
    const spanned = [year('2024-01-01'), ...feed('2024-12-01', 400)]; // 2024 covers the gap before December
    expect(computePeriods(spanned, new Int32Array(spanned.length), 1).stragglers.year).toBeNull();
  });

  it('bodyOf: at most the first and last STRAGGLER_SHARE of the dates are cut, each at the gap nearest the body', () => {
    const days = Int32Array.from([0, 100, 200, ...Array.from({ length: 297 }, (_, i) => 300 + i)]); // 300 dates: cap 3
    expect(STRAGGLER_SHARE).toBe(0.01);
    expect(bodyOf(days)).toStrictEqual([3, 299]);
    expect(bodyOf(Int32Array.from([0, 1, 2]))).toStrictEqual([0, 2]);
    // A date that spans the gap (a year date over days 150..515) leaves none: only the first is apart.
    const spans = Int32Array.from([0, 150, ...Array.from({ length: 298 }, (_, i) => 300 + i)]);
    expect(bodyOf(spans, Int32Array.from(spans, (d, i) => (i === 1 ? 515 : d)))).toStrictEqual([1, 299]);
  });
});


// scoreTrends: windows over complete months, shares, z, growth, emerging score and direction.
import { describe, expect, it } from 'vitest';
import { TREND_WINDOWS, scoreTheme, scoreTrends, trendWindow } from '../../../pipeline/trends/emerging.js';
import { computePeriods } from '../../../pipeline/trends/periods.js';
import type { PeriodRow, PeriodTotal } from '../../../pipeline/types.js';

/** 100 papers a month 2025-01..07 and one on 2025-08-01: theme 0 rises, 1 fades, 2 holds 50%. */
function threeThemes() {
  const published: string[] = [];
  const themes: number[] = [];
  for (let m = 1; m <= 7; m++) {
    const perTheme = m <= 4 ? [10, 40, 50] : [40, 10, 50];
    let i = 0;
    perTheme.forEach((count, theme) => {
      for (let c = 0; c < count; c++, i++) {
        published.push(`2025-0${m}-${String(1 + (i % 28)).padStart(2, '0')}`);
        themes.push(theme);
      }
    });
  }
  published.push('2025-08-01');
  themes.push(2);
  const papers = published.map((p) => ({ published: p, datePrecision: 'day' as const }));
  return computePeriods(papers, Int32Array.from(themes), 3);
}

function scoreThreeThemes() {
  const { periods, totals } = threeThemes();
  return scoreTrends(periods, totals, 3, { granularity: 'month', window: 3 });
}

/** Month rows for one theme (theme 1 holds the rest) from per-month counts. */
function monthRows(theme0: number[], all: number[]): { periods: PeriodRow[]; totals: PeriodTotal[] } {
  const periods: PeriodRow[] = [];
  const totals: PeriodTotal[] = [];
  all.forEach((n, i) => {
    const period = `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
    totals.push({ period, granularity: 'month', papers: n, partial: false });
    periods.push({ themeId: 0, period, granularity: 'month', papers: theme0[i], share: theme0[i] / n, partial: false });
    periods.push({ themeId: 1, period, granularity: 'month', papers: n - theme0[i], share: 1 - theme0[i] / n, partial: false });
  });
  return { periods, totals };
}

describe('scoreTrends', () => {
  it('compares the last 3 complete months with the earlier ones, leaving out the partial August', () => {
    const { periods, totals } = threeThemes();
    expect(totals.filter((t) => t.granularity === 'month').map((t) => t.partial)).toStrictEqual([false, false, false, false, false, false, false, true]);
    const trends = scoreTrends(periods, totals, 3, { granularity: 'month', window: 3 });
    expect(trends.map((t) => [t.papersBefore, t.papersAfter, t.shareBefore, t.shareAfter, t.window])).toStrictEqual([
      [40, 120, 40 / 400, 120 / 300, 3],
      [160, 30, 160 / 400, 30 / 300, 3],
      [200, 150, 200 / 400, 150 / 300, 3]
    ]);
    expect(trends.map((t) => t.direction)).toStrictEqual(['emerging', 'fading', 'steady']);
    const byScore = [...trends].sort((x, y) => y.emergingScore - x.emergingScore);
    expect(byScore.map((t) => t.themeId)).toStrictEqual([0, 2, 1]);
  });

  it('computes z as the pooled two-proportion statistic and growth from shares smoothed by 1/N', () => {
    const [rise, fade, steady] = scoreThreeThemes();
    const pooled0 = 160 / 700;
    expect(rise.zScore).toBeCloseTo(0.3 / Math.sqrt(pooled0 * (1 - pooled0) * (1 / 300 + 1 / 400)), 12);
    const pooled1 = 190 / 700;
    expect(fade.zScore).toBeCloseTo(-0.3 / Math.sqrt(pooled1 * (1 - pooled1) * (1 / 300 + 1 / 400)), 12);
    expect(rise.growth).toBeCloseTo((0.4 + 1 / 700) / (0.1 + 1 / 700) - 1, 12);
    expect(fade.growth).toBeCloseTo((0.1 + 1 / 700) / (0.4 + 1 / 700) - 1, 12);
    expect([steady.zScore, steady.growth, steady.emergingScore]).toStrictEqual([0, 0, 0]);
  });

  it('scores the lower end of the 95% interval of the log2 change of share', () => {
    const [rise, fade] = scoreThreeThemes();
    const [sA, sB] = [0.4 + 1 / 700, 0.1 + 1 / 700];
    const se = Math.sqrt((1 - sA) / (300 * sA) + (1 - sB) / (400 * sB)) / Math.LN2;
    expect(rise.emergingScore).toBeCloseTo(Math.log2(sA / sB) - 1.96 * se, 12);
    const [fA, fB] = [0.1 + 1 / 700, 0.4 + 1 / 700];
    const seFade = Math.sqrt((1 - fA) / (300 * fA) + (1 - fB) / (400 * fB)) / Math.LN2;
    expect(fade.emergingScore).toBeCloseTo(Math.log2(fA / fB) + 1.96 * seFade, 12);
  });

  it('gives a 2 → 3 paper theme a score of 0 while a large theme rising from 5% to 7% scores above 0', () => {
    const small = scoreTheme(0, 3, 300, 2, 1000, 3);
    expect(small.emergingScore).toBe(0);
    expect(small.growth).toBeGreaterThan(2);
    const large = scoreTheme(1, 1050, 15_000, 3000, 60_000, 3);
    expect(large.emergingScore).toBeGreaterThan(0.3);
    expect(large.direction).toBe('emerging');
  });

  it('uses at most 4 windows of months before the recent window', () => {
    // 20 complete months; theme 0 has 50 papers in each of the first 5 months only.
    const all = Array.from({ length: 20 }, () => 100);
    const theme0 = all.map((_, i) => (i < 5 ? 50 : 0));
    const { periods, totals } = monthRows(theme0, all);
    const [t] = scoreTrends(periods, totals, 2, { granularity: 'month', window: 3 });
    expect(TREND_WINDOWS.month).toStrictEqual({ after: 3, baselineRatio: 4 });
    // before = months 5..16 (12 months), after = 17..19: the early papers fall outside both.
    expect([t.papersBefore, t.papersAfter, t.shareBefore, t.shareAfter]).toStrictEqual([0, 0, 0, 0]);
    expect(t.emergingScore).toBe(0);
  });

  it('takes the months there are when fewer than window × (1 + 4) are complete', () => {
    const { periods, totals } = monthRows([10, 20, 30, 30, 30], [100, 100, 100, 100, 100]);
    const [t] = scoreTrends(periods, totals, 2, { granularity: 'month', window: 3 });
    expect([t.papersBefore, t.papersAfter, t.shareBefore, t.shareAfter]).toStrictEqual([30, 90, 30 / 200, 90 / 300]);
  });

  it('returns zeros and steady for every theme when no month precedes the window', () => {
    const { periods, totals } = monthRows([10, 50, 90], [100, 100, 100]);
    expect(scoreTrends(periods, totals, 2, { granularity: 'month', window: 3 })).toStrictEqual([0, 1].map((themeId) => ({
      themeId,
      window: 3,
      shareBefore: 0,
      shareAfter: 150 / 300,
      papersBefore: 0,
      papersAfter: 150,
      emergingScore: 0,
      direction: 'steady',
      zScore: 0,
      growth: 0,
      windowGranularity: 'month'
    })));
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => scoreTrends([], [], 1, { granularity: 'month', window: 0 })).toThrow('window must be a positive integer');
  });
});

describe('scoreTrends at year granularity', () => {
  /** Year rows 1990.. for two themes from per-year counts of theme 0 and all papers. */
  function yearRows(theme0: number[], all: number[], partialLast = false) {
    const periods: PeriodRow[] = [];
    const totals: PeriodTotal[] = [];
    all.forEach((n, i) => {
      const period = `${1990 + i}-01-01`;
      const partial = partialLast && i === all.length - 1;
      totals.push({ period, granularity: 'year', papers: n, partial });
      periods.push({ themeId: 0, period, granularity: 'year', papers: theme0[i], share: theme0[i] / n, partial });
      periods.push({ themeId: 1, period, granularity: 'year', papers: n - theme0[i], share: 1 - theme0[i] / n, partial });
    });
    return { periods, totals };
  }

  it('compares the last 2 complete years with the 5 before them by default', () => {
    expect(trendWindow('year', 'auto')).toBe(2);
    expect(TREND_WINDOWS.year).toStrictEqual({ after: 2, baselineRatio: 2.5 });
    // 10 years of 100 papers; theme 0 has 90 in each of the first 3 (outside both windows), 10 in
    // years 3..7 (before) and 40 in years 8..9 (after).
    const theme0 = [90, 90, 90, 10, 10, 10, 10, 10, 40, 40];
    const { periods, totals } = yearRows(theme0, theme0.map(() => 100));
    const [t] = scoreTrends(periods, totals, 2, { granularity: 'year', window: 2 });
    expect([t.papersBefore, t.papersAfter, t.shareBefore, t.shareAfter, t.window, t.windowGranularity])
      .toStrictEqual([50, 80, 0.1, 0.4, 2, 'year']);
    expect(t.direction).toBe('emerging');
  });

  it('ignores month rows and leaves a partial last year out', () => {
    const { periods, totals } = yearRows([10, 10, 10, 40, 40, 90], [100, 100, 100, 100, 100, 100], true);
    const months = monthRows([50, 50], [100, 100]);
    const [t] = scoreTrends([...periods, ...months.periods], [...totals, ...months.totals], 2, { granularity: 'year', window: 2 });
    expect([t.papersBefore, t.papersAfter]).toStrictEqual([30, 80]);
  });

  it('keeps 4 windows before at month granularity and 2.5 at year for a given window', () => {
    const all = Array.from({ length: 30 }, () => 100);
    const ones = all.map(() => 1);
    const m = monthRows(ones, all);
    expect(scoreTrends(m.periods, m.totals, 2, { granularity: 'month', window: 2 })[0].papersBefore).toBe(8);
    const y = yearRows(ones, all);
    expect(scoreTrends(y.periods, y.totals, 2, { granularity: 'year', window: 4 })[0].papersBefore).toBe(10);
    expect(trendWindow('month', 'auto')).toBe(3);
    expect(trendWindow('year', 6)).toBe(6);
  });
});

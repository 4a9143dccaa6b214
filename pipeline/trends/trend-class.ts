// Owns the class a trend is shown as, and its words, for every reader: the dashboard's pages
// (src/lib/trend-wording.ts classifyTrend, directionText), the CLI summaries (summary-trends.ts,
// assign/index.ts readThemes) and the exports' reads_as (trendClassSql). The stored direction is the share
// test's (emerging.ts: two-proportion z, |z| ≥ 1.96) and stays as stored; the class adds the theme's
// own papers per period (rate = its papers in a window / the window's periods), so no word says a
// theme rose where its own output fell, or fell where its output grew:
//   emerging — share rose significantly and its papers per period did not fall (rate after ≥ before)
//   holding  — share rose significantly while its papers per period fell: the field shrank faster,
//              "shrinking slower than the field"
//   fading   — share fell significantly and its papers per period did not grow (rate after ≤ before)
//   slower   — share fell significantly while its papers per period grew: "growing slower than the field"
//   steady   — no significant change of share
//   coverage — it moves only with what the corpus holds (coverage.ts trendBasis 'coverage')
// Without a rate (an empty window) a direction is worded as it is.
import type { CoveredTrend, ThemeTrend, TrendDirection } from '../types.js';
import { trendBasis } from './coverage.js';

export type TrendClass = 'emerging' | 'holding' | 'fading' | 'slower' | 'steady' | 'coverage';

export const TREND_CLASS_TEXT: Record<TrendClass, string> = {
  emerging: 'emerging',
  holding: 'shrinking slower than the field',
  fading: 'fading',
  slower: 'growing slower than the field',
  steady: 'steady',
  coverage: 'moves with coverage'
};

/** A theme's papers per period in the trend's two windows; null for an empty window. */
export interface WindowRates {
  before: number | null;
  after: number | null;
}

/** Papers per period in each window, from its papers there and the windows' lengths in periods. */
export function ratesIn(papers: { papersBefore: number; papersAfter: number }, periods: { before: number; after: number }): WindowRates {
  return {
    before: periods.before > 0 ? papers.papersBefore / periods.before : null,
    after: periods.after > 0 ? papers.papersAfter / periods.after : null
  };
}

/** The class of a direction (as read) given the papers per period it was read over: see the header. */
export function classOfDirection(direction: TrendDirection, rates: WindowRates): Exclude<TrendClass, 'coverage'> {
  const known = rates.before !== null && rates.after !== null;
  switch (direction) {
    case 'emerging':
      return known && rates.after! < rates.before! ? 'holding' : 'emerging';
    case 'fading':
      return known && rates.after! > rates.before! ? 'slower' : 'fading';
    case 'steady':
      return 'steady';
    default:
      throw new Error(`unknown trend direction: ${String(direction satisfies never)}`);
  }
}

/** A direction in the words of its class: "emerging" with fewer papers per period reads "shrinking slower than the field". */
export function directionWords(direction: TrendDirection, rates: WindowRates): string {
  return TREND_CLASS_TEXT[classOfDirection(direction, rates)];
}

/**
 * classOfDirection in SQL, worded (exports' reads_as): `reading` is the direction as read, or 'moves
 * with coverage' (coverage.ts trendReadingSql); `papers` the papers it was read over in each window
 * as [before, after] SQL; `periods` the windows' lengths in periods as [before, after] SQL. Rates are
 * compared cross-multiplied (after × before periods against before × after periods), so no division.
 * tests/unit/trends/trend-class.test.ts holds it to classOfDirection.
 */
export function trendClassSql(reading: string, papers: [string, string], periods: [string, string]): string {
  const known = `(${periods[0]}) > 0 AND (${periods[1]}) > 0`;
  const [after, before] = [`(${papers[1]}) * (${periods[0]})`, `(${papers[0]}) * (${periods[1]})`];
  return `CASE WHEN ${known} AND ${reading} = 'fading' AND ${after} > ${before} THEN '${TREND_CLASS_TEXT.slower}' ` +
    `WHEN ${known} AND ${reading} = 'emerging' AND ${after} < ${before} THEN '${TREND_CLASS_TEXT.holding}' ELSE ${reading} END`;
}

/**
 * The class of a trend as the trends stage gives it (the CLI summaries): read over the categories held
 * throughout where trendBasis says so (their papers compared), with `periods` periods in each window.
 */
export function classOfTrend(trend: Pick<ThemeTrend, 'direction' | 'papersBefore' | 'papersAfter'>
  & { covered?: Pick<CoveredTrend, 'share' | 'direction' | 'papersBefore' | 'papersAfter'> | null },
  periods: { before: number; after: number }): TrendClass {
  const basis = trendBasis(trend);
  if (basis === 'coverage') return 'coverage';
  const read = basis === 'covered' ? trend.covered! : trend;
  return classOfDirection(read.direction, ratesIn(read, periods));
}

// The trends stage's public face: the run's dates and default granularity, per-period counts and
// shares, then emerging/fading scores and bursts at that granularity.
import type { Paper, PeriodRow, PeriodTotal, ThemeTrend } from '../types.js';
import { measureCoverage, scoreWithinCategories, withCoveredTrends, type Strata, type TrendCoverage } from './coverage.js';
import { describeDates, paperDates, type PaperDates, type RunDates } from './dates.js';
import { scoreTrends, trendWindow } from './emerging.js';
import { computePeriods, type Stragglers } from './periods.js';

export { computePeriods, GRACE_DAYS, type Stragglers } from './periods.js';
export { scoreTrends, trendWindow, trendWindowPeriods, TREND_WINDOWS, Z_CRITICAL } from './emerging.js';
export { findBursts, type BurstRecord } from './bursts.js';
export { primaryCategories, type CoverageChange, type Strata, type TrendCoverage } from './coverage.js';
export { chooseGranularity, describeDates, MAJORITY, paperDates, type PaperDates, type RunDates } from './dates.js';

export interface Trends {
  dates: RunDates;
  periods: PeriodRow[];
  totals: PeriodTotal[];
  trends: ThemeTrend[];
  /** The corpus's coverage changes over the windows (by `strata`), null when none: then no trend has `covered`. */
  coverage: TrendCoverage | null;
  /** Papers left out of the periods, far apart from the rest of the dates (periods.ts), or null. */
  stragglers: Stragglers | null;
}

/**
 * The whole stage: periods at every granularity, trends scored at the run's default one; with
 * `strata` (the papers' primary categories), also over the categories held throughout the windows
 * when the corpus holds some only part of the time (trends/coverage.ts). `parsed`: paperDates(papers),
 * for a caller that reads the same papers' dates again (assign: the bursts).
 */
export function computeTrends(papers: Pick<Paper, 'published' | 'datePrecision'>[], assignments: Int32Array, k: number,
  options: { window: number | 'auto'; strata?: Strata }, parsed: PaperDates = paperDates(papers)): Trends {
  const dates = describeDates(papers);
  const { periods, totals, stragglers: left } = computePeriods(papers, assignments, k, parsed);
  const { granularity } = dates;
  const stragglers = left[granularity];
  const window = trendWindow(granularity, options.window);
  let trends = scoreTrends(periods, totals, k, { granularity, window });
  const coverage = options.strata ? measureCoverage(papers, assignments, k, options.strata, parsed, totals, granularity, window) : null;
  if (coverage !== null) trends = withCoveredTrends(trends, scoreWithinCategories(coverage.windows, window, granularity));
  return { dates, periods, totals, trends, coverage, stragglers };
}

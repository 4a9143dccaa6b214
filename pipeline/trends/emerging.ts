// Emerging and fading themes: compares each theme's share of papers in the most recent complete
// periods ("after") with its share in the periods just before ("before"), at the run's trend
// granularity (trends/dates.ts: month unless most dated papers give only a year).
//
// Windows (partial periods excluded), per granularity:
//   month:   after = the last 3 complete months, before = the 12 months before them (4 × after)
//   quarter: after = the last 2 complete quarters, before = the 8 before them (4 × after)
//   year:    after = the last 2 complete years, before = the 5 before them (2.5 × after, rounded)
// A window given with --emerging-window N replaces the default N; before stays the same multiple.
// Long enough that the baseline share is steadier than the recent one, short enough that a
// decade-long corpus compares "now" with the recent past, not with its first years. Fewer periods:
// before takes what there is; with no before (or no after) period, every theme gets zeros and
// 'steady'. `window` in the result = the number of periods actually in "after".
//
// With a, A = theme papers / all papers in after, b, B = the same in before, N = A + B:
//   shareAfter = a / A,  shareBefore = b / B
//   smoothed shares  sA = a/A + 1/N,  sB = b/B + 1/N   (one paper's worth of share added to both, so
//                    equal shares stay equal, 0 → 0 is "no change" and nothing divides by zero)
//   growth = sA / sB − 1
//   zScore = (a/A − b/B) / sqrt(p (1 − p) (1/A + 1/B)),  p = (a + b) / N   (pooled two-proportion z;
//            0 when the denominator is 0)
//   emergingScore = sign(L) · max(0, |L| − 1.96 · se),  L = log2(sA / sB),
//            se = sqrt(max(0, (1 − sA) / (A sA)) + max(0, (1 − sB) / (B sB))) / ln 2
//   i.e. the log2 change of share at the end of its 95% interval nearest to 0 (delta-method variance
//   of a log proportion): "the rise the data supports at least". Noise in a small theme (2 → 3
//   papers) has a wide interval and scores 0, so small themes cannot top the list by chance.
//   direction = 'emerging' if zScore ≥ 1.96 and the share rose, 'fading' if zScore ≤ −1.96 and it
//   fell, else 'steady'. Score and direction are both 95% tests, so they agree except at the margin.
import type { Granularity, PeriodRow, PeriodTotal, ThemeTrend, TrendDirection } from '../types.js';

/** The default "after" window and the baseline's length as a multiple of it, per granularity. */
export const TREND_WINDOWS: Record<Granularity, { after: number; baselineRatio: number }> = {
  month: { after: 3, baselineRatio: 4 },
  quarter: { after: 2, baselineRatio: 4 },
  year: { after: 2, baselineRatio: 2.5 }
};
export const Z_CRITICAL = 1.96;

/** The "after" window in periods: the configured one, or the granularity's default for 'auto'. */
export function trendWindow(granularity: Granularity, configured: number | 'auto'): number {
  return configured === 'auto' ? TREND_WINDOWS[granularity].after : configured;
}

/**
 * The periods of the two windows, oldest first: `after` = the last `window` complete periods of the
 * granularity, `before` = up to round(baselineRatio × window) complete periods just before them.
 * Partial periods are in neither. The dashboard names the windows' months from this same function.
 */
export function trendWindowPeriods<T extends Pick<PeriodTotal, 'period' | 'granularity' | 'partial'>>(
  totals: T[], granularity: Granularity, window: number): { before: T[]; after: T[] } {
  const baseline = Math.round(TREND_WINDOWS[granularity].baselineRatio * window);
  const complete = totals.filter((t) => t.granularity === granularity && !t.partial).sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
  const n = complete.length;
  return {
    after: complete.slice(Math.max(0, n - window)),
    before: complete.slice(Math.max(0, n - window - baseline), Math.max(0, n - window))
  };
}

export function scoreTrends(periods: PeriodRow[], totals: PeriodTotal[], k: number,
  options: { granularity: Granularity; window: number }): ThemeTrend[] {
  const { granularity, window } = options;
  if (!(Number.isInteger(window) && window >= 1)) throw new Error(`scoreTrends: window must be a positive integer, got ${window}`);
  const { before, after } = trendWindowPeriods(totals, granularity, window);
  const afterSet = new Set(after.map((t) => t.period));
  const beforeSet = new Set(before.map((t) => t.period));
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  for (const row of periods) {
    if (row.granularity !== granularity) continue;
    if (!(row.themeId >= 0 && row.themeId < k)) throw new Error(`scoreTrends: period row has theme ${row.themeId}, outside 0..${k - 1}`);
    if (afterSet.has(row.period)) a[row.themeId] += row.papers;
    else if (beforeSet.has(row.period)) b[row.themeId] += row.papers;
  }
  const sumAfter = after.reduce((s, t) => s + t.papers, 0);
  const sumBefore = before.reduce((s, t) => s + t.papers, 0);
  return Array.from({ length: k }, (_, theme) => ({
    ...scoreTheme(theme, a[theme], sumAfter, b[theme], sumBefore, after.length), windowGranularity: granularity
  }));
}

/** One theme's trend from its counts; the formulas are in the header comment. */
export function scoreTheme(themeId: number, a: number, A: number, b: number, B: number, window: number): Omit<ThemeTrend, 'windowGranularity'> {
  const shareAfter = A > 0 ? a / A : 0;
  const shareBefore = B > 0 ? b / B : 0;
  const base = { themeId, window, shareBefore, shareAfter, papersBefore: b, papersAfter: a };
  if (A === 0 || B === 0) return { ...base, emergingScore: 0, direction: 'steady', zScore: 0, growth: 0 };
  const N = A + B;
  const sA = shareAfter + 1 / N;
  const sB = shareBefore + 1 / N;
  const p = (a + b) / N;
  const seZ = Math.sqrt(p * (1 - p) * (1 / A + 1 / B));
  const zScore = seZ > 0 ? (shareAfter - shareBefore) / seZ : 0;
  const L = Math.log2(sA / sB);
  const seL = Math.sqrt(Math.max(0, (1 - sA) / (A * sA)) + Math.max(0, (1 - sB) / (B * sB))) / Math.LN2;
  const margin = Math.max(0, Math.abs(L) - Z_CRITICAL * seL);
  const emergingScore = margin === 0 ? 0 : Math.sign(L) * margin;
  return { ...base, emergingScore, direction: directionOf(zScore, shareAfter - shareBefore), zScore, growth: sA / sB - 1 };
}

/** emerging or fading when z passes Z_CRITICAL and the change (of share, or of its log ratio) agrees in sign; else steady. */
export function directionOf(z: number, change: number): TrendDirection {
  if (z >= Z_CRITICAL && change > 0) return 'emerging';
  if (z <= -Z_CRITICAL && change < 0) return 'fading';
  return 'steady';
}

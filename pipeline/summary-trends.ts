// Owns the part of the CLI's closing summary that says which themes move: each trend as it is read
// (trends/coverage.ts readTrend) and classed as the dashboard and the exports class it
// (trends/trend-class.ts), strongest first, or why no trend could be measured.
import { shownLabel } from './quality/shown-label.js';
import type { RunData } from './store/run-data.js';
import { readTrend } from './trends/coverage.js';
import { trendWindowPeriods } from './trends/emerging.js';
import { classOfTrend, directionWords, ratesIn, TREND_CLASS_TEXT, type TrendClass } from './trends/trend-class.js';

/** A share as the CLI's summaries print it: one decimal, "12.3%" (pipeline, trends and assign alike). */
export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** A count as every summary line writes it: 2,097. */
export const count = (n: number) => n.toLocaleString('en-US');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Papers per period for reading: one decimal under 10, whole numbers above ("—" without a window). */
function rateText(rate: number | null): string {
  return rate === null ? '—' : rate < 10 ? rate.toFixed(1) : Math.round(rate).toLocaleString('en-US');
}

/** "3 complete months", "complete year" (read after "the last"). */
function periodsText(n: number, unit: string): string {
  return n === 1 ? `complete ${unit}` : `${n} complete ${unit}s`;
}

/**
 * Why no theme can be emerging or fading, when none can: no dated paper in the recent window or none
 * before it (two years of year-dated papers, no date column). Null when both sides have papers, so
 * "(none significant)" is then a finding, not a lack of history.
 */
export function unmeasuredTrends(trends: readonly { window: number; papersBefore: number; papersAfter: number }[], window: string,
  dated = 0): string | null {
  const before = trends.reduce((s, t) => s + t.papersBefore, 0);
  const after = trends.reduce((s, t) => s + t.papersAfter, 0);
  if (trends.length > 0 && trends[0].window > 0 && before > 0 && after > 0) return null;
  if (before === 0 && after === 0) {
    // Dated papers that all fall in partial periods (nine days of one month) are no undated ones.
    return dated > 0 ? `the ${dated.toLocaleString('en-US')} dated papers fall in no complete period the trends compare (a period the data ` +
      'covers only part of is left out, and a date coarser than the periods is not counted: see the warnings and README "Dates")'
      : 'no paper has a date the trends can count (undated, or too coarse: see the warnings and README "Dates")';
  }
  return after === 0 ? `no dated paper in the last ${window}, the recent window` :
    `no dated paper before the last ${window}: a trend needs a baseline (${trends[0]?.window > 1 ? 'a shorter --emerging-window, or ' : ''}older papers)`;
}

/**
 * The summary's lines on moving themes: emerging, shrinking slower than the field, fading, growing
 * slower than the field, and those moving only with the corpus's coverage, at most 5 of each, each
 * with its share, papers per period, z and score as read (over the categories held throughout where
 * it is read there, all papers' beside them).
 */
export function formatTrends(run: Pick<RunData, 'themes' | 'totals' | 'papers' | 'metrics'>): string[] {
  const out: string[] = [];
  const trend = run.themes[0]?.trend;
  const windows = trend ? trendWindowPeriods(run.totals, trend.windowGranularity, trend.window) : { before: [], after: [] };
  const periods = { before: windows.before.length, after: windows.after.length };
  const unit = trend?.windowGranularity ?? 'month';
  const read = run.themes.map((t) => ({ t, r: readTrend(t.trend), c: classOfTrend(t.trend, periods) }))
    .sort((a, b) => b.r.emergingScore - a.r.emergingScore);
  const fmt = ({ t, r }: (typeof read)[number]) => {
    const c = r.basis === 'covered' ? t.trend.covered! : null;
    const [before, after] = c ? [c.shareBefore, c.shareAfter] : [t.trend.shareBefore, t.trend.shareAfter];
    const rates = ratesIn(c ?? t.trend, periods);
    const line = `  ${shownLabel(t)} — share ${pct(before)} → ${pct(after)}, ` +
      `${rateText(rates.before)} → ${rateText(rates.after)} papers a ${unit}, z ${r.zScore.toFixed(1)}, score ${r.emergingScore.toFixed(2)}`;
    if (r.basis === 'all') return line;
    // Read there: the shares above are those categories' and all papers' follow; else (moves with coverage) their direction.
    // Each direction in the words of its class, so no "emerging" is said of papers per period that fell.
    const covered = t.trend.covered!;
    return `${line} (within the categories held throughout: ${pct(covered.share)} of its papers` +
      `${c ? '' : `, ${directionWords(covered.direction, ratesIn(covered, periods))}`}; ` +
      `all papers: ${directionWords(t.trend.direction, ratesIn(t.trend, periods))}` +
      `${c ? `, share ${pct(t.trend.shareBefore)} → ${pct(t.trend.shareAfter)}` : ''}, ` +
      `z ${t.trend.zScore.toFixed(1)}, score ${t.trend.emergingScore.toFixed(2)})`;
  };
  const window = trend ? periodsText(trend.window, trend.windowGranularity) : '0 complete periods';
  const undated = (run.metrics.datePrecision as { undated?: number } | undefined)?.undated ?? 0;
  const unmeasured = unmeasuredTrends(run.themes.map((t) => t.trend), window, run.papers.length - undated);
  if (unmeasured !== null) return ['', `Emerging and fading: not measured — ${unmeasured}`];
  // Strongest first: rising shares by the highest score, falling ones by the lowest.
  const of = (c: TrendClass) => (c === 'fading' || c === 'slower' ? [...read].reverse() : read).filter((x) => x.c === c).slice(0, 5);
  const [emerging, holding, fading, slower] = [of('emerging'), of('holding'), of('fading'), of('slower')];
  out.push('', `Top emerging (last ${window} vs before):`);
  // A rising share on fewer papers per period is no growth (the field shrank faster), nor a falling one on more a fade.
  out.push(...(emerging.length ? emerging.map(fmt)
    : [holding.length ? `  (none: every significant rise of share came with fewer papers per ${unit}, below)` : '  (none significant)']));
  if (holding.length) out.push(`${capitalise(TREND_CLASS_TEXT.holding)} (share rose, fewer papers per ${unit}):`, ...holding.map(fmt));
  out.push('Top fading:');
  out.push(...(fading.length ? fading.map(fmt)
    : [slower.length ? `  (none: every significant fall of share came with more papers per ${unit}, below)` : '  (none significant)']));
  if (slower.length) out.push(`${capitalise(TREND_CLASS_TEXT.slower)} (share fell, more papers per ${unit}):`, ...slower.map(fmt));
  const bound = read.filter((x) => x.r.basis === 'coverage');
  if (bound.length > 0) {
    out.push('Moving only with the corpus\'s coverage (too few papers in the categories held throughout to read a trend; see the coverage warning):');
    out.push(...bound.slice(0, 5).map(fmt));
  }
  return out;
}

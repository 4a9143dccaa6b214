// Owns the warning channel: soft problems (records skipped, themes with very few papers, a k the
// data barely supports) are collected here instead of thrown, and reach the CLI summary and
// `runs.metrics.warnings`.
import { describeChange, readTrend, type CoverageChange } from './trends/coverage.js';
import type { ThemeTrend } from './types.js';
import { classOfDirection, ratesIn, TREND_CLASS_TEXT } from './trends/trend-class.js';
import { trendWindowPeriods } from './trends/emerging.js';
import type { Stragglers, Trends } from './trends/index.js';

export type WarningCode = 'input' | 'skipped-records' | 'small-themes' | 'k-too-large' | 'k-range-cut'
  /** A file's day-written dates read as years or months (ingest/date-precision.ts). */
  | 'coarse-dates'
  /** Papers with no term of the vocabulary: placed in a theme by no word of theirs. */
  | 'no-terms'
  /** Categories the corpus holds only part of the trend windows (trends/coverage.ts). */
  | 'coverage'
  /** The map's recall check failed after the places were made: the run is stored with mapRecall10 NULL. */
  | 'map-recall'
  /** A few dated papers far apart from the rest, left out of the periods (trends/periods.ts). */
  | 'date-stragglers';

export interface RunWarning {
  code: WarningCode;
  /** One line for a person: what happened and what to do about it. */
  message: string;
  /**
   * The `npm run assign` batch whose recomputed run it was said of (a coverage, k or theme-size
   * warning the batch replaced: replaceRecomputedWarnings); absent: said of the run as it was made.
   */
  batch?: number;
}

/** A theme with fewer papers than this is flagged: too few to name or to trend reliably. */
export const MIN_THEME_PAPERS = 5;
/** Below this many papers per theme on average, k is larger than the data supports well. */
export const MIN_MEAN_THEME_PAPERS = 10;

/** Collects warnings in the order stages raise them. */
export class Warnings {
  readonly list: RunWarning[] = [];
  add(code: WarningCode, message: string): void {
    this.list.push({ code, message });
  }
}

/** The warnings that follow from a finished clustering: k against the data, and themes too small to trust. */
export function warnAboutThemes(warnings: Warnings, nPapers: number, sizes: ArrayLike<number>): void {
  const k = sizes.length;
  if (nPapers < k * MIN_MEAN_THEME_PAPERS) {
    warnings.add('k-too-large',
      `k = ${k} for ${nPapers} papers leaves ${(nPapers / k).toFixed(1)} papers per theme on average ` +
        `(fewer than ${MIN_MEAN_THEME_PAPERS}); a smaller --k gives themes worth naming`);
  }
  const small: string[] = [];
  for (let t = 0; t < k; t++) if (sizes[t] < MIN_THEME_PAPERS) small.push(`${t} (${sizes[t]})`);
  if (small.length > 0) {
    warnings.add('small-themes',
      `${small.length} theme${small.length === 1 ? ' has' : 's have'} fewer than ${MIN_THEME_PAPERS} papers: ` +
        `theme ${small.join(', ')}`);
  }
}

/**
 * Papers whose TF-IDF row is empty (every word of theirs pruned as too rare or too common, or none
 * English) have a theme that no word of theirs chose: similarity 0 to it, a weak member. Says how
 * many, where they went and the first one's title.
 */
export function warnAboutEmptyPapers(warnings: Warnings, indptr: Uint32Array, assignments: ArrayLike<number>,
  titleOf: (i: number) => string, labelOf: (theme: number) => string): void {
  const themes = new Map<number, number>();
  let first = -1;
  for (let i = 0; i + 1 < indptr.length; i++) {
    if (indptr[i + 1] !== indptr[i]) continue;
    if (first < 0) first = i;
    themes.set(assignments[i], (themes.get(assignments[i]) ?? 0) + 1);
  }
  if (first < 0) return;
  const n = [...themes.values()].reduce((a, b) => a + b, 0);
  const where = [...themes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, m]) => `${m} in "${labelOf(t)}"`).join(', ');
  warnings.add('no-terms', `${n} paper${n === 1 ? ' has' : 's have'} no term of the vocabulary (every word too rare or too common ` +
    `for --min-df/--max-df, or not English), so no word of ${n === 1 ? 'its' : 'theirs'} placed ${n === 1 ? 'it' : 'them'}: ` +
    `${where}${themes.size > 3 ? ', …' : ''}, with similarity 0, as weak members (first: "${titleOf(first)}")`);
}

/**
 * The corpus holds some categories only part of the trend windows: which, how many papers the trends
 * set aside for it, the themes that move only with it, and those whose trend reads otherwise over the
 * categories held throughout (trends/coverage.ts readTrend), so that nobody reads the former as trends.
 */
export function warnAboutCoverage(warnings: Warnings, changes: readonly CoverageChange[],
  themes: readonly { label: string; trend: Pick<ThemeTrend, 'direction' | 'emergingScore' | 'zScore' | 'covered' | 'papersBefore' | 'papersAfter'> }[],
  periods: { before: number; after: number }): void {
  if (changes.length === 0) return;
  const shown = changes.slice(0, 6).map(describeChange).join('; ');
  const more = changes.length > 6 ? `; and ${changes.length - 6} more (table coverage_changes)` : '';
  const aside = changes.reduce((n, c) => n + c.papers, 0);
  // Every theme named: the warning is all /runs shows of it, and a list cut with "…" left the rest unseen.
  const list = (xs: readonly { label: string }[]) => xs.map((t) => t.label).join('; ');
  const bound = themes.filter((t) => readTrend(t.trend).basis === 'coverage');
  // Each reading in the words of its class (trends/trend-class.ts), as the pages and reads_as word it:
  // "steady → shrinking slower than the field", not the share test's "steady → emerging".
  const words = (t: (typeof themes)[number]) => [TREND_CLASS_TEXT[classOfDirection(t.trend.direction, ratesIn(t.trend, periods))],
    TREND_CLASS_TEXT[classOfDirection(t.trend.covered!.direction, ratesIn(t.trend.covered!, periods))]];
  const reread = themes.filter((t) => readTrend(t.trend).basis === 'covered').map((t) => ({ label: t.label, said: words(t) }))
    .filter((t) => t.said[0] !== t.said[1]);
  const parts = [
    bound.length === 0 ? 'no theme moves only with it' : `${bound.length} moving only with it (too few of their papers in the categories held ` +
      `throughout to read a trend): ${list(bound)}`,
    reread.length === 0 ? '' : `${reread.length} reading otherwise over the categories held throughout than over all papers: ` +
      list(reread.map((t) => ({ label: `${t.label} (${t.said[0]} → ${t.said[1]})` })))
  ].filter((p) => p !== '');
  warnings.add('coverage', `the corpus holds some primary categories (each paper counted under its first-listed one) only part of the trend windows — ${shown}${more}. ` +
    `Trends are read over the categories held throughout (themes.covered_*; ${aside.toLocaleString('en-US')} papers of the windows set aside); ` +
    parts.join('; '));
}

/** Papers left out of the periods as stragglers (trends/periods.ts): said, so that no one wonders where they went. */
export function warnAboutStragglers(warnings: Warnings, stragglers: Stragglers | null): void {
  if (stragglers === null) return;
  const { papers, from, to } = stragglers;
  const which = papers === 1 ? `1 paper dated ${from} lies` : `${papers.toLocaleString('en-US')} papers dated ${from} … ${to} lie`;
  warnings.add('date-stragglers', `${which} far apart from the rest of the run's dates: ${papers === 1 ? 'it is' : 'they are'} left out of the periods, ` +
    `the charts and the trends (not to stretch them over empty periods), and kept in ${papers === 1 ? 'its theme' : 'their themes'} and the Papers list`);
}

/** The trend windows' lengths in periods (trends/emerging.ts trendWindowPeriods), as the themes' trends were scored. */
export function windowLengths(trend: Pick<Trends, 'totals' | 'trends'>): { before: number; after: number } {
  const first = trend.trends[0];
  if (first === undefined) return { before: 0, after: 0 };
  const { before, after } = trendWindowPeriods(trend.totals, first.windowGranularity, first.window);
  return { before: before.length, after: after.length };
}

/**
 * The warnings of a run that say how the run is now, not how its input was: its coverage and
 * stragglers warnings (said of the trends) and its k and theme-size warnings (said of the themes' sizes). `npm run
 * assign` recomputes both, so it says them again.
 */
export const RECOMPUTED_WARNINGS: ReadonlySet<string> = new Set(['coverage', 'k-too-large', 'small-themes', 'date-stragglers']);

/**
 * A run's stored warnings (runs.metrics.warnings) once `npm run assign` has recomputed its trends and
 * theme sizes: those of RECOMPUTED_WARNINGS, said of the run as it was, give way to `fresh`, said of
 * it now (marked with `batch`), in the place of the first (at the end when there was none); the
 * others — the clustering's input and empty-paper warnings — are kept as they were. `stored` is the
 * JSON value as stored; anything but an array counts as no warnings.
 */
export function replaceRecomputedWarnings(stored: unknown, fresh: readonly RunWarning[], batch: number): unknown[] {
  const list: unknown[] = Array.isArray(stored) ? stored : [];
  const recomputed = (w: unknown) => w !== null && typeof w === 'object' && RECOMPUTED_WARNINGS.has(String((w as { code?: unknown }).code));
  const at = list.findIndex(recomputed);
  const kept = list.filter((w) => !recomputed(w));
  const place = at < 0 ? kept.length : at; // the ones before the first recomputed warning are all kept
  return [...kept.slice(0, place), ...fresh.map((w) => ({ ...w, batch })), ...kept.slice(place)];
}

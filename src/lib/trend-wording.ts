// Owns how a trend is put into words: the months of the two windows the trends stage compared, the
// partial periods left out of both (and the dates they cover), papers per period in each window, and
// the class a page shows. The windows come from the pipeline's own trendWindowPeriods; the classes and
// their words are the pipeline's trends/trend-class.ts, the one rule the CLI summaries and the exports'
// reads_as also use:
//   emerging — share rose significantly (two-proportion z ≥ 1.96) AND output did not fall (rate after ≥ rate before)
//   holding  — share rose significantly while output fell: "shrinking slower than the field"
//   fading   — share fell significantly AND output did not grow (rate after ≤ rate before)
//   slower   — share fell significantly while output grew: "growing slower than the field"
//   steady   — no significant change of share
//   coverage — emerging or fading over all papers, but fewer than half of its papers in the windows
//              are in categories the corpus holds throughout them: it moves with what the corpus
//              holds, no trend can be read (pipeline trends/coverage.ts trendBasis 'coverage')
// (rate = papers of the theme in a window / periods in that window, so windows of unequal length
// compare fairly.)
// Where the corpus holds some categories only part of the windows and those held throughout hold
// half of a theme's papers or more, its class is read over those (trendBasis 'covered'): direction,
// score and z are theirs, and so are the shares and papers shown beside them (readFigures, readPapers),
// and the page says so.
import type { Granularity, TrendDirection } from '../../pipeline/types.js';
import { trendBasis, type TrendBasis } from '../../pipeline/trends/coverage.js';
import { directionOf, trendWindowPeriods } from '../../pipeline/trends/emerging.js';
import { classOfDirection, directionWords, ratesIn, TREND_CLASS_TEXT, type TrendClass } from '../../pipeline/trends/trend-class.js';
import { formatPeriod } from './charts/periods.js';

export { TREND_CLASS_TEXT, type TrendClass };

/** A period left out of both windows because the data covers only part of it. */
export interface LeftOutPeriod {
  period: string;
  papers: number;
  /** First and last covered day (ISO) of the period. */
  from: string;
  to: string;
}

export interface TrendWindows {
  granularity: Granularity;
  /** Period starts (ISO), oldest first. */
  before: string[];
  after: string[];
  leftOut: LeftOutPeriod[];
}

export interface TrendFigures {
  direction: TrendDirection;
  papersBefore: number;
  papersAfter: number;
  /** themes.covered_share and covered_direction: null (or absent) when the corpus holds every category throughout. */
  coveredShare?: number | null;
  coveredDirection?: TrendDirection | null;
  /** themes.covered_papers_before/after: its papers of those categories (null, or absent, in runs before them). */
  coveredPapersBefore?: number | null;
  coveredPapersAfter?: number | null;
}

/** The shares a trend compares, and their twins over the categories held throughout (themes.covered_share_before/after). */
export interface TrendShares {
  shareBefore: number;
  shareAfter: number;
  coveredShareBefore?: number | null;
  coveredShareAfter?: number | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Last day (ISO) of the period starting at `start`. */
export function periodEnd(start: string, granularity: Granularity): string {
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const months = granularity === 'month' ? 1 : granularity === 'quarter' ? 3 : 12;
  return new Date(Date.UTC(y, m - 1 + months, 0)).toISOString().slice(0, 10);
}

/**
 * The windows at `granularity` with `window` periods after (themes.window_months), from the run's
 * period totals, and every partial period with the part of it the data [dateMin, dateMax] covers.
 */
export function describeWindows(totals: { period: string; papers: number; partial: boolean }[], granularity: Granularity,
  window: number, dates: { min: string | null; max: string | null }): TrendWindows {
  const rows = totals.map((t) => ({ ...t, granularity }));
  const { before, after } = window >= 1 ? trendWindowPeriods(rows, granularity, window) : { before: [], after: [] };
  const leftOut = totals.filter((t) => t.partial).map((t) => {
    const end = periodEnd(t.period, granularity);
    const from = dates.min !== null && dates.min > t.period ? dates.min : t.period;
    const to = dates.max !== null && dates.max < end ? dates.max : end;
    return { period: t.period, papers: t.papers, from, to };
  });
  return { granularity, before: before.map((t) => t.period), after: after.map((t) => t.period), leftOut };
}

/** Papers per period of the theme in each window (null for an empty window). */
export function ratesOf(t: Pick<TrendFigures, 'papersBefore' | 'papersAfter'>, w: TrendWindows): { before: number | null; after: number | null } {
  return ratesIn(t, { before: w.before.length, after: w.after.length });
}

/** What a theme's (or an area's) trend is read from: all papers, the categories held throughout, or neither (trendBasis). */
export function basisOf(t: Pick<TrendFigures, 'direction' | 'coveredShare' | 'coveredDirection'>): TrendBasis {
  const covered = t.coveredShare === null || t.coveredShare === undefined || !t.coveredDirection ? null
    : { share: t.coveredShare, direction: t.coveredDirection };
  return trendBasis({ direction: t.direction, covered });
}

/** All papers' figures of a row whose trend is read over the categories held throughout (readFigures). */
export interface AllPapersFigures {
  direction: TrendDirection;
  emergingScore: number;
  zScore: number;
  shareBefore: number;
  shareAfter: number;
  papersBefore: number;
  papersAfter: number;
}

/**
 * A row's figures as its trend is read: over the categories held throughout where basisOf says so —
 * direction, score and z, and the shares and papers they compare, so no share shown beside a class is
 * another population's — all papers' kept apart in `all`. `shown` says whose shares and papers the row
 * holds: 'covered' only where the run stored them (themes.covered_share_before…); a run stored before
 * them keeps all papers' ('all'), and a page must then say so rather than call them the covered ones.
 */
export function readFigures<T extends TrendFigures & TrendShares & { emergingScore: number; zScore: number; coveredScore?: number | null;
  coveredZ?: number | null }>(t: T): T & { basis: TrendBasis; shown: 'covered' | 'all'; all: AllPapersFigures } {
  const basis = basisOf(t);
  const all = { direction: t.direction, emergingScore: t.emergingScore, zScore: t.zScore, shareBefore: t.shareBefore, shareAfter: t.shareAfter,
    papersBefore: t.papersBefore, papersAfter: t.papersAfter };
  if (basis !== 'covered') return { ...t, basis, shown: 'all', all };
  const read = { ...t, basis, all, direction: t.coveredDirection!, emergingScore: t.coveredScore ?? 0, zScore: t.coveredZ ?? 0 };
  const [shares, papers] = [coveredShares(t), coveredPapers(t)];
  return shares && papers ? { ...read, shown: 'covered', ...shares, ...papers } : { ...read, shown: 'all' };
}

/** Its shares within the categories held throughout (themes.covered_share_before/after); null where the run did not store them. */
function coveredShares(t: TrendShares): Pick<TrendShares, 'shareBefore' | 'shareAfter'> | null {
  return t.coveredShareBefore === null || t.coveredShareBefore === undefined || t.coveredShareAfter === null || t.coveredShareAfter === undefined
    ? null : { shareBefore: t.coveredShareBefore, shareAfter: t.coveredShareAfter };
}

/** Its papers of the categories held throughout in each window (themes.covered_papers_before/after); null where the run did not store them. */
export function coveredPapers(t: TrendFigures): Pick<TrendFigures, 'papersBefore' | 'papersAfter'> | null {
  return t.coveredPapersBefore === null || t.coveredPapersBefore === undefined || t.coveredPapersAfter === null || t.coveredPapersAfter === undefined
    ? null : { papersBefore: t.coveredPapersBefore, papersAfter: t.coveredPapersAfter };
}

/**
 * The papers a trend is read over: its papers of the categories held throughout where basisOf says
 * 'covered' (and the run stored them), else all its papers. "Growing slower than the field" is told
 * from "fading", and "shrinking slower than the field" from "emerging", by these, so the class and the
 * papers per period shown beside it agree.
 */
export function readPapers(t: TrendFigures): Pick<TrendFigures, 'papersBefore' | 'papersAfter'> {
  return (basisOf(t) === 'covered' ? coveredPapers(t) : null) ?? { papersBefore: t.papersBefore, papersAfter: t.papersAfter };
}

/**
 * A direction in the words of the classes (trend-class.ts): "fading" while the theme's papers per
 * period grew reads "growing slower than the field", "emerging" while they fell "shrinking slower than
 * the field", as classifyTrend says it, so no sentence calls emerging or fading what the badge beside
 * it does not.
 */
export function directionText(direction: TrendDirection, t: Pick<TrendFigures, 'papersBefore' | 'papersAfter'>, w: TrendWindows): string {
  return directionWords(direction, ratesOf(t, w));
}

/** The class shown for a theme (or an area): see the header for the rule. */
export function classifyTrend(t: TrendFigures, w: TrendWindows): TrendClass {
  const basis = basisOf(t);
  if (basis === 'coverage') return 'coverage';
  const direction: TrendDirection = basis === 'covered' ? t.coveredDirection! : t.direction;
  return classOfDirection(direction, ratesOf(readPapers(t), w));
}

/**
 * The partial period (one the data covers only in part) a burst starts in, or ends in when it has
 * ended, if any: its share there rests on a few days' papers, so the page says so.
 */
export function burstPartialPeriod(b: { startPeriod: string; endPeriod: string; ongoing: boolean }, partial: readonly LeftOutPeriod[]): LeftOutPeriod | null {
  return partial.find((p) => p.period === b.startPeriod || (!b.ongoing && p.period === b.endPeriod)) ?? null;
}

/**
 * `&from=…&to=…&granularity=…` of the after window for a /papers link, so it lists the papers a note
 * counts in that window ('' without one): its periods hold only dates at least that precise (a year-only
 * date is in no month), the rule both sides take from src/lib/server/date-window.ts.
 */
export function afterWindowQuery(w: Pick<TrendWindows, 'after' | 'granularity'>): string {
  return w.after.length === 0 ? '' : `&from=${w.after[0]}&to=${periodEnd(w.after.at(-1)!, w.granularity)}&granularity=${w.granularity}`;
}

/** "Apr 2025 – Mar 2026 (12 months)", "Q3 2025 (1 quarter)", "none". */
export function windowText(periods: string[], granularity: Granularity): string {
  if (periods.length === 0) return 'none';
  const first = formatPeriod(periods[0], granularity);
  const last = formatPeriod(periods[periods.length - 1], granularity);
  const n = `${periods.length} ${granularity}${periods.length === 1 ? '' : 's'}`;
  return periods.length === 1 ? `${first} (${n})` : `${first} – ${last} (${n})`;
}

/** "18 Mar 2025" from an ISO day. */
export function formatDay(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** "Jul 2026 (data only 1 Jul 2026 – 1 Jul 2026, 300 papers)" for each partial period, joined. */
export function leftOutText(w: TrendWindows): string {
  return w.leftOut
    .map((p) => {
      const span = p.from === p.to ? formatDay(p.from) : `${formatDay(p.from)} – ${formatDay(p.to)}`;
      return `${formatPeriod(p.period, w.granularity)} (data covers only ${span}; ${p.papers.toLocaleString('en-US')} papers)`;
    })
    .join(', ');
}

/** A papers-per-period rate for reading: one decimal under 10, whole numbers above. */
export function formatRate(rate: number | null, decimals: number | null = null): string {
  if (rate === null) return '—';
  const places = decimals ?? (rate < 10 ? 1 : 0);
  return rate.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
}

/**
 * A rate before and after, written "before → after" with as many decimals (up to two) as it takes to
 * tell unequal rates apart: 20.9 and 20.7 a month are "20.9 → 20.7", not "21 → 21" under a heading of
 * fewer papers.
 */
export function formatRatePair(before: number | null, after: number | null): string {
  if (before === null || after === null) return `${formatRate(before)} → ${formatRate(after)}`;
  // Both at the finer default of the two (9.99 → 10.01 is not "10.0 → 10"), then finer while they read alike.
  let places = Math.min(before, after) < 10 ? 1 : 0;
  while (places < 2 && before !== after && formatRate(before, places) === formatRate(after, places)) places++;
  return `${formatRate(before, places)} → ${formatRate(after, places)}`;
}

/**
 * The change of share the data supports at least (trends/emerging.ts: emergingScore is the log2 change
 * at the end of its 95% interval nearest to 0), as a percentage: "≥ +140%" (2^1.26 − 1), "≤ −33%"
 * (2^−0.58 − 1), "> 0%" for one under half a percent, "0%" when the interval holds no change. This is
 * what the lists are sorted by.
 */
export function formatSupportedChange(score: number): string {
  const percent = Math.round((2 ** score - 1) * 100);
  // A change the interval just supports (an emerging theme at z = 2.0) is no "0%": it is above 0.
  if (percent === 0) return score > 0 ? '> 0%' : score < 0 ? '< 0%' : '0%';
  return percent > 0 ? `≥ +${percent.toLocaleString('en-US')}%` : `≤ −${Math.abs(percent)}%`;
}

/** One order for every movers list: the strongest supported change of share first (|score|), ties by id. */
export function byStrength<T extends { emergingScore: number; themeId: number }>(a: T, b: T): number {
  return Math.abs(b.emergingScore) - Math.abs(a.emergingScore) || a.themeId - b.themeId;
}

/** What mixTurned reads: the category-by-category shares and z, its papers of those categories and all themes' together. */
export interface CoveredMix {
  coveredZ: number | null;
  coveredShareBefore: number | null;
  coveredShareAfter: number | null;
  coveredPapersBefore: number | null;
  coveredPapersAfter: number | null;
  coveredTotalBefore: number | null;
  coveredTotalAfter: number | null;
}

/**
 * Its share of the categories held throughout, their papers taken together (not standardised), before
 * and after; with `turned` when the category-by-category share moved significantly the other way
 * (directionOf: |z| ≥ 1.96), which the pipeline reads as steady (trends/coverage.ts scoreWithinCategories): the
 * mix of categories alone turned it. Null without the figures.
 */
export function mixTurned(t: CoveredMix): { before: number; after: number; turned: boolean } | null {
  const { coveredPapersBefore: b, coveredPapersAfter: a, coveredTotalBefore: B, coveredTotalAfter: A } = t;
  if (b === null || a === null || !B || !A || t.coveredShareBefore === null || t.coveredShareAfter === null) return null;
  const [before, after] = [b / B, a / A];
  const change = t.coveredShareAfter - t.coveredShareBefore;
  // A direction the category-by-category share alone would give (emerging.ts directionOf), which the categories' papers together do not follow.
  const turned = t.coveredZ !== null && directionOf(t.coveredZ, change) !== 'steady' && Math.sign(after - before) !== Math.sign(change);
  return { before, after, turned };
}

// Papers per theme and period (month, quarter, year), each as a share of all papers of that period,
// with zero rows for gaps and a `partial` flag where the data covers only part of a period.
//
// Counting: a paper counts at a granularity only if its date is at least that precise — day and
// month dates count at month, quarter and year; year-only dates count only at year (a year-only
// date is never counted as January); undated papers are not counted.
// Range: every period from the first to the last counted period of that granularity, × every theme,
// leaving out stragglers (below).
// share = papers of the theme in the period / papers of the run in the period (0 when none).
//
// Coverage and `partial`: the papers of each precision are taken to cover [lo, hi], the span of
// their dates (day dates: earliest day to latest day; month dates cover their whole month, year dates
// their whole year). At a granularity the data covers the union of the spans of the precisions
// counted there (at month and quarter: day and month dates; at year: all three). A period
// [start, end] is complete when one covered interval holds [start + GRACE_DAYS, end − GRACE_DAYS],
// else partial: the data starts more than 3 days into it or stops more than 3 days before its end
// there. The grace keeps a month whose last days are a weekend without papers from being flagged.
// Examples: day data 2025-03-18..2026-07-01 → March 2025, Q1 2025, 2025, July 2026, Q3 2026 and
// 2026 are partial; year-only data 1990..2025 → no year is partial; the same day data plus
// year-only papers of 1990..2026 → 2025 and 2026 are complete years (year dates cover them), while
// March 2025 and July 2026 stay partial months.
//
// Stragglers: a few papers far from the rest at either end of the dates counted at a granularity (a
// reading list's five papers of 2023–2025 added to a feed that starts on 2025-03-18) would stretch
// every chart over periods of nothing, draw a lone paper as 100% of its month, and make the feed's
// first month look whole. The dates counted there, each the span of days it stands for, in order:
// within the first (last) STRAGGLER_SHARE of them, those before (after) the gap nearest the rest that
// is longer than max(STRAGGLER_MIN_GAP_DAYS, STRAGGLER_GAP_FACTOR × the median gap between dates that
// do not overlap) are stragglers. They do not count towards the coverage above, and the periods run
// from the rest's first date to its last, so a straggler in no such period is in no period row and
// no trend (one that shares the rest's first or last period still counts there). They stay in the
// run, their themes and the Papers list; the run's warnings and the Overview name them.
import { GRANULARITIES, type Granularity, type Paper, type PeriodRow, type PeriodTotal } from '../types.js';
import { dayNumber, daysInMonth, periodEndDay, periodStartDay, periodStartIso } from './calendar.js';
import { DATE_CODE, paperDates, type PaperDates } from './dates.js';

export const GRACE_DAYS = 3;
export const STRAGGLER_SHARE = 0.01;
export const STRAGGLER_MIN_GAP_DAYS = 7;
export const STRAGGLER_GAP_FACTOR = 10;

const { day: DAY, month: MONTH, year: YEAR } = DATE_CODE;

/** Dated papers in no period of a granularity, as stragglers (see above): how many, and their dates' range (each as precise as it is). */
export interface Stragglers {
  papers: number;
  from: string;
  to: string;
}

/** `dates`: paperDates(papers), when the caller has read them already. `stragglers`: per granularity, null when none. */
export function computePeriods(
  papers: Pick<Paper, 'published' | 'datePrecision'>[],
  assignments: Int32Array,
  k: number,
  dates: PaperDates = paperDates(papers)
): { periods: PeriodRow[]; totals: PeriodTotal[]; stragglers: Record<Granularity, Stragglers | null> } {
  if (assignments.length !== papers.length) {
    throw new Error(`computePeriods: ${papers.length} papers but ${assignments.length} assignments`);
  }
  const sorted = checkDated(papers, assignments, k, dates);
  const periods: PeriodRow[] = [];
  const totals: PeriodTotal[] = [];
  const stragglers: Record<Granularity, Stragglers | null> = { month: null, quarter: null, year: null };
  // Emitted in (granularity, period, theme) order — GRANULARITIES is month, quarter, year.
  for (const granularity of GRANULARITIES) {
    const covered = coveredSpans(sorted, PRECISIONS.filter((p) => counts(p, granularity)));
    stragglers[granularity] = countGranularity(dates, assignments, granularity, k, covered, periods, totals);
  }
  return { periods, totals, stragglers };
}

/**
 * Checks every theme is in 0..k-1 and every dated paper's date a YYYY-MM-DD one (else the error
 * for the first that is not), and gives per precision code its dates as yyyymmdd keys, ascending.
 */
function checkDated(papers: Pick<Paper, 'published'>[], assignments: Int32Array, k: number, { precision, key }: PaperDates): Int32Array[] {
  const keys: number[][] = [[], [], [], []];
  for (let i = 0; i < papers.length; i++) {
    const theme = assignments[i];
    if (!(theme >= 0 && theme < k)) throw new Error(`computePeriods: paper ${i} has theme ${theme}, outside 0..${k - 1}`);
    const p = precision[i];
    if (p === 0) continue;
    if (key[i] < 0) throw new Error(`computePeriods: paper ${i} has published "${papers[i].published}", not a YYYY-MM-DD date`);
    keys[p].push(key[i]);
  }
  return keys.map((list) => Int32Array.from(list).sort());
}

const toDay = (key: number) => dayNumber(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);

/**
 * The covered intervals (day numbers) of the dates of `precisions` (sorted keys per precision code):
 * each precision's dates span from its earliest to its latest date among those that are not
 * stragglers (bodyOf over all of them together), merged.
 */
function coveredSpans(sorted: Int32Array[], precisions: readonly number[]): Span[] {
  const days = precisions.map((p) => daySpans(sorted[p], p));
  // All the dates in order of their first day (each precision's list is in order already: merged).
  const n = days.reduce((sum, d) => sum + d.lo.length, 0);
  const [lo, hi, code] = [new Int32Array(n), new Int32Array(n), new Uint8Array(n)];
  const at = precisions.map(() => 0);
  for (let i = 0; i < n; i++) {
    let q = -1;
    for (let r = 0; r < precisions.length; r++) if (at[r] < days[r].lo.length && (q < 0 || days[r].lo[at[r]] < days[q].lo[at[q]])) q = r;
    [lo[i], hi[i], code[i]] = [days[q].lo[at[q]], days[q].hi[at[q]], precisions[q]];
    at[q]++;
  }
  if (n === 0) return [];
  const [a, b] = bodyOf(lo, hi);
  const spans: Span[] = [];
  for (const p of precisions) {
    let span: Span | null = null;
    for (let i = a; i <= b; i++) {
      if (code[i] !== p) continue;
      if (span === null) span = { lo: lo[i], hi: hi[i] };
      else span.hi = Math.max(span.hi, hi[i]);
    }
    if (span !== null) spans.push(span);
  }
  return mergeSpans(spans);
}

/** The first and last day (day numbers) each date of `sorted` (ascending keys of one precision) stands for: one conversion per distinct date. */
function daySpans(sorted: Int32Array, precision: number): { lo: Int32Array; hi: Int32Array } {
  const [lo, hi] = [new Int32Array(sorted.length), new Int32Array(sorted.length)];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) [lo[i], hi[i]] = [lo[i - 1], hi[i - 1]];
    else [lo[i], hi[i]] = spanOf(sorted[i], precision).map(toDay);
  }
  return { lo, hi };
}

/**
 * The first and last index of the dates that are not stragglers (see the head of this file); date i
 * stands for days lo[i]..hi[i], ascending by lo.
 */
export function bodyOf(lo: Int32Array, hi: Int32Array = lo): [number, number] {
  const n = lo.length;
  const cap = Math.floor(n * STRAGGLER_SHARE);
  if (cap === 0) return [0, n - 1];
  // gapBefore[j]: days from the end of every date before j to the start of date j (≤ 0: they overlap).
  const gapBefore = new Int32Array(n);
  let end = hi[0];
  for (let j = 1; j < n; j++) {
    gapBefore[j] = lo[j] - end;
    end = Math.max(end, hi[j]);
  }
  const gaps = Array.from(gapBefore.subarray(1)).filter((g) => g > 0).sort((x, y) => x - y);
  if (gaps.length === 0) return [0, n - 1];
  const limit = Math.max(STRAGGLER_MIN_GAP_DAYS, STRAGGLER_GAP_FACTOR * gaps[Math.floor((gaps.length - 1) / 2)]);
  let [a, b] = [0, n - 1];
  for (let j = cap; j >= 1; j--) {
    if (gapBefore[j] > limit) {
      a = j;
      break;
    }
  }
  for (let j = n - cap; j < n; j++) {
    if (gapBefore[j] > limit) {
      b = j - 1;
      break;
    }
  }
  return [a, b];
}

const PRECISIONS = [DAY, MONTH, YEAR] as const;

type Span = { lo: number; hi: number };

/** The union of spans as disjoint intervals, in order (touching spans join). */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.lo - b.lo)) {
    const last = merged.at(-1);
    if (last !== undefined && span.lo <= last.hi + 1) last.hi = Math.max(last.hi, span.hi);
    else merged.push({ ...span });
  }
  return merged;
}

/** First and last day (as yyyymmdd) that a date (yyyymmdd) of this precision stands for. */
function spanOf(key: number, precision: number): [number, number] {
  const [year, month] = [Math.floor(key / 10_000), Math.floor(key / 100) % 100];
  const at = (m: number, d: number) => year * 10_000 + m * 100 + d;
  if (precision === DAY) return [key, key];
  if (precision === MONTH) return [at(month, 1), at(month, daysInMonth(year, month))];
  return [at(1, 1), at(12, 31)];
}

function counts(precision: number, granularity: Granularity): boolean {
  return granularity === 'year' || precision !== YEAR;
}

/** Months per period of each granularity: a month index (PaperDates.month) over it, floored, is the period's index (calendar.ts periodIndex). */
export const MONTHS_PER: Record<Granularity, number> = { month: 1, quarter: 3, year: 12 };

function countGranularity(
  { precision, month, key }: PaperDates,
  assignments: Int32Array,
  granularity: Granularity,
  k: number,
  covered: Span[],
  periods: PeriodRow[],
  totals: PeriodTotal[]
): Stragglers | null {
  // The periods from the covered spans' first to their last day (stragglers are outside them), then
  // one pass over the papers: no object per paper.
  const per = MONTHS_PER[granularity];
  const yearToo = granularity === 'year';
  if (covered.length === 0) return null;
  const [first, last] = [Math.floor(monthOfDay(covered[0].lo) / per), Math.floor(monthOfDay(covered.at(-1)!.hi) / per)];
  const nPeriods = last - first + 1;
  const perTheme = new Int32Array(nPeriods * k);
  const perPeriod = new Int32Array(nPeriods);
  let [left, leftFrom, leftTo, fromPrecision, toPrecision] = [0, Infinity, -Infinity, DAY as number, DAY as number];
  for (let i = 0; i < month.length; i++) {
    if (precision[i] === 0 || (precision[i] === YEAR && !yearToo)) continue;
    const p = Math.floor(month[i] / per) - first;
    if (p < 0 || p >= nPeriods) {
      left++;
      if (key[i] < leftFrom) [leftFrom, fromPrecision] = [key[i], precision[i]];
      if (key[i] > leftTo) [leftTo, toPrecision] = [key[i], precision[i]];
      continue;
    }
    perTheme[p * k + assignments[i]]++;
    perPeriod[p]++;
  }
  for (let p = 0; p < nPeriods; p++) {
    const index = first + p;
    const period = periodStartIso(granularity, index);
    const [start, end] = [periodStartDay(granularity, index) + GRACE_DAYS, periodEndDay(granularity, index) - GRACE_DAYS];
    const partial = !covered.some((c) => c.lo <= start && end <= c.hi);
    const all = perPeriod[p];
    totals.push({ period, granularity, papers: all, partial });
    for (let theme = 0; theme < k; theme++) {
      const n = perTheme[p * k + theme];
      periods.push({ themeId: theme, period, granularity, papers: n, share: all > 0 ? n / all : 0, partial });
    }
  }
  return left === 0 ? null : { papers: left, from: shownDate(leftFrom, fromPrecision), to: shownDate(leftTo, toPrecision) };
}

/** A day number's month as year · 12 + month − 1 (PaperDates.month). */
function monthOfDay(day: number): number {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** yyyymmdd as precise as its date is: YYYY-MM-DD, YYYY-MM or YYYY. */
function shownDate(key: number, precision: number): string {
  const digits = String(key).padStart(8, '0');
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return iso.slice(0, precision === YEAR ? 4 : precision === MONTH ? 7 : 10);
}

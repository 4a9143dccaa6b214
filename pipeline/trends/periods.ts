// Papers per theme and period (month, quarter, year), each as a share of all papers of that period,
// with zero rows for gaps and a `partial` flag where the data covers only part of a period.
//
// Counting: a paper counts at a granularity only if its date is at least that precise — day and
// month dates count at month, quarter and year; year-only dates count only at year (a year-only
// date is never counted as January); undated papers are not counted.
// Range: every period from the first to the last counted period of that granularity, × every theme.
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
import { GRANULARITIES, type Granularity, type Paper, type PeriodRow, type PeriodTotal } from '../types.js';
import { dayNumber, daysInMonth, periodEndDay, periodStartDay, periodStartIso } from './calendar.js';
import { DATE_CODE, paperDates, type PaperDates } from './dates.js';

export const GRACE_DAYS = 3;

const { day: DAY, month: MONTH, year: YEAR } = DATE_CODE;

/** `dates`: paperDates(papers), when the caller has read them already. */
export function computePeriods(
  papers: Pick<Paper, 'published' | 'datePrecision'>[],
  assignments: Int32Array,
  k: number,
  dates: PaperDates = paperDates(papers)
): { periods: PeriodRow[]; totals: PeriodTotal[] } {
  if (assignments.length !== papers.length) {
    throw new Error(`computePeriods: ${papers.length} papers but ${assignments.length} assignments`);
  }
  const spans = checkDated(papers, assignments, k, dates);
  const periods: PeriodRow[] = [];
  const totals: PeriodTotal[] = [];
  // Emitted in (granularity, period, theme) order — GRANULARITIES is month, quarter, year.
  for (const granularity of GRANULARITIES) {
    const covered = mergeSpans(PRECISIONS.filter((p) => counts(p, granularity)).flatMap((p) => spans[p] ?? []));
    countGranularity(dates, assignments, granularity, k, covered, periods, totals);
  }
  return { periods, totals };
}

/**
 * Checks every theme is in 0..k-1 and every dated paper's date a YYYY-MM-DD one (else the error
 * for the first that is not), and gives per precision code present the [lo, hi] day numbers its
 * dates span (a month date stands for its month, a year date for its year): only the earliest and
 * latest date of each precision matter, and only they become day numbers.
 */
function checkDated(papers: Pick<Paper, 'published'>[], assignments: Int32Array, k: number, { precision, key }: PaperDates): (Span | undefined)[] {
  const [lo, hi] = [new Int32Array(4).fill(2 ** 31 - 1), new Int32Array(4).fill(-1)];
  for (let i = 0; i < papers.length; i++) {
    const theme = assignments[i];
    if (!(theme >= 0 && theme < k)) throw new Error(`computePeriods: paper ${i} has theme ${theme}, outside 0..${k - 1}`);
    const p = precision[i];
    if (p === 0) continue;
    if (key[i] < 0) throw new Error(`computePeriods: paper ${i} has published "${papers[i].published}", not a YYYY-MM-DD date`);
    if (key[i] < lo[p]) lo[p] = key[i];
    if (key[i] > hi[p]) hi[p] = key[i];
  }
  const toDay = (key: number) => dayNumber(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);
  const spans: (Span | undefined)[] = [];
  for (const p of PRECISIONS) if (hi[p] >= 0) spans[p] = { lo: toDay(spanOf(lo[p], p)[0]), hi: toDay(spanOf(hi[p], p)[1]) };
  return spans;
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
  { precision, month }: PaperDates,
  assignments: Int32Array,
  granularity: Granularity,
  k: number,
  covered: Span[],
  periods: PeriodRow[],
  totals: PeriodTotal[]
): void {
  // Two passes over the papers (range, then counts): no object per paper.
  const per = MONTHS_PER[granularity];
  const yearToo = granularity === 'year';
  let [first, last] = [Infinity, -Infinity];
  for (let i = 0; i < month.length; i++) {
    if (precision[i] === 0 || (precision[i] === YEAR && !yearToo)) continue;
    if (month[i] < first) first = month[i];
    if (month[i] > last) last = month[i];
  }
  if (first === Infinity) return;
  [first, last] = [Math.floor(first / per), Math.floor(last / per)];
  const nPeriods = last - first + 1;
  const perTheme = new Int32Array(nPeriods * k);
  const perPeriod = new Int32Array(nPeriods);
  for (let i = 0; i < month.length; i++) {
    if (precision[i] === 0 || (precision[i] === YEAR && !yearToo)) continue;
    const p = Math.floor(month[i] / per) - first;
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
}

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
import { dayNumber, daysInMonth, parseIsoDate, periodEndDay, periodIndex, periodStartDay, periodStartIso, type CalendarDate } from './calendar.js';

export const GRACE_DAYS = 3;

type DatedPaper = { date: CalendarDate; precision: 'day' | 'month' | 'year'; theme: number };

export function computePeriods(
  papers: Pick<Paper, 'published' | 'datePrecision'>[],
  assignments: Int32Array,
  k: number
): { periods: PeriodRow[]; totals: PeriodTotal[] } {
  if (assignments.length !== papers.length) {
    throw new Error(`computePeriods: ${papers.length} papers but ${assignments.length} assignments`);
  }
  const dated = collectDated(papers, assignments, k);
  const spans = spansByPrecision(dated);
  const periods: PeriodRow[] = [];
  const totals: PeriodTotal[] = [];
  // Emitted in (granularity, period, theme) order — GRANULARITIES is month, quarter, year.
  for (const granularity of GRANULARITIES) {
    const covered = mergeSpans(PRECISIONS.filter((p) => counts(p, granularity)).flatMap((p) => spans.get(p) ?? []));
    countGranularity(dated, granularity, k, covered, periods, totals);
  }
  return { periods, totals };
}

function collectDated(papers: Pick<Paper, 'published' | 'datePrecision'>[], assignments: Int32Array, k: number): DatedPaper[] {
  const dated: DatedPaper[] = [];
  for (let i = 0; i < papers.length; i++) {
    const theme = assignments[i];
    if (!(theme >= 0 && theme < k)) throw new Error(`computePeriods: paper ${i} has theme ${theme}, outside 0..${k - 1}`);
    const { published, datePrecision } = papers[i];
    if (published === null || datePrecision === null) continue;
    const date = parseIsoDate(published);
    if (!date) throw new Error(`computePeriods: paper ${i} has published "${published}", not a YYYY-MM-DD date`);
    dated.push({ date, precision: datePrecision, theme });
  }
  return dated;
}

const PRECISIONS = ['day', 'month', 'year'] as const;

type Span = { lo: number; hi: number };

/** Per precision present, the [lo, hi] day numbers its dates span. */
function spansByPrecision(dated: DatedPaper[]): Map<DatedPaper['precision'], Span> {
  // Compared as yyyymmdd integers; only the extremes become day numbers.
  const keys = new Map<DatedPaper['precision'], { lo: number; hi: number }>();
  for (const { date, precision } of dated) {
    const [start, end] = spanOf(date, precision);
    const k = keys.get(precision);
    if (k === undefined) keys.set(precision, { lo: start, hi: end });
    else {
      k.lo = Math.min(k.lo, start);
      k.hi = Math.max(k.hi, end);
    }
  }
  const toDay = (key: number) => dayNumber(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);
  return new Map([...keys].map(([p, { lo, hi }]) => [p, { lo: toDay(lo), hi: toDay(hi) }]));
}

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

/** First and last day (as yyyymmdd) that a date of this precision stands for. */
function spanOf({ year, month, day }: CalendarDate, precision: DatedPaper['precision']): [number, number] {
  const key = (m: number, d: number) => year * 10_000 + m * 100 + d;
  switch (precision) {
    case 'day':
      return [key(month, day), key(month, day)];
    case 'month':
      return [key(month, 1), key(month, daysInMonth(year, month))];
    case 'year':
      return [key(1, 1), key(12, 31)];
    default:
      throw new Error(`unknown date precision: ${String(precision satisfies never)}`);
  }
}

function counts(precision: DatedPaper['precision'], granularity: Granularity): boolean {
  return granularity === 'year' || precision !== 'year';
}

function countGranularity(
  dated: DatedPaper[],
  granularity: Granularity,
  k: number,
  covered: Span[],
  periods: PeriodRow[],
  totals: PeriodTotal[]
): void {
  const indexed = dated.filter((d) => counts(d.precision, granularity)).map((d) => ({ theme: d.theme, index: periodIndex(granularity, d.date.year, d.date.month) }));
  if (indexed.length === 0) return;
  const first = indexed.reduce((m, d) => Math.min(m, d.index), Infinity);
  const last = indexed.reduce((m, d) => Math.max(m, d.index), -Infinity);
  const nPeriods = last - first + 1;
  const perTheme = new Int32Array(nPeriods * k);
  const perPeriod = new Int32Array(nPeriods);
  for (const { theme, index } of indexed) {
    perTheme[(index - first) * k + theme]++;
    perPeriod[index - first]++;
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

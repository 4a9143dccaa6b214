// Owns where a batch's papers fall against the run's trend windows once they are added: a week of
// papers in a month the trends leave out (partial, or after the last complete one) moves no emerging
// or fading score, and `npm run assign` says so rather than print "moved" themes whose only change is
// their size (the weekly-use review of 2026-12-04).
import type { Granularity, Paper, PeriodTotal } from '../types.js';
import { periodStartIso } from '../trends/calendar.js';
import { DATE_CODE, paperDates } from '../trends/dates.js';
import { MONTHS_PER } from '../trends/periods.js';
import { trendWindowPeriods } from '../trends/emerging.js';

export interface WhereAdded {
  granularity: Granularity;
  /** The windows' first and last periods (ISO starts), null when a window is empty. */
  before: [string, string] | null;
  after: [string, string] | null;
  /** The batch's papers in each window, in periods outside both (per period, oldest first), and with no date counted at this granularity. */
  inBefore: number;
  inAfter: number;
  outside: { period: string; papers: number; partial: boolean }[];
  unplaced: number;
}

/** Where `papers` (the batch) fall among the windows of the run's `totals` at `granularity` (window: periods after). */
export function whereAdded(papers: readonly Pick<Paper, 'published' | 'datePrecision'>[], totals: readonly PeriodTotal[],
  granularity: Granularity, window: number): WhereAdded {
  const { before, after } = trendWindowPeriods([...totals], granularity, window);
  const [inBefore, inAfter] = [new Set(before.map((t) => t.period)), new Set(after.map((t) => t.period))];
  const partial = new Map(totals.filter((t) => t.granularity === granularity).map((t) => [t.period, t.partial]));
  const dates = paperDates(papers);
  const per = MONTHS_PER[granularity];
  const counts = { before: 0, after: 0, unplaced: 0 };
  const outside = new Map<string, number>();
  for (let i = 0; i < papers.length; i++) {
    const p = dates.precision[i];
    if (p === 0 || dates.key[i] < 0 || (p === DATE_CODE.year && granularity !== 'year')) {
      counts.unplaced++;
      continue;
    }
    const period = periodStartIso(granularity, Math.floor(dates.month[i] / per));
    if (inBefore.has(period)) counts.before++;
    else if (inAfter.has(period)) counts.after++;
    else outside.set(period, (outside.get(period) ?? 0) + 1);
  }
  const range = (list: PeriodTotal[]): [string, string] | null => (list.length === 0 ? null : [list[0].period, list.at(-1)!.period]);
  return {
    granularity, before: range(before), after: range(after), inBefore: counts.before, inAfter: counts.after, unplaced: counts.unplaced,
    outside: [...outside].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, n]) => ({ period, papers: n, partial: partial.get(period) ?? false }))
  };
}

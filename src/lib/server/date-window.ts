// Owns which papers a date range holds: one rule for the Papers list (and its exports) and for the
// counts the trend notes give of a window, so a link from a count lists the papers it counts.
import type { Granularity } from '../../../pipeline/types.js';
import type { Params } from './db.js';

export interface DateWindow {
  /** ISO days, both included; null: open on that side. */
  from: string | null;
  to: string | null;
  /** The periods the range is read in (a trend window's unit), or null: every dated paper whose period meets the range. */
  granularity: Granularity | null;
}

/**
 * The precisions of the dates that count in periods of `granularity`, as the trends stage counts them
 * (pipeline/trends/periods.ts `counts`): a day or month date is in a month, a quarter and a year; a
 * year-only date only in a year (it is in no month of it, not January).
 */
const COUNTED: Record<Granularity, readonly string[]> = { month: ['day', 'month'], quarter: ['day', 'month'], year: ['day', 'month', 'year'] };

/**
 * The WHERE clauses (over papers `p`, parameters added to `params`) of the papers `w` holds. A year or
 * month date is its whole period (published is its first day): it is in when its period meets the range.
 * With a granularity, only dates at least that precise are in, so in a range of whole periods (a trend
 * window) the papers are exactly those its periods count; undated papers are never in a bounded range.
 */
export function dateWindowClauses(w: DateWindow, params: Params): string[] {
  const clauses: string[] = [];
  if (w.granularity !== null) {
    clauses.push(`p.date_precision IN (${COUNTED[w.granularity].map((c) => `'${c}'`).join(', ')})`);
  }
  if (w.from !== null) {
    // The period's end (its last day + 1) after `from`: a month or year date starting before `from` is in when it reaches it.
    clauses.push(`p.published + CASE p.date_precision WHEN 'year' THEN INTERVAL 1 YEAR WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 1 DAY END > $from::DATE`);
    params.from = w.from;
  }
  if (w.to !== null) {
    clauses.push('p.published <= $to::DATE');
    params.to = w.to;
  }
  return clauses;
}

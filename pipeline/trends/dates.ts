// Owns what a run's dates say as a whole: how many papers have each precision, the granularity
// their trends are read at by default, and their range with the precision of each end.
//
// Default granularity: the finest one that most dated papers support. A paper supports month (and
// quarter) when its date gives at least a month (day or month precision), year always. So:
//   month when (day + month dates) ≥ MAJORITY · dated papers, else year;  month when nothing is dated.
// Quarter is never a default: no paper is dated to a quarter. At that granularity the dashboard
// opens, and emerging/fading are scored (trends/emerging.ts); year-only dates count only in yearly
// trends (trends/periods.ts), so a run that is mostly day-dated keeps months and leaves its
// year-only papers to the yearly chart.
import type { DatePrecision, Granularity, Paper } from '../types.js';

export const MAJORITY = 0.5;

export interface RunDates {
  /** Papers per precision, and undated ones. */
  precision: Record<DatePrecision | 'undated', number>;
  granularity: Granularity;
  /** Earliest and latest `published`, and their precisions (on a tie, the coarser). */
  min: string | null;
  max: string | null;
  minPrecision: DatePrecision | null;
  maxPrecision: DatePrecision | null;
}

const RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/** The default granularity for these precision counts (the rule above). */
export function chooseGranularity(counts: Record<DatePrecision, number>): Granularity {
  const dated = counts.day + counts.month + counts.year;
  if (dated === 0) return 'month';
  return counts.day + counts.month >= MAJORITY * dated ? 'month' : 'year';
}

export function describeDates(papers: readonly Pick<Paper, 'published' | 'datePrecision'>[]): RunDates {
  const precision = { day: 0, month: 0, year: 0, undated: 0 };
  let min: string | null = null;
  let max: string | null = null;
  let minPrecision: DatePrecision | null = null;
  let maxPrecision: DatePrecision | null = null;
  for (const { published, datePrecision } of papers) {
    if (published === null || datePrecision === null) {
      precision.undated++;
      continue;
    }
    precision[datePrecision]++;
    if (min === null || published < min || (published === min && RANK[datePrecision] > RANK[minPrecision!])) {
      [min, minPrecision] = [published, datePrecision];
    }
    if (max === null || published > max || (published === max && RANK[datePrecision] > RANK[maxPrecision!])) {
      [max, maxPrecision] = [published, datePrecision];
    }
  }
  return { precision, granularity: chooseGranularity(precision), min, max, minPrecision, maxPrecision };
}

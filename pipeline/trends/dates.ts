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
import { isoDateKey, periodIndex } from './calendar.js';

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

/**
 * The papers' dates read once for the periods and the bursts (trends/periods.ts, bursts.ts), as
 * typed columns: no object per paper. Per paper: precision (0 undated, else DATE_CODE's) and the date as yyyymmdd (calendar.ts isoDateKey; −1 when it is not a
 * YYYY-MM-DD date, 0 when undated).
 */
export interface PaperDates {
  precision: Uint8Array;
  key: Int32Array;
  /** The date's month as year · 12 + month − 1 (calendar.ts periodIndex at month; 0 when undated or not a date). */
  month: Int32Array;
}

/** PaperDates.precision's code of each precision (0: undated). */
export const DATE_CODE = { day: 1, month: 2, year: 3 } as const satisfies Record<DatePrecision, number>;

export function paperDates(papers: readonly Pick<Paper, 'published' | 'datePrecision'>[]): PaperDates {
  const out: PaperDates = { precision: new Uint8Array(papers.length), key: new Int32Array(papers.length), month: new Int32Array(papers.length) };
  // Neighbouring papers often have the same date: read once for a run of them.
  let [last, lastKey, lastMonth] = [null as string | null, 0, 0];
  for (let i = 0; i < papers.length; i++) {
    const { published, datePrecision } = papers[i];
    if (published === null || datePrecision === null) continue;
    const code: number | undefined = DATE_CODE[datePrecision];
    if (code === undefined) throw new Error(`unknown date precision: ${String(datePrecision)}`);
    out.precision[i] = code;
    if (published !== last) {
      [last, lastKey] = [published, isoDateKey(published)];
      lastMonth = lastKey < 0 ? 0 : periodIndex('month', Math.floor(lastKey / 10_000), Math.floor(lastKey / 100) % 100);
    }
    out.key[i] = lastKey;
    out.month[i] = lastMonth;
  }
  return out;
}

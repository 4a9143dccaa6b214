// Owns the run's final date precision after ingest: per input file, dates that look coarser than they
// are written (nearly all on 1 January, or on the 1st of a month) are read as years (months), and
// --date-precision year|month|day overrides that for the whole run. Works on normalised papers,
// whatever format they came from.
//
// The rule, per file (papers grouped by `source`, the file's name), over its n dates written as days
// (a date whose record declared its precision, or that came from a `year` field, is left alone):
//   year rule:  j = dates on 1 January;         under day precision each is there with p = 1/365.25
//   month rule: j = dates on the 1st of a month;                                      p = 12/365.25
//   a rule fires when n ≥ MIN_DATES and j ≥ MIN_SHARE · n; the year rule is tried first.
// How far beyond chance that is: under day precision (independent days) the binomial tail is below
// its Chernoff bound
//   P(X ≥ j) ≤ exp(−n · KL(j/n ‖ p)),   KL(q ‖ p) = q ln(q/p) + (1 − q) ln((1 − q)/(1 − p)),
// 10^−21.6 for the year rule and 10^−11.9 for the month rule at the thresholds (n = 10, j = 9), and
// smaller for any larger file: chance never fires a rule, the share threshold decides. It is high so
// that a file mixing real day dates with some year-only ones is not read as years as a whole; the
// minimum n because a handful of papers from one issue are not independent days.
// When a rule fires, the file's dates on 1 January (on the 1st of a month) become year (month)
// precision; its other dates keep theirs. The bound is reported with the warning.
import type { DatePrecision, Paper } from '../types.js';
import { truncateDate } from './dates.js';

export type DatePrecisionMode = 'auto' | DatePrecision;
export const DATE_PRECISION_MODES: readonly DatePrecisionMode[] = ['auto', 'year', 'month', 'day'];

export const MIN_DATES = 10;
export const MIN_SHARE = 0.9;
const DAYS_PER_YEAR = 365.25;

/** One file whose dates were read as coarser than written. */
export interface CoarseDates {
  /** The file's name (papers' `source`). */
  file: string;
  rule: 'year' | 'month';
  /** Dates on 1 January (year rule) or on the 1st (month rule): the ones made coarser. */
  dates: number;
  /** Dates written as days in the file (the rule's n). */
  of: number;
  /** log10 of the Chernoff bound on the chance of `dates` of `of` under day precision. */
  log10Chance: number;
}

/** log10 of exp(−n · KL(j/n ‖ p)): the Chernoff bound on P(X ≥ j), X ~ Binomial(n, p), for j ≥ np. */
export function log10ChanceBound(j: number, n: number, p: number): number {
  if (n === 0 || j <= n * p) return 0;
  const q = j / n;
  const kl = q * Math.log(q / p) + (q < 1 ? (1 - q) * Math.log((1 - q) / (1 - p)) : 0);
  return (-n * kl) / Math.LN10;
}

/** Whether the file's papers' dates look like years (or months) written as days, by the rule above. */
export function detectCoarseDates(file: string, papers: readonly Paper[]): CoarseDates | null {
  let n = 0;
  let firstOfYear = 0;
  let firstOfMonth = 0;
  for (const p of papers) {
    if (p.published === null || p.datePrecision !== 'day' || p.datePrecisionDeclared) continue;
    n++;
    if (p.published.endsWith('-01')) {
      firstOfMonth++;
      if (p.published.endsWith('-01-01')) firstOfYear++;
    }
  }
  if (n < MIN_DATES) return null;
  if (firstOfYear >= MIN_SHARE * n) {
    return { file, rule: 'year', dates: firstOfYear, of: n, log10Chance: log10ChanceBound(firstOfYear, n, 1 / DAYS_PER_YEAR) };
  }
  if (firstOfMonth >= MIN_SHARE * n) {
    return { file, rule: 'month', dates: firstOfMonth, of: n, log10Chance: log10ChanceBound(firstOfMonth, n, 12 / DAYS_PER_YEAR) };
  }
  return null;
}

/**
 * Settles every paper's precision in place: `auto` detects per file (returns what fired), `day`
 * keeps dates as written and declared, `month`/`year` make every finer date that coarse.
 */
export function settleDatePrecision(papers: Paper[], mode: DatePrecisionMode): CoarseDates[] {
  switch (mode) {
    case 'auto':
      return detectPerFile(papers);
    case 'day':
      return [];
    case 'month':
    case 'year':
      for (const p of papers) coarsen(p, mode);
      return [];
    default:
      throw new Error(`unknown date precision mode: ${String(mode satisfies never)}`);
  }
}

function detectPerFile(papers: Paper[]): CoarseDates[] {
  const byFile = new Map<string, Paper[]>();
  for (const p of papers) {
    const list = byFile.get(p.source);
    if (list) list.push(p);
    else byFile.set(p.source, [p]);
  }
  const found: CoarseDates[] = [];
  for (const [file, filePapers] of byFile) {
    const detected = detectCoarseDates(file, filePapers);
    if (detected === null) continue;
    const suffix = detected.rule === 'year' ? '-01-01' : '-01';
    for (const p of filePapers) {
      if (p.datePrecision === 'day' && !p.datePrecisionDeclared && p.published?.endsWith(suffix)) p.datePrecision = detected.rule;
    }
    found.push(detected);
  }
  return found;
}

/** Makes a dated paper's precision at most `precision` (a year stays a year), its date the period start. */
function coarsen(p: Paper, precision: 'month' | 'year'): void {
  if (p.published === null || p.datePrecision === null || p.datePrecision === 'year') return;
  if (precision === 'month' && p.datePrecision === 'month') return;
  p.datePrecision = precision;
  p.published = truncateDate(p.published, precision);
}

/**
 * The warning line for one file, e.g. "old.jsonl: 480 of 482 dates are on 1 January …", ending
 * with what keeps them as days (`npm run assign` has no --date-precision: it follows its run's).
 */
export function describeCoarseDates(d: CoarseDates, remedy = '--date-precision day keeps them as days'): string {
  const where = d.rule === 'year' ? '1 January' : 'the 1st of a month';
  const share = Math.floor((100 * d.dates) / d.of);
  return `${d.file}: ${d.dates.toLocaleString('en-US')} of ${d.of.toLocaleString('en-US')} dates written as days are on ${where} ` +
    `(${share}%; chance under day precision < 1e${Math.ceil(d.log10Chance)}), so they are read as ${d.rule}s ` +
    `(${d.rule} rule, README "Dates"); ${remedy}`;
}

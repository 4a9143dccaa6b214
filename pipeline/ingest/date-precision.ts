// Owns the run's final date precision after ingest: per input file, dates that look coarser than they
// are written (nearly all on 1 January, or on the 1st of a month) are read as years (months), and
// --date-precision year|month|day overrides that for the whole run. Works on normalised papers,
// whatever format they came from.
//
// The rule, per file (papers grouped by `source`, the file's name), over its n dates written as days
// (a date whose record declared its precision, or that came from a `year` field, is left alone):
//   year rule:  j = dates on 1 January;         under day precision each is there with p = 1/365.25
//   month rule: j = dates on the 1st of a month;                                      p = 12/365.25
//   a rule fires when n ≥ MIN_DATES, j ≥ MIN_SHARE · n, and its distinct dates are beyond chance
//   (below); the year rule is tried first.
// The papers of one day (one listing, one issue) are not independent days, so the evidence is
// counted over distinct dates: of the file's d distinct dates, i are on 1 January (on a 1st). Under
// day precision the binomial tail is below its Chernoff bound
//   P(X ≥ i) ≤ exp(−d · KL(i/d ‖ p)),   KL(q ‖ p) = q ln(q/p) + (1 − q) ln((1 − q)/(1 − p)),
// and a rule fires only when that is below 10^MAX_LOG10_CHANCE: at least two distinct 1 Januaries
// (10^−5.1) or three distinct 1sts (10^−4.4) when nothing else is there. A file whose dates are all
// one day (the first week of January's listing, all 2026-01-01) is one observation, 1 in 365 by
// chance: its dates stay days. The share threshold is on papers, high so that a file mixing real
// day dates with some year-only ones is not read as years as a whole; the minimum n because a
// handful of papers are no evidence either way.
// When a rule fires, the file's dates on 1 January (on the 1st of a month) become year (month)
// precision; its other dates keep theirs. The bound is reported with the warning.
import { basename } from 'node:path';
import type { DatePrecision, InputFileInfo, Paper } from '../types.js';
import { truncateDate } from './dates.js';

export type DatePrecisionMode = 'auto' | DatePrecision;
export const DATE_PRECISION_MODES: readonly DatePrecisionMode[] = ['auto', 'year', 'month', 'day'];

export const MIN_DATES = 10;
export const MIN_SHARE = 0.9;
/** log10 of the largest chance (over distinct dates, above) at which a rule still fires. */
export const MAX_LOG10_CHANCE = -4;
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
  /** log10 of the Chernoff bound on the chance, under day precision, of the distinct dates on 1 January (the 1st) among the file's distinct dates. */
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
  return examine(file, papers).fired;
}

/** The rule that fires on a file, or the one whose share is met without the evidence of distinct dates. */
function examine(file: string, papers: readonly Paper[]): { fired: CoarseDates | null; undecided: CoarseDates | null } {
  let n = 0;
  let firstOfYear = 0;
  let firstOfMonth = 0;
  const distinct = new Set<string>();
  for (const p of papers) {
    if (p.published === null || p.datePrecision !== 'day' || p.datePrecisionDeclared) continue;
    n++;
    distinct.add(p.published);
    if (p.published.endsWith('-01')) {
      firstOfMonth++;
      if (p.published.endsWith('-01-01')) firstOfYear++;
    }
  }
  if (n < MIN_DATES) return { fired: null, undecided: null };
  const onFirst = (suffix: string) => [...distinct].filter((d) => d.endsWith(suffix)).length;
  const rules = [{ rule: 'year' as const, dates: firstOfYear, suffix: '-01-01', p: 1 / DAYS_PER_YEAR },
    { rule: 'month' as const, dates: firstOfMonth, suffix: '-01', p: 12 / DAYS_PER_YEAR }];
  let undecided: CoarseDates | null = null;
  for (const { rule, dates, suffix, p } of rules) {
    if (dates < MIN_SHARE * n) continue;
    const found = { file, rule, dates, of: n, log10Chance: log10ChanceBound(onFirst(suffix), distinct.size, p) };
    if (found.log10Chance <= MAX_LOG10_CHANCE) return { fired: found, undecided: null };
    undecided ??= found;
  }
  return { fired: null, undecided };
}

/**
 * The files whose dates the share rule would read as years (months) but whose distinct dates are too
 * few to tell that from a one-day listing (above): kept as days, each worth a warning, since a
 * one-year list written as `2025-01-01` then counts in January. Read before settleDatePrecision.
 */
export function undecidedCoarseDates(papers: readonly Paper[]): CoarseDates[] {
  return [...byFile(papers)].flatMap(([file, filePapers]) => examine(file, filePapers).undecided ?? []);
}

/** The warning line for a file of undecidedCoarseDates, ending with what reads them as years (months). */
export function describeUndecidedDates(d: CoarseDates, files: readonly InputFileInfo[] = [], remedy = `--date-precision ${d.rule} reads them so`): string {
  const where = d.rule === 'year' ? '1 January' : 'the 1st of a month';
  return `${pathOf(d.file, files)}: ${d.dates.toLocaleString('en-US')} of ${d.of.toLocaleString('en-US')} dates written as days are on ${where}, ` +
    `but on too few distinct dates to tell ${d.rule}s from one day's papers (chance under day precision ~1e${Math.ceil(d.log10Chance)}), ` +
    `so they stay days; if they are ${d.rule}s, ${remedy}`;
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

function byFile<P extends Paper>(papers: readonly P[]): Map<string, P[]> {
  const files = new Map<string, P[]>();
  for (const p of papers) {
    const list = files.get(p.source);
    if (list) list.push(p);
    else files.set(p.source, [p]);
  }
  return files;
}

function detectPerFile(papers: Paper[]): CoarseDates[] {
  const found: CoarseDates[] = [];
  for (const [file, filePapers] of byFile(papers)) {
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
export function describeCoarseDates(d: CoarseDates, files: readonly InputFileInfo[] = [], remedy = '--date-precision day keeps them as days'): string {
  const where = d.rule === 'year' ? '1 January' : 'the 1st of a month';
  const share = Math.floor((100 * d.dates) / d.of);
  return `${pathOf(d.file, files)}: ${d.dates.toLocaleString('en-US')} of ${d.of.toLocaleString('en-US')} dates written as days are on ${where} ` +
    `(${share}%; chance under day precision < 1e${Math.ceil(d.log10Chance)}), so they are read as ${d.rule}s ` +
    `(${d.rule} rule, README "Dates"); ${remedy}`;
}

/** The input path a paper's `source` (its file's name) came from, as the user gave it, when one input has that name. */
function pathOf(source: string, files: readonly InputFileInfo[]): string {
  const named = files.filter((f) => basename(f.path) === source);
  return named.length === 1 ? named[0].path : source;
}

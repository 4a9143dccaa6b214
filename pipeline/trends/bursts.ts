// Owns which bursts a run reports (Kleinberg's detector in kleinberg.ts), at one granularity:
//  - a theme's burst: its papers r_t out of all papers d_t per period (the theme's share runs high);
//  - a phrase's burst within a theme: the theme's papers containing one of its distinctive terms
//    (label stage, ThemeLabel.distinctiveTerms) out of the theme's papers per period.
// A phrase burst needs at least MIN_BURST_PAPERS papers in it; each theme keeps its
// PHRASE_BURSTS_PER_THEME strongest phrase bursts. Papers count at a granularity as in periods.ts:
// a year-only date counts only at year granularity; a partial first or last period is left out.
import type { CsrMatrix, Granularity, Paper, PeriodTotal, ThemeLabel } from '../types.js';
import { periodStartIso } from './calendar.js';
import { DATE_CODE, paperDates, type PaperDates } from './dates.js';
import { detectBursts } from './kleinberg.js';
import { MONTHS_PER } from './periods.js';

export const MIN_BURST_PAPERS = 5;
export const PHRASE_BURSTS_PER_THEME = 5;

export interface BurstRecord {
  themeId: number;
  /** Surface form of the bursting phrase; null for the theme's own burst. */
  term: string | null;
  granularity: Granularity;
  /** ISO start of the first period and of the last period in the burst. */
  start: string;
  end: string;
  /** Kleinberg weight (nats): how much better the elevated rate explains the burst's periods. */
  weight: number;
  /** The theme's papers (theme burst) or papers with the phrase (phrase burst) in the burst. */
  papers: number;
}

export interface BurstInput {
  papers: Pick<Paper, 'published' | 'datePrecision'>[];
  assignments: Int32Array;
  k: number;
  matrix: CsrMatrix;
  labels: Pick<ThemeLabel, 'themeId' | 'distinctiveTerms'>[];
  surfaces: string[];
  totals: PeriodTotal[];
}

/** Every theme burst and the strongest phrase bursts of each theme, at `granularity`. `dates`: paperDates(input.papers), when read already. */
export function findBursts(input: BurstInput, granularity: Granularity, dates: PaperDates = paperDates(input.papers)): BurstRecord[] {
  const periods = input.totals.filter((t) => t.granularity === granularity).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  // A partial period at either end is left out, as the trend windows leave it out: a day's papers are no
  // month's (the numbers audit: a theme "bursting in Jul 2026" on 21 of the 300 papers of 1 July, and
  // bursts still running counting those papers). Its papers belong to no period here.
  let [first, last] = [0, periods.length];
  while (first < last && periods[first].partial) first++;
  while (last > first && periods[last - 1].partial) last--;
  const starts = periods.slice(first, last).map((t) => t.period);
  if (starts.length < 2) return [];
  const position = new Map(starts.map((iso, p) => [iso, p]));
  const paperPeriod = periodOfPapers(dates, granularity, position);
  const n = starts.length;
  const { k, assignments } = input;
  const all = new Float64Array(n);
  const perTheme = new Float64Array(k * n);
  for (let i = 0; i < assignments.length; i++) {
    if (paperPeriod[i] < 0) continue;
    all[paperPeriod[i]]++;
    perTheme[assignments[i] * n + paperPeriod[i]]++;
  }
  const record = (themeId: number, term: string | null, b: { start: number; end: number; weight: number; count: number }) =>
    ({ themeId, term, granularity, start: starts[b.start], end: starts[b.end], weight: b.weight, papers: b.count });
  const out: BurstRecord[] = [];
  for (let c = 0; c < k; c++) {
    for (const b of detectBursts(perTheme.subarray(c * n, (c + 1) * n), all)) out.push(record(c, null, b));
  }
  const phraseCounts = countPhrases(input, paperPeriod, n);
  for (const { themeId, distinctiveTerms } of input.labels) {
    const themeRow = perTheme.subarray(themeId * n, (themeId + 1) * n);
    const found = distinctiveTerms.flatMap((term, j) =>
      detectBursts(phraseCounts[themeId].subarray(j * n, (j + 1) * n), themeRow)
        .filter((b) => b.count >= MIN_BURST_PAPERS)
        .map((b) => record(themeId, input.surfaces[term], b)));
    out.push(...found.sort((a, b) => b.weight - a.weight).slice(0, PHRASE_BURSTS_PER_THEME));
  }
  return out;
}

/** Each paper's position among the granularity's periods, −1 when it is undated or too coarse for it. */
function periodOfPapers({ precision, key, month }: PaperDates, granularity: Granularity, position: Map<string, number>): Int32Array {
  const out = new Int32Array(key.length).fill(-1);
  const per = MONTHS_PER[granularity];
  // A period's position looked up once by its index, not by its ISO text per paper.
  const byIndex = new Map<number, number>();
  for (let i = 0; i < key.length; i++) {
    if (precision[i] === 0 || key[i] < 0) continue;
    if (precision[i] === DATE_CODE.year && granularity !== 'year') continue;
    const index = Math.floor(month[i] / per);
    let at = byIndex.get(index);
    if (at === undefined) byIndex.set(index, (at = position.get(periodStartIso(granularity, index)) ?? -1));
    out[i] = at;
  }
  return out;
}

/**
 * Per theme, a (candidates × periods) count of its papers containing each candidate term: one pass
 * over the matrix's non-zeros, with each theme's candidates looked up by term id.
 */
function countPhrases({ matrix, assignments, labels, k }: BurstInput, paperPeriod: Int32Array, n: number): Float64Array[] {
  const counts = Array.from({ length: k }, () => new Float64Array(0));
  const slot = Array.from({ length: k }, () => new Map<number, number>());
  for (const { themeId, distinctiveTerms } of labels) {
    counts[themeId] = new Float64Array(distinctiveTerms.length * n);
    distinctiveTerms.forEach((term, j) => slot[themeId].set(term, j));
  }
  const { indptr, indices } = matrix;
  for (let i = 0; i < matrix.nRows; i++) {
    const p = paperPeriod[i];
    if (p < 0) continue;
    const theme = assignments[i];
    const lookup = slot[theme];
    for (let q = indptr[i]; q < indptr[i + 1]; q++) {
      const j = lookup.get(indices[q]);
      if (j !== undefined) counts[theme][j * n + p]++;
    }
  }
  return counts;
}

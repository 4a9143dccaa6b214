// Owns recomputing a run's trends once papers are added: periods, totals, emerging/fading scores
// and bursts of the themes, and the areas' trends, with the trends stage's own functions over all
// of the run's papers (clustered and added).
import { groupWindows, scoreWithinCategories, withCoveredTrends } from '../trends/coverage.js';
import { computeTrends, findBursts, paperDates, scoreTrends, trendWindow, type BurstRecord, type Strata, type Trends } from '../trends/index.js';
import type { CsrMatrix, Paper, PeriodRow } from '../types.js';
import type { BlockRows } from './model.js';
import { ensureCapacity } from '../tokenise/grow.js';

export interface Retrended extends Trends {
  bursts: BurstRecord[];
  /** Area trends (trends/emerging.ts at the run's granularity), by area id, and papers per area. */
  areaTrends: Trends['trends'];
  areaSizes: Int32Array;
  themeSizes: Int32Array;
}

export interface RetrendInput {
  papers: Pick<Paper, 'published' | 'datePrecision'>[];
  assignments: Int32Array;
  k: number;
  /** TF-IDF rows of the same papers, for the phrase bursts (only the burst terms' columns are read: see burstColumns). */
  matrix: CsrMatrix;
  burstTerms: number[][];
  surfaces: string[];
  /** Area of each theme (themes.area_id) and the number of areas. */
  areaOfTheme: Int32Array;
  nAreas: number;
  /** The run's --emerging-window. */
  window: number | 'auto';
  /** The papers' primary categories (trends/coverage.ts). */
  strata: Strata;
}

/** As run.ts's trends stage and areas/index.ts's trend, over every paper of the run. */
export function retrend(input: RetrendInput): Retrended {
  const { papers, assignments, k, areaOfTheme, nAreas } = input;
  // The papers' dates read once for the theme periods and the bursts.
  const parsed = paperDates(papers);
  const trends = computeTrends(papers, assignments, k, { window: input.window, strata: input.strata }, parsed);
  const { granularity } = trends.dates;
  const bursts = findBursts({ papers, assignments, k, matrix: input.matrix, surfaces: input.surfaces, totals: trends.totals,
    labels: input.burstTerms.map((distinctiveTerms, themeId) => ({ themeId, distinctiveTerms })) }, granularity, parsed);
  // An area's papers per period are its themes' (each paper has one theme, each theme one area):
  // summed from the themes' rows, not counted again over the papers.
  const areaTrendsOf = (periods: PeriodRow[], totals: Trends['totals']) => scoreTrends(areaPeriods(periods, areaOfTheme, k, nAreas), totals, nAreas,
    { granularity, window: trendWindow(granularity, input.window) });
  let areaTrends = areaTrendsOf(trends.periods, trends.totals);
  if (trends.coverage !== null) {
    areaTrends = withCoveredTrends(areaTrends, scoreWithinCategories(groupWindows(trends.coverage.windows, areaOfTheme, nAreas), trendWindow(granularity, input.window), granularity));
  }
  const themeSizes = new Int32Array(k);
  for (const t of assignments) themeSizes[t]++;
  const areaSizes = new Int32Array(nAreas);
  for (let t = 0; t < k; t++) areaSizes[areaOfTheme[t]] += themeSizes[t];
  return { ...trends, bursts, areaTrends, areaSizes, themeSizes };
}

/**
 * The areas' period rows from the themes' (computePeriods' order: each period's k theme rows
 * together), as computePeriods would count them over the papers with each paper's theme's area.
 */
export function areaPeriods(themePeriods: readonly PeriodRow[], areaOfTheme: Int32Array, k: number, nAreas: number): PeriodRow[] {
  for (let t = 0; t < k; t++) {
    if (!(areaOfTheme[t] >= 0 && areaOfTheme[t] < nAreas)) throw new Error(`retrend: theme ${t} has area ${areaOfTheme[t]}, outside 0..${nAreas - 1}`);
  }
  const out: PeriodRow[] = [];
  const papers = new Int32Array(nAreas);
  for (let at = 0; at < themePeriods.length; at += k) {
    const { period, granularity, partial } = themePeriods[at];
    papers.fill(0);
    let all = 0;
    for (let t = 0; t < k; t++) {
      papers[areaOfTheme[t]] += themePeriods[at + t].papers;
      all += themePeriods[at + t].papers;
    }
    for (let a = 0; a < nAreas; a++) out.push({ themeId: a, period, granularity, papers: papers[a], share: all > 0 ? papers[a] / all : 0, partial });
  }
  return out;
}

/**
 * The rows with only their own theme's burst terms kept (row i's theme: themeOf[i]): the phrase
 * bursts count a theme's papers holding each of its burst terms and look at no other column (nor
 * at the weights), so they come out the same from far fewer non-zeros.
 */
export function burstColumns(rows: BlockRows, burstTerms: readonly number[][], themeOf: Int32Array): CsrMatrix {
  // Bit (theme mod 32) of word (column · words + theme / 32): the column is a burst term of the theme.
  const words = Math.ceil(burstTerms.length / 32);
  const bits = new Uint32Array(rows.nCols * words);
  burstTerms.forEach((terms, theme) => {
    for (const t of terms) bits[t * words + (theme >>> 5)] |= 1 << (theme & 31);
  });
  // Bit (column mod 32) of word column / 32: the column is a burst term of some theme. Most
  // columns are none's: this one small table (a few KB, in cache) turns them away.
  const any = new Uint32Array((rows.nCols >>> 5) + 1);
  for (const terms of burstTerms) for (const t of terms) any[t >>> 5] |= 1 << (t & 31);
  // One pass over the non-zeros, into arrays grown as needed (a row keeps a few of its ~85).
  const indptr = new Uint32Array(rows.nRows + 1);
  let [indices, values] = [new Uint32Array(1024), new Float32Array(1024)];
  let at = 0;
  for (let i = 0; i < rows.nRows; i++) {
    const terms = rows.terms[rows.part[i]];
    const weights = rows.weights[rows.part[i]];
    const word = themeOf[i] >>> 5;
    const bit = 1 << (themeOf[i] & 31);
    for (let q = rows.from[i], to = rows.to[i]; q < to; q++) {
      const t = terms[q];
      if ((any[t >>> 5] & (1 << (t & 31))) === 0 || (bits[t * words + word] & bit) === 0) continue;
      if (at === indices.length) [indices, values] = [ensureCapacity(indices, at + 1), ensureCapacity(values, at + 1)];
      indices[at] = t;
      values[at++] = weights[q];
    }
    indptr[i + 1] = at;
  }
  return { nRows: rows.nRows, nCols: rows.nCols, indptr, indices: indices.subarray(0, at), values: values.subarray(0, at) };
}

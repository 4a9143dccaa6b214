// Owns recomputing a run's trends once papers are added: periods, totals, emerging/fading scores
// and bursts of the themes, and the areas' trends, with the trends stage's own functions over all
// of the run's papers (clustered and added).
import { computeTrends, findBursts, paperDates, type BurstRecord, type Trends } from '../trends/index.js';
import type { CsrMatrix, Paper } from '../types.js';
import type { BlockRows } from './model.js';

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
}

/** As run.ts's trends stage and areas/index.ts's trend, over every paper of the run. */
export function retrend(input: RetrendInput): Retrended {
  const { papers, assignments, k } = input;
  // The papers' dates read once for the three countings (themes, bursts, areas).
  const parsed = paperDates(papers);
  const trends = computeTrends(papers, assignments, k, { window: input.window }, { parsed });
  const bursts = findBursts({ papers, assignments, k, matrix: input.matrix, surfaces: input.surfaces, totals: trends.totals,
    labels: input.burstTerms.map((distinctiveTerms, themeId) => ({ themeId, distinctiveTerms })) }, trends.dates.granularity, parsed);
  const areaOfPaper = assignments.map((t) => input.areaOfTheme[t]);
  const areaTrends = computeTrends(papers, areaOfPaper, input.nAreas, { window: input.window }, { parsed, dates: trends.dates }).trends;
  const themeSizes = new Int32Array(k);
  for (const t of assignments) themeSizes[t]++;
  const areaSizes = new Int32Array(input.nAreas);
  for (const a of areaOfPaper) areaSizes[a]++;
  return { ...trends, bursts, areaTrends, areaSizes, themeSizes };
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
  const kept = (i: number, column: number) => (bits[column * words + (themeOf[i] >>> 5)] & (1 << (themeOf[i] & 31))) !== 0;
  let nnz = 0;
  for (let i = 0; i < rows.nRows; i++) {
    const terms = rows.terms[rows.part[i]];
    for (let q = rows.from[i]; q < rows.to[i]; q++) if (kept(i, terms[q])) nnz++;
  }
  const out: CsrMatrix = { nRows: rows.nRows, nCols: rows.nCols, indptr: new Uint32Array(rows.nRows + 1), indices: new Uint32Array(nnz),
    values: new Float32Array(nnz) };
  let at = 0;
  for (let i = 0; i < rows.nRows; i++) {
    const [terms, weights] = [rows.terms[rows.part[i]], rows.weights[rows.part[i]]];
    for (let q = rows.from[i]; q < rows.to[i]; q++) {
      if (!kept(i, terms[q])) continue;
      out.indices[at] = terms[q];
      out.values[at++] = weights[q];
    }
    out.indptr[i + 1] = at;
  }
  return out;
}

// Owns recomputing a run's trends once papers are added: periods, totals, emerging/fading scores
// and bursts of the themes, and the areas' trends, with the trends stage's own functions over all
// of the run's papers (clustered and added).
import { computeTrends, findBursts, type BurstRecord, type Trends } from '../trends/index.js';
import type { CsrMatrix, Paper } from '../types.js';

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
  const trends = computeTrends(papers, assignments, k, { window: input.window });
  const bursts = findBursts({ papers, assignments, k, matrix: input.matrix, surfaces: input.surfaces, totals: trends.totals,
    labels: input.burstTerms.map((distinctiveTerms, themeId) => ({ themeId, distinctiveTerms })) }, trends.dates.granularity);
  const areaOfPaper = assignments.map((t) => input.areaOfTheme[t]);
  const areaTrends = computeTrends(papers, areaOfPaper, input.nAreas, { window: input.window }).trends;
  const themeSizes = new Int32Array(k);
  for (const t of assignments) themeSizes[t]++;
  const areaSizes = new Int32Array(input.nAreas);
  for (const a of areaOfPaper) areaSizes[a]++;
  return { ...trends, bursts, areaTrends, areaSizes, themeSizes };
}

/**
 * The rows of `matrix` with only the columns of `burstTerms` kept: the phrase bursts count a
 * theme's papers holding each of its burst terms and look at no other column, so they come out the
 * same from far fewer non-zeros.
 */
export function burstColumns(matrix: CsrMatrix, burstTerms: readonly number[][]): CsrMatrix {
  const keep = new Uint8Array(matrix.nCols);
  for (const terms of burstTerms) for (const t of terms) keep[t] = 1;
  const { indptr, indices, values } = matrix;
  let nnz = 0;
  for (let q = 0; q < indptr[matrix.nRows]; q++) nnz += keep[indices[q]];
  const out: CsrMatrix = { nRows: matrix.nRows, nCols: matrix.nCols, indptr: new Uint32Array(matrix.nRows + 1), indices: new Uint32Array(nnz),
    values: new Float32Array(nnz) };
  let at = 0;
  for (let i = 0; i < matrix.nRows; i++) {
    for (let q = indptr[i]; q < indptr[i + 1]; q++) {
      if (keep[indices[q]] === 0) continue;
      out.indices[at] = indices[q];
      out.values[at++] = values[q];
    }
    out.indptr[i + 1] = at;
  }
  return out;
}

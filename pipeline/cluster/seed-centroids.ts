// Owns k-means++ seeding on sparse unit rows: D² sampling with the cosine distance, and the
// "too few distinct papers" check that falls out of it.
import { InputError } from '../errors.js';
import type { CsrMatrix } from '../types.js';
import { rowNorms2 } from './centroids.js';

/** Rows whose cosine to a chosen centre is above 1 − this are treated as duplicates of it. */
const SAME_ROW = 1e-6;

/**
 * Row indices of k initial centres, drawn by k-means++ (Arthur & Vassilvitskii 2007) from `random`
 * (`columns` is the matrix transposed): the first uniform over non-empty rows, each next one row x
 * with probability D(x)² / Σ D², where D(x) = 1 − max over chosen centres c of cos(x, c). Empty
 * rows have no direction and get no weight.
 */
export function seedCentroids(matrix: CsrMatrix, columns: CsrMatrix, k: number, random: () => number): number[] {
  const norm2 = rowNorms2(matrix);
  const nonEmpty: number[] = [];
  for (let i = 0; i < matrix.nRows; i++) if (norm2[i] > 0) nonEmpty.push(i);
  if (nonEmpty.length === 0) throw new InputError('every paper has an empty term vector (no term survived --min-df/--max-df): nothing to cluster');
  const centres = [nonEmpty[Math.floor(random() * nonEmpty.length)]];
  const bestCos = new Float64Array(matrix.nRows).fill(-Infinity);
  const dots = new Float64Array(matrix.nRows);
  const d2 = new Float64Array(matrix.nRows);
  while (centres.length < k) {
    cosinesTo(matrix, columns, centres[centres.length - 1], dots);
    let total = 0;
    for (let i = 0; i < matrix.nRows; i++) {
      if (dots[i] > bestCos[i]) bestCos[i] = dots[i];
      const d = norm2[i] > 0 ? 1 - bestCos[i] : 0;
      d2[i] = d > SAME_ROW ? d * d : 0;
      total += d2[i];
    }
    if (!(total > 0)) {
      throw new InputError(`only ${centres.length} distinct papers with terms for k = ${k} themes; choose a smaller k (--k, or --k-range with --k auto)`);
    }
    centres.push(drawWeighted(d2, total, random()));
  }
  return centres;
}

/**
 * dots[i] = row i · row `centre`, through the columns (CSC) of the centre's terms: only rows sharing
 * a term are touched, far fewer than all nonzeros. Summed in the centre's term order.
 */
function cosinesTo(matrix: CsrMatrix, columns: CsrMatrix, centre: number, dots: Float64Array): void {
  dots.fill(0);
  for (let p = matrix.indptr[centre]; p < matrix.indptr[centre + 1]; p++) {
    const weight = matrix.values[p];
    const j = matrix.indices[p];
    for (let q = columns.indptr[j]; q < columns.indptr[j + 1]; q++) dots[columns.indices[q]] += weight * columns.values[q];
  }
}

/** The row i with Σ_{j<i} w_j ≤ u·total < Σ_{j≤i} w_j (the last weighted row if rounding overshoots). */
function drawWeighted(weights: Float64Array, total: number, u: number): number {
  const target = u * total;
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    cumulative += weights[i];
    last = i;
    if (cumulative > target) return i;
  }
  return last;
}

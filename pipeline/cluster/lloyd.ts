// Owns one spherical k-means run from given centroids: Lloyd iterations (assign, repair empties,
// update) until the objective Σ_i (1 − cos(x_i, c(i))) stops improving, then a last assignment to
// the final centroids.
import type { CsrMatrix } from '../types.js';
import type { Assigner } from './assigner.js';
import { repairEmptyClusters, rowNorms2, updateCentroids } from './centroids.js';

export interface LloydOptions {
  maxIter: number;
  /** Stop when (previous − current) / previous objective < tolerance. */
  tolerance: number;
  onIteration?: (iteration: number, objective: number) => void;
}

/**
 * Runs Lloyd's algorithm from term-major centroids `centT` (nCols × k, from sharedArray), rows and
 * centroids on the unit sphere, each row assigned by max cosine. `columns` is the matrix transposed
 * (see transpose.ts). Returns the final assignment; `centT` is updated in place to its centroids.
 */
export async function runLloyd(
  matrix: CsrMatrix, columns: CsrMatrix, assigner: Assigner, centT: Float32Array, k: number, options: LloydOptions
): Promise<{ assignments: Int32Array; iterations: number }> {
  const norm2 = rowNorms2(matrix);
  const sums = new Float64Array(matrix.nCols * k);
  const assignments = new Int32Array(matrix.nRows).fill(-1);
  let previous = Infinity;
  let iterations = 0;
  let drift: Float64Array | undefined; // none at first: every row is scanned
  const before = new Float32Array(centT.length);
  while (iterations < options.maxIter) {
    iterations++;
    await assigner.assign(centT, k, drift);
    const { scores } = assigner;
    let changed = 0;
    for (let i = 0; i < matrix.nRows; i++) {
      if (assigner.assignments[i] !== assignments[i]) changed++;
      assignments[i] = assigner.assignments[i];
    }
    for (const row of repairEmptyClusters(assignments, scores, norm2, k)) {
      scores[row] = 1;
      assigner.forget(row);
      changed++;
    }
    let objective = 0;
    for (let i = 0; i < scores.length; i++) objective += 1 - scores[i];
    options.onIteration?.(iterations, objective);
    before.set(centT);
    updateCentroids(columns, assignments, k, centT, sums);
    drift = centroidDrift(before, centT, k);
    if (changed === 0) return { assignments, iterations }; // the update changed nothing: every row is at its nearest centroid
    if ((previous - objective) / previous < options.tolerance) break;
    previous = objective;
  }
  // Stopped on the tolerance (or maxIter) after an update: the rows were assigned to the centroids
  // before it, and 1.4% of the 74.7k papers were nearer another theme's final centroid (the numbers
  // audit of 2026-12-05: a paper's "also close to" theme was closer than its own, and `npm run assign`
  // put the same paper elsewhere). One more assignment, against the final centroids, which are kept,
  // as scikit-learn's last E-step does: every row is then in the theme of its nearest centroid.
  await assigner.assign(centT, k, drift);
  for (let i = 0; i < matrix.nRows; i++) assignments[i] = assigner.assignments[i];
  for (const row of repairEmptyClusters(assignments, assigner.scores, norm2, k)) assigner.forget(row);
  return { assignments, iterations };
}

/** δ_c = ‖c' − c‖ for each centroid c, from term-major copies before and after an update. */
function centroidDrift(before: Float32Array, after: Float32Array, k: number): Float64Array {
  const drift = new Float64Array(k);
  for (let q = 0; q < after.length; q += k) {
    for (let c = 0; c < k; c++) drift[c] += (after[q + c] - before[q + c]) ** 2;
  }
  return drift.map(Math.sqrt);
}

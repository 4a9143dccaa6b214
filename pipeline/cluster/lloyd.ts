// Owns one spherical k-means run from given centroids: Lloyd iterations (assign, repair empties,
// update) until the objective Σ_i (1 − cos(x_i, c(i))) stops improving.
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
    if (changed === 0 || (previous - objective) / previous < options.tolerance) break;
    previous = objective;
  }
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

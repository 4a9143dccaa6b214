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
  while (iterations < options.maxIter) {
    iterations++;
    await assigner.assign(centT, k);
    const { scores } = assigner;
    let changed = 0;
    for (let i = 0; i < matrix.nRows; i++) {
      if (assigner.assignments[i] !== assignments[i]) changed++;
      assignments[i] = assigner.assignments[i];
    }
    for (const row of repairEmptyClusters(assignments, scores, norm2, k)) {
      scores[row] = 1;
      changed++;
    }
    let objective = 0;
    for (let i = 0; i < scores.length; i++) objective += 1 - scores[i];
    options.onIteration?.(iterations, objective);
    updateCentroids(columns, assignments, k, centT, sums);
    if (changed === 0 || (previous - objective) / previous < options.tolerance) break;
    previous = objective;
  }
  return { assignments, iterations };
}

// Owns one k-means run from given centroids: Lloyd iterations (assign, repair empties, update) until
// the objective stops improving, then the final similarities and inertia.
import type { Clustering, CsrMatrix } from '../types.js';
import { sharedArray, type Assigner } from './assigner.js';
import { centroidBias, repairEmptyClusters, rowNorms2, toRowMajor, updateCentroids } from './centroids.js';

export interface LloydOptions {
  maxIter: number;
  /** Stop when (previous − current) / previous objective < tolerance. */
  tolerance: number;
  /**
   * true: spherical k-means — rows and centroids on the unit sphere, assign by max cosine, objective
   * Σ_i (1 − cos(x_i, c(i))). false: plain Euclidean k-means, objective Σ_i ‖x_i − c(i)‖² (kept
   * for checking this Lloyd step against ml-kmeans).
   */
  spherical: boolean;
  onIteration?: (iteration: number, objective: number) => void;
}

/**
 * Runs Lloyd's algorithm from term-major centroids `centT` (nCols × k, from sharedArray; updated in
 * place). `columns` is the matrix transposed (see transpose.ts).
 */
export async function runLloyd(
  matrix: CsrMatrix, columns: CsrMatrix, assigner: Assigner, centT: Float32Array, k: number, options: LloydOptions
): Promise<Clustering> {
  const { spherical } = options;
  const norm2 = rowNorms2(matrix);
  const sums = new Float64Array(matrix.nCols * k);
  const bias = sharedArray(Float64Array, k);
  const assignments = new Int32Array(matrix.nRows).fill(-1);
  let previous = Infinity;
  let iterations = 0;
  while (iterations < options.maxIter) {
    iterations++;
    centroidBias(centT, k, spherical, bias);
    await assigner.assign(centT, bias, k);
    const { scores } = assigner;
    let changed = 0;
    for (let i = 0; i < matrix.nRows; i++) {
      if (assigner.assignments[i] !== assignments[i]) changed++;
      assignments[i] = assigner.assignments[i];
    }
    for (const row of repairEmptyClusters(assignments, scores, norm2, k)) {
      scores[row] = spherical ? 1 : norm2[row] / 2;
      changed++;
    }
    const objective = sumObjective(norm2, scores, spherical);
    options.onIteration?.(iterations, objective);
    updateCentroids(columns, assignments, k, spherical, centT, sums);
    if (changed === 0 || (previous - objective) / previous < options.tolerance) break;
    previous = objective;
  }
  // The centroids are now the means of the final assignment; score every row against its own one.
  centroidBias(centT, k, spherical, bias);
  const own = scoreOwnCentroid(matrix, assignments, centT, bias, k);
  return {
    k,
    assignments,
    similarity: Float32Array.from(own),
    centroids: toRowMajor(centT, k, matrix.nCols),
    inertia: sumObjective(norm2, own, spherical),
    iterations
  };
}

/** Σ(1 − score) for unit rows (score = cosine; an empty row counts 1), else Σ(‖x‖² − 2·score). */
function sumObjective(norm2: Float64Array, scores: Float64Array, spherical: boolean): number {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += spherical ? 1 - scores[i] : norm2[i] - 2 * scores[i];
  return sum;
}

function scoreOwnCentroid(
  matrix: CsrMatrix, assignments: Int32Array, centT: Float32Array, bias: Float64Array, k: number
): Float64Array {
  const out = new Float64Array(matrix.nRows);
  for (let i = 0; i < matrix.nRows; i++) {
    const c = assignments[i];
    let dot = bias[c];
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) dot += matrix.values[p] * centT[matrix.indices[p] * k + c];
    out[i] = dot;
  }
  return out;
}

// Owns the map's k-nearest-neighbour job: each paper's K nearest papers by cosine among candidates
// sharing rare terms (knn-kernel.mjs), rows split over the map's threads.
import type { CsrMatrix } from '../types.js';
import { sharedArray } from '../shared-memory.js';
import { splitRows } from '../cluster/assigner.js';
import { commonPart, knnRange } from './knn-kernel.mjs';
import type { OnAll } from './parallel.js';

/**
 * idx/sim: row i's K nearest other rows at [i * K, i * K + K), best first (knnRange). `transposed`:
 * Xᵀ in CSR form; with threads > 1 both matrices must be in shared memory (the outputs and the
 * common-term part built here are).
 */
export async function nearestPapers(matrix: CsrMatrix, transposed: CsrMatrix, options: { K: number; maxDf: number; pool: number },
  onAll: OnAll, threads: number): Promise<{ idx: Int32Array; sim: Float32Array }> {
  const { K, maxDf, pool } = options;
  const n = matrix.nRows;
  const common = commonPart(matrix, transposed, maxDf, sharedArray);
  const [idx, sim] = [sharedArray(Int32Array, n * K), sharedArray(Float32Array, n * K)];
  await onAll(splitRows(matrix.indptr, n, threads), { kind: 'knn', matrix, transposed, common, maxDf, pool, K, outIdx: idx, outSim: sim },
    (s, e) => knnRange(matrix, transposed, common, maxDf, pool, K, s, e, idx, sim));
  return { idx, sim };
}

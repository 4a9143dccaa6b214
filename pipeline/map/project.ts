// Owns placing every paper on the map from its own TF-IDF row: exact-cosine k-nearest neighbours
// among candidates sharing rare terms (knn-kernel.mjs) → UMAP's fuzzy graph → negative-sampling SGD
// from a PCA start (LSA's top two components) smoothed over that graph (start.ts), on `workers`
// threads; then the layout's recall@10.
import type { CsrMatrix } from '../types.js';
import { plainArray, share, sharedArray } from '../shared-memory.js';
import { transpose } from '../cluster/transpose.js';
import { mapThreads } from './parallel.js';
import { nearestPapers } from './knn.js';
import { optimise } from './optimise.js';
import { lsa } from './lsa.js';
import { fuzzyGraph } from './fuzzy-graph.js';
import { pcaStart } from './pca-start.js';
import { startLayout } from './start.js';
import { PROJECTION, epochsFor, startRadiusFor } from './params.js';
import { mapRecall } from './recall.js';

/** The papers placed: what the map stage needs; the recall check comes after it (Projection). */
export interface Placed {
  /** x,y per paper, interleaved, in [-1, 1]² (aspect kept). */
  xy: Float32Array;
  /** Each paper's K nearest papers by exact TF-IDF cosine among its candidates, best first (-1 where fewer). */
  knnIdx: Int32Array;
  /** Their cosines (−Infinity where fewer). */
  knnSim: Float32Array;
  /** Neighbours per paper. */
  K: number;
}

export interface Projection extends Placed {
  /** The layout's measured recall@10 (recall.ts), null for tiny corpora. */
  recall10: number | null;
}

/** The threads start first, so they boot while this one shares the matrix with them. */
/**
 * `transposed`: the matrix's transpose (cluster/transpose.ts) when the caller has it, in shared memory;
 * else made here. `onPlaced` is handed the papers' places as soon as they are known, before the recall
 * check (~2.5 CPU s at 75k papers), which its caller need not wait for (in-background.ts).
 */
export async function projectPapers(matrix: CsrMatrix, options: { seed: number; workers: number; transposed?: CsrMatrix;
  onPlaced?: (placed: Placed) => void }): Promise<Projection> {
  const n = matrix.nRows;
  const K = Math.min(PROJECTION.neighbours, n - 1);
  const threads = Math.max(1, Math.min(options.workers, n));
  const pool = mapThreads(threads);
  const onAll = pool.run;
  try {
    const m = threads === 1 ? matrix : { ...matrix, indptr: share(matrix.indptr), indices: share(matrix.indices), values: share(matrix.values) };
    // Xᵀ in CSR form (the postings the LSA, the neighbour search and the recall check walk), made
    // while the workers start the LSA.
    const { reduced, transposed: mt } = await lsa(m, () => options.transposed ?? transpose(matrix, threads === 1 ? plainArray : sharedArray),
      { dims: PROJECTION.dims, powerIterations: PROJECTION.powerIterations, seed: options.seed }, onAll, threads);
    const pca = pcaStart(reduced, n, reduced.length / n);
    const { idx, sim } = await nearestPapers(m, mt, { K, maxDf: PROJECTION.maxDf, pool: PROJECTION.pool }, onAll, threads);
    const graph = await fuzzyGraph(idx, sim, n, K, epochsFor(n), onAll, threads);
    const xy = await optimise(graph, startLayout(pca, graph, n, startRadiusFor(n)), n, options.seed, onAll, threads);
    const placed = fitSquare(xy, n);
    options.onPlaced?.({ xy: placed, knnIdx: idx, knnSim: sim, K });
    const recall10 = await mapRecall(m, mt, threads === 1 ? placed : share(placed), options.seed, onAll, threads);
    return { xy: placed, knnIdx: idx, knnSim: sim, K, recall10 };
  } finally {
    await pool.close();
  }
}

/** Centres the points' bounding box on the origin and scales both axes by one factor to fit [-1, 1]². */
function fitSquare(xy: Float32Array, n: number): Float32Array {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    [minX, maxX] = [Math.min(minX, xy[2 * i]), Math.max(maxX, xy[2 * i])];
    [minY, maxY] = [Math.min(minY, xy[2 * i + 1]), Math.max(maxY, xy[2 * i + 1])];
  }
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const [midX, midY] = [(minX + maxX) / 2, (minY + maxY) / 2];
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = half > 0 ? (xy[2 * i] - midX) / half : 0;
    out[2 * i + 1] = half > 0 ? (xy[2 * i + 1] - midY) / half : 0;
  }
  return out;
}

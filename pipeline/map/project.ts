// Owns placing every paper on the map from its own TF-IDF row: exact-cosine k-nearest neighbours
// among candidates sharing rare terms (knn-kernel.mjs) → UMAP's fuzzy graph → negative-sampling SGD
// from a PCA start (LSA's top two components), on `workers` threads; then the layout's recall@10.
import type { CsrMatrix } from '../types.js';
import { sharedArray, share } from '../shared-memory.js';
import { mapThreads } from './parallel.js';
import { splitRows } from '../cluster/assigner.js';
import { knnRange } from './knn-kernel.mjs';
import { optimise } from './optimise.js';
import { lsa } from './lsa.js';
import { fuzzyGraph } from './fuzzy-graph.js';
import { pcaStart } from './pca-start.js';
import { PROJECTION, epochsFor } from './params.js';
import { mapRecall } from './recall.js';

export interface Projection {
  /** x,y per paper, interleaved, in [-1, 1]² (aspect kept). */
  xy: Float32Array;
  /** Each paper's K nearest papers by exact TF-IDF cosine among its candidates, best first (-1 where fewer). */
  knnIdx: Int32Array;
  /** Their cosines (−Infinity where fewer). */
  knnSim: Float32Array;
  /** Neighbours per paper. */
  K: number;
  /** The layout's measured recall@10 (recall.ts), null for tiny corpora. */
  recall10: number | null;
}

/** `transposed`: Xᵀ in CSR form (cluster/transpose.ts), for the LSA's products. */
export async function projectPapers(matrix: CsrMatrix, transposed: CsrMatrix, options: { seed: number; workers: number }): Promise<Projection> {
  const n = matrix.nRows;
  const K = Math.min(PROJECTION.neighbours, n - 1);
  const threads = Math.max(1, Math.min(options.workers, n));
  const shared = (a: CsrMatrix): CsrMatrix => threads === 1 ? a : { ...a, indptr: share(a.indptr), indices: share(a.indices), values: share(a.values) };
  const m = shared(matrix);
  const pool = mapThreads(threads);
  const onAll = pool.run;
  try {
    const mt = shared(transposed);
    const reduced = await lsa(m, mt, { dims: PROJECTION.dims, powerIterations: PROJECTION.powerIterations, seed: options.seed }, onAll, threads);
    const start = pcaStart(reduced, n, reduced.length / n);
    const [idx, sim] = [sharedArray(Int32Array, n * K), sharedArray(Float32Array, n * K)];
    const { maxDf, pool: candidates } = PROJECTION;
    await onAll(splitRows(m.indptr, n, threads), { kind: 'knn', matrix: m, transposed: mt, maxDf, pool: candidates, K, outIdx: idx, outSim: sim },
      (s, e) => knnRange(m, mt, maxDf, candidates, K, s, e, idx, sim));
    const graph = fuzzyGraph(idx, sim, n, K, epochsFor(n));
    const xy = await optimise(graph, start, n, options.seed, onAll, threads);
    const placed = fitSquare(xy, n);
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

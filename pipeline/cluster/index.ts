// Owns the cluster stage: spherical k-means (cosine) on the L2-normalised TF-IDF rows, Lloyd then (small
// themes) Hartigan moves, from the deterministic divisive start (default) or from k-means++ draws.
// Divisive: the themes are the full corpus' run; `restarts` − 1 more runs on seeded 90% subsamples of
// the papers measure how much the themes depend on which papers are in (stability, reproducibility).
// k-means++: `restarts` runs with seeds seed, seed+1, …; the best is kept, their agreement measured.
import type { Clustering, CsrMatrix } from '../types.js';
import { createAssigner } from './assigner.js';
import { centroidSimilarities } from './centroid-similarity.js';
import { adjustedRandIndex } from './ari.js';
import { checkInput, meanPairwiseAri, runDivisive, runSeeded, sliceRows, SUBSAMPLE_SHARE } from './run-seeded.js';
import { pickSubset } from '../prng.js';
import { transpose } from './transpose.js';
import { themeReproducibility } from './reproducibility.js';

export { adjustedRandIndex } from './ari.js';
export type { ClusterInit } from './run-seeded.js';
export { SUBSAMPLE_SHARE } from './run-seeded.js';
export { chooseK } from './choose-k.js';
export { themeCohesion } from './describe.js';

export interface ClusterOptions {
  k: number;
  seed: number;
  restarts: number;
  /** Default 'divisive' (needs `keys`). */
  init?: import('./run-seeded.js').ClusterInit;
  /** One per row, fixed by the paper (prng.ts paperKey): the divisive start's sampling order. */
  keys?: Uint32Array;
  maxIter: number;
  tolerance: number;
  /** Threads for the assignment step, the main one included (1 = no worker threads). */
  workers: number;
  /** The matrix's transpose (transpose.ts), when the caller already made it for other stages too. */
  columns?: CsrMatrix;
  onIteration?: (restart: number, iteration: number, inertia: number) => void;
}

export interface ClusterResult {
  /** The run with the lowest inertia Σ(1 − cos); the earliest on a tie. */
  best: Clustering;
  runs: Clustering[];
  /**
   * Divisive: mean ARI between the themes and each subsample run's, on the papers both hold;
   * k-means++: mean ARI over all pairs of runs. Null for a single run.
   */
  stability: number | null;
  /** What `stability` compares: the runs on subsamples of the papers, or the seeded restarts. */
  stabilityKind: 'subsample' | 'restarts';
  /** k × k cosines between the best run's centroids (centroid-similarity.ts), for the later stages. */
  themeSimilarity: Float64Array;
  /** Per theme of the best run: its best Jaccard with the other runs' themes (reproducibility.ts), on shared papers; null for one run. */
  reproducibility: Float64Array | null;
}

/**
 * Spherical k-means: maximises Σ_i cos(x_i, c(i)), i.e. minimises the inertia Σ_i (1 − cos), with
 * unit-length centroids (each the re-normalised mean of its rows). The output depends only on the
 * input and the seed, never on `workers`.
 */
export async function clusterPapers(matrix: CsrMatrix, options: ClusterOptions): Promise<ClusterResult> {
  checkInput(matrix, options.k);
  if ((options.init ?? 'divisive') === 'divisive') return clusterDivisive(matrix, options);
  const columns = options.columns ?? transpose(matrix);
  const assigner = createAssigner(matrix, options.workers);
  try {
    const runs: Clustering[] = [];
    for (let r = 0; r < Math.max(1, options.restarts); r++) {
      runs.push(await runSeeded(matrix, columns, assigner, options.seed + r, options, (it, inertia) => options.onIteration?.(r, it, inertia)));
    }
    const best = runs.reduce((a, b) => (b.inertia < a.inertia ? b : a));
    return {
      best, runs, stability: meanPairwiseAri(runs.map((run) => run.assignments)), stabilityKind: 'restarts',
      themeSimilarity: centroidSimilarities(best.centroids, best.k, matrix.nCols),
      reproducibility: themeReproducibility(best.assignments, runs.filter((run) => run !== best).map((run) => run.assignments), best.k)
    };
  } finally {
    await assigner.close();
  }
}

/** The divisive run on all rows, then restarts − 1 divisive runs on seeded subsamples (seed, seed + 1, …). */
async function clusterDivisive(matrix: CsrMatrix, options: ClusterOptions): Promise<ClusterResult> {
  const keys = options.keys ?? Uint32Array.from({ length: matrix.nRows }, (_, i) => i);
  if (keys.length !== matrix.nRows) throw new Error(`clusterPapers: ${keys.length} keys for ${matrix.nRows} rows`);
  const best = await runOn(matrix, keys, options, 0, options.columns);
  const agreement: number[] = [];
  const shared: Int32Array[] = [];
  const others: Int32Array[] = [];
  for (let r = 1; r < Math.max(1, options.restarts); r++) {
    const rows = pickSubset(matrix.nRows, SUBSAMPLE_SHARE, options.seed + r - 1);
    if (rows.length < options.k) break;
    const run = await runOn(sliceRows(matrix, rows), Uint32Array.from(rows, (i) => keys[i]), options, r);
    const mine = Int32Array.from(rows, (i) => best.assignments[i]);
    agreement.push(adjustedRandIndex(mine, run.assignments));
    shared.push(mine);
    others.push(run.assignments);
  }
  return {
    best, runs: [best], stabilityKind: 'subsample',
    stability: agreement.length === 0 ? null : agreement.reduce((a, b) => a + b, 0) / agreement.length,
    themeSimilarity: centroidSimilarities(best.centroids, best.k, matrix.nCols),
    reproducibility: subsampleReproducibility(shared, others, best.k)
  };
}

async function runOn(matrix: CsrMatrix, keys: Uint32Array, options: ClusterOptions, r: number, columns?: CsrMatrix): Promise<Clustering> {
  const assigner = createAssigner(matrix, options.workers);
  try {
    return await runDivisive(matrix, columns ?? transpose(matrix), assigner, keys, options, (it, inertia) => options.onIteration?.(r, it, inertia));
  } finally {
    await assigner.close();
  }
}

/** Mean over the subsample runs of each theme's best Jaccard there (reproducibility.ts), on each run's papers. */
function subsampleReproducibility(shared: Int32Array[], others: Int32Array[], k: number): Float64Array | null {
  if (others.length === 0) return null;
  const out = new Float64Array(k);
  shared.forEach((mine, r) => {
    const one = themeReproducibility(mine, [others[r]], k)!;
    for (let t = 0; t < k; t++) out[t] += one[t] / others.length;
  });
  return out;
}

// Owns the cluster stage: spherical k-means (cosine) on the L2-normalised TF-IDF rows, k-means++ seeded,
// Lloyd then (small themes) Hartigan moves; `restarts` runs with seeds seed, seed+1, …; keeps the best.
import type { Clustering, CsrMatrix } from '../types.js';
import { createAssigner } from './assigner.js';
import { centroidSimilarities } from './centroid-similarity.js';
import { checkInput, meanPairwiseAri, runSeeded } from './run-seeded.js';
import { transpose } from './transpose.js';
import { themeReproducibility } from './reproducibility.js';

export { adjustedRandIndex } from './ari.js';
export { chooseK } from './choose-k.js';
export { themeCohesion } from './describe.js';

export interface ClusterOptions {
  k: number;
  seed: number;
  restarts: number;
  maxIter: number;
  tolerance: number;
  /** Threads for the assignment step, the main one included (1 = no worker threads). */
  workers: number;
  onIteration?: (restart: number, iteration: number, inertia: number) => void;
}

export interface ClusterResult {
  /** The run with the lowest inertia Σ(1 − cos); the earliest on a tie. */
  best: Clustering;
  runs: Clustering[];
  /** Mean adjusted Rand index over all pairs of runs; null for a single run. */
  stability: number | null;
  /** k × k cosines between the best run's centroids (centroid-similarity.ts), for the later stages. */
  themeSimilarity: Float64Array;
  /** Per theme of the best run: its best Jaccard with the other restarts' themes (reproducibility.ts); null for one restart. */
  reproducibility: Float64Array | null;
}

/**
 * Spherical k-means: maximises Σ_i cos(x_i, c(i)), i.e. minimises the inertia Σ_i (1 − cos), with
 * unit-length centroids (each the re-normalised mean of its rows). The output depends only on the
 * input and the seed, never on `workers`.
 */
export async function clusterPapers(matrix: CsrMatrix, options: ClusterOptions): Promise<ClusterResult> {
  checkInput(matrix, options.k);
  const columns = transpose(matrix);
  const assigner = createAssigner(matrix, options.workers);
  try {
    const runs: Clustering[] = [];
    for (let r = 0; r < Math.max(1, options.restarts); r++) {
      runs.push(await runSeeded(matrix, columns, assigner, options.seed + r, options, (it, inertia) => options.onIteration?.(r, it, inertia)));
    }
    const best = runs.reduce((a, b) => (b.inertia < a.inertia ? b : a));
    return {
      best, runs, stability: meanPairwiseAri(runs.map((run) => run.assignments)),
      themeSimilarity: centroidSimilarities(best.centroids, best.k, matrix.nCols),
      reproducibility: themeReproducibility(best.assignments, runs.filter((run) => run !== best).map((run) => run.assignments), best.k)
    };
  } finally {
    await assigner.close();
  }
}

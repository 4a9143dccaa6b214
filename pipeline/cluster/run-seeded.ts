// Owns the pieces shared by clusterPapers and chooseK: one seeded spherical k-means run, the input
// checks and the mean pairwise ARI of several runs.
import type { Clustering, CsrMatrix } from '../types.js';
import { adjustedRandIndex } from './ari.js';
import type { Assigner } from './assigner.js';
import { centroidsFromRows } from './centroids.js';
import { describeClustering } from './describe.js';
import { refineByHartigan } from './hartigan.js';
import { runLloyd } from './lloyd.js';
import { createRandom } from '../prng.js';
import { seedCentroids } from './seed-centroids.js';

/**
 * One spherical k-means run: k-means++ seeds from `seed`, Lloyd iterations (`columns`: transpose),
 * then, where themes are small, Hartigan's single-row moves (see hartigan.ts), at most maxIter passes.
 */
export async function runSeeded(
  matrix: CsrMatrix, columns: CsrMatrix, assigner: Assigner, seed: number,
  options: { k: number; maxIter: number; tolerance: number }, onIteration?: (iteration: number, inertia: number) => void
): Promise<Clustering> {
  const { k } = options;
  const centT = centroidsFromRows(matrix, seedCentroids(matrix, columns, k, createRandom(seed)));
  const { assignments, iterations } = await runLloyd(matrix, columns, assigner, centT, k, { ...options, onIteration });
  const lloyd = await describeClustering(matrix, assigner, assignments, centT, k, iterations);
  const refined = refineByHartigan(matrix, lloyd, centT, { maxPasses: options.maxIter, tolerance: options.tolerance });
  return refined ? describeClustering(matrix, assigner, refined.assignments, refined.centT, k, iterations) : lloyd;
}

/** Mean ARI over all pairs of labelings; null when there is fewer than two. */
export function meanPairwiseAri(labelings: Int32Array[]): number | null {
  if (labelings.length < 2) return null;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < labelings.length; a++) {
    for (let b = a + 1; b < labelings.length; b++) {
      sum += adjustedRandIndex(labelings[a], labelings[b]);
      pairs++;
    }
  }
  return sum / pairs;
}

/** Throws on a k the matrix cannot support (too few distinct papers is found while seeding). */
export function checkInput(matrix: CsrMatrix, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  if (k > matrix.nRows) throw new Error(`fewer papers (${matrix.nRows}) than themes (${k})`);
}

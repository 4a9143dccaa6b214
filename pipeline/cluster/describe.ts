// Owns what a k-means run hands on to the later stages, computed once from its final centroids:
// each paper's cosine to its own, second and third themes, its rank in its theme, and theme sizes.
import type { Clustering, CsrMatrix } from '../types.js';
import type { Assigner } from './assigner.js';
import { toRowMajor } from './centroids.js';
import { rankInTheme } from './rank-in-theme.js';

/**
 * The Clustering of `assignments` with term-major centroids `centT` (shared memory): one scoring
 * pass of the assignment kernel over all threads (see assign-kernel.mjs, scoreRange), so the map
 * and the store read every cosine from here. Inertia = Σ_i (1 − cos(x_i, c(i))).
 */
export async function describeClustering(
  matrix: CsrMatrix, assigner: Assigner, assignments: Int32Array, centT: Float32Array, k: number, iterations: number
): Promise<Clustering> {
  assigner.assignments.set(assignments);
  await assigner.score(centT, k);
  let inertia = 0;
  for (const score of assigner.scores) inertia += 1 - score;
  const sizes = new Int32Array(k);
  for (const theme of assignments) sizes[theme]++;
  const similarity = Float32Array.from(assigner.scores);
  return {
    k,
    assignments,
    sizes,
    similarity,
    rankInTheme: rankInTheme({ assignments, similarity }),
    secondTheme: Int32Array.from(assigner.second),
    secondSimilarity: Float32Array.from(assigner.secondScores),
    thirdTheme: Int32Array.from(assigner.third),
    // Capped at the second's, so float rounding never orders the two wrongly.
    thirdSimilarity: Float32Array.from(assigner.thirdScores, (s, i) => Math.min(s, assigner.secondScores[i])),
    centroids: toRowMajor(centT, k, matrix.nCols),
    inertia,
    iterations
  };
}

/** Per theme, the mean cosine of its papers to its centroid (0 for an empty theme). */
export function themeCohesion({ k, assignments, similarity, sizes }: Pick<Clustering, 'k' | 'assignments' | 'similarity' | 'sizes'>): Float64Array {
  const sums = new Float64Array(k);
  for (let i = 0; i < assignments.length; i++) sums[assignments[i]] += similarity[i];
  return sums.map((sum, t) => (sizes[t] > 0 ? sum / sizes[t] : 0));
}

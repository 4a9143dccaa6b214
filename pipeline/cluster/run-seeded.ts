// Owns the pieces shared by clusterPapers and chooseK: one spherical k-means run from either start
// (the deterministic divisive one or seeded k-means++), the input checks and the mean pairwise ARI
// of several runs.
import type { Clustering, CsrMatrix } from '../types.js';
import { InputError } from '../errors.js';
import { adjustedRandIndex } from './ari.js';
import type { Assigner } from './assigner.js';
import { centroidsFromRows, updateCentroids } from './centroids.js';
import { describeClustering } from './describe.js';
import { refineByHartigan } from './hartigan.js';
import { runLloyd } from './lloyd.js';
import { createRandom } from '../prng.js';
import { seedCentroids } from './seed-centroids.js';
import { bisectingStart } from './bisect.js';
import { sharedArray } from '../shared-memory.js';

/** Share of the papers in each stability subsample of a divisive run (and of --k auto's check). */
export const SUBSAMPLE_SHARE = 0.9;

/** How a run picks its starting centroids: top-down splits (no randomness) or k-means++ draws. */
export type ClusterInit = 'divisive' | 'kmeans++';

/**
 * One spherical k-means run: k-means++ seeds from `seed`, Lloyd iterations (`columns`: transpose),
 * then, where themes are small, Hartigan's single-row moves (see hartigan.ts), at most maxIter passes.
 */
export async function runSeeded(
  matrix: CsrMatrix, columns: CsrMatrix, assigner: Assigner, seed: number,
  options: { k: number; maxIter: number; tolerance: number }, onIteration?: (iteration: number, inertia: number) => void
): Promise<Clustering> {
  const centT = centroidsFromRows(matrix, seedCentroids(matrix, columns, options.k, createRandom(seed)));
  return runFrom(matrix, columns, assigner, centT, options, onIteration);
}

/**
 * One spherical k-means run from the divisive start (bisect.ts): the themes of a top-down tree of
 * principal-direction cuts, each polished by 2-means; `keys` (one per row, fixed by the paper) say
 * which rows estimate a big theme's direction. No seed: the same papers give the same themes.
 */
export async function runDivisive(
  matrix: CsrMatrix, columns: CsrMatrix, assigner: Assigner, keys: Uint32Array,
  options: { k: number; maxIter: number; tolerance: number }, onIteration?: (iteration: number, inertia: number) => void
): Promise<Clustering> {
  const { k } = options;
  const start = bisectingStart(matrix, k, { keys });
  let themes = 0;
  for (const t of start) themes = Math.max(themes, t + 1);
  if (themes < k) {
    // No theme could be cut further: each holds copies of one row (or rows without terms).
    const live = new Set<number>();
    for (let i = 0; i < matrix.nRows; i++) if (matrix.indptr[i + 1] > matrix.indptr[i]) live.add(start[i]);
    if (live.size === 0) throw new InputError('every paper has an empty term vector (no term survived --min-df/--max-df): nothing to cluster');
    throw new InputError(`only ${live.size} distinct papers with terms for k = ${k} themes; choose a smaller k (--k, or --k-range with --k auto)`);
  }
  const centT = sharedArray(Float32Array, matrix.nCols * k);
  updateCentroids(columns, start, k, centT, new Float64Array(matrix.nCols * k));
  return runFrom(matrix, columns, assigner, centT, options, onIteration);
}

/** Lloyd from `centT` (term-major, shared), then Hartigan where themes are small. */
async function runFrom(
  matrix: CsrMatrix, columns: CsrMatrix, assigner: Assigner, centT: Float32Array,
  options: { k: number; maxIter: number; tolerance: number }, onIteration?: (iteration: number, inertia: number) => void
): Promise<Clustering> {
  const { k } = options;
  const { assignments, iterations } = await runLloyd(matrix, columns, assigner, centT, k, { ...options, onIteration });
  const lloyd = await describeClustering(matrix, assigner, assignments, centT, k, iterations);
  const refined = refineByHartigan(matrix, lloyd, centT, { maxPasses: options.maxIter, tolerance: options.tolerance });
  return refined ? describeClustering(matrix, assigner, refined.assignments, refined.centT, k, iterations) : lloyd;
}

/** The given rows of a CSR matrix, in that order. */
export function sliceRows(matrix: CsrMatrix, rows: ArrayLike<number>): CsrMatrix {
  const n = rows.length;
  const indptr = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) indptr[i + 1] = indptr[i] + matrix.indptr[rows[i] + 1] - matrix.indptr[rows[i]];
  const indices = new Uint32Array(indptr[n]);
  const values = new Float32Array(indptr[n]);
  for (let i = 0; i < n; i++) {
    const from = matrix.indptr[rows[i]];
    const to = matrix.indptr[rows[i] + 1];
    indices.set(matrix.indices.subarray(from, to), indptr[i]);
    values.set(matrix.values.subarray(from, to), indptr[i]);
  }
  return { nRows: n, nCols: matrix.nCols, indptr, indices, values };
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

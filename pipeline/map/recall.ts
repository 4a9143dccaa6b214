// Owns the map's measured quality: neighbourhood preservation, recall@10 of map neighbours against
// exact TF-IDF cosine neighbours, for a seeded sample of papers (split over the map's threads).
import type { CsrMatrix } from '../types.js';
import { createRandom } from '../prng.js';
import { sharedArray } from '../shared-memory.js';
import { mapGrid, recallRange } from './recall-kernel.mjs';
import { HERE, type OnAll } from './parallel.js';

export const RECALL_SAMPLE = 2000;
export const RECALL_K = 10;

/**
 * For each sampled paper i (up to RECALL_SAMPLE of the papers with a non-empty row, drawn by a
 * seeded partial Fisher–Yates shuffle): A = its RECALL_K nearest other papers by exact TF-IDF cosine
 * (rows are unit, so row · row; ties to the lower row), B = its RECALL_K nearest other points on the
 * map by Euclidean distance (ties to the lower row); recall@10 = mean over the sample of |A ∩ B| / RECALL_K
 * (recall-kernel.mjs). `transposed`: Xᵀ in CSR form, so the cosines of i with every row cost Σ over
 * i's terms of their document frequencies. With `onAll` over `threads`, matrix, transposed and xy must
 * be in shared memory. Null when fewer than RECALL_K + 1 papers have a row.
 */
export async function mapRecall(matrix: CsrMatrix, transposed: CsrMatrix, xy: Float32Array, seed: number,
  onAll: OnAll = HERE, threads = 1): Promise<number | null> {
  const n = matrix.nRows;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (matrix.indptr[i + 1] > matrix.indptr[i]) rows.push(i);
  if (rows.length <= RECALL_K) return null;
  const random = createRandom(seed);
  const size = Math.min(RECALL_SAMPLE, rows.length);
  for (let s = 0; s < size; s++) {
    const j = s + Math.floor(random() * (rows.length - s));
    [rows[s], rows[j]] = [rows[j], rows[s]];
  }
  const sample = sharedArray(Int32Array, size);
  sample.set(rows.slice(0, size));
  const out = sharedArray(Float64Array, size);
  const bounds = Array.from({ length: threads + 1 }, (_, w) => Math.round((w * size) / threads));
  const grid = mapGrid(xy, n);
  await onAll(bounds, { kind: 'recall', matrix, transposed, xy, grid, sample, K: RECALL_K, out },
    (s, e) => recallRange(matrix, transposed, xy, grid, sample, RECALL_K, s, e, out));
  let total = 0;
  for (let s = 0; s < size; s++) total += out[s]; // in sample order, so any thread count sums alike
  return total / size;
}

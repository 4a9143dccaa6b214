// Owns the map's measured quality: neighbourhood preservation, recall@10 of map neighbours against
// exact TF-IDF cosine neighbours, for a seeded sample of papers.
import type { CsrMatrix } from '../types.js';
import { createRandom } from '../prng.js';

export const RECALL_SAMPLE = 2000;
export const RECALL_K = 10;

/**
 * For each sampled paper i (up to RECALL_SAMPLE of the papers with a non-empty row, drawn by a
 * seeded partial Fisher–Yates shuffle): A = its RECALL_K nearest other papers by exact TF-IDF cosine
 * (rows are unit, so row · row; ties to the lower row), B = its RECALL_K nearest other points on the
 * map by Euclidean distance (ties to the lower row); recall@10 = mean over the sample of |A ∩ B| / RECALL_K.
 * `transposed`: Xᵀ in CSR form, so the cosines of i with every row cost Σ over i's terms of their
 * document frequencies. Null when fewer than RECALL_K + 1 papers have a row.
 */
export function mapRecall(matrix: CsrMatrix, transposed: CsrMatrix, xy: Float32Array, seed: number): number | null {
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
  const scores = new Float64Array(n);
  const mapDistance = new Float64Array(n);
  let total = 0;
  for (let s = 0; s < size; s++) {
    const i = rows[s];
    scores.fill(0);
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
      const [col, v] = [matrix.indices[p], matrix.values[p]];
      for (let q = transposed.indptr[col]; q < transposed.indptr[col + 1]; q++) scores[transposed.indices[q]] += v * transposed.values[q];
    }
    for (let j = 0; j < n; j++) mapDistance[j] = -((xy[2 * j] - xy[2 * i]) ** 2 + (xy[2 * j + 1] - xy[2 * i + 1]) ** 2);
    const text = topK(scores, i, RECALL_K);
    const near = new Set(topK(mapDistance, i, RECALL_K));
    let hits = 0;
    for (const j of text) if (near.has(j)) hits++;
    total += hits / RECALL_K;
  }
  return total / size;
}

/** The K indices of highest value other than `self`, ties to the lower index. */
function topK(values: Float64Array, self: number, K: number): number[] {
  const best: number[] = [];
  for (let j = 0; j < values.length; j++) {
    if (j === self) continue;
    if (best.length === K && values[j] <= values[best[K - 1]]) continue;
    let p = best.length === K ? K - 1 : best.length;
    while (p > 0 && values[j] > values[best[p - 1]]) {
      best[p] = best[p - 1];
      p--;
    }
    best[p] = j;
  }
  return best;
}

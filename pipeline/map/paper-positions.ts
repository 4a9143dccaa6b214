// Where each paper sits on the map: inside its theme's disc, typical papers at the centre, and
// leaning toward the theme it is second-closest to.
import type { Clustering, CsrMatrix } from '../types.js';

export interface SecondTheme {
  /** Theme with the paper's second-highest centroid similarity (−1 when k = 1). */
  theme: Int32Array;
  similarity: Float32Array;
}

/**
 * For each paper, the most similar theme other than its own: the sparse row's dot products with all
 * k centroids (rows are unit TF-IDF, centroids unit, so dot = cosine). Centroids are transposed to
 * column-major first so each non-zero reads k contiguous floats: n × nnz/row × k multiply-adds.
 */
export function findSecondThemes(matrix: CsrMatrix, clustering: Clustering): SecondTheme {
  const { k, centroids, assignments } = clustering;
  const { nRows, nCols, indptr, indices, values } = matrix;
  const byColumn = new Float32Array(nCols * k);
  for (let c = 0; c < k; c++) for (let col = 0; col < nCols; col++) byColumn[col * k + c] = centroids[c * nCols + col];
  const theme = new Int32Array(nRows).fill(-1);
  const similarity = new Float32Array(nRows);
  const scores = new Float64Array(k);
  for (let i = 0; i < nRows; i++) {
    scores.fill(0);
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const base = indices[p] * k;
      const v = values[p];
      for (let c = 0; c < k; c++) scores[c] += v * byColumn[base + c];
    }
    let best = -1;
    for (let c = 0; c < k; c++) if (c !== assignments[i] && (best < 0 || scores[c] > scores[best])) best = c;
    theme[i] = best;
    similarity[i] = best < 0 ? 0 : scores[best];
  }
  return { theme, similarity };
}

/** 0-based rank of each paper within its theme by similarity to the centroid (highest first, ties by row). */
export function rankWithinThemes(assignments: Int32Array, similarity: Float32Array): Int32Array {
  const order = Array.from({ length: assignments.length }, (_, i) => i);
  order.sort((x, y) => assignments[x] - assignments[y] || similarity[y] - similarity[x] || x - y);
  const rank = new Int32Array(assignments.length);
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    rank[i] = p > 0 && assignments[order[p - 1]] === assignments[i] ? rank[order[p - 1]] + 1 : 0;
  }
  return rank;
}

/**
 * Paper i of theme t (size nₜ, disc radius rₜ, centre cₜ), at rank qᵢ within t and with second
 * theme o at cosine s₂ against its own s:
 *   distance from cₜ  ρ = rₜ √((qᵢ + ½) / nₜ)   — grows as similarity falls; the square root spreads
 *                                                  papers evenly over the disc's area
 *   angle            φ = atan2(cₒ − cₜ) + (2u − 1) π (1 − pull),  pull = clamp(s₂ / s, 0, 1)
 * with u uniform from `random` (one draw per paper, in row order): a paper almost as close to o as to
 * t points straight at o, one with no second affinity may point anywhere. Papers never leave their
 * disc, so with non-overlapping discs a paper is nearer its own centre than any other disc's edge.
 */
export function placePapers(
  clustering: Clustering,
  second: SecondTheme,
  themeXY: Float64Array,
  radius: Float64Array,
  random: () => number
): Float32Array {
  const { k, assignments, similarity } = clustering;
  const n = assignments.length;
  const sizes = new Int32Array(k);
  for (const t of assignments) sizes[t]++;
  const rank = rankWithinThemes(assignments, similarity);
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const t = assignments[i];
    const o = second.theme[i];
    const u = random();
    const [cx, cy] = [themeXY[2 * t], themeXY[2 * t + 1]];
    const rho = radius[t] * Math.sqrt((rank[i] + 0.5) / sizes[t]);
    const pull = similarity[i] > 0 ? Math.min(1, Math.max(0, second.similarity[i] / similarity[i])) : 0;
    const toward = o < 0 ? 0 : Math.atan2(themeXY[2 * o + 1] - cy, themeXY[2 * o] - cx);
    const angle = toward + (2 * u - 1) * Math.PI * (1 - pull);
    xy[2 * i] = cx + rho * Math.cos(angle);
    xy[2 * i + 1] = cy + rho * Math.sin(angle);
  }
  return xy;
}

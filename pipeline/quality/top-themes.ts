// Owns each paper's third-closest theme (the clustering hands on the first two) and the weak-member
// flag: a paper that sits far out at the edge of its theme.
import type { Clustering, CsrMatrix } from '../types.js';

/**
 * A paper is a weak member of its theme when its cosine to the theme's centroid is below
 * WEAK_SHARE × the theme's cohesion (the mean cosine of its papers): it sits well outside the
 * theme's typical distance, so the theme says little about it. A share of the cohesion, not a fixed
 * cosine, because cohesion runs from ~0.15 to ~0.35 between themes. On 74,728 arXiv cs papers at
 * k = 40, 0.5 / 0.6 / 0.7 × cohesion flag 0.8 % / 3.1 % / 9.0 % of the papers; 0.6 keeps the flag
 * for the clear edge cases.
 */
export const WEAK_SHARE = 0.6;

export interface PaperMemberships {
  /** Each paper's third-closest theme (−1 when k < 3) and its cosine to that centroid (0 then). */
  third: Int32Array;
  thirdSimilarity: Float32Array;
  /** 1 where the paper is a weak member of its theme (see WEAK_SHARE). */
  weak: Uint8Array;
}

/** Term-major (nCols × k) copy of the row-major unit centroids, so one row's terms read k values in a run. */
function termMajor(centroids: Float32Array, k: number, nCols: number): Float32Array {
  const out = new Float32Array(nCols * k);
  for (let c = 0; c < k; c++) for (let t = 0; t < nCols; t++) out[t * k + c] = centroids[c * nCols + t];
  return out;
}

/**
 * One pass over the rows × the k centroids: cos(x_i, c) = x_i · c (unit rows and centroids); the
 * third theme is the most similar one other than the paper's own and its second (ties to the lower
 * id), its cosine capped at the second's so float rounding never orders them wrongly.
 */
export function paperMemberships(
  matrix: CsrMatrix,
  clustering: Pick<Clustering, 'k' | 'assignments' | 'similarity' | 'secondTheme' | 'secondSimilarity' | 'centroids'>,
  cohesion: ArrayLike<number>
): PaperMemberships {
  const { k, assignments, similarity, secondTheme, secondSimilarity } = clustering;
  const n = matrix.nRows;
  const third = new Int32Array(n).fill(-1);
  const thirdSimilarity = new Float32Array(n);
  const weak = new Uint8Array(n);
  const centT = termMajor(clustering.centroids, k, matrix.nCols);
  const scores = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    weak[i] = similarity[i] < WEAK_SHARE * cohesion[assignments[i]] ? 1 : 0;
    if (k < 3) continue;
    scores.fill(0);
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
      const base = matrix.indices[p] * k;
      const v = matrix.values[p];
      for (let c = 0; c < k; c++) scores[c] += v * centT[base + c];
    }
    let best = -1;
    for (let c = 0; c < k; c++) {
      if (c === assignments[i] || c === secondTheme[i]) continue;
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
    third[i] = best;
    thirdSimilarity[i] = Math.min(scores[best], secondSimilarity[i]);
  }
  return { third, thirdSimilarity, weak };
}

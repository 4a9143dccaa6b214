// Owns placing a new paper among the run's themes: its cosine to every unit centroid, its three
// closest themes, and whether it fits any of them well enough (novel) or sits at its theme's edge (weak).
import { WEAK_SHARE } from '../quality/top-themes.js';
import type { CsrMatrix } from '../types.js';

export interface ThemeFit {
  /** Per row: the three closest themes (fewer when k < 3: -1) and their cosines, best first. */
  themes: Int32Array;
  similarity: Float32Array;
  /** 1 where the best cosine is below the run's novel threshold. */
  novel: Uint8Array;
  /** 1 where the paper is a weak member of its theme (quality/top-themes.ts WEAK_SHARE × cohesion). */
  weak: Uint8Array;
}

export const TOP_THEMES = 3;

/**
 * cos(x, c) = x · c for L2-normalised rows and unit centroids (row-major k × nCols), summed over the
 * row's non-zeros. Ranked by cosine, ties to the lower theme id (as the k-means assignment breaks
 * them). Novel: best cosine < `threshold` (run_models.novel_threshold: the 5th percentile of the
 * clustered papers' cosine to their own centroid), so a paper with no term of the vocabulary (cosine 0
 * everywhere) is always novel; it still gets theme 0..2 in id order.
 */
export function fitThemes(rows: CsrMatrix, centroids: Float32Array, k: number, threshold: number, cohesion: ArrayLike<number>): ThemeFit {
  const n = rows.nRows;
  const nCols = rows.nCols;
  const out: ThemeFit = { themes: new Int32Array(n * TOP_THEMES).fill(-1), similarity: new Float32Array(n * TOP_THEMES),
    novel: new Uint8Array(n), weak: new Uint8Array(n) };
  // Term-major copy: a row's term reads its k centroid weights side by side.
  const centT = new Float32Array(nCols * k);
  for (let c = 0; c < k; c++) for (let t = 0; t < nCols; t++) centT[t * k + c] = centroids[c * nCols + t];
  const { indptr, indices, values } = rows;
  const scores = new Float64Array(k);
  const m = Math.min(TOP_THEMES, k);
  const best = new Int32Array(TOP_THEMES);
  for (let i = 0; i < n; i++) {
    const [from, to] = [indptr[i], indptr[i + 1]];
    // Eight themes at a time, each summed in a register over the row's non-zeros in order (the same
    // sums as one theme at a time): the row's terms stay in cache while the eight sums run side by side.
    let c = 0;
    for (; c + 8 <= k; c += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let p = from; p < to; p++) {
        const v = values[p];
        const at = indices[p] * k + c;
        s0 += v * centT[at];
        s1 += v * centT[at + 1];
        s2 += v * centT[at + 2];
        s3 += v * centT[at + 3];
        s4 += v * centT[at + 4];
        s5 += v * centT[at + 5];
        s6 += v * centT[at + 6];
        s7 += v * centT[at + 7];
      }
      scores[c] = s0;
      scores[c + 1] = s1;
      scores[c + 2] = s2;
      scores[c + 3] = s3;
      scores[c + 4] = s4;
      scores[c + 5] = s5;
      scores[c + 6] = s6;
      scores[c + 7] = s7;
    }
    for (; c + 4 <= k; c += 4) {
      let [s0, s1, s2, s3] = [0, 0, 0, 0];
      for (let p = from; p < to; p++) {
        const v = values[p];
        const at = indices[p] * k + c;
        s0 += v * centT[at];
        s1 += v * centT[at + 1];
        s2 += v * centT[at + 2];
        s3 += v * centT[at + 3];
      }
      [scores[c], scores[c + 1], scores[c + 2], scores[c + 3]] = [s0, s1, s2, s3];
    }
    for (; c < k; c++) {
      let s = 0;
      for (let p = from; p < to; p++) s += values[p] * centT[indices[p] * k + c];
      scores[c] = s;
    }
    bestThemesInto(scores, m, best);
    for (let r = 0; r < m; r++) {
      out.themes[i * TOP_THEMES + r] = best[r];
      out.similarity[i * TOP_THEMES + r] = scores[best[r]];
    }
    const top = scores[best[0]];
    out.novel[i] = top < threshold ? 1 : 0;
    out.weak[i] = top < WEAK_SHARE * cohesion[best[0]] ? 1 : 0;
  }
  return out;
}

/** The `m` themes of highest score, best first; ties to the lower id. */
export function bestThemes(scores: Float64Array, m: number): number[] {
  const best = new Int32Array(m);
  return Array.from(best.subarray(0, bestThemesInto(scores, m, best)));
}

/**
 * bestThemes into best[0, count) (no array per row): an insertion into a sorted list of at most m,
 * a later theme going after an equal score. Returns the count, min(m, scores.length).
 */
export function bestThemesInto(scores: Float64Array, m: number, best: Int32Array): number {
  let count = 0;
  for (let c = 0; c < scores.length; c++) {
    let at = count;
    while (at > 0 && scores[best[at - 1]] < scores[c]) at--;
    if (at >= m) continue;
    for (let j = Math.min(count, m - 1); j > at; j--) best[j] = best[j - 1];
    best[at] = c;
    if (count < m) count++;
  }
  return count;
}

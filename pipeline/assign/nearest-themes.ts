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
  const scores = new Float64Array(k);
  // Term-major copy: a row's term reads its k centroid weights side by side.
  const centT = new Float32Array(nCols * k);
  for (let c = 0; c < k; c++) for (let t = 0; t < nCols; t++) centT[t * k + c] = centroids[c * nCols + t];
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    for (let p = rows.indptr[i]; p < rows.indptr[i + 1]; p++) {
      const [col, v] = [rows.indices[p], rows.values[p]];
      for (let c = 0; c < k; c++) scores[c] += v * centT[col * k + c];
    }
    const ranked = bestThemes(scores, Math.min(TOP_THEMES, k));
    ranked.forEach((theme, r) => {
      out.themes[i * TOP_THEMES + r] = theme;
      out.similarity[i * TOP_THEMES + r] = scores[theme];
    });
    out.novel[i] = scores[ranked[0]] < threshold ? 1 : 0;
    out.weak[i] = scores[ranked[0]] < WEAK_SHARE * cohesion[ranked[0]] ? 1 : 0;
  }
  return out;
}

/** The `m` themes of highest score, best first; ties to the lower id. */
export function bestThemes(scores: Float64Array, m: number): number[] {
  const best: number[] = [];
  for (let c = 0; c < scores.length; c++) {
    let at = best.length;
    while (at > 0 && scores[best[at - 1]] < scores[c]) at--;
    if (at < m) {
      best.splice(at, 0, c);
      if (best.length > m) best.pop();
    }
  }
  return best;
}

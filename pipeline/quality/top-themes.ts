// Owns the weak-member flag (a paper that sits far out at the edge of its theme), handed on with each
// paper's third-closest theme (the clustering's scoring pass finds the first three).
import type { Clustering } from '../types.js';

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

/**
 * Each paper's third theme, as the clustering's scoring pass found it (cluster/describe.ts), and its
 * weak-member flag (see WEAK_SHARE).
 */
export function paperMemberships(
  clustering: Pick<Clustering, 'assignments' | 'similarity' | 'thirdTheme' | 'thirdSimilarity'>,
  cohesion: ArrayLike<number>
): PaperMemberships {
  const { assignments, similarity } = clustering;
  const weak = Uint8Array.from(assignments, (theme, i) => (similarity[i] < WEAK_SHARE * cohesion[theme] ? 1 : 0));
  return { third: clustering.thirdTheme, thirdSimilarity: clustering.thirdSimilarity, weak };
}

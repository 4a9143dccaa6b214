// Where each paper sits on the map: inside its theme's disc, typical papers at the centre, and
// leaning toward the theme it is second-closest to.
import type { Clustering } from '../types.js';

/**
 * Paper i of theme t (size nₜ, disc radius rₜ, centre cₜ), at rank qᵢ = 1, 2, … within t and with
 * second theme o at cosine s₂ against its own s (all from the clustering):
 *   distance from cₜ  ρ = rₜ √((qᵢ − ½) / nₜ)   — grows as similarity falls; the square root spreads
 *                                                  papers evenly over the disc's area
 *   angle            φ = atan2(cₒ − cₜ) + (2u − 1) π (1 − pull),  pull = clamp(s₂ / s, 0, 1)
 * with u uniform from `random` (one draw per paper, in row order): a paper almost as close to o as to
 * t points straight at o, one with no second affinity may point anywhere. Papers never leave their
 * disc, so with non-overlapping discs a paper is nearer its own centre than any other disc's edge.
 */
export function placePapers(
  clustering: Pick<Clustering, 'assignments' | 'sizes' | 'similarity' | 'rankInTheme' | 'secondTheme' | 'secondSimilarity'>,
  themeXY: Float64Array,
  radius: Float64Array,
  random: () => number
): Float32Array {
  const { assignments, sizes, similarity, rankInTheme, secondTheme, secondSimilarity } = clustering;
  const n = assignments.length;
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const t = assignments[i];
    const o = secondTheme[i];
    const u = random();
    const [cx, cy] = [themeXY[2 * t], themeXY[2 * t + 1]];
    const rho = radius[t] * Math.sqrt((rankInTheme[i] - 0.5) / sizes[t]);
    const pull = similarity[i] > 0 ? Math.min(1, Math.max(0, secondSimilarity[i] / similarity[i])) : 0;
    const toward = o < 0 ? 0 : Math.atan2(themeXY[2 * o + 1] - cy, themeXY[2 * o] - cx);
    const angle = toward + (2 * u - 1) * Math.PI * (1 - pull);
    xy[2 * i] = cx + rho * Math.cos(angle);
    xy[2 * i + 1] = cy + rho * Math.sin(angle);
  }
  return xy;
}

// Related themes: for each theme, the others whose centroids are most cosine-similar.
import type { ThemeNeighbour } from '../types.js';

/**
 * Each theme's min(n, k − 1) nearest other themes by centroid cosine, rank 1 = nearest, ties by the
 * lower theme id; rows ordered by (themeId, rank). `sim`: the k × k centroid cosines
 * (cluster/centroid-similarity.ts).
 */
export function nearestThemes(sim: Float64Array, k: number, n: number): ThemeNeighbour[] {
  const count = Math.max(0, Math.min(n, k - 1));
  const rows: ThemeNeighbour[] = [];
  for (let t = 0; t < k; t++) {
    const others = Array.from({ length: k }, (_, j) => j).filter((j) => j !== t);
    others.sort((x, y) => sim[t * k + y] - sim[t * k + x] || x - y);
    for (let r = 0; r < count; r++) rows.push({ themeId: t, neighbourId: others[r], rank: r + 1, similarity: sim[t * k + others[r]] });
  }
  return rows;
}

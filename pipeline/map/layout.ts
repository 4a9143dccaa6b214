// The topic map: 2-D coordinates for every theme and paper, deterministic per seed.
//
// Why not UMAP/t-SNE on the papers: umap-js took 47 s for 5,000 × 300 points; we have 75k × 60k.
// Instead the map is built from the clustering (which carries each paper's second theme), in O(k²·nCols + k³ + n):
//  1. themes — classical MDS of the k centroids (exact 2-D PCA, via Jacobi on the k × k double-
//     centred similarity matrix), so related themes sit near each other; then discs of area ∝ theme
//     size are pushed apart until none overlap, and everything is scaled into [-1, 1]²
//     (theme-positions.ts);
//  2. papers — inside their theme's disc: the most typical at the centre, the least at the rim, each
//     leaning toward the theme it is second-most similar to, with seeded angular jitter so points do
//     not stack (paper-positions.ts). A paper between two themes sits on the rim facing the other.
import type { Clustering, MapLayout } from '../types.js';
import { createRandom } from '../prng.js';
import { placePapers } from './paper-positions.js';
import { discRadii, projectThemes, separateDiscs } from './theme-positions.js';

/** `sim`: the k × k cosines between the centroids (centroid-similarity.ts). */
export function layoutMap(clustering: Clustering, sim: Float64Array, options: { seed: number }): MapLayout {
  const { k, assignments } = clustering;
  if (sim.length !== k * k) throw new Error(`layoutMap: ${sim.length} centroid similarities for k = ${k}`);
  for (let i = 0; i < assignments.length; i++) {
    if (!(assignments[i] >= 0 && assignments[i] < k)) throw new Error(`layoutMap: paper ${i} has theme ${assignments[i]}, outside 0..${k - 1}`);
  }
  const random = createRandom(options.seed);
  const themeXY = projectThemes(sim, k);
  const radius = discRadii(clustering.sizes);
  separateDiscs(themeXY, radius, random);
  const paperXY = placePapers(clustering, themeXY, radius, random);
  return { themeXY, paperXY };
}

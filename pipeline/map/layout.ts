// The topic map: 2-D coordinates for every theme and paper, deterministic per seed.
//
// Why not UMAP/t-SNE on the papers: umap-js took 47 s for 5,000 × 300 points; we have 75k × 60k.
// Instead the map is built from the clustering, in O(k³ + nnz·k):
//  1. themes — classical MDS of the k centroids (exact 2-D PCA, via Jacobi on the k × k double-
//     centred similarity matrix), so related themes sit near each other; then discs of area ∝ theme
//     size are pushed apart until none overlap, and everything is scaled into [-1, 1]²
//     (theme-positions.ts);
//  2. papers — inside their theme's disc: the most typical at the centre, the least at the rim, each
//     leaning toward the theme it is second-most similar to, with seeded angular jitter so points do
//     not stack (paper-positions.ts). A paper between two themes sits on the rim facing the other.
import type { Clustering, CsrMatrix, MapLayout } from '../types.js';
import { centroidSimilarities } from './centroid-similarity.js';
import { findSecondThemes, placePapers } from './paper-positions.js';
import { mulberry32 } from './prng.js';
import { discRadii, projectThemes, separateDiscs } from './theme-positions.js';

export function layoutMap(matrix: CsrMatrix, clustering: Clustering, options: { seed: number }): MapLayout {
  const { k, assignments } = clustering;
  if (matrix.nRows !== assignments.length) {
    throw new Error(`layoutMap: matrix has ${matrix.nRows} rows but the clustering ${assignments.length} papers`);
  }
  for (let i = 0; i < assignments.length; i++) {
    if (!(assignments[i] >= 0 && assignments[i] < k)) throw new Error(`layoutMap: paper ${i} has theme ${assignments[i]}, outside 0..${k - 1}`);
  }
  const random = mulberry32(options.seed);
  const sizes = new Int32Array(k);
  for (const t of assignments) sizes[t]++;
  const themeXY = projectThemes(centroidSimilarities(clustering.centroids, k, matrix.nCols), k);
  const radius = discRadii(sizes);
  separateDiscs(themeXY, radius, random);
  const paperXY = placePapers(clustering, findSecondThemes(matrix, clustering), themeXY, radius, random);
  return { themeXY, paperXY };
}

// The map stage's public face: the 2-D layout of papers and themes with its measured recall@10
// (layout.ts), each paper's similar papers, and each theme's nearest themes from the k × k table of centroid cosines.
import type { Clustering, CsrMatrix, MapLayout, ThemeNeighbour } from '../types.js';
import { layoutMap } from './layout.js';
import { nearestThemes } from './neighbours.js';
import type { SimilarPapers } from '../similar/index.js';

/** `themeSimilarity`: the k × k centroid cosines the cluster stage hands on. */
export async function mapThemes(
  matrix: CsrMatrix, clustering: Clustering, themeSimilarity: Float64Array, options: { seed: number; neighbours: number; workers: number }
): Promise<{ layout: MapLayout; neighbours: ThemeNeighbour[]; recall10: number | null; similar: SimilarPapers }> {
  const { layout, recall10, similar } = await layoutMap(matrix, clustering, options);
  return { layout, recall10, similar, neighbours: nearestThemes(themeSimilarity, clustering.k, options.neighbours) };
}

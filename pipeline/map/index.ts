// The map stage's public face: the 2-D layout of papers and themes (layout.ts; its measured
// recall@10 comes apart, in-background.ts), each paper's similar papers, and each theme's nearest
// themes from the k × k table of centroid cosines. The projection itself starts before the themes
// exist (in-background.ts).
import type { Clustering, ThemeNeighbour } from '../types.js';
import { placeThemes, type LaidOut } from './layout.js';
import { nearestThemes } from './neighbours.js';
import type { Placed } from './project.js';

export { projectInBackground, shareMatrix, type BackgroundProjection } from './in-background.js';

/** `themeSimilarity`: the k × k centroid cosines the cluster stage hands on. */
export function mapThemes(projection: Placed, clustering: Clustering, themeSimilarity: Float64Array, options: { neighbours: number }):
  LaidOut & { neighbours: ThemeNeighbour[] } {
  return { ...placeThemes(projection, clustering), neighbours: nearestThemes(themeSimilarity, clustering.k, options.neighbours) };
}

// The map stage's public face: the 2-D layout of themes and papers, and each theme's nearest themes,
// both from one k × k table of centroid cosines.
import type { Clustering, MapLayout, ThemeNeighbour } from '../types.js';
import { centroidSimilarities } from './centroid-similarity.js';
import { layoutMap } from './layout.js';
import { nearestThemes } from './neighbours.js';

export function mapThemes(
  clustering: Clustering, nCols: number, options: { seed: number; neighbours: number }
): { layout: MapLayout; neighbours: ThemeNeighbour[] } {
  const sim = centroidSimilarities(clustering.centroids, clustering.k, nCols);
  return { layout: layoutMap(clustering, sim, options), neighbours: nearestThemes(sim, clustering.k, options.neighbours) };
}

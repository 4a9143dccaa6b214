// The topic map: 2-D coordinates for every paper from its own TF-IDF row (project.ts), and for every
// theme at the densest spot of its own papers (theme-centres.ts), deterministic per seed for any
// number of threads; with its measured neighbourhood preservation (recall.ts) and, from the same
// neighbour lists, each paper's similar papers.
import type { Clustering, CsrMatrix, MapLayout } from '../types.js';
import { projectPapers } from './project.js';
import { themeCentres } from './theme-centres.js';
import { similarFromNeighbours, type SimilarPapers } from '../similar/index.js';

export async function layoutMap(matrix: CsrMatrix, clustering: Pick<Clustering, 'k' | 'assignments'>,
  options: { seed: number; workers: number }): Promise<{ layout: MapLayout; recall10: number | null; similar: SimilarPapers }> {
  const { k, assignments } = clustering;
  if (assignments.length !== matrix.nRows) throw new Error(`layoutMap: ${assignments.length} assignments for ${matrix.nRows} rows`);
  for (let i = 0; i < assignments.length; i++) {
    if (!(assignments[i] >= 0 && assignments[i] < k)) throw new Error(`layoutMap: paper ${i} has theme ${assignments[i]}, outside 0..${k - 1}`);
  }
  const { xy: paperXY, knnIdx, knnSim, K, recall10 } = await projectPapers(matrix, options);
  const themeXY = themeCentres(paperXY, assignments, k);
  return { layout: { themeXY, paperXY }, recall10, similar: similarFromNeighbours(knnIdx, knnSim, K) };
}

// The topic map: 2-D coordinates for every paper from its own TF-IDF row (project.ts), and for every
// theme at the densest spot of its own papers (theme-centres.ts), deterministic per seed for any
// number of threads; with its measured neighbourhood preservation (recall.ts) and, from the same
// neighbour lists, each paper's similar papers.
import type { Clustering, CsrMatrix, MapLayout } from '../types.js';
import { projectPapers, type Placed } from './project.js';
import { themeCentres } from './theme-centres.js';
import { similarFromNeighbours, type SimilarPapers } from '../similar/index.js';

export interface LaidOut {
  layout: MapLayout;
  similar: SimilarPapers;
}

export async function layoutMap(matrix: CsrMatrix, clustering: Pick<Clustering, 'k' | 'assignments'>,
  options: { seed: number; workers: number }): Promise<LaidOut & { recall10: number | null }> {
  checkAssignments(clustering, matrix.nRows);
  const projection = await projectPapers(matrix, options);
  return { ...placeThemes(projection, clustering), recall10: projection.recall10 };
}

/** The layout from a projection made beforehand (in-background.ts), with the themes placed among their papers. */
export function placeThemes(projection: Placed, clustering: Pick<Clustering, 'k' | 'assignments'>): LaidOut {
  const { xy: paperXY, knnIdx, knnSim, K } = projection;
  checkAssignments(clustering, paperXY.length / 2);
  const themeXY = themeCentres(paperXY, clustering.assignments, clustering.k);
  return { layout: { themeXY, paperXY }, similar: similarFromNeighbours(knnIdx, knnSim, K) };
}

function checkAssignments({ k, assignments }: Pick<Clustering, 'k' | 'assignments'>, nRows: number): void {
  if (assignments.length !== nRows) throw new Error(`layoutMap: ${assignments.length} assignments for ${nRows} rows`);
  for (let i = 0; i < assignments.length; i++) {
    if (!(assignments[i] >= 0 && assignments[i] < k)) throw new Error(`layoutMap: paper ${i} has theme ${assignments[i]}, outside 0..${k - 1}`);
  }
}

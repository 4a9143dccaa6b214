// Owns the similar papers of a run: each paper's nearest papers by cosine over the L2-normalised
// TF-IDF rows. They are the map stage's neighbour lists (map/knn-kernel.mjs: candidates through the
// rarer terms, re-scored by exact cosine), so the run computes them once.

export interface SimilarPapers {
  top: number;
  /** Row i·top + r: the (r+1)-th most similar paper row to row i, or -1 when fewer exist. */
  rows: Int32Array;
  /** Its cosine similarity (dot product of the L2-normalised TF-IDF rows); 0 where rows[i] is -1. */
  similarity: Float64Array;
}

/** The neighbour lists (K per paper, best first, -1 / −Infinity padded) as similar papers. */
export function similarFromNeighbours(idx: Int32Array, sim: Float32Array, K: number): SimilarPapers {
  return { top: K, rows: Int32Array.from(idx), similarity: Float64Array.from(sim, (s, at) => (idx[at] >= 0 ? s : 0)) };
}

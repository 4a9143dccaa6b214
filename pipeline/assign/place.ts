// Owns where new papers go on the run's map and which papers they are most like: both through the
// nearest papers by TF-IDF cosine (neighbours.ts: candidates through their heaviest terms).
import type { CsrMatrix } from '../types.js';
import { indexTopTerms, NeighbourSearch, type TopTerms } from './neighbours.js';

/** 10 kept, 10 terms a paper, 30 candidates, lists of 128 (cheaper than the run's map kNN; a new paper's list is approximate). */
export const SIMILAR = { top: 10, termsPerPaper: 10, candidates: 30, listCap: 128 } as const;
/** Papers of its theme whose positions a new paper's position is the weighted mean of. */
export const PLACE_NEIGHBOURS = 10;

/** CSR rows of `a` then `b` (same columns). */
export function stackRows(a: CsrMatrix, b: CsrMatrix): CsrMatrix {
  const nnzA = a.indptr[a.nRows];
  const indptr = new Uint32Array(a.nRows + b.nRows + 1);
  indptr.set(a.indptr.subarray(0, a.nRows + 1));
  for (let i = 1; i <= b.nRows; i++) indptr[a.nRows + i] = nnzA + b.indptr[i];
  const indices = new Uint32Array(nnzA + b.indptr[b.nRows]);
  const values = new Float32Array(indices.length);
  indices.set(a.indices.subarray(0, nnzA));
  indices.set(b.indices.subarray(0, b.indptr[b.nRows]), nnzA);
  values.set(a.values.subarray(0, nnzA));
  values.set(b.values.subarray(0, b.indptr[b.nRows]), nnzA);
  return { nRows: a.nRows + b.nRows, nCols: a.nCols, indptr, indices, values };
}

/**
 * Map position of each new row (rows nPlaced.. of `matrix`; `tops` = topTermsOf(matrix, SIMILAR.termsPerPaper)): the mean of the positions of its
 * PLACE_NEIGHBOURS nearest placed papers of its own theme, weighted by their cosine,
 *   (x, y) = Σ_q cos(p, q) · (x_q, y_q) / Σ_q cos(p, q)
 * as umap's transform starts a new point (it then optimises; here the neighbours' layout stands).
 * Its own theme only, so it lands in its theme's region. No neighbour with a positive cosine (no
 * shared heavy term): the theme's position (themes.x, y).
 */
export function placeRows(matrix: CsrMatrix, tops: TopTerms, nPlaced: number, themeOf: Int32Array, k: number, paperXY: Float64Array,
  themeXY: Float64Array): Float64Array {
  const placed = Int32Array.from({ length: nPlaced }, (_, i) => i);
  const search = new NeighbourSearch(matrix, tops, indexTopTerms(matrix, tops, placed, themeOf, k, SIMILAR), SIMILAR);
  const out = new Float64Array(2 * (matrix.nRows - nPlaced));
  for (let p = nPlaced; p < matrix.nRows; p++) {
    const near = search.nearest(p, themeOf[p], PLACE_NEIGHBOURS).filter((n) => n.cosine > 0);
    const sum = near.reduce((s, n) => s + n.cosine, 0);
    const j = p - nPlaced;
    for (const axis of [0, 1]) {
      out[2 * j + axis] = near.length === 0 ? themeXY[2 * themeOf[p] + axis]
        : near.reduce((s, n) => s + n.cosine * paperXY[2 * n.row + axis], 0) / sum;
    }
  }
  return out;
}

/**
 * The SIMILAR.top most similar papers of each new row among all rows of the run, as similar_papers
 * stores them. `tops`: topTermsOf(matrix, SIMILAR.termsPerPaper), shared with placeRows.
 */
export function similarRows(matrix: CsrMatrix, tops: TopTerms, from: number): { row: Int32Array; rank: Int32Array; similar: Int32Array; similarity: Float64Array } {
  const all = Int32Array.from({ length: matrix.nRows }, (_, i) => i);
  const search = new NeighbourSearch(matrix, tops, indexTopTerms(matrix, tops, all, new Int32Array(matrix.nRows), 1, SIMILAR), SIMILAR);
  const found: { row: number; rank: number; similar: number; similarity: number }[] = [];
  for (let p = from; p < matrix.nRows; p++) {
    search.nearest(p, 0, SIMILAR.top).forEach((n, r) => found.push({ row: p, rank: r + 1, similar: n.row, similarity: n.cosine }));
  }
  return { row: Int32Array.from(found, (f) => f.row), rank: Int32Array.from(found, (f) => f.rank),
    similar: Int32Array.from(found, (f) => f.similar), similarity: Float64Array.from(found, (f) => f.similarity) };
}

// Owns where new papers go on the run's map and which papers they are most like: both through the
// nearest papers by TF-IDF cosine (neighbours.ts: candidates through their heaviest terms).
import type { CsrMatrix } from '../types.js';
import { indexTopTerms, NeighbourSearch, type TopTerms } from './neighbours.js';

/** 10 kept, 10 terms a paper, 30 candidates, lists of 128 (cheaper than the run's map kNN; a new paper's list is approximate). */
export const SIMILAR = { top: 10, termsPerPaper: 10, candidates: 30, listCap: 128 } as const;
/** Papers of its theme whose positions a new paper's position is the weighted mean of. */
export const PLACE_NEIGHBOURS = 10;

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
  const search = new NeighbourSearch(matrix, tops, indexTopTerms(matrix, tops, nPlaced, themeOf, k, SIMILAR), SIMILAR, PLACE_NEIGHBOURS);
  const out = new Float64Array(2 * (matrix.nRows - nPlaced));
  for (let p = nPlaced; p < matrix.nRows; p++) {
    const near = search.nearest(p, themeOf[p], PLACE_NEIGHBOURS);
    const j = p - nPlaced;
    let [sum, x, y, found] = [0, 0, 0, 0];
    for (let r = 0; r < near.count; r++) {
      const cosine = near.cosines[r];
      if (!(cosine > 0)) continue;
      found++;
      sum += cosine;
      x += cosine * paperXY[2 * near.rows[r]];
      y += cosine * paperXY[2 * near.rows[r] + 1];
    }
    out[2 * j] = found === 0 ? themeXY[2 * themeOf[p]] : x / sum;
    out[2 * j + 1] = found === 0 ? themeXY[2 * themeOf[p] + 1] : y / sum;
  }
  return out;
}

export interface SimilarRows {
  row: Int32Array;
  rank: Int32Array;
  similar: Int32Array;
  similarity: Float64Array;
}

/**
 * The SIMILAR.top most similar papers of each new row among all rows of the run, as similar_papers
 * stores them. `tops`: topTermsOf(matrix, SIMILAR.termsPerPaper), shared with placeRows.
 */
export function similarRows(matrix: CsrMatrix, tops: TopTerms, from: number): SimilarRows {
  const search = new NeighbourSearch(matrix, tops, indexTopTerms(matrix, tops, matrix.nRows, new Int32Array(matrix.nRows), 1, SIMILAR), SIMILAR,
    SIMILAR.top);
  const size = (matrix.nRows - from) * SIMILAR.top;
  const out = { row: new Int32Array(size), rank: new Int32Array(size), similar: new Int32Array(size), similarity: new Float64Array(size) };
  let n = 0;
  for (let p = from; p < matrix.nRows; p++) {
    const near = search.nearest(p, 0, SIMILAR.top);
    for (let r = 0; r < near.count; r++, n++) {
      out.row[n] = p;
      out.rank[n] = r + 1;
      out.similar[n] = near.rows[r];
      out.similarity[n] = near.cosines[r];
    }
  }
  return { row: out.row.slice(0, n), rank: out.rank.slice(0, n), similar: out.similar.slice(0, n), similarity: out.similarity.slice(0, n) };
}

// Owns where new papers go on the run's map and which papers they are most like: both through the
// nearest papers by TF-IDF cosine (neighbours.ts: candidates through their heaviest terms).
import type { BlockRows } from './model.js';
import { NeighbourSearch, TopTermIndex, type TopTerms } from './neighbours.js';

/** 10 kept, 10 terms a paper, 30 candidates, lists of 128 (cheaper than the run's map kNN; a new paper's list is approximate). */
export const SIMILAR = { top: 10, termsPerPaper: 10, candidates: 30, listCap: 128 } as const;
/** Papers of its theme whose positions a new paper's position is the weighted mean of. */
export const PLACE_NEIGHBOURS = 10;

export interface SimilarRows {
  row: Int32Array;
  rank: Int32Array;
  similar: Int32Array;
  similarity: Float64Array;
}

/**
 * For each new row (rows nPlaced.. of `rows`; `tops` = topTermsOf(rows, SIMILAR.termsPerPaper)):
 *
 * Its map position: the mean of the positions of its PLACE_NEIGHBOURS nearest placed papers of its
 * own theme, weighted by their cosine,
 *   (x, y) = Σ_q cos(p, q) · (x_q, y_q) / Σ_q cos(p, q)
 * as umap's transform starts a new point (it then optimises; here the neighbours' layout stands).
 * Its own theme only, so it lands in its theme's region. No neighbour with a positive cosine (no
 * shared heavy term): the theme's position (themes.x, y).
 *
 * Its SIMILAR.top most similar papers among all rows of the run, as similar_papers stores them.
 *
 * The new rows are taken theme by theme: one index of the theme's placed papers at a time (in the
 * same arrays), and one of all rows; a row's two queries share its candidates' exact cosines.
 */
export function placeAndFindSimilar(rows: BlockRows, tops: TopTerms, nPlaced: number, themeOf: Int32Array, k: number, paperXY: Float64Array,
  themeXY: Float64Array): { xy: Float64Array; similar: SimilarRows } {
  const { nRows, nCols } = rows;
  const t = tops.t;
  const nNew = nRows - nPlaced;
  const placed = rowsByGroup(themeOf, 0, nPlaced, k);
  const added = rowsByGroup(themeOf, nPlaced, nRows, k);
  // Within its theme, the new rows by their heaviest term: consecutive rows share lists and
  // candidates, read while still in cache (each row's result does not depend on the order).
  for (let g = 0; g < k; g++) {
    const group = added.rows.subarray(added.start[g], added.start[g + 1]);
    const keyed = Float64Array.from(group, (p) => (tops.cols[p * t] + 1) * 2 ** 32 + p).sort();
    for (let i = 0; i < group.length; i++) group[i] = keyed[i] % 2 ** 32;
  }
  let largest = 0;
  for (let g = 0; g < k; g++) largest = Math.max(largest, placed.start[g + 1] - placed.start[g]);
  // Lists only of the terms the new rows query: every new row's for the index of all rows, the
  // theme's new rows' for its theme's index.
  const wanted = new Uint8Array(nCols);
  const want = (p: number, on: 0 | 1) => {
    for (let x = p * t; x < p * t + t && tops.cols[x] >= 0; x++) wanted[tops.cols[x]] = on;
  };
  for (let p = nPlaced; p < nRows; p++) want(p, 1);
  const all = new TopTermIndex(nCols, nRows * t, SIMILAR.listCap).build(tops, Int32Array.from({ length: nRows }, (_, i) => i), 0, nRows, wanted);
  wanted.fill(0);
  const theme = new TopTermIndex(nCols, largest * t, SIMILAR.listCap);
  const search = new NeighbourSearch(rows, tops, SIMILAR, Math.max(PLACE_NEIGHBOURS, SIMILAR.top));
  const xy = new Float64Array(2 * nNew);
  // Each new row's similar papers in its own SIMILAR.top slots, packed in row order at the end.
  const slots = { similar: new Int32Array(nNew * SIMILAR.top), similarity: new Float64Array(nNew * SIMILAR.top), count: new Int32Array(nNew) };
  for (let g = 0; g < k; g++) {
    if (added.start[g] === added.start[g + 1]) continue;
    for (let a = added.start[g]; a < added.start[g + 1]; a++) want(added.rows[a], 1);
    theme.build(tops, placed.rows, placed.start[g], placed.start[g + 1], wanted);
    for (let a = added.start[g]; a < added.start[g + 1]; a++) want(added.rows[a], 0);
    for (let a = added.start[g]; a < added.start[g + 1]; a++) {
      const p = added.rows[a];
      const j = p - nPlaced;
      const near = search.nearest(p, theme, PLACE_NEIGHBOURS);
      let [sum, x, y, found] = [0, 0, 0, 0];
      for (let r = 0; r < near.count; r++) {
        const cosine = near.cosines[r];
        if (!(cosine > 0)) continue;
        found++;
        sum += cosine;
        x += cosine * paperXY[2 * near.rows[r]];
        y += cosine * paperXY[2 * near.rows[r] + 1];
      }
      xy[2 * j] = found === 0 ? themeXY[2 * g] : x / sum;
      xy[2 * j + 1] = found === 0 ? themeXY[2 * g + 1] : y / sum;
      const like = search.nearest(p, all, SIMILAR.top);
      slots.count[j] = like.count;
      slots.similar.set(like.rows.subarray(0, like.count), j * SIMILAR.top);
      slots.similarity.set(like.cosines.subarray(0, like.count), j * SIMILAR.top);
    }
  }
  let size = 0;
  for (let j = 0; j < nNew; j++) size += slots.count[j];
  const similar: SimilarRows = { row: new Int32Array(size), rank: new Int32Array(size), similar: new Int32Array(size), similarity: new Float64Array(size) };
  let n = 0;
  for (let j = 0; j < nNew; j++) {
    for (let r = 0; r < slots.count[j]; r++, n++) {
      similar.row[n] = nPlaced + j;
      similar.rank[n] = r + 1;
      similar.similar[n] = slots.similar[j * SIMILAR.top + r];
      similar.similarity[n] = slots.similarity[j * SIMILAR.top + r];
    }
  }
  return { xy, similar };
}

/** Rows [from, to) by group: group g's are rows[start[g], start[g + 1]), ascending. */
function rowsByGroup(groupOf: Int32Array, from: number, to: number, groups: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let r = from; r < to; r++) start[groupOf[r] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const rows = new Int32Array(to - from);
  const fill = start.slice(0, groups);
  for (let r = from; r < to; r++) rows[fill[groupOf[r]]++] = r;
  return { start, rows };
}

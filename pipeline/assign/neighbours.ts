// Owns finding a new paper's nearest papers by TF-IDF cosine (the run's own are the map's neighbour lists):
// candidates through the paper's heaviest terms, exact cosine for the best candidates. Lists can be
// kept per group (a theme), so a paper's neighbours can be sought among its theme's papers only.
// Typed scratch space throughout: no object or array per query.
import type { CsrMatrix } from '../types.js';

export interface NeighbourOptions {
  /** Heaviest terms of a row that index it and that find a query's candidates. */
  termsPerPaper: number;
  /** Rows kept in each (group, term) list: those where the term weighs most. */
  listCap: number;
  /** Candidates (best by the top-terms score) whose exact cosine is computed. */
  candidates: number;
}

/** Inverted lists over the indexed rows' heaviest terms: list of key g · nCols + c is rows/weights[start[key], start[key + 1]). */
export interface TopTermIndex {
  start: Uint32Array;
  rows: Int32Array;
  weights: Float32Array;
  nCols: number;
}

/**
 * Row i's `t` heaviest columns and weights into cols/vals[at, at + t) (column -1 past the row's end),
 * heaviest first, ties by position: an insertion into a sorted list of at most t.
 */
export function heaviestTerms(matrix: CsrMatrix, i: number, t: number, cols: Int32Array, vals: Float32Array, at = 0): void {
  cols.fill(-1, at, at + t);
  let n = 0;
  for (let q = matrix.indptr[i]; q < matrix.indptr[i + 1]; q++) {
    const v = matrix.values[q];
    if (n === t && v <= vals[at + t - 1]) continue;
    let j = Math.min(n, t - 1);
    while (j > 0 && vals[at + j - 1] < v) {
      cols[at + j] = cols[at + j - 1];
      vals[at + j] = vals[at + j - 1];
      j--;
    }
    cols[at + j] = matrix.indices[q];
    vals[at + j] = v;
    if (n < t) n++;
  }
}

/** Every row's `t` heaviest terms (heaviestTerms), row i's at [i · t, i · t + t): computed once, read by the index and the queries. */
export interface TopTerms {
  t: number;
  cols: Int32Array;
  vals: Float32Array;
}

export function topTermsOf(matrix: CsrMatrix, t: number): TopTerms {
  const tops = { t, cols: new Int32Array(matrix.nRows * t), vals: new Float32Array(matrix.nRows * t) };
  for (let i = 0; i < matrix.nRows; i++) heaviestTerms(matrix, i, t, tops.cols, tops.vals, i * t);
  return tops;
}

/** Indexes rows 0..nIndexed-1 of `matrix` by their top terms, row r in group groupOf[r] of `groups` (one group: all zeros). */
export function indexTopTerms(matrix: CsrMatrix, tops: TopTerms, nIndexed: number, groupOf: Int32Array, groups: number,
  options: Pick<NeighbourOptions, 'listCap'>): TopTermIndex {
  const { t, cols, vals } = tops;
  const { nCols } = matrix;
  const nKeys = groups * nCols;
  const count = new Uint32Array(nKeys + 1);
  for (let r = 0; r < nIndexed; r++) {
    const base = groupOf[r] * nCols;
    for (let x = r * t; x < r * t + t && cols[x] >= 0; x++) count[base + cols[x] + 1]++;
  }
  for (let key = 0; key < nKeys; key++) count[key + 1] += count[key];
  // Positions into cols/vals (row · t + x), grouped by key, in row order.
  const all = new Int32Array(count[nKeys]);
  const fill = count.slice(0, nKeys);
  for (let r = 0; r < nIndexed; r++) {
    const base = groupOf[r] * nCols;
    for (let x = r * t; x < r * t + t && cols[x] >= 0; x++) all[fill[base + cols[x]]++] = x;
  }
  const start = new Uint32Array(nKeys + 1);
  for (let key = 0; key < nKeys; key++) start[key + 1] = start[key] + Math.min(options.listCap, count[key + 1] - count[key]);
  const out = { start, rows: new Int32Array(start[nKeys]), weights: new Float32Array(start[nKeys]), nCols };
  const kept = new Int32Array(options.listCap + 1);
  for (let key = 0; key < nKeys; key++) {
    let list = all.subarray(count[key], count[key + 1]);
    if (list.length === 0) continue;
    // Capped: without it a generic term at the top of thousands of papers costs Σ len². The
    // heaviest listCap, heaviest first, ties by position (a sort with a comparator boxed a
    // number per comparison).
    if (list.length > options.listCap) list = kept.subarray(0, heaviestPositions(list, vals, options.listCap, kept));
    const s = start[key];
    for (let j = 0; j < list.length; j++) {
      out.rows[s + j] = Math.floor(list[j] / t);
      out.weights[s + j] = vals[list[j]];
    }
  }
  return out;
}

/** The m positions of `list` (ascending) with the highest vals into best[0, m), highest first, ties by lower position. */
function heaviestPositions(list: Int32Array, vals: Float32Array, m: number, best: Int32Array): number {
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    const v = vals[x];
    // Positions come ascending: a tie never displaces a kept one.
    if (count === m && v <= vals[best[m - 1]]) continue;
    let at = count;
    while (at > 0 && vals[best[at - 1]] < v) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = x;
    if (count < m) count++;
  }
  return count;
}

/** A query's result: the rows nearest first and their cosines (valid up to `count`). */
export interface Nearest {
  count: number;
  rows: Int32Array;
  cosines: Float64Array;
}

/** Scratch space for queries over a matrix of `nRows` rows and `nCols` columns, reused between queries. */
export class NeighbourSearch {
  private readonly acc: Float64Array;
  private readonly dense: Float32Array;
  private readonly touched: Int32Array;
  private readonly best: Int32Array;
  private readonly result: Nearest;

  constructor(private readonly matrix: CsrMatrix, private readonly tops: TopTerms, private readonly index: TopTermIndex,
    private readonly options: Pick<NeighbourOptions, 'candidates'>, top: number) {
    this.acc = new Float64Array(matrix.nRows);
    this.dense = new Float32Array(matrix.nCols);
    this.touched = new Int32Array(matrix.nRows);
    this.best = new Int32Array(options.candidates + 1);
    const size = Math.max(top, options.candidates);
    this.result = { count: 0, rows: new Int32Array(size), cosines: new Float64Array(size) };
  }

  /**
   * The `top` rows nearest to row `p` by exact cosine among the group's candidates (p itself
   * excluded), best first (ties: lower row). A candidate shares one of p's heaviest terms among its
   * own; candidates are ranked by Σ w_p,c · w_q,c over those terms before their exact cosine. The
   * result is overwritten by the next query.
   */
  nearest(p: number, group: number, top: number): Nearest {
    const { matrix, index, acc, dense, touched, tops, result } = this;
    const { t, cols, vals } = tops;
    let nTouched = 0;
    for (let x = p * t; x < p * t + t && cols[x] >= 0; x++) {
      const key = group * index.nCols + cols[x];
      const v = vals[x];
      for (let j = index.start[key]; j < index.start[key + 1]; j++) {
        const q = index.rows[j];
        if (q === p) continue;
        if (acc[q] === 0) touched[nTouched++] = q;
        acc[q] += v * index.weights[j];
      }
    }
    const nBest = bestOf(touched, nTouched, acc, this.options.candidates, this.best);
    for (let i = 0; i < nTouched; i++) acc[touched[i]] = 0;
    const { indptr, indices, values } = matrix;
    for (let at = indptr[p]; at < indptr[p + 1]; at++) dense[indices[at]] = values[at];
    const { rows, cosines } = result;
    for (let b = 0; b < nBest; b++) {
      const row = this.best[b];
      let cosine = 0;
      for (let at = indptr[row]; at < indptr[row + 1]; at++) cosine += dense[indices[at]] * values[at];
      // Insertion by cosine, ties to the lower row.
      let j = b;
      while (j > 0 && (cosines[j - 1] < cosine || (cosines[j - 1] === cosine && rows[j - 1] > row))) {
        rows[j] = rows[j - 1];
        cosines[j] = cosines[j - 1];
        j--;
      }
      rows[j] = row;
      cosines[j] = cosine;
    }
    for (let at = indptr[p]; at < indptr[p + 1]; at++) dense[indices[at]] = 0;
    result.count = Math.min(top, nBest);
    return result;
  }
}

/**
 * The `m` rows of touched[0, n) with the highest score into best[0, count), best first (ties: lower
 * row): an insertion into a sorted list of at most m. Returns the count.
 */
function bestOf(touched: Int32Array, n: number, score: Float64Array, m: number, best: Int32Array): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const q = touched[i];
    const s = score[q];
    if (count === m) {
      const last = best[m - 1];
      if (s < score[last] || (s === score[last] && q > last)) continue;
    }
    let at = count;
    while (at > 0 && (score[best[at - 1]] < s || (score[best[at - 1]] === s && best[at - 1] > q))) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = q;
    if (count < m) count++;
  }
  return count;
}

/** The `m` rows of `rows` with the highest score, best first (ties: lower row). */
export function bestCandidates(rows: readonly number[], score: Float64Array, m: number): number[] {
  const best = new Int32Array(m + 1);
  const count = bestOf(Int32Array.from(rows), rows.length, score, m, best);
  return Array.from(best.subarray(0, count));
}

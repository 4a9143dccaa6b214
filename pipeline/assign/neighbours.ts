// Owns finding a new paper's nearest papers by TF-IDF cosine (the run's own are the map's neighbour lists):
// candidates through the paper's heaviest terms, exact cosine for the best candidates. Lists can be
// kept per group (a theme), so a paper's neighbours can be sought among its theme's papers only.
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
 * Row i's `t` heaviest columns and weights into cols/vals[0, t) (column -1 past the row's end),
 * heaviest first, ties by position: an insertion into a sorted list of at most t.
 */
export function heaviestTerms(matrix: CsrMatrix, i: number, t: number, cols: Int32Array, vals: Float32Array): void {
  cols.fill(-1, 0, t);
  let n = 0;
  for (let at = matrix.indptr[i]; at < matrix.indptr[i + 1]; at++) {
    const v = matrix.values[at];
    if (n === t && v <= vals[t - 1]) continue;
    let j = Math.min(n, t - 1);
    while (j > 0 && vals[j - 1] < v) {
      cols[j] = cols[j - 1];
      vals[j] = vals[j - 1];
      j--;
    }
    cols[j] = matrix.indices[at];
    vals[j] = v;
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
  for (let i = 0; i < matrix.nRows; i++) heaviestTerms(matrix, i, t, tops.cols.subarray(i * t, i * t + t), tops.vals.subarray(i * t, i * t + t));
  return tops;
}

/** Indexes `rows` of `matrix` by their top terms, row r in group groupOf[r] of `groups` (one group: all zeros). */
export function indexTopTerms(matrix: CsrMatrix, tops: TopTerms, rows: Int32Array, groupOf: Int32Array, groups: number,
  options: Pick<NeighbourOptions, 'listCap'>): TopTermIndex {
  const { t } = tops;
  const nKeys = groups * matrix.nCols;
  const keys = new Int32Array(rows.length * t).fill(-1);
  const vals = new Float32Array(rows.length * t);
  const count = new Uint32Array(nKeys + 1);
  rows.forEach((row, j) => {
    for (let x = 0; x < t && tops.cols[row * t + x] >= 0; x++) {
      count[(keys[j * t + x] = groupOf[row] * matrix.nCols + tops.cols[row * t + x]) + 1]++;
      vals[j * t + x] = tops.vals[row * t + x];
    }
  });
  for (let key = 0; key < nKeys; key++) count[key + 1] += count[key];
  const all = new Int32Array(count[nKeys]); // positions into keys/vals, grouped by key, in row order
  const fill = count.slice(0, nKeys);
  keys.forEach((key, at) => key >= 0 && (all[fill[key]++] = at));
  const start = new Uint32Array(nKeys + 1);
  for (let key = 0; key < nKeys; key++) start[key + 1] = start[key] + Math.min(options.listCap, count[key + 1] - count[key]);
  const out = { start, rows: new Int32Array(start[nKeys]), weights: new Float32Array(start[nKeys]), nCols: matrix.nCols };
  for (let key = 0; key < nKeys; key++) {
    let list = all.subarray(count[key], count[key + 1]);
    // Capped: without it a generic term at the top of thousands of papers costs Σ len².
    if (list.length > options.listCap) list = Int32Array.from(list).sort((a, b) => vals[b] - vals[a] || a - b).subarray(0, options.listCap);
    list.forEach((at, j) => {
      out.rows[start[key] + j] = rows[Math.floor(at / t)];
      out.weights[start[key] + j] = vals[at];
    });
  }
  return out;
}

/** Scratch space for queries over a matrix of `nRows` rows and `nCols` columns, reused between queries. */
export class NeighbourSearch {
  private readonly acc: Float64Array;
  private readonly dense: Float32Array;
  constructor(private readonly matrix: CsrMatrix, private readonly tops: TopTerms, private readonly index: TopTermIndex,
    private readonly options: Pick<NeighbourOptions, 'candidates'>) {
    this.acc = new Float64Array(matrix.nRows);
    this.dense = new Float32Array(matrix.nCols);
  }

  /**
   * The `top` rows nearest to row `p` by exact cosine among the group's candidates (p itself
   * excluded), best first (ties: lower row). A candidate shares one of p's heaviest terms among its
   * own; candidates are ranked by Σ w_p,c · w_q,c over those terms before their exact cosine.
   */
  nearest(p: number, group: number, top: number): { row: number; cosine: number }[] {
    const { matrix, index, acc, dense, options, tops } = this;
    const touched: number[] = [];
    const [cols, vals] = [tops.cols.subarray(p * tops.t, p * tops.t + tops.t), tops.vals.subarray(p * tops.t, p * tops.t + tops.t)];
    for (let x = 0; x < cols.length && cols[x] >= 0; x++) {
      const key = group * index.nCols + cols[x];
      for (let j = index.start[key]; j < index.start[key + 1]; j++) {
        const q = index.rows[j];
        if (q === p) continue;
        if (acc[q] === 0) touched.push(q);
        acc[q] += vals[x] * index.weights[j];
      }
    }
    const best = bestCandidates(touched, acc, options.candidates);
    for (const q of touched) acc[q] = 0;
    for (let at = matrix.indptr[p]; at < matrix.indptr[p + 1]; at++) dense[matrix.indices[at]] = matrix.values[at];
    const scored = best.map((row) => {
      let cosine = 0;
      for (let at = matrix.indptr[row]; at < matrix.indptr[row + 1]; at++) cosine += dense[matrix.indices[at]] * matrix.values[at];
      return { row, cosine };
    });
    for (let at = matrix.indptr[p]; at < matrix.indptr[p + 1]; at++) dense[matrix.indices[at]] = 0;
    return scored.sort((a, b) => b.cosine - a.cosine || a.row - b.row).slice(0, top);
  }
}

/**
 * The `m` rows of `rows` with the highest score, best first (ties: lower row): an insertion into a
 * sorted list of at most m (sorting every touched row with a comparator was most of a query's time).
 */
export function bestCandidates(rows: readonly number[], score: Float64Array, m: number): number[] {
  const best: number[] = [];
  for (const q of rows) {
    const s = score[q];
    if (best.length === m) {
      const last = best[m - 1];
      if (s < score[last] || (s === score[last] && q > last)) continue;
    }
    let at = best.length;
    while (at > 0 && (score[best[at - 1]] < s || (score[best[at - 1]] === s && best[at - 1] > q))) at--;
    best.splice(at, 0, q);
    if (best.length > m) best.pop();
  }
  return best;
}

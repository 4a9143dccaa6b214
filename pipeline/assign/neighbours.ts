// Owns finding a new paper's nearest papers by TF-IDF cosine (the run's own are the map's neighbour lists):
// candidates through the paper's heaviest terms, exact cosine for the best candidates. An index is
// built over any set of rows (a theme's papers, or all of them), so a paper's neighbours can be
// sought among its theme's papers only. Typed scratch space throughout: no object or array per query.
import type { BlockRows } from './model.js';

export interface NeighbourOptions {
  /** Heaviest terms of a row that index it and that find a query's candidates. */
  termsPerPaper: number;
  /** Rows kept in each term's list: those where the term weighs most. */
  listCap: number;
  /** Candidates (best by the top-terms score) whose exact cosine is computed. */
  candidates: number;
}

/**
 * Row non-zeros terms/weights[from, to)'s `t` heaviest columns and weights into cols/vals[at, at + t)
 * (column -1 past the row's end), heaviest first, ties by position: an insertion into a sorted list
 * of at most t.
 */
export function heaviestTerms(terms: Uint16Array | Uint32Array, weights: Float32Array, from: number, to: number, t: number,
  cols: Int32Array, vals: Float32Array, at = 0): void {
  let n = 0;
  // The lightest kept weight once t are kept: most non-zeros are not heavier and cost one comparison.
  let floor = -Infinity;
  for (let q = from; q < to; q++) {
    const v = weights[q];
    if (n === t && v <= floor) continue;
    let j = Math.min(n, t - 1);
    while (j > 0 && vals[at + j - 1] < v) {
      cols[at + j] = cols[at + j - 1];
      vals[at + j] = vals[at + j - 1];
      j--;
    }
    cols[at + j] = terms[q];
    vals[at + j] = v;
    if (n < t) n++;
    if (n === t) floor = vals[at + t - 1];
  }
  for (let j = n; j < t; j++) cols[at + j] = -1;
}

/** Every row's `t` heaviest terms (heaviestTerms), row i's at [i · t, i · t + t): computed once, read by the indexes and the queries. */
export interface TopTerms {
  t: number;
  cols: Int32Array;
  vals: Float32Array;
}

export function topTermsOf(rows: BlockRows, t: number): TopTerms {
  const tops = { t, cols: new Int32Array(rows.nRows * t), vals: new Float32Array(rows.nRows * t) };
  for (let i = 0; i < rows.nRows; i++) {
    const part = rows.part[i];
    heaviestTerms(rows.terms[part], rows.weights[part], rows.from[i], rows.to[i], t, tops.cols, tops.vals, i * t);
  }
  return tops;
}

/**
 * Inverted lists over a set of rows' heaviest terms: column c's list is rows/weights[start[c], end[c])
 * (empty where they are equal), at most listCap rows: those where the term weighs most. `build`
 * indexes another set in the same arrays (a theme's papers after another theme's), clearing only
 * the columns the previous set used: no array per column or per (theme, column) key.
 */
export class TopTermIndex {
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  readonly rows: Int32Array;
  readonly weights: Float32Array;
  private readonly used: Int32Array;
  private nUsed = 0;
  private readonly kept: Int32Array;
  private readonly keptRows: Int32Array;
  private readonly keptWeights: Float32Array;

  /** `capacity`: the most entries a build holds (rows indexed × terms per row). */
  constructor(nCols: number, capacity: number, private readonly listCap: number) {
    this.start = new Uint32Array(nCols);
    this.end = new Uint32Array(nCols);
    this.used = new Int32Array(nCols);
    this.rows = new Int32Array(capacity);
    this.weights = new Float32Array(capacity);
    this.kept = new Int32Array(listCap + 1);
    this.keptRows = new Int32Array(listCap);
    this.keptWeights = new Float32Array(listCap);
  }

  /**
   * Indexes rows indexed[from, to) (ascending) by their top terms; the previous build's lists are
   * gone. Only the lists of columns with wanted[c] = 1 are made (the terms the queries will look
   * up: the others would be built and never read).
   */
  build(tops: TopTerms, indexed: Int32Array, from: number, to: number, wanted: Uint8Array): this {
    const { start, end, used, rows, weights } = this;
    const { t, cols, vals } = tops;
    for (let u = 0; u < this.nUsed; u++) start[used[u]] = end[used[u]] = 0;
    let nUsed = 0;
    // Counted in `end`, then each used column's list placed after the previous one.
    for (let i = from; i < to; i++) {
      for (let x = indexed[i] * t, last = x + t; x < last && cols[x] >= 0; x++) {
        if (wanted[cols[x]] === 1 && end[cols[x]]++ === 0) used[nUsed++] = cols[x];
      }
    }
    let at = 0;
    for (let u = 0; u < nUsed; u++) {
      const c = used[u];
      start[c] = at;
      at += end[c];
      end[c] = start[c];
    }
    for (let i = from; i < to; i++) {
      const r = indexed[i];
      for (let x = r * t, last = x + t; x < last && cols[x] >= 0; x++) {
        if (wanted[cols[x]] === 0) continue;
        const j = end[cols[x]]++;
        rows[j] = r;
        weights[j] = vals[x];
      }
    }
    // Capped: without it a generic term at the top of thousands of papers costs Σ len².
    for (let u = 0; u < nUsed; u++) {
      const c = used[u];
      if (end[c] - start[c] > this.listCap) end[c] = start[c] + this.cap(start[c], end[c]);
    }
    this.nUsed = nUsed;
    return this;
  }

  /**
   * The list [s, e) (rows ascending) cut to its listCap heaviest, heaviest first, ties to the lower
   * row: moved to the front of its place. Returns the count kept.
   */
  private cap(s: number, e: number): number {
    const { rows, weights, kept, keptRows, keptWeights, listCap } = this;
    let count = 0;
    for (let j = s; j < e; j++) {
      const v = weights[j];
      // Rows come ascending: a tie never displaces a kept one.
      if (count === listCap && v <= weights[kept[listCap - 1]]) continue;
      let at = count;
      while (at > 0 && weights[kept[at - 1]] < v) {
        kept[at] = kept[at - 1];
        at--;
      }
      kept[at] = j;
      if (count < listCap) count++;
    }
    for (let i = 0; i < count; i++) [keptRows[i], keptWeights[i]] = [rows[kept[i]], weights[kept[i]]];
    rows.set(keptRows.subarray(0, count), s);
    weights.set(keptWeights.subarray(0, count), s);
    return count;
  }
}

/** A query's result: the rows nearest first and their cosines (valid up to `count`). */
export interface Nearest {
  count: number;
  rows: Int32Array;
  cosines: Float64Array;
}

/**
 * Scratch space for queries over `rows`, reused between queries. A row's queries against several
 * indexes (its theme's, then all rows') share its dense weights and the exact cosines of
 * candidates they have in common.
 */
export class NeighbourSearch {
  private readonly acc: Float64Array;
  private readonly dense: Float32Array;
  private readonly touched: Int32Array;
  private readonly best: Int32Array;
  private readonly result: Nearest;
  /** cosine[q] is the current query row's cosine to q where cosineOf[q] is that row. */
  private readonly cosineOf: Int32Array;
  private readonly cosine: Float64Array;
  private query = -1;
  /** warm's reads, kept so that they are made. */
  warmth = 0;

  constructor(private readonly matrix: BlockRows, private readonly tops: TopTerms, private readonly options: Pick<NeighbourOptions, 'candidates'>,
    top: number) {
    this.acc = new Float64Array(matrix.nRows);
    this.dense = new Float32Array(matrix.nCols);
    this.touched = new Int32Array(matrix.nRows);
    this.best = new Int32Array(options.candidates + 1);
    this.cosineOf = new Int32Array(matrix.nRows).fill(-1);
    this.cosine = new Float64Array(matrix.nRows);
    const size = Math.max(top, options.candidates);
    this.result = { count: 0, rows: new Int32Array(size), cosines: new Float64Array(size) };
  }

  /**
   * The `top` rows nearest to row `p` by exact cosine among the candidates of `index` (p itself
   * excluded), best first (ties: lower row). A candidate shares one of p's heaviest terms among its
   * own; candidates are ranked by Σ w_p,c · w_q,c over those terms before their exact cosine. The
   * result is overwritten by the next query.
   */
  nearest(p: number, index: TopTermIndex, top: number): Nearest {
    const { acc, touched, tops, result } = this;
    const { t, cols, vals } = tops;
    let nTouched = 0;
    for (let x = p * t; x < p * t + t && cols[x] >= 0; x++) {
      const c = cols[x];
      const v = vals[x];
      for (let j = index.start[c], end = index.end[c]; j < end; j++) {
        const q = index.rows[j];
        if (q === p) continue;
        if (acc[q] === 0) touched[nTouched++] = q;
        acc[q] += v * index.weights[j];
      }
    }
    const nBest = bestOf(touched, nTouched, acc, this.options.candidates, this.best);
    for (let i = 0; i < nTouched; i++) acc[touched[i]] = 0;
    this.load(p);
    this.warm(p, nBest);
    const { rows, cosines } = result;
    for (let b = 0; b < nBest; b++) {
      const row = this.best[b];
      const cosine = this.cosineOf[row] === p ? this.cosine[row] : this.exactCosine(p, row);
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
    result.count = Math.min(top, nBest);
    return result;
  }

  /**
   * Reads the first terms and weights of each candidate not yet scored, before any is scored: the
   * rows lie anywhere in ~50 MB, and these independent reads wait for memory together instead of
   * one row after another (place + similar ~10-15 % less CPU; the cosines alone ~2x faster in a
   * micro-benchmark).
   */
  private warm(p: number, nBest: number): void {
    const { matrix, best } = this;
    let sum = 0;
    for (let b = 0; b < nBest; b++) {
      const row = best[b];
      if (this.cosineOf[row] === p || matrix.from[row] === matrix.to[row]) continue;
      const [terms, weights, at, last] = [matrix.terms[matrix.part[row]], matrix.weights[matrix.part[row]], matrix.from[row], matrix.to[row] - 1];
      // Its first and last term and weight: the lines between follow (one read per line measured no better).
      sum += terms[at] + weights[at] + terms[last] + weights[last];
    }
    this.warmth = sum;
  }

  /** Row p's weights into `dense` (the previous query row's cleared), unless they are there. */
  private load(p: number): void {
    if (this.query === p) return;
    if (this.query >= 0) this.scatter(this.query, true);
    this.scatter(p, false);
    this.query = p;
  }

  private scatter(p: number, clear: boolean): void {
    const { matrix, dense } = this;
    const [terms, weights] = [matrix.terms[matrix.part[p]], matrix.weights[matrix.part[p]]];
    for (let at = matrix.from[p]; at < matrix.to[p]; at++) dense[terms[at]] = clear ? 0 : weights[at];
  }

  /** Σ over row's non-zeros, in order, of its weight × the query row's (dense): remembered for the query row. */
  private exactCosine(p: number, row: number): number {
    const { matrix, dense } = this;
    const [terms, weights] = [matrix.terms[matrix.part[row]], matrix.weights[matrix.part[row]]];
    let cosine = 0;
    for (let at = matrix.from[row], to = matrix.to[row]; at < to; at++) cosine += dense[terms[at]] * weights[at];
    this.cosineOf[row] = p;
    this.cosine[row] = cosine;
    return cosine;
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

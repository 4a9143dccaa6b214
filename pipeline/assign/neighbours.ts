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
  /**
   * A query's scores, in a small open-addressing table (row → slot) that stays in cache where an
   * array over all rows missed it at nearly every entry; `touched` lists the slots used.
   */
  private slotRow: Int32Array;
  private slotScore: Float64Array;
  private touched: Int32Array;
  private shift = 20;
  private readonly dense: Float32Array;
  private readonly best: Int32Array;
  private readonly bestScore: Float64Array;
  /** The candidates of a query whose exact cosine is not known yet. */
  private readonly todo: Int32Array;
  private readonly result: Nearest;
  /** cosine[q] is the current query row's cosine to q where cosineOf[q] is that row. */
  private readonly cosineOf: Int32Array;
  private readonly cosine: Float64Array;
  private query = -1;
  /** warm's reads, kept so that they are made. */
  warmth = 0;

  constructor(private readonly matrix: BlockRows, private readonly tops: TopTerms, private readonly options: Pick<NeighbourOptions, 'candidates'>,
    top: number) {
    this.slotRow = new Int32Array(2 ** (32 - this.shift)).fill(-1);
    this.slotScore = new Float64Array(this.slotRow.length);
    this.touched = new Int32Array(this.slotRow.length);
    this.dense = new Float32Array(matrix.nCols);
    this.best = new Int32Array(options.candidates + 1);
    this.bestScore = new Float64Array(options.candidates + 1);
    this.todo = new Int32Array(options.candidates);
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
    const { result } = this;
    const { t, cols, vals } = this.tops;
    const { start, end, rows: listRows, weights: listWeights } = index;
    // At most one slot per entry of p's lists: the table kept at most half full.
    let entries = 0;
    for (let x = p * t, last = x + t; x < last && cols[x] >= 0; x++) entries += end[cols[x]] - start[cols[x]];
    if (2 * entries > this.slotRow.length) this.grow(2 * entries);
    const { slotRow, slotScore, touched, shift } = this;
    const mask = slotRow.length - 1;
    let nTouched = 0;
    for (let x = p * t, last = x + t; x < last; x++) {
      const c = cols[x];
      if (c < 0) break;
      const v = vals[x];
      for (let j = start[c], e = end[c]; j < e; j++) {
        const q = listRows[j];
        let h = Math.imul(q, 0x9e3779b1) >>> shift;
        for (;;) {
          const r = slotRow[h];
          if (r === q) {
            slotScore[h] += v * listWeights[j];
            break;
          }
          if (r === -1) {
            if (q === p) break;
            slotRow[h] = q;
            slotScore[h] = v * listWeights[j];
            touched[nTouched++] = h;
            break;
          }
          h = (h + 1) & mask;
        }
      }
    }
    const nBest = this.bestTouched(nTouched);
    this.load(p);
    const { best, todo, cosineOf, cosine } = this;
    let nTodo = 0;
    for (let b = 0; b < nBest; b++) if (cosineOf[best[b]] !== p) todo[nTodo++] = best[b];
    this.warm(nTodo);
    this.exactCosines(p, nTodo);
    const { rows, cosines } = result;
    for (let b = 0; b < nBest; b++) {
      const row = best[b];
      const c = cosine[row];
      // Insertion by cosine, ties to the lower row.
      let j = b;
      while (j > 0 && (cosines[j - 1] < c || (cosines[j - 1] === c && rows[j - 1] > row))) {
        rows[j] = rows[j - 1];
        cosines[j] = cosines[j - 1];
        j--;
      }
      rows[j] = row;
      cosines[j] = c;
    }
    result.count = Math.min(top, nBest);
    return result;
  }

  private grow(slots: number): void {
    while (2 ** (32 - this.shift) < slots) this.shift--;
    this.slotRow = new Int32Array(2 ** (32 - this.shift)).fill(-1);
    this.slotScore = new Float64Array(this.slotRow.length);
    this.touched = new Int32Array(this.slotRow.length);
  }

  /**
   * The options.candidates touched rows of highest score into best/bestScore (best first, ties: the
   * lower row), their scores cleared on the way. Returns the count.
   */
  private bestTouched(n: number): number {
    const { slotRow, slotScore, touched, best, bestScore } = this;
    const m = this.options.candidates;
    let count = 0;
    // The last kept row and its score once m are kept: most rows fall below it and cost one comparison.
    let floor = -Infinity;
    let floorRow = -1;
    for (let i = 0; i < n; i++) {
      const h = touched[i];
      const q = slotRow[h];
      const s = slotScore[h];
      slotRow[h] = -1;
      if (count === m && (s < floor || (s === floor && q > floorRow))) continue;
      let at = count === m ? m - 1 : count;
      while (at > 0 && (bestScore[at - 1] < s || (bestScore[at - 1] === s && best[at - 1] > q))) {
        best[at] = best[at - 1];
        bestScore[at] = bestScore[at - 1];
        at--;
      }
      best[at] = q;
      bestScore[at] = s;
      if (count < m) count++;
      if (count === m) {
        floor = bestScore[m - 1];
        floorRow = best[m - 1];
      }
    }
    return count;
  }

  /**
   * Reads a term and a weight in each cache line of each row of todo[0, n) before any is scored:
   * the rows lie anywhere in ~50 MB, and these independent reads wait for memory together instead
   * of line after line as the sums reach them (place ~40 % less CPU than with no such reads, ~25 %
   * less than with only each row's first and last line read).
   */
  private warm(n: number): void {
    const { matrix, todo } = this;
    let sum = 0;
    for (let b = 0; b < n; b++) {
      const row = todo[b];
      const from = matrix.from[row];
      const last = matrix.to[row] - 1;
      if (last < from) continue;
      const terms = matrix.terms[matrix.part[row]];
      const weights = matrix.weights[matrix.part[row]];
      for (let at = from; at < last; at += 32) sum += terms[at];
      for (let at = from; at < last; at += 16) sum += weights[at];
      sum += terms[last] + weights[last];
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

  /**
   * The exact cosines of query row p to rows todo[0, n), remembered for p: each the Σ over the
   * row's non-zeros, in order, of its weight × p's (dense). Two rows at a time, each summed in its
   * own register in its own order (the same sums as one at a time): the two rows' reads from memory
   * and their additions overlap instead of waiting on each other.
   */
  private exactCosines(p: number, n: number): void {
    const { matrix, dense, todo, cosineOf, cosine } = this;
    const { part, from, to } = matrix;
    let i = 0;
    for (; i + 2 <= n; i += 2) {
      const r0 = todo[i];
      const r1 = todo[i + 1];
      const t0 = matrix.terms[part[r0]];
      const w0 = matrix.weights[part[r0]];
      const t1 = matrix.terms[part[r1]];
      const w1 = matrix.weights[part[r1]];
      let a0 = from[r0];
      let a1 = from[r1];
      const e0 = to[r0];
      const e1 = to[r1];
      let s0 = 0;
      let s1 = 0;
      for (const stop = a0 + Math.min(e0 - a0, e1 - a1); a0 < stop; a0++, a1++) {
        s0 += dense[t0[a0]] * w0[a0];
        s1 += dense[t1[a1]] * w1[a1];
      }
      for (; a0 < e0; a0++) s0 += dense[t0[a0]] * w0[a0];
      for (; a1 < e1; a1++) s1 += dense[t1[a1]] * w1[a1];
      cosineOf[r0] = cosineOf[r1] = p;
      cosine[r0] = s0;
      cosine[r1] = s1;
    }
    if (i < n) {
      const r = todo[i];
      const terms = matrix.terms[part[r]];
      const weights = matrix.weights[part[r]];
      let s = 0;
      for (let at = from[r], e = to[r]; at < e; at++) s += dense[terms[at]] * weights[at];
      cosineOf[r] = p;
      cosine[r] = s;
    }
  }
}

/** The `m` rows of `rows` with the highest score, best first (ties: lower row), as NeighbourSearch keeps its candidates. */
export function bestCandidates(rows: readonly number[], score: Float64Array, m: number): number[] {
  const best: number[] = [];
  for (const q of rows) {
    const s = score[q];
    let at = best.length;
    while (at > 0 && (score[best[at - 1]] < s || (score[best[at - 1]] === s && best[at - 1] > q))) at--;
    if (at < m) best.splice(at, 0, q);
    if (best.length > m) best.pop();
  }
  return best;
}

// Owns the deterministic divisive start of k-means: bisecting spherical k-means whose every split
// starts from the principal direction of the theme being split (PDDP, Boley 1998) and is polished by
// spherical 2-means to convergence. No random draw decides a split, so the starting themes depend on
// the papers, not on a seed; converged splits are what makes them repeat on another sample of papers.
import type { CsrMatrix } from '../types.js';

export interface BisectOptions {
  /** Per row, a key fixed by the paper (a hash of its id): which rows estimate a big theme's direction. */
  keys?: Uint32Array;
  /** A theme with more rows estimates its principal direction from the rows with the smallest keys. */
  sampleCap?: number;
  /** Lanczos steps for a principal direction at most (stops earlier once it settles). */
  lanczosSteps?: number;
  /** Spherical 2-means passes at most after the principal-direction cut (stops when no row moves). */
  maxPasses?: number;
  /** Passes at most over all rows of a theme bigger than the sample, once the sample has converged. */
  fullPasses?: number;
}

export const BISECT_DEFAULTS = { sampleCap: 8000, lanczosSteps: 30, maxPasses: 100, fullPasses: 100 } as const;

interface Leaf {
  rows: Int32Array;
  /** Spherical inertia Σ (1 − cos(x, centroid)) = live rows − ‖Σ x‖; −1 once found unsplittable. */
  inertia: number;
}

/** Some rows of the matrix copied together, their columns renumbered (rowsOf). */
interface Copy {
  /** CSR like CsrMatrix, with Int32Array indices: the hot loops then see one array type only. */
  matrix: { nRows: number; nCols: number; indptr: Uint32Array; indices: Int32Array; values: Float32Array };
  /** Each column's term. */
  terms: Uint32Array;
  /** The columns in term order: sums over terms add in this order. */
  byTerm: Int32Array;
}

/**
 * Splits the rows into k themes, top down: the theme with the largest spherical inertia is cut in
 * two along its principal direction, then the two halves are polished by spherical 2-means. Returns
 * each row's theme, numbered in tree order (left child before right). Fewer than k themes only when
 * the rows allow no more cuts (identical rows).
 */
export function bisectingStart(matrix: CsrMatrix, k: number, options: BisectOptions = {}): Int32Array {
  const o = { ...BISECT_DEFAULTS, ...options };
  const keys = o.keys ?? Uint32Array.from({ length: matrix.nRows }, (_, i) => i);
  const work = new Work(matrix);
  const all = Int32Array.from({ length: matrix.nRows }, (_, i) => i);
  const leaves: Leaf[] = [{ rows: all, inertia: work.inertias(work.root!, null)[0] }];
  while (leaves.length < k) {
    let target = -1;
    for (let t = 0; t < leaves.length; t++) {
      if (leaves[t].rows.length >= 2 && leaves[t].inertia > 0 && (target < 0 || leaves[t].inertia > leaves[target].inertia)) target = t;
    }
    if (target < 0) break;
    const [a, b] = work.split(leaves[target].rows, keys, o);
    if (a.rows.length === 0 || b.rows.length === 0) {
      leaves[target].inertia = -1;
      continue;
    }
    leaves.splice(target, 1, a, b);
  }
  const out = new Int32Array(matrix.nRows);
  leaves.forEach((leaf, t) => { for (const i of leaf.rows) out[i] = t; });
  return out;
}

/** Dense scratch vectors of nCols, reused by every split (a split's compact copy uses their first entries). */
class Work {
  readonly mean: Float64Array;
  readonly v: Float64Array;
  readonly w: Float64Array;
  /**
   * The two sides' sums of 2-means, interleaved (column c's at 2c and 2c + 1): a row's scoring reads
   * both sums of each of its terms from one cache line, not from two arrays.
   */
  readonly sums: Float64Array;
  /** Scratch of nCols: each term's count, then column, in a copy being built (rowsOf) or read. */
  readonly local: Int32Array;

  /**
   * All rows, copied like a theme's: the root's inertia and the first split's full passes read it;
   * let go after the first split (nnz × 8 bytes more under the cluster stage's peak otherwise:
   * hundreds of MB at a million papers).
   */
  root: Copy | null;

  constructor(readonly m: CsrMatrix) {
    const n = m.nCols;
    [this.mean, this.v, this.w] = Array.from({ length: 3 }, () => new Float64Array(n));
    this.sums = new Float64Array(2 * n);
    this.local = new Int32Array(n);
    this.root = rowsOf(m, Int32Array.from({ length: m.nRows }, (_, i) => i), this.local);
  }

  /**
   * Spherical inertia of the copy's rows on each side (`side` null: all on side 0), each side's rows
   * summed in the same order as that side's own rows would be. A split's halves are scored from its
   * copy, not read again from all over the matrix.
   */
  inertias(copy: Copy, side: Uint8Array | null): [number, number] {
    const m = copy.matrix;
    const { indptr, indices, values } = m;
    const sums = this.sums.subarray(0, 2 * m.nCols);
    sums.fill(0);
    const live = [0, 0];
    for (let r = 0; r < m.nRows; r++) {
      const to = side === null ? 0 : side[r];
      if (indptr[r + 1] > indptr[r]) live[to]++;
      for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) sums[(indices[p] << 1) | to] += values[p];
    }
    return [live[0] - sideNorm(sums, 0, copy.byTerm), live[1] - sideNorm(sums, 1, copy.byTerm)];
  }

  /**
   * Cuts `rows` in two: sign of the principal direction, then spherical 2-means to convergence.
   * Returns each half's rows and its spherical inertia.
   */
  split(rows: Int32Array, keys: Uint32Array, o: Required<Omit<BisectOptions, 'keys'>>): [Leaf, Leaf] {
    const { m } = this;
    // The cut is found on the sample (all rows of a theme up to sampleCap), then carried to all rows.
    // The sample's rows are read ~10 times by the principal direction and again by every 2-means
    // pass: copied next to each other first (rowsOf), they are read in order instead of from all
    // over the matrix (~2x faster a pass here, the same sums in the same order).
    const sample = sampleOf(rows, keys, o.sampleCap);
    const near = rowsOf(m, sample, this.local);
    const v = this.principalDirection(near, o.lanczosSteps);
    const mv = termDot(this.mean, v, near.byTerm);
    const sampleSide = new Uint8Array(sample.length);
    for (let r = 0; r < sample.length; r++) sampleSide[r] = dot(near.matrix, r, v) - mv >= 0 ? 0 : 1;
    this.twoMeans(near, sampleSide, o.maxPasses);
    const n = rows.length;
    let side = sampleSide;
    let full = near;
    if (sample !== rows) {
      side = new Uint8Array(n);
      const { sums, local } = this;
      const n0 = sideNorm(sums, 0, near.byTerm);
      const n1 = sideNorm(sums, 1, near.byTerm);
      // The full passes likewise read the theme's rows copied together (the first split's: `root`).
      full = rows.length === m.nRows && this.root ? this.root : rowsOf(m, rows, local);
      // The sample's sums, moved to the theme's columns (0 for the terms the sample lacks).
      for (let c = 0; c < full.terms.length; c++) local[full.terms[c]] = c;
      const moved = new Float64Array(2 * full.matrix.nCols);
      for (let c = 0; c < near.terms.length; c++) {
        const to = local[near.terms[c]];
        moved[2 * to] = sums[2 * c];
        moved[2 * to + 1] = sums[2 * c + 1];
      }
      const { indptr, indices, values } = full.matrix;
      for (let r = 0; r < n; r++) {
        let d0 = 0;
        let d1 = 0;
        for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) {
          const j = indices[p] << 1;
          d0 += values[p] * moved[j];
          d1 += values[p] * moved[j + 1];
        }
        side[r] = d1 / n1 > d0 / n0 ? 1 : 0;
      }
      this.twoMeans(full, side, o.fullPasses);
    }
    // Each half's inertia from the theme's rows already copied together (no second read of them from
    // all over the matrix); a half's rows are in the same order there.
    const [inertia0, inertia1] = this.inertias(full, side);
    this.root = null; // only the first split reads all rows
    let count0 = 0;
    for (let r = 0; r < n; r++) if (side[r] === 0) count0++;
    const a = new Int32Array(count0);
    const b = new Int32Array(n - count0);
    for (let r = 0, ia = 0, ib = 0; r < n; r++) {
      if (side[r] === 0) a[ia++] = rows[r];
      else b[ib++] = rows[r];
    }
    return [{ rows: a, inertia: inertia0 }, { rows: b, inertia: inertia1 }];
  }

  /**
   * Top principal direction of the rows: the top eigenvector of their centred scatter matrix, found
   * as its twin in row space (the top eigenvector u of the n × n matrix (X − 1μᵀ)(X − 1μᵀ)ᵀ, then
   * v ∝ (X − 1μᵀ)ᵀ u), by Lanczos with full reorthogonalisation on vectors of n, at most `steps`
   * products. Fixed start: each row's deviation from the mean along the mean's square-root pattern
   * with signs alternating by term id (`terms`: each column's term id, null when the same), so
   * nothing random and no sizeable direction missed.
   * Leaves the rows' mean in this.mean.
   */
  private principalDirection(copy: Copy, steps: number): Float64Array {
    const { matrix: m, terms, byTerm } = copy;
    const n = m.nRows;
    const nCols = m.nCols;
    const mean = this.mean.subarray(0, nCols);
    const v = this.v.subarray(0, nCols);
    const w = this.w.subarray(0, nCols);
    mean.fill(0);
    for (let r = 0; r < n; r++) addRow(m, r, mean, 1);
    scale(mean, 1 / n);
    // (X − 1μᵀ) w for a term vector w, and (X − 1μᵀ)ᵀ u for a row vector u.
    const rowTimes = (w: Float64Array, out: Float64Array) => {
      const mw = termDot(mean, w, byTerm);
      for (let r = 0; r < n; r++) out[r] = dot(m, r, w) - mw;
    };
    const termTimes = (u: Float64Array, out: Float64Array) => {
      out.fill(0);
      let su = 0;
      for (let r = 0; r < n; r++) {
        addRow(m, r, out, u[r]);
        su += u[r];
      }
      for (let j = 0; j < nCols; j++) out[j] -= mean[j] * su;
    };
    for (let j = 0; j < nCols; j++) v[j] = (terms[j] % 2 === 0 ? 1 : -1) * Math.sqrt(mean[j]);
    let q = new Float64Array(n);
    rowTimes(v, q);
    const start = norm(q);
    if (!(start > 0)) return v;
    scale(q, 1 / start);
    const basis: Float64Array[] = [];
    const alpha: number[] = [];
    const beta: number[] = [];
    const z = new Float64Array(n);
    let ritz: Float64Array = new Float64Array([1]);
    let previous = NaN;
    for (let step = 0; step < steps; step++) {
      basis.push(q);
      termTimes(q, w);
      rowTimes(w, z);
      let a = 0;
      for (let r = 0; r < n; r++) a += q[r] * z[r];
      alpha.push(a);
      for (const b of basis) {
        let c = 0;
        for (let r = 0; r < n; r++) c += b[r] * z[r];
        for (let r = 0; r < n; r++) z[r] -= c * b[r];
      }
      const length = norm(z);
      const top = topEigenpair(alpha, beta);
      ritz = top.vector;
      const residual = length * Math.abs(ritz[ritz.length - 1]);
      const settled = residual <= 1e-4 * top.value || Math.abs(top.value - previous) <= 1e-10 * top.value;
      previous = top.value;
      if (settled || !(length > 1e-12 * top.value)) break;
      beta.push(length);
      q = new Float64Array(n);
      for (let r = 0; r < n; r++) q[r] = z[r] / length;
    }
    const u = new Float64Array(n);
    ritz.forEach((y, i) => { const b = basis[i]; for (let r = 0; r < n; r++) u[r] += y * b[r]; });
    termTimes(u, v);
    const length = Math.sqrt(termDot(v, v, byTerm));
    if (length > 0) scale(v, 1 / length);
    return v;
  }

  /**
   * Spherical 2-means from `side`: each pass gives every row the side whose unit centroid it is
   * closer to, from the sums of the previous pass, until no row moves. Sums change by the moved rows
   * only, and a row whose lead over the other side exceeds how far both centroids have moved since it
   * was last scored (|x·(c′ − c)| ≤ ‖c′ − c‖ for a unit row) cannot move and is not scored again.
   */
  private twoMeans(copy: Copy, side: Uint8Array, maxPasses: number): void {
    const m = copy.matrix;
    const { indptr, indices, values } = m;
    const n = m.nRows;
    const sums = this.sums.subarray(0, 2 * m.nCols);
    const delta = this.w.subarray(0, m.nCols);
    sums.fill(0);
    delta.fill(0);
    for (let r = 0; r < n; r++) {
      const to = side[r];
      for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) sums[(indices[p] << 1) | to] += values[p];
    }
    const lead = new Float64Array(n).fill(-1);
    const moved: number[] = [];
    const touched: number[] = [];
    let sq0 = sideNorm(sums, 0, copy.byTerm) ** 2;
    let sq1 = sideNorm(sums, 1, copy.byTerm) ** 2;
    // Every lead shrinks by the pass's drift: done as a row is next looked at (the same subtraction,
    // one loop fewer a pass).
    let drift = 0;
    for (let pass = 0; pass < maxPasses; pass++) {
      if (!(sq0 > 0) || !(sq1 > 0)) return;
      const n0 = Math.sqrt(sq0);
      const n1 = Math.sqrt(sq1);
      moved.length = 0;
      // Δ = what side 0's sum gains (side 1's loses): Δ·s0 and Δ·s1 from the dots of the moved rows.
      let deltaDot0 = 0;
      let deltaDot1 = 0;
      for (let r = 0; r < n; r++) {
        const left = lead[r] - drift;
        if (left > 1e-9) {
          lead[r] = left;
          continue;
        }
        let d0 = 0;
        let d1 = 0;
        for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) {
          const j = indices[p] << 1;
          d0 += values[p] * sums[j];
          d1 += values[p] * sums[j + 1];
        }
        const margin = d0 / n0 - d1 / n1;
        lead[r] = Math.abs(margin);
        if ((margin < 0 ? 1 : 0) !== side[r]) {
          moved.push(r);
          const sign = side[r] === 0 ? -1 : 1;
          deltaDot0 += sign * d0;
          deltaDot1 += sign * d1;
        }
      }
      if (moved.length === 0) return;
      for (const r of moved) {
        const sign = side[r] === 0 ? -1 : 1;
        for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) {
          const j = indices[p];
          if (delta[j] === 0) touched.push(j);
          delta[j] += sign * values[p];
        }
        side[r] = side[r] === 0 ? 1 : 0;
      }
      let deltaSq = 0;
      for (const j of touched) {
        deltaSq += delta[j] * delta[j];
        sums[2 * j] += delta[j];
        sums[2 * j + 1] -= delta[j];
        delta[j] = 0;
      }
      touched.length = 0;
      // ‖c′ − c‖² = 2 − 2 s′·s / (‖s′‖‖s‖) for each side, with s′ = s ± Δ.
      const next0 = sq0 + 2 * deltaDot0 + deltaSq;
      const next1 = sq1 - 2 * deltaDot1 + deltaSq;
      drift = Math.sqrt(Math.max(0, 2 - (2 * (sq0 + deltaDot0)) / Math.sqrt(next0 * sq0)))
        + Math.sqrt(Math.max(0, 2 - (2 * (sq1 - deltaDot1)) / Math.sqrt(next1 * sq1))) + 1e-7;
      sq0 = next0;
      sq1 = next1;
    }
  }
}

/** ‖s_side‖ of the two sides' sums interleaved in `sums` (side 0 at even places), over the columns in term order. */
function sideNorm(sums: Float64Array, side: 0 | 1, byTerm: Int32Array): number {
  let s = 0;
  for (const c of byTerm) s += sums[2 * c + side] * sums[2 * c + side];
  return Math.sqrt(s);
}

/** a · b over the columns in term order. */
function termDot(a: Float64Array, b: Float64Array, byTerm: Int32Array): number {
  let s = 0;
  for (const c of byTerm) s += a[c] * b[c];
  return s;
}

/**
 * The `cap` rows with the smallest keys, ties to the smaller row (all rows when there are no more),
 * in row order; `rows` ascending. The cap-th smallest key comes from a numeric sort of the keys, not
 * a sort of the rows by a comparator.
 */
function sampleOf(rows: Int32Array, keys: Uint32Array, cap: number): Int32Array {
  if (rows.length <= cap) return rows;
  const sorted = new Uint32Array(rows.length);
  for (let r = 0; r < rows.length; r++) sorted[r] = keys[rows[r]];
  sorted.sort();
  const last = sorted[cap - 1];
  // Rows with the last key taken, the smallest first: as many as the cap leaves after the smaller keys.
  let less = 0;
  while (sorted[less] < last) less++;
  let ties = cap - less;
  const out = new Int32Array(cap);
  for (let r = 0, o = 0; o < cap; r++) {
    const key = keys[rows[r]];
    if (key < last || (key === last && ties-- > 0)) out[o++] = rows[r];
  }
  return out;
}

/**
 * Rows `rows` of `m` as a matrix of their own, in that order (row r of it is m's rows[r]), each row's
 * entries in the same order. Its columns are only the terms those rows use, the most used first
 * (ties in term order): the dense vectors over them are shorter, and the few thousand terms that
 * hold most entries lie together in a few cache lines. Sums over a row add its entries in the same
 * order, and sums over terms go by `byTerm`, in term order, skipping only the terms the rows lack
 * (each would add +0), so every sum is the same as over m's columns. `local` is scratch of m.nCols.
 */
function rowsOf(m: CsrMatrix, rows: Int32Array, local: Int32Array): Copy {
  const indptr = new Uint32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) indptr[r + 1] = indptr[r] + m.indptr[rows[r] + 1] - m.indptr[rows[r]];
  const nnz = indptr[rows.length];
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  // Copied entry by entry, each term's use counted on the way: a subarray and set() per row cost
  // more (rowsOf ~1.1 → ~0.7 s in a profile of the 74.7k-paper corpus).
  local.fill(0);
  let most = 0;
  for (let r = 0; r < rows.length; r++) {
    for (let p = m.indptr[rows[r]], end = m.indptr[rows[r] + 1], q = indptr[r]; p < end; p++, q++) {
      const j = m.indices[p];
      indices[q] = j;
      values[q] = m.values[p];
      most = Math.max(most, ++local[j]);
    }
  }
  // Columns by use, descending, ties by term: a counting sort over the terms in term order.
  const start = new Int32Array(most + 2);
  let nCols = 0;
  for (let j = 0; j < m.nCols; j++) {
    if (local[j] === 0) continue;
    start[most - local[j] + 1]++;
    nCols++;
  }
  for (let c = 1; c <= most; c++) start[c] += start[c - 1];
  const terms = new Uint32Array(nCols);
  const byTerm = new Int32Array(nCols);
  for (let j = 0, t = 0; j < m.nCols; j++) {
    if (local[j] === 0) continue;
    const c = start[most - local[j]]++;
    local[j] = c;
    terms[c] = j;
    byTerm[t++] = c;
  }
  for (let p = 0; p < nnz; p++) indices[p] = local[indices[p]];
  return { matrix: { nRows: rows.length, nCols, indptr, indices, values }, terms, byTerm };
}

function dot(m: Copy['matrix'], i: number, v: Float64Array): number {
  const { indices, values } = m;
  let s = 0;
  for (let p = m.indptr[i], end = m.indptr[i + 1]; p < end; p++) s += values[p] * v[indices[p]];
  return s;
}

function addRow(m: Copy['matrix'], i: number, into: Float64Array, sign: number): void {
  const { indices, values } = m;
  for (let p = m.indptr[i], end = m.indptr[i + 1]; p < end; p++) into[indices[p]] += sign * values[p];
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j] * v[j];
  return Math.sqrt(s);
}

function scale(v: Float64Array, factor: number): void {
  for (let j = 0; j < v.length; j++) v[j] *= factor;
}

/**
 * Largest eigenvalue of the symmetric tridiagonal matrix with diagonal `alpha` and off-diagonal
 * `beta` (length alpha.length − 1, or more: the extra entries are ignored), and its unit eigenvector,
 * by cyclic Jacobi rotations on the dense copy (at most a few dozen rows here).
 */
export function topEigenpair(alpha: readonly number[], beta: readonly number[]): { value: number; vector: Float64Array } {
  const n = alpha.length;
  const a = new Float64Array(n * n);
  const e = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = alpha[i];
    e[i * n + i] = 1;
    if (i + 1 < n) a[i * n + i + 1] = a[(i + 1) * n + i] = beta[i];
  }
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-24) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const ekp = e[k * n + p];
          const ekq = e[k * n + q];
          e[k * n + p] = c * ekp - s * ekq;
          e[k * n + q] = s * ekp + c * ekq;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (a[i * n + i] > a[best * n + best]) best = i;
  const vector = new Float64Array(n);
  for (let k = 0; k < n; k++) vector[k] = e[k * n + best];
  return { value: a[best * n + best], vector };
}

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
  const leaves: Leaf[] = [{ rows: all, inertia: work.inertia(all) }];
  while (leaves.length < k) {
    let target = -1;
    for (let t = 0; t < leaves.length; t++) {
      if (leaves[t].rows.length >= 2 && leaves[t].inertia > 0 && (target < 0 || leaves[t].inertia > leaves[target].inertia)) target = t;
    }
    if (target < 0) break;
    const [a, b] = work.split(leaves[target].rows, keys, o);
    if (a.length === 0 || b.length === 0) {
      leaves[target].inertia = -1;
      continue;
    }
    leaves.splice(target, 1, { rows: a, inertia: work.inertia(a) }, { rows: b, inertia: work.inertia(b) });
  }
  const out = new Int32Array(matrix.nRows);
  leaves.forEach((leaf, t) => { for (const i of leaf.rows) out[i] = t; });
  return out;
}

/** Dense scratch vectors of nCols, reused by every split. */
class Work {
  readonly mean: Float64Array;
  readonly v: Float64Array;
  readonly w: Float64Array;
  readonly s0: Float64Array;
  readonly s1: Float64Array;

  constructor(readonly m: CsrMatrix) {
    const n = m.nCols;
    [this.mean, this.v, this.w, this.s0, this.s1] = Array.from({ length: 5 }, () => new Float64Array(n));
  }

  inertia(rows: Int32Array): number {
    const { m, s0 } = this;
    s0.fill(0);
    let live = 0;
    for (const i of rows) {
      if (m.indptr[i + 1] > m.indptr[i]) live++;
      for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) s0[m.indices[p]] += m.values[p];
    }
    return live - norm(s0);
  }

  /** Cuts `rows` in two: sign of the principal direction, then spherical 2-means to convergence. */
  split(rows: Int32Array, keys: Uint32Array, o: Required<Omit<BisectOptions, 'keys'>>): [Int32Array, Int32Array] {
    const { m } = this;
    // The cut is found on the sample (all rows of a theme up to sampleCap), then carried to all rows.
    // The sample's rows are read ~10 times by the principal direction and again by every 2-means
    // pass: copied next to each other first (rowsOf), they are read in order instead of from all
    // over the matrix (~2x faster a pass here, the same sums in the same order).
    const sample = sampleOf(rows, keys, o.sampleCap);
    const { matrix: near, rows: nearRows } = rowsOf(m, sample);
    const v = this.principalDirection(near, nearRows, o.lanczosSteps);
    let mv = 0;
    for (let j = 0; j < v.length; j++) mv += this.mean[j] * v[j];
    const sampleSide = new Uint8Array(sample.length);
    for (let r = 0; r < sample.length; r++) sampleSide[r] = dot(near, nearRows[r], v) - mv >= 0 ? 0 : 1;
    this.twoMeans(near, nearRows, sampleSide, o.maxPasses);
    const n = rows.length;
    let side = sampleSide;
    if (sample !== rows) {
      side = new Uint8Array(n);
      const { s0, s1 } = this;
      const n0 = norm(s0);
      const n1 = norm(s1);
      // The full passes likewise read the theme's rows copied together (the first split's are the matrix itself).
      const all = rowsOf(m, rows);
      for (let r = 0; r < n; r++) side[r] = dot(all.matrix, all.rows[r], s1) / n1 > dot(all.matrix, all.rows[r], s0) / n0 ? 1 : 0;
      this.twoMeans(all.matrix, all.rows, side, o.fullPasses);
    }
    let count0 = 0;
    for (let r = 0; r < n; r++) if (side[r] === 0) count0++;
    const a = new Int32Array(count0);
    const b = new Int32Array(n - count0);
    for (let r = 0, ia = 0, ib = 0; r < n; r++) {
      if (side[r] === 0) a[ia++] = rows[r];
      else b[ib++] = rows[r];
    }
    return [a, b];
  }

  /**
   * Top principal direction of the rows: the top eigenvector of their centred scatter matrix, found
   * as its twin in row space (the top eigenvector u of the n × n matrix (X − 1μᵀ)(X − 1μᵀ)ᵀ, then
   * v ∝ (X − 1μᵀ)ᵀ u), by Lanczos with full reorthogonalisation on vectors of n, at most `steps`
   * products. Fixed start: each row's deviation from the mean along the mean's square-root pattern
   * with signs alternating by term id, so nothing random and no sizeable direction missed.
   * Leaves the rows' mean in this.mean.
   */
  private principalDirection(m: CsrMatrix, rows: Int32Array, steps: number): Float64Array {
    const { mean, v } = this;
    const n = rows.length;
    const nCols = m.nCols;
    mean.fill(0);
    for (const i of rows) addRow(m, i, mean, 1);
    scale(mean, 1 / n);
    // (X − 1μᵀ) w for a term vector w, and (X − 1μᵀ)ᵀ u for a row vector u.
    const rowTimes = (w: Float64Array, out: Float64Array) => {
      let mw = 0;
      for (let j = 0; j < nCols; j++) mw += mean[j] * w[j];
      for (let r = 0; r < n; r++) out[r] = dot(m, rows[r], w) - mw;
    };
    const termTimes = (u: Float64Array, out: Float64Array) => {
      out.fill(0);
      let su = 0;
      for (let r = 0; r < n; r++) {
        addRow(m, rows[r], out, u[r]);
        su += u[r];
      }
      for (let j = 0; j < nCols; j++) out[j] -= mean[j] * su;
    };
    for (let j = 0; j < nCols; j++) v[j] = (j % 2 === 0 ? 1 : -1) * Math.sqrt(mean[j]);
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
      termTimes(q, this.w);
      rowTimes(this.w, z);
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
    const length = norm(v);
    if (length > 0) scale(v, 1 / length);
    return v;
  }

  /**
   * Spherical 2-means from `side`: each pass gives every row the side whose unit centroid it is
   * closer to, from the sums of the previous pass, until no row moves. Sums change by the moved rows
   * only, and a row whose lead over the other side exceeds how far both centroids have moved since it
   * was last scored (|x·(c′ − c)| ≤ ‖c′ − c‖ for a unit row) cannot move and is not scored again.
   */
  private twoMeans(m: CsrMatrix, rows: Int32Array, side: Uint8Array, maxPasses: number): void {
    const { s0, s1, w: delta } = this;
    s0.fill(0);
    s1.fill(0);
    delta.fill(0);
    for (let r = 0; r < rows.length; r++) addRow(m, rows[r], side[r] === 0 ? s0 : s1, 1);
    const lead = new Float64Array(rows.length).fill(-1);
    const moved: number[] = [];
    const touched: number[] = [];
    let sq0 = norm(s0) ** 2;
    let sq1 = norm(s1) ** 2;
    for (let pass = 0; pass < maxPasses; pass++) {
      if (!(sq0 > 0) || !(sq1 > 0)) return;
      const n0 = Math.sqrt(sq0);
      const n1 = Math.sqrt(sq1);
      moved.length = 0;
      // Δ = what side 0's sum gains (side 1's loses): Δ·s0 and Δ·s1 from the dots of the moved rows.
      let deltaDot0 = 0;
      let deltaDot1 = 0;
      for (let r = 0; r < rows.length; r++) {
        if (lead[r] > 1e-9) continue;
        const i = rows[r];
        let d0 = 0;
        let d1 = 0;
        for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
          const j = m.indices[p];
          d0 += m.values[p] * s0[j];
          d1 += m.values[p] * s1[j];
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
        const i = rows[r];
        for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
          const j = m.indices[p];
          if (delta[j] === 0) touched.push(j);
          delta[j] += sign * m.values[p];
        }
        side[r] = side[r] === 0 ? 1 : 0;
      }
      let deltaSq = 0;
      for (const j of touched) {
        deltaSq += delta[j] * delta[j];
        s0[j] += delta[j];
        s1[j] -= delta[j];
        delta[j] = 0;
      }
      touched.length = 0;
      // ‖c′ − c‖² = 2 − 2 s′·s / (‖s′‖‖s‖) for each side, with s′ = s ± Δ.
      const next0 = sq0 + 2 * deltaDot0 + deltaSq;
      const next1 = sq1 - 2 * deltaDot1 + deltaSq;
      const drift = Math.sqrt(Math.max(0, 2 - (2 * (sq0 + deltaDot0)) / Math.sqrt(next0 * sq0)))
        + Math.sqrt(Math.max(0, 2 - (2 * (sq1 - deltaDot1)) / Math.sqrt(next1 * sq1))) + 1e-7;
      sq0 = next0;
      sq1 = next1;
      for (let r = 0; r < rows.length; r++) lead[r] -= drift;
    }
  }
}

/** The `cap` rows with the smallest keys (all rows when there are no more), in row order. */
function sampleOf(rows: Int32Array, keys: Uint32Array, cap: number): Int32Array {
  if (rows.length <= cap) return rows;
  const byKey = Array.from(rows).sort((a, b) => keys[a] - keys[b] || a - b);
  return Int32Array.from(byKey.slice(0, cap)).sort();
}

/**
 * Rows `rows` of `m` as a matrix of their own, in that order (row r of it is m's rows[r]), with the
 * row numbers to read it by; `m` itself when `rows` are all of its rows.
 */
function rowsOf(m: CsrMatrix, rows: Int32Array): { matrix: CsrMatrix; rows: Int32Array } {
  if (rows.length === m.nRows) return { matrix: m, rows };
  const indptr = new Uint32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) indptr[r + 1] = indptr[r] + m.indptr[rows[r] + 1] - m.indptr[rows[r]];
  const nnz = indptr[rows.length];
  const indices = new Uint32Array(nnz);
  const values = new Float32Array(nnz);
  for (let r = 0; r < rows.length; r++) {
    const [from, to] = [m.indptr[rows[r]], m.indptr[rows[r] + 1]];
    indices.set(m.indices.subarray(from, to), indptr[r]);
    values.set(m.values.subarray(from, to), indptr[r]);
  }
  return { matrix: { nRows: rows.length, nCols: m.nCols, indptr, indices, values }, rows: Int32Array.from({ length: rows.length }, (_, r) => r) };
}

function dot(m: CsrMatrix, i: number, v: Float64Array): number {
  let s = 0;
  for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) s += m.values[p] * v[m.indices[p]];
  return s;
}

function addRow(m: CsrMatrix, i: number, into: Float64Array, sign: number): void {
  for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) into[m.indices[p]] += sign * m.values[p];
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

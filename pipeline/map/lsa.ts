// Owns the map's reduced space: LSA of the TF-IDF rows by randomized SVD (Halko, Martinsson & Tropp
// 2011, range finder with power iterations), used to find neighbour candidates and the initial layout.
import type { CsrMatrix } from '../types.js';
import { createRandom } from '../prng.js';
import { symmetricEigen } from './eigen.js';
import { sharedArray } from '../shared-memory.js';
import { splitRows } from '../cluster/assigner.js';
import { multiplyRange } from './lsa-kernel.mjs';
import type { OnAll } from './parallel.js';

/**
 * The top `dims` left singular directions scaled by their singular values, U Σ (n × dims, row-major),
 * i.e. each row's coordinates X V in the top right singular basis, so U Σ Σ Uᵀ ≈ X Xᵀ:
 *   Y = X Ω (Ω: nCols × L random signs, L = dims + 8), then `powerIterations` times Q = orth(Y),
 *   Y = X (Xᵀ Q); finally Q = orth(Y), Z = Xᵀ Q, Zᵀ Z = B Bᵀ = W Σ² Wᵀ (B = Qᵀ X) and U Σ = Q W Σ.
 * The sparse × dense products are split by rows over the threads (the matrices in shared memory
 * when threads > 1), except the first, Y = X Ω, which needs no Xᵀ: the worker threads compute it
 * while this one runs `transposeHere` (Xᵀ in CSR form, cluster/transpose.ts; with one thread, first).
 * Returns the reduced rows and that transpose.
 */
export async function lsa(matrix: CsrMatrix, transposeHere: () => CsrMatrix, options: { dims: number; powerIterations: number; seed: number },
  onAll: OnAll, threads: number): Promise<{ reduced: Float32Array; transposed: CsrMatrix }> {
  const { nRows: n, nCols: m } = matrix;
  const L = Math.min(options.dims + 8, n, m);
  const dims = Math.min(options.dims, L);
  const random = createRandom(options.seed);
  const omega = sharedArray(Float64Array, m * L);
  for (let i = 0; i < omega.length; i++) omega[i] = random() < 0.5 ? -1 : 1;
  const [y, z] = [sharedArray(Float64Array, n * L), sharedArray(Float64Array, m * L)];
  // Y = X Ω: the workers' row ranges cover every row, this thread's (the last) is empty.
  const sketchBounds = threads === 1 ? [0, n] : [...splitRows(matrix.indptr, n, threads - 1), n];
  let transposed: CsrMatrix | null = null;
  await onAll(sketchBounds, { kind: 'multiply', a: matrix, dense: omega, L, out: y }, (s, e) => {
    transposed = transposeHere();
    multiplyRange(matrix, omega, L, y, s, e);
  });
  const mt: CsrMatrix = transposed!;
  const rowBounds = splitRows(matrix.indptr, n, threads);
  const colBounds = splitRows(mt.indptr, m, threads);
  const times = async (a: CsrMatrix, bounds: number[], dense: Float64Array, out: Float64Array) =>
    onAll(bounds, { kind: 'multiply', a, dense, L, out }, (s, e) => multiplyRange(a, dense, L, out, s, e));
  for (let q = 0; q < options.powerIterations; q++) {
    await times(mt, colBounds, orthonormalise(y, n, L), z);
    await times(matrix, rowBounds, orthonormalise(z, m, L), y);
  }
  const qBasis = orthonormalise(y, n, L);
  await times(mt, colBounds, qBasis, z);
  const { values, vectors } = symmetricEigen(gram(z, m, L), L);
  // U Σ = Q W Σ, and W Σ is column c of W times σ_c = √λ_c.
  const ws = new Float64Array(L * dims);
  for (let c = 0; c < dims; c++) {
    const sigma = Math.sqrt(Math.max(0, values[c]));
    for (let r = 0; r < L; r++) ws[r * dims + c] = vectors[c * L + r] * sigma;
  }
  const out = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < L; r++) {
      const qir = qBasis[i * L + r];
      if (qir === 0) continue;
      for (let c = 0; c < dims; c++) out[i * dims + c] += qir * ws[r * dims + c];
    }
  }
  return { reduced: out, transposed: mt };
}

/** Gram matrix YᵀY (L × L) of the rows × L matrix y. */
function gram(y: Float64Array, rows: number, L: number): Float64Array {
  const g = new Float64Array(L * L);
  for (let i = 0; i < rows; i++) {
    const o = i * L;
    for (let a = 0; a < L; a++) {
      const ya = y[o + a];
      if (ya === 0) continue;
      for (let b = a; b < L; b++) g[a * L + b] += ya * y[o + b];
    }
  }
  for (let a = 0; a < L; a++) for (let b = 0; b < a; b++) g[a * L + b] = g[b * L + a];
  return g;
}

/**
 * An orthonormal basis of y's column space: with YᵀY = V Λ Vᵀ, Q = Y V Λ^(-1/2) (columns whose
 * λ ≤ 1e-10 λ_max are dropped to zero), so QᵀQ = I on the kept columns.
 */
function orthonormalise(y: Float64Array, rows: number, L: number): Float64Array {
  const { values, vectors } = symmetricEigen(gram(y, rows, L), L);
  const t = new Float64Array(L * L); // t[r][c] = V[r][c] / √λ_c
  for (let c = 0; c < L; c++) {
    if (!(values[c] > 1e-10 * values[0])) continue;
    const s = 1 / Math.sqrt(values[c]);
    for (let r = 0; r < L; r++) t[r * L + c] = vectors[c * L + r] * s;
  }
  const q = sharedArray(Float64Array, rows * L);
  for (let i = 0; i < rows; i++) {
    for (let r = 0; r < L; r++) {
      const v = y[i * L + r];
      if (v === 0) continue;
      for (let c = 0; c < L; c++) q[i * L + c] += v * t[r * L + c];
    }
  }
  return q;
}

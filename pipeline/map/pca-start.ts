// Owns the layout's global shape: the first two principal components of the LSA rows, from which the
// optimisation starts (as openTSNE's and umap's PCA initialisation; start.ts sets their scale).
import { symmetricEigen } from './eigen.js';

/**
 * Row i at (pᵢ · v₁, pᵢ · v₂) for the top two eigenvectors of the covariance of the centred rows
 * (dims × dims, Jacobi), signs fixed so each axis's largest |coordinate| is positive; unscaled.
 */
export function pcaStart(points: Float32Array, n: number, dims: number): Float32Array {
  const mean = new Float64Array(dims);
  for (let i = 0; i < n; i++) for (let c = 0; c < dims; c++) mean[c] += points[i * dims + c] / n;
  const cov = new Float64Array(dims * dims);
  const row = new Float64Array(dims);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dims; c++) row[c] = points[i * dims + c] - mean[c];
    for (let a = 0; a < dims; a++) for (let b = a; b < dims; b++) cov[a * dims + b] += row[a] * row[b];
  }
  for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) cov[a * dims + b] = cov[b * dims + a];
  const { vectors } = symmetricEigen(cov, dims);
  const out = new Float32Array(2 * n);
  for (let axis = 0; axis < 2; axis++) {
    const v = vectors.subarray(axis * dims, (axis + 1) * dims);
    let [largest, sign] = [-1, 1];
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let c = 0; c < dims; c++) s += (points[i * dims + c] - mean[c]) * v[c];
      out[2 * i + axis] = s;
      if (Math.abs(s) > largest) [largest, sign] = [Math.abs(s), s < 0 ? -1 : 1];
    }
    for (let i = 0; i < n; i++) out[2 * i + axis] *= sign;
  }
  return out;
}

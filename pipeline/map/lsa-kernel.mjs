// Owns the LSA's hot loop, sparse rows × a dense matrix, for a range of rows. Plain JS (ESM) so worker
// threads run it without tsx.

/**
 * out[i * L + c] = Σ_p values[p] · dense[indices[p] * L + c] over row i's nonzeros, rows start..end-1.
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array}} a
 * @param {Float64Array} dense
 * @param {number} L
 * @param {Float64Array} out
 * @param {number} start
 * @param {number} end
 */
export function multiplyRange(a, dense, L, out, start, end) {
  for (let i = start; i < end; i++) {
    const o = i * L;
    for (let c = 0; c < L; c++) out[o + c] = 0;
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
      const v = a.values[p];
      const d = a.indices[p] * L;
      for (let c = 0; c < L; c++) out[o + c] += v * dense[d + c];
    }
  }
}

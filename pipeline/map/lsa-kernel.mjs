// Owns the LSA's hot loop, sparse rows × a dense matrix, for a range of rows. Plain JS (ESM) so worker
// threads run it without tsx.

/**
 * out[i * L + c] = Σ_p values[p] · dense[indices[p] * L + c] over row i's nonzeros, rows start..end-1
 * (each sum in float64, in the row's order).
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array}} a
 * @param {Float64Array} dense
 * @param {number} L
 * @param {Float64Array} out
 * @param {number} start
 * @param {number} end
 */
export function multiplyRange(a, dense, L, out, start, end) {
  if (L === 12) {
    multiplyRange12(a, dense, out, start, end);
    return;
  }
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

/**
 * multiplyRange for L = 12, the projection's (4 components + 8): the sums run in locals, not through
 * `out`, which V8 otherwise loads and stores for every product — the same additions in the same order,
 * so the same bits (74.7k corpus, the LSA's four products on one thread, interleaved runs: 1.7–2.0 → 1.3–1.4 CPU s).
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array}} a
 * @param {Float64Array} dense
 * @param {Float64Array} out
 * @param {number} start
 * @param {number} end
 */
function multiplyRange12(a, dense, out, start, end) {
  const { indptr, indices, values } = a;
  for (let i = start; i < end; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const v = values[p];
      const d = indices[p] * 12;
      s0 += v * dense[d];
      s1 += v * dense[d + 1];
      s2 += v * dense[d + 2];
      s3 += v * dense[d + 3];
      s4 += v * dense[d + 4];
      s5 += v * dense[d + 5];
      s6 += v * dense[d + 6];
      s7 += v * dense[d + 7];
      s8 += v * dense[d + 8];
      s9 += v * dense[d + 9];
      s10 += v * dense[d + 10];
      s11 += v * dense[d + 11];
    }
    const o = i * 12;
    out[o] = s0; out[o + 1] = s1; out[o + 2] = s2; out[o + 3] = s3; out[o + 4] = s4; out[o + 5] = s5;
    out[o + 6] = s6; out[o + 7] = s7; out[o + 8] = s8; out[o + 9] = s9; out[o + 10] = s10; out[o + 11] = s11;
  }
}

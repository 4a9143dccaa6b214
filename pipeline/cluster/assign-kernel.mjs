// Owns the k-means hot loop: sparse rows × dense centroids, argmax. Plain JS (ESM, JSDoc types) so
// the same code runs in the main thread (via tsx or vitest) and unchanged inside worker threads.

/**
 * For rows start..end-1 computes score_c = bias_c + Σ_p values[p] · centT[indices[p]·k + c] for
 * every centroid c, and writes the argmax to assignments[i] and its score to scores[i]; ties go to
 * the lowest c. centT is term-major (the k weights of term j are contiguous), so a row touches one
 * short run of memory per nonzero. Centroids go in blocks of 8 held in local variables (registers),
 * each summed over p in the row's order, so a score is the same bits whichever thread computes it.
 * @param {Uint32Array} indptr
 * @param {Uint32Array} indices
 * @param {Float32Array} values
 * @param {Float32Array} centT  nCols × k, term-major
 * @param {Float64Array} bias   k; zeros for cosine, −½‖c‖² for Euclidean
 * @param {number} k
 * @param {number} start
 * @param {number} end
 * @param {Int32Array} assignments
 * @param {Float64Array} scores
 */
export function assignRange(indptr, indices, values, centT, bias, k, start, end, assignments, scores) {
  const dots = new Float64Array(k);
  const k8 = k - (k % 8);
  for (let i = start; i < end; i++) {
    const from = indptr[i];
    const stop = indptr[i + 1];
    for (let c = 0; c < k8; c += 8) {
      let d0 = bias[c], d1 = bias[c + 1], d2 = bias[c + 2], d3 = bias[c + 3];
      let d4 = bias[c + 4], d5 = bias[c + 5], d6 = bias[c + 6], d7 = bias[c + 7];
      for (let p = from; p < stop; p++) {
        const v = values[p];
        const b = indices[p] * k + c;
        d0 += v * centT[b]; d1 += v * centT[b + 1]; d2 += v * centT[b + 2]; d3 += v * centT[b + 3];
        d4 += v * centT[b + 4]; d5 += v * centT[b + 5]; d6 += v * centT[b + 6]; d7 += v * centT[b + 7];
      }
      dots[c] = d0; dots[c + 1] = d1; dots[c + 2] = d2; dots[c + 3] = d3;
      dots[c + 4] = d4; dots[c + 5] = d5; dots[c + 6] = d6; dots[c + 7] = d7;
    }
    for (let c = k8; c < k; c++) {
      let d = bias[c];
      for (let p = from; p < stop; p++) d += values[p] * centT[indices[p] * k + c];
      dots[c] = d;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (dots[c] > dots[best]) best = c;
    assignments[i] = best;
    scores[i] = dots[best];
  }
}

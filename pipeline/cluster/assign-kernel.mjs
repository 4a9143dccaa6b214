// Owns the k-means hot loop: sparse rows × dense centroids, argmax. Plain JS (ESM, JSDoc types) so
// the same code runs in the main thread (via tsx or vitest) and unchanged inside worker threads.

/**
 * Assignment step for rows start..end-1: the centroid of the largest dot (cosine, for unit rows
 * and centroids) to assignments[i], that dot to scores[i]; ties go to the lowest c.
 * @param {Uint32Array} indptr
 * @param {Uint32Array} indices
 * @param {Float32Array} values
 * @param {Float32Array} centT  nCols × k, term-major
 * @param {number} k
 * @param {number} start
 * @param {number} end
 * @param {Int32Array} assignments
 * @param {Float64Array} scores
 */
export function assignRange(indptr, indices, values, centT, k, start, end, assignments, scores) {
  scanRows(indptr, indices, values, centT, k, start, end, assignments, scores, null, null);
}

/**
 * Final scores of a clustering, rows start..end-1 with their themes fixed in assignments: the dot
 * with the own centroid to scores[i], and the other centroid of the largest dot (ties to the lowest
 * c; −1 when k = 1) to second[i], its dot (0 when k = 1) to secondScores[i].
 * @param {Uint32Array} indptr
 * @param {Uint32Array} indices
 * @param {Float32Array} values
 * @param {Float32Array} centT  nCols × k, term-major
 * @param {number} k
 * @param {number} start
 * @param {number} end
 * @param {Int32Array} assignments
 * @param {Float64Array} scores
 * @param {Int32Array} second
 * @param {Float64Array} secondScores
 */
export function scoreRange(indptr, indices, values, centT, k, start, end, assignments, scores, second, secondScores) {
  scanRows(indptr, indices, values, centT, k, start, end, assignments, scores, second, secondScores);
}

/**
 * For each row i computes dot_c = Σ_p values[p] · centT[indices[p]·k + c] for every centroid c,
 * then assigns (second === null) or scores it. centT is term-major (the k weights of term j are
 * contiguous), so a row touches one short run of memory per nonzero. Centroids go in blocks of 8
 * held in local variables (registers), each summed over p in the row's order, so a dot is the same
 * bits whichever thread computes it. One loop for both modes: a helper per row measured ~3% slower.
 * @param {Uint32Array} indptr
 * @param {Uint32Array} indices
 * @param {Float32Array} values
 * @param {Float32Array} centT
 * @param {number} k
 * @param {number} start
 * @param {number} end
 * @param {Int32Array} assignments
 * @param {Float64Array} scores
 * @param {Int32Array | null} second
 * @param {Float64Array | null} secondScores
 */
function scanRows(indptr, indices, values, centT, k, start, end, assignments, scores, second, secondScores) {
  const dots = new Float64Array(k);
  const k8 = k - (k % 8);
  for (let i = start; i < end; i++) {
    const from = indptr[i];
    const stop = indptr[i + 1];
    for (let c = 0; c < k8; c += 8) {
      let d0 = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0, d6 = 0, d7 = 0;
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
      let d = 0;
      for (let p = from; p < stop; p++) d += values[p] * centT[indices[p] * k + c];
      dots[c] = d;
    }
    if (second === null || secondScores === null) {
      let best = 0;
      for (let c = 1; c < k; c++) if (dots[c] > dots[best]) best = c;
      assignments[i] = best;
      scores[i] = dots[best];
    } else {
      const own = assignments[i];
      let other = -1;
      for (let c = 0; c < k; c++) if (c !== own && (other < 0 || dots[c] > dots[other])) other = c;
      scores[i] = dots[own];
      second[i] = other;
      secondScores[i] = other < 0 ? 0 : dots[other];
    }
  }
}

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
 * Margin of the bound test. Bounds are float32 (n × k of them): storing a cosine ≤ 1 rounds it by
 * at most 6e-8, and each of at most maxIter (100) drift additions by as much again, so a centroid is
 * skipped only when its bound is below the own cosine by more than all of that (≤ 6.1e-6) could undo.
 */
const MARGIN = 1e-5;

/** Candidates above which a row is scanned in full: one full scan costs about k / 8 single dots. */
const MAX_SINGLE_DOTS = 4;

/**
 * The assignment step with bounds (Elkan 2003, on the unit sphere): the same result as assignRange,
 * with most dots skipped once the centroids settle. Why it is exact: a centroid that moved by
 * δ_c = ‖c' − c‖ changes any unit row's cosine with it by at most δ_c (|x · (c' − c)| ≤ ‖x‖ ‖c' − c‖),
 * so upper[i·k + c] + δ_c still bounds row i's cosine with c after the move. The own cosine is
 * computed exactly (the same bits a full scan gives); a centroid whose bound is below it by MARGIN
 * cannot win and is skipped; up to MAX_SINGLE_DOTS others get their exact dot, more mean a full scan
 * (dotsOf). With `reset` (new centroids, not a move) or an own theme < 0 every row is scanned in full.
 * @param {Uint32Array} indptr
 * @param {Uint32Array} indices
 * @param {Float32Array} values
 * @param {Float32Array} centT  nCols × k, term-major
 * @param {number} k
 * @param {number} start
 * @param {number} end
 * @param {Int32Array} assignments
 * @param {Float64Array} scores
 * @param {Float32Array} upper  n × k bounds on each row's cosine with each centroid
 * @param {Float64Array} drift  δ_c of every centroid since the last step
 * @param {boolean} reset
 * @returns {number} rows scanned in full
 */
export function assignBoundedRange(indptr, indices, values, centT, k, start, end, assignments, scores, upper, drift, reset) {
  const dots = new Float64Array(k);
  const wanted = new Int32Array(k);
  let scanned = 0;
  for (let i = start; i < end; i++) {
    const own = assignments[i];
    const row = i * k;
    if (!reset && own >= 0) {
      const mine = singleDot(indptr, indices, values, centT, k, i, own);
      upper[row + own] = mine;
      let n = 0;
      for (let c = 0; c < k; c++) {
        if (c === own) continue;
        const bound = (upper[row + c] += drift[c]);
        if (bound > mine - MARGIN) wanted[n++] = c;
      }
      if (n <= MAX_SINGLE_DOTS) {
        let [best, bestDot] = [own, mine];
        for (let w = 0; w < n; w++) {
          const c = wanted[w];
          const d = singleDot(indptr, indices, values, centT, k, i, c);
          upper[row + c] = d;
          if (d > bestDot || (d === bestDot && c < best)) [best, bestDot] = [c, d];
        }
        assignments[i] = best;
        scores[i] = bestDot;
        continue;
      }
    }
    scanned++;
    dotsOf(indptr, indices, values, centT, k, i, dots);
    let best = 0;
    for (let c = 1; c < k; c++) if (dots[c] > dots[best]) best = c;
    for (let c = 0; c < k; c++) upper[row + c] = dots[c];
    assignments[i] = best;
    scores[i] = dots[best];
  }
  return scanned;
}

/**
 * Row i's dot with centroid c alone, summed over p in the row's order as dotsOf does (same bits).
 * @param {Uint32Array} indptr
 * @param {Uint32Array} indices
 * @param {Float32Array} values
 * @param {Float32Array} centT
 * @param {number} k
 * @param {number} i
 * @param {number} c
 */
function singleDot(indptr, indices, values, centT, k, i, c) {
  let d = 0;
  for (let p = indptr[i]; p < indptr[i + 1]; p++) d += values[p] * centT[indices[p] * k + c];
  return d;
}

/**
 * Final scores of a clustering, rows start..end-1 with their themes fixed in assignments: the dot
 * with the own centroid to scores[i], and the other centroid of the largest dot (ties to the lowest
 * c; −1 when k = 1) to second[i], its dot (0 when k = 1) to secondScores[i]; with `third`, the
 * centroid of the largest dot after those two (ties to the lowest c; −1 when k < 3) to third[i], its
 * dot (0 when k < 3) to thirdScores[i]. The third comes from the same dots: a pass of its own over
 * every row cost the quality stage ~0.75 s on one thread at 75k papers.
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
 * @param {Int32Array | null} [third]
 * @param {Float64Array | null} [thirdScores]
 */
export function scoreRange(indptr, indices, values, centT, k, start, end, assignments, scores, second, secondScores, third = null, thirdScores = null) {
  scanRows(indptr, indices, values, centT, k, start, end, assignments, scores, second, secondScores, third, thirdScores);
}

/**
 * For each row i computes its dot with every centroid (dotsOf), then assigns (second === null) or
 * scores it.
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
 * @param {Int32Array | null} [third]
 * @param {Float64Array | null} [thirdScores]
 */
function scanRows(indptr, indices, values, centT, k, start, end, assignments, scores, second, secondScores, third = null, thirdScores = null) {
  const dots = new Float64Array(k);
  for (let i = start; i < end; i++) {
    dotsOf(indptr, indices, values, centT, k, i, dots);
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
      if (third === null || thirdScores === null) continue;
      let next = -1;
      for (let c = 0; c < k; c++) if (c !== own && c !== other && (next < 0 || dots[c] > dots[next])) next = c;
      third[i] = next;
      thirdScores[i] = next < 0 ? 0 : dots[next];
    }
  }
}

/**
 * dots[c] = Σ_p values[p] · centT[indices[p]·k + c] for row i and every centroid c. centT is
 * term-major (the k weights of term j are contiguous), so a row touches one short run of memory per
 * nonzero. Centroids go in blocks of 8 held in local variables (registers), each summed over p in the
 * row's order, so a dot is the same bits whichever thread, or a one-centroid loop, computes it.
 * @param {Uint32Array} indptr
 * @param {Uint32Array} indices
 * @param {Float32Array} values
 * @param {Float32Array} centT
 * @param {number} k
 * @param {number} i
 * @param {Float64Array} dots
 */
function dotsOf(indptr, indices, values, centT, k, i, dots) {
  const k8 = k - (k % 8);
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
}

// Owns the recall check's hot loop for a range of sampled papers (recall.ts says what it measures).
// Plain JS (ESM) so the map's worker threads run it without tsx.

/**
 * For sampled rows sample[start..end): A = the row's `K` nearest other rows by exact TF-IDF cosine
 * (rows are unit, so row · row through the postings of `t`, the transposed matrix; ties to the lower
 * row), B = its `K` nearest other points of `xy` by Euclidean distance (ties to the lower row);
 * out[s] = |A ∩ B| / K.
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array, nRows: number}} m
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array}} t
 * @param {Float32Array} xy
 * @param {Int32Array} sample
 * @param {number} K
 * @param {number} start
 * @param {number} end
 * @param {Float64Array} out
 */
export function recallRange(m, t, xy, sample, K, start, end, out) {
  const n = m.nRows;
  const scores = new Float64Array(n);
  const mapNearness = new Float64Array(n);
  for (let s = start; s < end; s++) {
    const i = sample[s];
    scores.fill(0);
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
      const [col, v] = [m.indices[p], m.values[p]];
      for (let q = t.indptr[col]; q < t.indptr[col + 1]; q++) scores[t.indices[q]] += v * t.values[q];
    }
    const [xi, yi] = [xy[2 * i], xy[2 * i + 1]];
    for (let j = 0; j < n; j++) mapNearness[j] = -((xy[2 * j] - xi) ** 2 + (xy[2 * j + 1] - yi) ** 2);
    const text = topK(scores, i, K);
    const near = new Set(topK(mapNearness, i, K));
    let hits = 0;
    for (const j of text) if (near.has(j)) hits++;
    out[s] = hits / K;
  }
}

/**
 * The K indices of highest value other than `self`, ties to the lower index.
 * @param {Float64Array} values
 * @param {number} self
 * @param {number} K
 * @returns {number[]}
 */
function topK(values, self, K) {
  /** @type {number[]} */
  const best = [];
  for (let j = 0; j < values.length; j++) {
    if (j === self) continue;
    if (best.length === K && values[j] <= values[best[K - 1]]) continue;
    /** @type {number} */
    let p = best.length === K ? K - 1 : best.length;
    while (p > 0 && values[j] > values[best[p - 1]]) {
      best[p] = best[p - 1];
      p--;
    }
    best[p] = j;
  }
  return best;
}

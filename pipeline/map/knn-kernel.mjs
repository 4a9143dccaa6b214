// Owns the k-nearest-neighbour hot loop: candidates from an inverted index over the rarer terms,
// re-scored by exact cosine in the TF-IDF space (rows are unit), the K best kept. Plain JS (ESM) so
// worker threads run it without tsx.
//
// Why the rarer terms: a term in ≤ maxDf papers has at most maxDf postings, so a query costs
// Σ over its rare terms of their df — bounded per paper, hence near-linear in the corpus — while
// neighbours by cosine almost always share rare terms (common ones carry little IDF weight).

/**
 * For rows start..end-1: partial cosines s'ᵢⱼ = Σ over terms t of i with df_t ≤ maxDf of xᵢₜ xⱼₜ
 * (through the postings of `t`, the transposed matrix); the `pool` rows of highest s' (ties to the
 * earlier-touched row) are re-scored exactly, sᵢⱼ = xᵢ · xⱼ, and the K highest (ties to the lower
 * row; never i) go to outIdx/outSim[i * K ..], best first, −1 / −Infinity where fewer exist.
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array, nRows: number, nCols: number}} m
 * @param {{indptr: Uint32Array, indices: Uint32Array, values: Float32Array}} t
 * @param {number} maxDf
 * @param {number} pool
 * @param {number} K
 * @param {number} start
 * @param {number} end
 * @param {Int32Array} outIdx
 * @param {Float32Array} outSim
 */
export function knnRange(m, t, maxDf, pool, K, start, end, outIdx, outSim) {
  const partial = new Float32Array(m.nRows);
  const touched = new Int32Array(m.nRows);
  const dense = new Float32Array(m.nCols);
  const candIdx = new Int32Array(pool);
  const candSim = new Float32Array(pool);
  const bestIdx = new Int32Array(K);
  const bestSim = new Float32Array(K);
  for (let i = start; i < end; i++) {
    let nTouched = 0;
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
      const col = m.indices[p];
      dense[col] = m.values[p];
      if (t.indptr[col + 1] - t.indptr[col] > maxDf) continue;
      const v = m.values[p];
      for (let q = t.indptr[col]; q < t.indptr[col + 1]; q++) {
        const j = t.indices[q];
        if (partial[j] === 0) touched[nTouched++] = j;
        partial[j] += v * t.values[q];
      }
    }
    candIdx.fill(-1);
    candSim.fill(-Infinity);
    for (let a = 0; a < nTouched; a++) {
      const j = touched[a];
      if (j !== i) insert(candIdx, candSim, pool, j, partial[j], false);
      partial[j] = 0;
    }
    bestIdx.fill(-1);
    bestSim.fill(-Infinity);
    for (let a = 0; a < pool && candIdx[a] >= 0; a++) {
      const j = candIdx[a];
      let s = 0;
      for (let p = m.indptr[j]; p < m.indptr[j + 1]; p++) s += dense[m.indices[p]] * m.values[p];
      insert(bestIdx, bestSim, K, j, s, true);
    }
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) dense[m.indices[p]] = 0;
    outIdx.set(bestIdx, i * K);
    outSim.set(bestSim, i * K);
  }
}

/**
 * Inserts (j, s) into the descending top lists (length `size`) if it beats the last; on equal
 * scores the lower row wins when `lowerFirst`, else the one already there.
 * @param {Int32Array} idx
 * @param {Float32Array} sim
 * @param {number} size
 * @param {number} j
 * @param {number} s
 * @param {boolean} lowerFirst
 */
function insert(idx, sim, size, j, s, lowerFirst) {
  const last = size - 1;
  if (s < sim[last] || (s === sim[last] && (!lowerFirst || (idx[last] >= 0 && j > idx[last])))) return;
  let p = last;
  while (p > 0 && (s > sim[p - 1] || (lowerFirst && s === sim[p - 1] && j < idx[p - 1]))) {
    sim[p] = sim[p - 1];
    idx[p] = idx[p - 1];
    p--;
  }
  sim[p] = s;
  idx[p] = j;
}

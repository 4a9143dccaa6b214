// Owns the fuzzy graph's hot loop, each row's directed membership weights (umap's smooth_knn_dist),
// for a range of rows. Plain JS (ESM) so the map's worker threads run it without tsx.

/**
 * For rows start..end-1, with distances d = 1 − cosine to the row's K neighbours (idx/sim at
 * [i * K, i * K + K), nearest first, −1 where fewer), ρ = the nearest d and σ found by bisection on
 * a log scale in [1e-6, 1e3] so Σⱼ exp(−max(0, dⱼ − ρ) / σ) = log₂ K, until the bracket is within a
 * factor 1 + 1e-9 (35 steps; the weights are float32, whose precision is 6e-8):
 * out[i * K + a] = exp(−max(0, d_a − ρ) / σ), 0 where there is no neighbour.
 * @param {Int32Array} idx
 * @param {Float32Array} sim
 * @param {number} K
 * @param {number} start
 * @param {number} end
 * @param {Float32Array} out
 */
export function directedRange(idx, sim, K, start, end, out) {
  const target = Math.log2(K);
  for (let i = start; i < end; i++) {
    const o = i * K;
    const rho = idx[o] >= 0 ? 1 - sim[o] : 0;
    let lo = 1e-6;
    let hi = 1e3;
    while (hi > lo * (1 + 1e-9)) {
      const mid = Math.sqrt(lo * hi); // σ spans many orders of magnitude
      let total = 0;
      for (let a = 0; a < K; a++) if (idx[o + a] >= 0) total += Math.exp(-Math.max(0, 1 - sim[o + a] - rho) / mid);
      if (total > target) hi = mid;
      else lo = mid;
    }
    for (let a = 0; a < K; a++) out[o + a] = idx[o + a] >= 0 ? Math.exp(-Math.max(0, 1 - sim[o + a] - rho) / lo) : 0;
  }
}

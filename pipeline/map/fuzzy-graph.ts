// Owns the weighted neighbour graph the layout pulls together: UMAP's fuzzy simplicial set of the
// k-nearest-neighbour lists (McInnes, Healy & Melville 2018, §3 and umap's smooth_knn_dist).

export interface FuzzyGraph {
  /** Edges of head i at heads[i] .. heads[i + 1) (both directions of every pair are present). */
  heads: Uint32Array;
  tails: Uint32Array;
  weights: Float32Array;
}

/**
 * With distances d = 1 − cosine to row i's K neighbours (nearest first), ρᵢ = the nearest d and σᵢ
 * found by bisection so Σⱼ exp(−max(0, dⱼ − ρᵢ) / σᵢ) = log₂ K, the directed weight is
 * wᵢⱼ = exp(−max(0, dᵢⱼ − ρᵢ) / σᵢ); the pair's weight is the fuzzy union wᵢⱼ + wⱼᵢ − wᵢⱼ wⱼᵢ.
 * Edges below max weight / nEpochs are dropped, as umap does (they would never be sampled).
 */
export function fuzzyGraph(idx: Int32Array, sim: Float32Array, n: number, K: number, nEpochs: number): FuzzyGraph {
  const directed = new Float32Array(n * K);
  const target = Math.log2(K);
  for (let i = 0; i < n; i++) {
    const d = (a: number) => 1 - sim[i * K + a];
    const rho = idx[i * K] >= 0 ? d(0) : 0;
    const total = (sigma: number) => {
      let s = 0;
      for (let a = 0; a < K; a++) if (idx[i * K + a] >= 0) s += Math.exp(-Math.max(0, d(a) - rho) / sigma);
      return s;
    };
    let [lo, hi] = [1e-6, 1e3];
    for (let step = 0; step < 64; step++) {
      const mid = Math.sqrt(lo * hi); // bisection on a log scale: σ spans many orders of magnitude
      if (total(mid) > target) hi = mid;
      else lo = mid;
    }
    for (let a = 0; a < K; a++) directed[i * K + a] = idx[i * K + a] >= 0 ? Math.exp(-Math.max(0, d(a) - rho) / lo) : 0;
  }
  const reverse = (i: number, j: number): number => {
    for (let b = 0; b < K; b++) if (idx[j * K + b] === i) return directed[j * K + b];
    return 0;
  };
  // Per head: its own out-edges, then the in-edges it does not reciprocate.
  const count = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < K; a++) {
      const j = idx[i * K + a];
      if (j < 0) continue;
      count[i + 1]++;
      if (reverse(i, j) === 0) count[j + 1]++;
    }
  }
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const fill = count.slice(0, n);
  const tails = new Uint32Array(count[n]);
  const weights = new Float32Array(count[n]);
  const put = (h: number, t: number, w: number) => [tails[fill[h]], weights[fill[h]++]] = [t, w];
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < K; a++) {
      const j = idx[i * K + a];
      if (j < 0) continue;
      const [w, back] = [directed[i * K + a], reverse(i, j)];
      put(i, j, w + back - w * back);
      if (back === 0) put(j, i, w);
    }
  }
  return prune({ heads: count, tails, weights }, n, nEpochs);
}

function prune(g: FuzzyGraph, n: number, nEpochs: number): FuzzyGraph {
  let max = 0;
  for (const w of g.weights) max = Math.max(max, w);
  const floor = max / nEpochs;
  const heads = new Uint32Array(n + 1);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let e = g.heads[i]; e < g.heads[i + 1]; e++) if (g.weights[e] >= floor) keep.push(e);
    heads[i + 1] = keep.length;
  }
  return { heads, tails: Uint32Array.from(keep, (e) => g.tails[e]), weights: Float32Array.from(keep, (e) => g.weights[e]) };
}

// Owns the weighted neighbour graph the layout pulls together: UMAP's fuzzy simplicial set of the
// k-nearest-neighbour lists (McInnes, Healy & Melville 2018, §3 and umap's smooth_knn_dist).
import { sharedArray } from '../shared-memory.js';
import { directedRange } from './fuzzy-kernel.mjs';
import { HERE, type OnAll } from './parallel.js';

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
 * The directed weights are split by rows over `threads` (fuzzy-kernel.mjs); with threads > 1, idx
 * and sim must be in shared memory.
 */
export async function fuzzyGraph(idx: Int32Array, sim: Float32Array, n: number, K: number, nEpochs: number,
  onAll: OnAll = HERE, threads = 1): Promise<FuzzyGraph> {
  const directed = sharedArray(Float32Array, n * K);
  const bounds = Array.from({ length: threads + 1 }, (_, w) => Math.round((w * n) / threads));
  await onAll(bounds, { kind: 'directed', idx, sim, K, out: directed }, (s, e) => directedRange(idx, sim, K, s, e, directed));
  // back[i * K + a]: wⱼᵢ for j = idx[i * K + a] (0 when i is not in j's list).
  const back = new Float32Array(n * K);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < K; a++) {
      const j = idx[i * K + a];
      if (j < 0) continue;
      for (let c = 0; c < K; c++) {
        if (idx[j * K + c] === i) {
          back[i * K + a] = directed[j * K + c];
          break;
        }
      }
    }
  }
  // The union's weight of each listed pair, and the floor below which an edge is never sampled.
  const union = new Float32Array(n * K);
  let max = 0;
  for (let e = 0; e < n * K; e++) {
    if (idx[e] < 0) continue;
    const w = directed[e];
    const r = back[e];
    union[e] = w + r - w * r;
    max = Math.max(max, union[e]);
  }
  const floor = max / nEpochs;
  const kept = (e: number) => idx[e] >= 0 && union[e] >= floor;
  // An unreciprocated pair i → j also gives j the edge j → i (weight wᵢⱼ); heads' edges in the order of (i, list position).
  const heads = new Uint32Array(n + 1);
  for (let e = 0; e < n * K; e++) {
    if (!kept(e)) continue;
    heads[Math.floor(e / K) + 1]++;
    if (back[e] === 0) heads[idx[e] + 1]++;
  }
  for (let i = 0; i < n; i++) heads[i + 1] += heads[i];
  const fill = heads.slice(0, n);
  const tails = new Uint32Array(heads[n]);
  const weights = new Float32Array(heads[n]);
  for (let e = 0; e < n * K; e++) {
    if (!kept(e)) continue;
    const i = Math.floor(e / K);
    const j = idx[e];
    tails[fill[i]] = j;
    weights[fill[i]++] = union[e];
    if (back[e] !== 0) continue;
    tails[fill[j]] = i;
    weights[fill[j]++] = directed[e];
  }
  return { heads, tails, weights };
}

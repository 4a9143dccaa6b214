// fuzzyGraph: umap's membership weights of the neighbour lists, their fuzzy union, both directions of
// every pair, the pruning floor, and the same graph when the rows are split over threads.
import { describe, expect, it } from 'vitest';
import { fuzzyGraph } from '../../../pipeline/map/fuzzy-graph.js';
import type { OnAll } from '../../../pipeline/map/parallel.js';
import { createRandom } from '../../../pipeline/prng.js';

/** Random neighbour lists: n rows, K distinct others each, cosines falling along the list. */
function lists(n: number, K: number, seed: number): { idx: Int32Array; sim: Float32Array } {
  const random = createRandom(seed);
  const idx = new Int32Array(n * K);
  const sim = new Float32Array(n * K);
  for (let i = 0; i < n; i++) {
    const chosen = new Set<number>();
    while (chosen.size < K) {
      const j = Math.floor(random() * n);
      if (j !== i) chosen.add(j);
    }
    let s = 0.9;
    [...chosen].forEach((j, a) => {
      idx[i * K + a] = j;
      sim[i * K + a] = s;
      s -= random() * 0.2;
    });
  }
  return { idx, sim };
}

const edges = (g: Awaited<ReturnType<typeof fuzzyGraph>>, n: number) => {
  const out = new Map<string, number>();
  for (let i = 0; i < n; i++) for (let e = g.heads[i]; e < g.heads[i + 1]; e++) out.set(`${i}-${g.tails[e]}`, g.weights[e]);
  return out;
};

describe('fuzzyGraph', () => {
  const [n, K] = [60, 5];
  const { idx, sim } = lists(n, K, 3);

  /** Row i's directed weights from the definition: σ by bisection so Σ exp(−max(0, d − ρ) / σ) = log₂ K. */
  const directed = (i: number): number[] => {
    const d = Array.from(sim.subarray(i * K, i * K + K), (s) => 1 - s);
    const total = (sigma: number) => d.reduce((t, x) => t + Math.exp(-Math.max(0, x - d[0]) / sigma), 0);
    let [lo, hi] = [1e-6, 1e3];
    for (let step = 0; step < 200; step++) {
      const mid = Math.sqrt(lo * hi);
      if (total(mid) > Math.log2(K)) hi = mid;
      else lo = mid;
    }
    return d.map((x) => Math.exp(-Math.max(0, x - d[0]) / lo));
  };

  it('joins each listed pair both ways, weighted by the fuzzy union w + w′ − w w′ of its two directions', async () => {
    const all = edges(await fuzzyGraph(idx, sim, n, K, 1e9), n);
    const w = new Map<string, number>();
    for (let i = 0; i < n; i++) directed(i).forEach((x, a) => w.set(`${i}-${idx[i * K + a]}`, x));
    const expected = new Map<string, number>();
    for (const [key, x] of w) {
      const [i, j] = key.split('-');
      const back = w.get(`${j}-${i}`) ?? 0;
      expected.set(key, x + back - x * back);
      expected.set(`${j}-${i}`, x + back - x * back);
    }
    expect([...all.keys()].sort()).toStrictEqual([...expected.keys()].sort());
    for (const [key, x] of expected) expect(all.get(key), key).toBeCloseTo(x, 5);
    expect(Math.max(...all.values())).toBeCloseTo(1, 6); // each row's nearest has weight 1
  });

  it('drops edges below max weight / nEpochs', async () => {
    const full = edges(await fuzzyGraph(idx, sim, n, K, 1e9), n);
    const pruned = edges(await fuzzyGraph(idx, sim, n, K, 4), n);
    const max = Math.max(...full.values());
    expect([...pruned.keys()]).toStrictEqual([...full.keys()].filter((key) => full.get(key)! >= max / 4));
    expect(pruned.size).toBeLessThan(full.size);
  });

  it('is the same graph when its rows are split over threads', async () => {
    const one = await fuzzyGraph(idx, sim, n, K, 50);
    const ranges: [number, number][] = [];
    const split: OnAll = async (bounds, _job, own) => {
      for (let w = 0; w + 1 < bounds.length; w++) {
        ranges.push([bounds[w], bounds[w + 1]]);
        own(bounds[w], bounds[w + 1]);
      }
    };
    expect(await fuzzyGraph(idx, sim, n, K, 50, split, 3)).toStrictEqual(one);
    expect(ranges).toStrictEqual([[0, 20], [20, 40], [40, 60]]);
  });
});

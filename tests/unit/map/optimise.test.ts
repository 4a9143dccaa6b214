// optimise: the same layout whether the epochs run on this thread or are split over worker threads.
import { describe, expect, it } from 'vitest';
import { optimise } from '../../../pipeline/map/optimise.js';
import { fuzzyGraph } from '../../../pipeline/map/fuzzy-graph.js';
import { HERE, mapThreads } from '../../../pipeline/map/parallel.js';
import { createRandom } from '../../../pipeline/prng.js';

describe('optimise', async () => {
  const [n, K] = [400, 6];
  const random = createRandom(21);
  // Neighbour lists among nearby indices (a ring of papers), cosines falling along each list.
  const idx = Int32Array.from({ length: n * K }, (_, e) => (Math.floor(e / K) + 1 + (e % K) * 2 + Math.floor(random() * 2)) % n);
  const sim = Float32Array.from({ length: n * K }, (_, e) => 0.9 - (e % K) * 0.1);
  const graph = await fuzzyGraph(idx, sim, n, K, 500);
  const start = Float32Array.from({ length: 2 * n }, () => random() * 20 - 10);
  const here = await optimise(graph, start, n, 5, HERE, 1);

  it('moves every point, to finite coordinates', () => {
    expect(Array.from(here).every(Number.isFinite)).toBe(true);
    expect(here).not.toStrictEqual(start);
  });

  it('gives the same layout on three threads (split by edges) as on this one', async () => {
    const pool = mapThreads(3);
    try {
      expect(await optimise(graph, start, n, 5, pool.run, 3, 0)).toStrictEqual(here);
    } finally {
      await pool.close();
    }
  });

  it('runs here when the graph has fewer edges than threads × the minimum per thread', async () => {
    let handedOff = 0;
    const counting: typeof HERE = async (bounds, job, own) => {
      handedOff++;
      await HERE(bounds, job, own);
    };
    expect(await optimise(graph, start, n, 5, counting, 2, graph.tails.length)).toStrictEqual(here);
    expect(handedOff).toBe(0);
    expect(await optimise(graph, start, n, 5, counting, 2, Math.floor(graph.tails.length / 2))).toStrictEqual(here);
    expect(handedOff).toBe(500);
  });
});

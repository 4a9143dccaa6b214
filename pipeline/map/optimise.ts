// Owns the layout's optimisation loop: the fuzzy graph's edges sampled by weight, epoch after epoch,
// each epoch split by heads over the threads (sgd-kernel.mjs says why that is deterministic).
import { sharedArray, share } from '../shared-memory.js';
import { splitRows } from '../cluster/assigner.js';
import { sgdRange } from './sgd-kernel.mjs';
import type { FuzzyGraph } from './fuzzy-graph.js';
import { PROJECTION, epochsFor } from './params.js';
import type { OnAll } from './parallel.js';

/** The 2-D layout after epochsFor(n) epochs from `start` (n × 2); the graph's weights set the sampling. */
export async function optimise(graph: FuzzyGraph, start: Float32Array, n: number, seed: number, onAll: OnAll, threads: number): Promise<Float32Array> {
  const nEpochs = epochsFor(n);
  let max = 0;
  for (const w of graph.weights) max = Math.max(max, w);
  const epochsPerSample = sharedArray(Float32Array, graph.weights.length);
  for (let e = 0; e < graph.weights.length; e++) epochsPerSample[e] = max / graph.weights[e];
  const g = {
    heads: share(graph.heads), tails: share(graph.tails), epochsPerSample,
    nextSample: share(Float32Array.from(epochsPerSample)),
    nextNegative: share(Float32Array.from(epochsPerSample, (x) => x / PROJECTION.negativeRate)),
    n, attract: PROJECTION.attraction, a: PROJECTION.a, b: PROJECTION.b, negativeRate: PROJECTION.negativeRate, seed: seed >>> 0, nEpochs
  };
  // Heads split so each thread gets about the same number of edges.
  const bounds = splitRows(g.heads, n, threads);
  let from: Float32Array = share(start);
  let to: Float32Array = sharedArray(Float32Array, 2 * n);
  for (let epoch = 0; epoch < nEpochs; epoch++) {
    await onAll(bounds, { kind: 'sgd', graph: g, from, to, epoch }, (s, e) => sgdRange(g, from, to, epoch, s, e));
    [from, to] = [to, from];
  }
  return from;
}

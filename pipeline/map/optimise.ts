// Owns the layout's optimisation loop: the fuzzy graph's edges sampled by weight, epoch after epoch,
// each epoch split by heads over the threads (sgd-kernel.mjs says why that is deterministic) when
// the graph is large enough to pay for a hand-off per epoch.
import { sharedArray, share } from '../shared-memory.js';
import { splitRows } from '../cluster/assigner.js';
import { sgdRange } from './sgd-kernel.mjs';
import type { FuzzyGraph } from './fuzzy-graph.js';
import { PROJECTION, epochsFor, negativesFor } from './params.js';
import { HERE, type OnAll } from './parallel.js';

/**
 * Edges per thread below which every epoch runs on this thread alone: each epoch is one hand-off to the
 * workers and back, which on a busy machine can wait a scheduler slice; the shipped sample (75k edges,
 * 500 epochs) runs alone, the 74.7k corpus (1.1M edges, 100 epochs) on every thread.
 */
export const MIN_EDGES_PER_THREAD = 100_000;

/**
 * The 2-D layout after epochsFor(n) epochs from `start` (n × 2); the graph's weights set the sampling.
 * Split over `threads` when the graph has at least threads × minEdgesPerThread edges, else run here.
 */
export async function optimise(graph: FuzzyGraph, start: Float32Array, n: number, seed: number, onAll: OnAll, threads: number,
  minEdgesPerThread = MIN_EDGES_PER_THREAD): Promise<Float32Array> {
  const nEpochs = epochsFor(n);
  const negativeRate = negativesFor(n);
  let max = 0;
  for (const w of graph.weights) max = Math.max(max, w);
  const edges = graph.weights.length;
  const [epochsPerSample, nextSample, nextNegative] = [sharedArray(Float32Array, edges), sharedArray(Float32Array, edges), sharedArray(Float32Array, edges)];
  for (let e = 0; e < edges; e++) {
    epochsPerSample[e] = max / graph.weights[e];
    nextSample[e] = epochsPerSample[e];
    nextNegative[e] = epochsPerSample[e] / negativeRate;
  }
  const g = {
    heads: share(graph.heads), tails: share(graph.tails), epochsPerSample, nextSample, nextNegative,
    n, attract: PROJECTION.attraction, earlyAttract: PROJECTION.earlyAttraction, earlyEpochs: Math.round(PROJECTION.earlyShare * nEpochs),
    repulse: PROJECTION.negativePush / negativeRate, a: PROJECTION.a, b: PROJECTION.b, negativeRate, seed: seed >>> 0, nEpochs
  };
  // Heads split so each thread gets about the same number of edges.
  const split = threads > 1 && edges >= threads * minEdgesPerThread;
  const [run, bounds] = split ? [onAll, splitRows(g.heads, n, threads)] : [HERE, [0, n]];
  let from: Float32Array = share(start);
  let to: Float32Array = sharedArray(Float32Array, 2 * n);
  for (let epoch = 0; epoch < nEpochs; epoch++) {
    await run(bounds, { kind: 'sgd', graph: g, from, to, epoch }, (s, e) => sgdRange(g, from, to, epoch, s, e));
    [from, to] = [to, from];
  }
  return from;
}

// Owns one epoch of the layout's optimisation for a range of heads: UMAP's negative-sampling SGD
// (umap's optimize_layout_euclidean), made deterministic for any thread count. Plain JS (ESM) so
// worker threads run it without tsx.
//
// Why deterministic: every head reads the other points from `from` (the previous epoch, never written
// during the epoch) and writes only its own point to `to`, and its random numbers come from its own
// stream seeded by (seed, epoch, head) — so the result does not depend on which thread owns a head.

const CLIP = 4;

/**
 * For heads start..end-1, with α = 1 − epoch / nEpochs and distances² d² between 2-D points:
 *   each edge (i, j) due this epoch (nextSample ≤ epoch; then nextSample += epochsPerSample, where
 *   epochsPerSample = max weight / weight) pulls i toward j by clip(attract · −2ab d^(2(b−1)) / (1 + a d^(2b)) · Δ) α,
 *   attract = earlyAttract while epoch < earlyEpochs (a stronger pull while the neighbourhoods form,
 *   as t-SNE's early exaggeration), else `attract`;
 *   then ⌊(epoch − nextNegative) · negativeRate / epochsPerSample⌋ random points k push i away by
 *   clip(repulse · 2b / ((0.001 + d²)(1 + a d^(2b))) · Δ) α, with Δ = yᵢ − y_other per axis and clip to ±4.
 * @param {{heads: Uint32Array, tails: Uint32Array, epochsPerSample: Float32Array, nextSample: Float32Array,
 *   nextNegative: Float32Array, n: number, attract: number, earlyAttract: number, earlyEpochs: number,
 *   repulse: number, a: number, b: number, negativeRate: number, seed: number, nEpochs: number}} g
 * @param {Float32Array} from
 * @param {Float32Array} to
 * @param {number} epoch
 * @param {number} start
 * @param {number} end
 */
export function sgdRange(g, from, to, epoch, start, end) {
  const { heads, tails, epochsPerSample, nextSample, nextNegative, n, a, b, negativeRate, repulse } = g;
  const alpha = 1 - epoch / g.nEpochs;
  const attract = epoch < g.earlyEpochs ? g.earlyAttract : g.attract;
  const simple = b === 1;
  for (let i = start; i < end; i++) {
    let x = from[2 * i];
    let y = from[2 * i + 1];
    let state = (g.seed ^ Math.imul(epoch + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0;
    const last = heads[i + 1];
    for (let e = heads[i]; e < last; e++) {
      if (nextSample[e] > epoch) continue;
      const j = tails[e];
      let dx = x - from[2 * j];
      let dy = y - from[2 * j + 1];
      let d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        const coeff = attract * (simple ? (-2 * a) / (1 + a * d2) : (-2 * a * b * Math.pow(d2, b - 1)) / (1 + a * Math.pow(d2, b)));
        x += clip(coeff * dx) * alpha;
        y += clip(coeff * dy) * alpha;
      }
      const every = epochsPerSample[e];
      nextSample[e] += every;
      const perNegative = every / negativeRate;
      const negatives = Math.floor((epoch - nextNegative[e]) / perNegative);
      for (let s = 0; s < negatives; s++) {
        // mulberry32 (as pipeline/prng.ts), inlined: one state per head and epoch.
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        // k = ⌊u · n⌋ for u = the 32 random bits / 2³² (a multiply, not an integer division).
        const k = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
        if (k === i) continue;
        dx = x - from[2 * k];
        dy = y - from[2 * k + 1];
        d2 = dx * dx + dy * dy;
        if (d2 > 0) {
          const coeff = (repulse * 2 * b) / ((0.001 + d2) * (1 + a * (simple ? d2 : Math.pow(d2, b))));
          x += clip(coeff * dx) * alpha;
          y += clip(coeff * dy) * alpha;
        }
      }
      nextNegative[e] += negatives * perNegative;
    }
    to[2 * i] = x;
    to[2 * i + 1] = y;
  }
}

/** @param {number} v */
function clip(v) {
  return v > CLIP ? CLIP : v < -CLIP ? -CLIP : v;
}

// sgdRange: one epoch's pull along due edges (stronger in the early epochs) and push from random points
// (scaled by `repulse`), on two points whose moves can be worked out by hand.
import { describe, expect, it } from 'vitest';
import { sgdRange } from '../../../pipeline/map/sgd-kernel.mjs';

/** Points 0 at (0, 0) and 1 at (1, 0); one edge 0 → 1 sampled every epoch. */
function twoPoints(options: { attract: number; earlyAttract: number; earlyEpochs: number; repulse: number; negativeRate: number }) {
  return {
    heads: Uint32Array.from([0, 1, 1]), tails: Uint32Array.from([1]), epochsPerSample: Float32Array.from([1]),
    nextSample: Float32Array.from([0]), nextNegative: Float32Array.from([0]), n: 2, a: 1, b: 1, seed: 9, nEpochs: 10, ...options
  };
}
const from = Float32Array.from([0, 0, 1, 0]);

describe('sgdRange', () => {
  it('pulls by earlyAttract before earlyEpochs and by attract after, times α = 1 − epoch / nEpochs', () => {
    // d² = 1, a = b = 1: the pull is attract · 2 / (1 + 1) · 1 = attract along x, times α.
    const early = twoPoints({ attract: 0.5, earlyAttract: 0.8, earlyEpochs: 3, repulse: 1, negativeRate: 1e-9 });
    const to = new Float32Array(4);
    sgdRange(early, from, to, 0, 0, 2);
    expect(to[0]).toBeCloseTo(0.8, 6);
    expect(to[1]).toBe(0);
    expect([to[2], to[3]]).toStrictEqual([1, 0]); // point 1 has no edges of its own: it stays
    const late = twoPoints({ attract: 0.5, earlyAttract: 0.8, earlyEpochs: 3, repulse: 1, negativeRate: 1e-9 });
    late.nextSample[0] = 5;
    late.nextNegative[0] = 5;
    sgdRange(late, from, to, 5, 0, 2);
    expect(to[0]).toBeCloseTo(0.5 * 0.5, 6);
  });

  it('pushes away from the random points by repulse times the umap gradient, and samples the edge again after epochsPerSample', () => {
    const moved = (repulse: number) => {
      // No pull; negativeRate 5 at epoch 5 of a due edge: ⌊5 · 5 / 1⌋ = 25 draws among the 2 points.
      const g = twoPoints({ attract: 0, earlyAttract: 0, earlyEpochs: 0, repulse, negativeRate: 5 });
      g.nextSample[0] = 5;
      const to = new Float32Array(4);
      sgdRange(g, from, to, 5, 0, 1);
      expect(g.nextSample[0]).toBe(6);
      expect(g.nextNegative[0]).toBeCloseTo(5, 6); // every due push taken
      return -to[0];
    };
    expect(moved(0)).toBeCloseTo(0, 12);
    // The first push from point 1 at d² = 1: repulse · 2 / ((0.001 + 1)(1 + 1)) times α = 0.5.
    expect(moved(1)).toBeGreaterThanOrEqual((0.5 * 1) / 1.001 - 1e-6);
    expect(moved(2)).toBeGreaterThan(moved(1));
  });
});

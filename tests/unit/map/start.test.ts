// startLayout: the PCA start moved once toward its graph neighbours, centred, at the given RMS radius.
import { describe, expect, it } from 'vitest';
import { startLayout } from '../../../pipeline/map/start.js';

describe('startLayout', () => {
  // Four points; 0 ↔ 1 joined with weight 1, 2 → 3 with weight 0.5 (3 has no edges of its own).
  const pca = Float32Array.from([0, 0, 2, 0, 10, 10, 10, 14]);
  const graph = { heads: Uint32Array.from([0, 1, 2, 3, 3]), tails: Uint32Array.from([1, 0, 3]), weights: Float32Array.from([1, 1, 0.5]) };
  const out = startLayout(pca, graph, 4, 3);
  const pairs = (xy: ArrayLike<number>) => Array.from({ length: xy.length / 2 }, (_, i) => [xy[2 * i], xy[2 * i + 1]]);

  it('averages each point with its neighbours by weight, then centres and scales to the RMS radius', () => {
    // Averaged: (1, 0), (1, 0), ((10 + 0.5·10) / 1.5, (10 + 0.5·14) / 1.5) = (10, 11.33…), (10, 14).
    const averaged = [[1, 0], [1, 0], [10, 34 / 3], [10, 14]];
    const mean = [5.5, (34 / 3 + 14) / 4];
    const rms = Math.sqrt(averaged.reduce((s, [x, y]) => s + (x - mean[0]) ** 2 + (y - mean[1]) ** 2, 0) / 4);
    const expected = averaged.map(([x, y]) => [((x - mean[0]) * 3) / rms, ((y - mean[1]) * 3) / rms]);
    pairs(out).forEach(([x, y], i) => {
      expect(x).toBeCloseTo(expected[i][0], 5);
      expect(y).toBeCloseTo(expected[i][1], 5);
    });
  });

  it('has its mean at the origin and the given root-mean-square radius', () => {
    const points = pairs(out);
    expect(points.reduce((s, [x]) => s + x, 0)).toBeCloseTo(0, 5);
    expect(points.reduce((s, [, y]) => s + y, 0)).toBeCloseTo(0, 5);
    expect(Math.sqrt(points.reduce((s, [x, y]) => s + x * x + y * y, 0) / 4)).toBeCloseTo(3, 5);
  });

  it('puts every point at the origin when all start at one spot', () => {
    expect(Array.from(startLayout(new Float32Array(8).fill(2), graph, 4, 3))).toStrictEqual(new Array(8).fill(0));
  });
});

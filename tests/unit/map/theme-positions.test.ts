// projectThemes (classical MDS), discRadii and separateDiscs on hand-made themes.
import { describe, expect, it } from 'vitest';
import { centroidSimilarities } from '../../../pipeline/map/centroid-similarity.js';
import { createRandom } from '../../../pipeline/prng.js';
import { DISC_AREA_FRACTION, discRadii, projectThemes, separateDiscs } from '../../../pipeline/map/theme-positions.js';

describe('projectThemes', () => {
  it('recovers the chord distances between unit centroids that lie in one plane, up to one scale', () => {
    const degrees = [0, 60, 150, 270];
    const centroids = Float32Array.from(degrees.flatMap((d) => [Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180), 0]));
    const xy = projectThemes(centroidSimilarities(centroids, 4, 3), 4);
    const mapped = (i: number, j: number) => Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
    const chord = (i: number, j: number) =>
      Math.hypot(centroids[3 * i] - centroids[3 * j], centroids[3 * i + 1] - centroids[3 * j + 1]);
    for (const [i, j] of [[0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]) {
      expect(mapped(i, j) / mapped(0, 1)).toBeCloseTo(chord(i, j) / chord(0, 1), 5);
    }
    expect(Math.max(...xy.map(Math.abs))).toBeCloseTo(1, 12);
  });

  it('puts every theme at the origin when all centroids are the same', () => {
    const xy = projectThemes(centroidSimilarities(Float32Array.from([1, 0, 1, 0, 1, 0]), 3, 2), 3);
    expect(Array.from(xy, (x) => Math.abs(x) < 1e-9)).toStrictEqual([true, true, true, true, true, true]);
  });
});

describe('discRadii', () => {
  it('makes areas proportional to sizes and together DISC_AREA_FRACTION of the square', () => {
    const r = discRadii(Int32Array.from([10, 30, 0]));
    expect(r[1] / r[0]).toBeCloseTo(Math.sqrt(3), 12);
    expect(r[2]).toBe(0);
    expect(Math.PI * (r[0] ** 2 + r[1] ** 2)).toBeCloseTo(4 * DISC_AREA_FRACTION, 12);
  });
});

describe('separateDiscs', () => {
  it('pushes overlapping and coincident discs apart and fits them all inside [-1, 1]²', () => {
    const xy = Float64Array.from([0, 0, 0, 0, 0.1, 0, 1, 1]);
    const radius = Float64Array.from([0.4, 0.4, 0.3, 0.2]);
    separateDiscs(xy, radius, createRandom(1));
    for (let i = 0; i < 4; i++) {
      expect(Math.max(Math.abs(xy[2 * i]), Math.abs(xy[2 * i + 1])) + radius[i]).toBeLessThanOrEqual(1 + 1e-12);
      for (let j = i + 1; j < 4; j++) {
        expect(Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1])).toBeGreaterThanOrEqual(radius[i] + radius[j] - 1e-9);
      }
    }
  });

  it('centres the discs\' bounding box and stretches its longer side to exactly [-1, 1]', () => {
    const xy = Float64Array.from([2, 5, 4, 5, 3, 6]);
    const radius = Float64Array.from([0.5, 0.5, 0.25]);
    separateDiscs(xy, radius, createRandom(1)); // already apart: only the fit applies (box x 1.5..4.5, y 4.5..6.25)
    expect(Array.from(xy)).toStrictEqual([(2 - 3) / 1.5, (5 - 5.375) / 1.5, (4 - 3) / 1.5, (5 - 5.375) / 1.5, 0, (6 - 5.375) / 1.5]);
    expect(Array.from(radius)).toStrictEqual([0.5 / 1.5, 0.5 / 1.5, 0.25 / 1.5]);
  });
});

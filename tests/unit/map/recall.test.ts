// mapRecall: recall@10 of map neighbours against exact cosine neighbours, on rows whose cosines a
// circle reproduces exactly.
import { describe, expect, it } from 'vitest';
import { mapRecall } from '../../../pipeline/map/recall.js';
import { transpose } from '../../../pipeline/cluster/transpose.js';
import { csrOf } from './toy.js';
import { createRandom } from '../../../pipeline/prng.js';

// 30 unit rows at angles θᵢ = i · 3° in two columns: cos(θᵢ − θⱼ) falls with |i − j|.
const angles = Array.from({ length: 30 }, (_, i) => (i * 3 * Math.PI) / 180);
const matrix = csrOf(angles.map((a) => [Math.cos(a), Math.sin(a)]), 2);
const transposed = transpose(matrix);

describe('mapRecall', () => {
  it('is 1 when the map keeps every row at its angle', async () => {
    const xy = Float32Array.from(angles.flatMap((a) => [Math.cos(a), Math.sin(a)]));
    expect(await mapRecall(matrix, transposed, xy, 1)).toBeCloseTo(1, 10);
  });

  it('is the shared share of 10 nearest when the map scrambles the order', async () => {
    // Map position of row i: (π(i), 0) with π = i · 7 mod 30 (a bijection): map neighbours are then
    // rows far apart in angle, so recall falls well below 1.
    const xy = Float32Array.from(angles.flatMap((_, i) => [(i * 7) % 30, 0]));
    const recall = (await mapRecall(matrix, transposed, xy, 1))!;
    expect(recall).toBeGreaterThanOrEqual(0);
    expect(recall).toBeLessThan(0.5);
  });

  it('is null with 10 or fewer non-empty rows', async () => {
    const small = csrOf([[1, 0], [0, 1]], 2);
    expect(await mapRecall(small, transpose(small), new Float32Array(4), 1)).toBeNull();
  });
});

describe('mapRecall on a scattered map', () => {
  it('finds the same map neighbours through its grid as a scan of every point', async () => {
    // 400 rows on a circle (text neighbours known), placed at pseudo-random points: recall is the
    // brute-force overlap of the 10 nearest by angle with the 10 nearest on the map.
    const random = createRandom(5);
    const theta = Array.from({ length: 400 }, (_, i) => (i * 0.9 * Math.PI) / 180);
    const rows = csrOf(theta.map((a) => [Math.cos(a), Math.sin(a)]), 2);
    const xy = Float32Array.from({ length: 800 }, () => random() * 2 - 1);
    const nearest = (score: (j: number) => number, i: number) => Array.from({ length: 400 }, (_, j) => j).filter((j) => j !== i)
      .sort((a, b) => score(b) - score(a) || a - b).slice(0, 10);
    const sampleRecall = (i: number) => {
      const text = nearest((j) => Math.cos(theta[i] - theta[j]), i);
      const map = new Set(nearest((j) => -((xy[2 * j] - xy[2 * i]) ** 2 + (xy[2 * j + 1] - xy[2 * i + 1]) ** 2), i));
      return text.filter((j) => map.has(j)).length / 10;
    };
    const expected = theta.reduce((s, _, i) => s + sampleRecall(i), 0) / 400;
    expect(await mapRecall(rows, transpose(rows), xy, 1)).toBeCloseTo(expected, 6);
  });
});

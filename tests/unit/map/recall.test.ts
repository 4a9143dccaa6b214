// mapRecall: recall@10 of map neighbours against exact cosine neighbours, on rows whose cosines a
// circle reproduces exactly.
import { describe, expect, it } from 'vitest';
import { mapRecall } from '../../../pipeline/map/recall.js';
import { transpose } from '../../../pipeline/cluster/transpose.js';
import { csrOf } from './toy.js';

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

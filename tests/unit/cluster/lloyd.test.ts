import { kmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { createAssigner } from '../../../pipeline/cluster/assigner.js';
import { centroidsFromRows } from '../../../pipeline/cluster/centroids.js';
import { runLloyd } from '../../../pipeline/cluster/lloyd.js';
import { transpose } from '../../../pipeline/cluster/transpose.js';
import type { CsrMatrix } from '../../../pipeline/types.js';
import { blobs, makeCsr, toDense } from './make-csr.js';

// Three overlapping groups in 5 dimensions; all three starting centres come from the first group,
// so Lloyd's algorithm needs several iterations to move them apart.
const centres = [[1, 0.2, 0, 0, 0.3], [0, 1, 0.2, 0, 0.3], [0.2, 0, 1, 0.4, 0]];
const start = [0, 3, 6];
const lloyd = { maxIter: 100, tolerance: 0 };

async function ours(matrix: CsrMatrix) {
  const assigner = createAssigner(matrix, 1);
  const centT = centroidsFromRows(matrix, start);
  const result = await runLloyd(matrix, transpose(matrix), assigner, centT, start.length, lloyd);
  await assigner.close();
  return { ...result, centT };
}

const cosineDistance = (a: number[], b: number[]) => {
  const dot = a.reduce((s, x, j) => s + x * b[j], 0);
  return 1 - dot / (Math.hypot(...a) * Math.hypot(...b));
};

describe('runLloyd from given initial centres', () => {
  it('assigns like ml-kmeans with the cosine distance in spherical mode', async () => {
    // argmin (1 − cos(x, mean)) = argmax cos(x, mean / ‖mean‖): ml-kmeans' unnormalised means give
    // the same assignments as spherical k-means' unit centroids.
    const matrix = makeCsr(blobs(centres, 20, 1.2, 3));
    const data = toDense(matrix);
    const oracle = kmeans(data, 3, {
      initialization: start.map((i) => data[i]), maxIterations: 100, tolerance: 0, distanceFunction: cosineDistance
    });
    const result = await ours(matrix);
    expect(oracle.iterations).toBeGreaterThan(3);
    expect(result.assignments).toStrictEqual(Int32Array.from(oracle.clusters));
    expect(result.iterations).toBe(oracle.iterations);
  });

  it('ends with unit centroids along the sums of their rows, term-major', async () => {
    const matrix = makeCsr(blobs(centres, 20, 1.2, 3));
    const data = toDense(matrix);
    const { assignments, centT } = await ours(matrix);
    for (let c = 0; c < 3; c++) {
      const sum = data[0].map((_, j) => data.reduce((s, row, i) => s + (assignments[i] === c ? row[j] : 0), 0));
      const norm = Math.hypot(...sum);
      sum.forEach((x, j) => expect(Math.abs(centT[j * 3 + c] - x / norm)).toBeLessThan(1e-6));
    }
  });
});

describe('runLloyd stopped by its tolerance', () => {
  it('leaves every row in the theme of its nearest final centroid (the numbers audit: 1.4% of the 74.7k papers were not)', async () => {
    const matrix = makeCsr(blobs(centres, 20, 1.2, 3));
    const data = toDense(matrix);
    const assigner = createAssigner(matrix, 1);
    const centT = centroidsFromRows(matrix, start);
    // A loose tolerance stops it after the second iteration, on an update that moved the centroids.
    const { assignments, iterations } = await runLloyd(matrix, transpose(matrix), assigner, centT, 3, { maxIter: 100, tolerance: 0.5 });
    await assigner.close();
    expect(iterations).toBe(2);
    const cosine = (i: number, c: number) => data[i].reduce((s, x, j) => s + x * centT[j * 3 + c], 0);
    let notNearest = 0;
    for (let i = 0; i < data.length; i++) {
      const nearest = [0, 1, 2].reduce((best, c) => (cosine(i, c) > cosine(i, best) ? c : best), 0);
      if (cosine(i, assignments[i]) < cosine(i, nearest) - 1e-6) notNearest++;
    }
    expect(notNearest).toBe(0);
  });
});

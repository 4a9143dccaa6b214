import { describe, expect, it } from 'vitest';
import { chooseK, nearestTheme, pickK, sampleRows } from '../../../pipeline/cluster/choose-k.js';
import { blobs, makeCsr, toDense } from './make-csr.js';

const threeGroups = makeCsr(blobs([[1, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 1, 0]], 15, 0.6, 11));
const fourGroups = makeCsr(blobs([[1, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]], 40, 0.6, 3));
const options = { kMin: 2, kMax: 5, kStep: 1, seed: 42, maxIter: 50, tolerance: 1e-4, workers: 1 };

describe('chooseK', () => {
  it('picks 3 for three clear groups among 2..5, with the divisive start by default (split-half stability)', async () => {
    for (const seed of [42, 1, 7]) {
      const { k, curve } = await chooseK(threeGroups, { ...options, seed });
      expect(k).toBe(3);
      expect(curve.map((p) => p.k)).toStrictEqual([2, 3, 4, 5]);
      expect(curve[1].stability).toBe(1);
      // A blob cut in two is cut differently by each half: clearly less stable than the true k.
      expect(curve[2].stability).toBeLessThan(0.9);
    }
  });

  it('picks 4 for four clear groups among 2..7', async () => {
    for (const seed of [42, 1, 7]) {
      const { k, curve } = await chooseK(fourGroups, { ...options, kMax: 7, seed });
      expect(k).toBe(4);
      expect(curve[2].stability).toBe(1);
    }
  });

  it('with --init kmeans++, measures the seed agreement as such a run does, and also picks 3', async () => {
    const { k, curve } = await chooseK(threeGroups, { ...options, init: 'kmeans++' });
    expect(k).toBe(3);
    expect(curve[1].stability).toBe(1);
  });

  it('steps through the candidates by kStep', async () => {
    const { curve } = await chooseK(threeGroups, { ...options, kMin: 2, kMax: 6, kStep: 2 });
    expect(curve.map((p) => p.k)).toStrictEqual([2, 4, 6]);
  });

  it('names the candidates too large for the sample, which it does not try (divisive: each half holds k papers)', async () => {
    // 45 papers: halves of 22, so 23..25 cannot be tried.
    const { curve, untried, sampleRows } = await chooseK(threeGroups, { ...options, kMin: 20, kMax: 25, kStep: 1 });
    expect([curve.map((p) => p.k), untried, sampleRows]).toStrictEqual([[20, 21, 22], [23, 24, 25], 45]);
    expect((await chooseK(threeGroups, options)).untried).toStrictEqual([]);
  });

  it('reports each candidate as it is done', async () => {
    const seen: [number, number, number][] = [];
    const { curve } = await chooseK(threeGroups, { ...options, kMax: 3, onCandidate: (p, done, total) => seen.push([p.k, done, total]) });
    expect(seen).toStrictEqual([[2, 1, 2], [3, 2, 2]]);
    expect(curve).toHaveLength(2);
  });

  it('rejects an empty range of candidates', async () => {
    await expect(chooseK(threeGroups, { ...options, kMin: 6, kMax: 5 })).rejects.toThrow('no candidate k in 6..5');
  });

  it('is the same with worker threads', async () => {
    const inThread = await chooseK(threeGroups, options);
    expect(await chooseK(threeGroups, { ...options, workers: 2 })).toStrictEqual(inThread);
  });
});

describe('nearestTheme', () => {
  it('labels each row by its most similar centroid, ties to the lower theme', () => {
    const rows = makeCsr([[1, 0], [0, 1], [1, 1]]);
    const centroids = Float32Array.from([1, 0, 0, 1]); // theme 0 = first term, theme 1 = second
    expect([...nearestTheme(rows, centroids, 2)]).toStrictEqual([0, 1, 0]);
  });
});

describe('pickK', () => {
  it('takes the largest k within 0.02 of the most stable one', () => {
    const curve = [0.9, 0.95, 0.94, 0.8].map((stability, i) => ({ k: 10 + 5 * i, stability, inertia: 0 }));
    expect(pickK(curve)).toBe(20);
  });

  it('takes the most stable k when no other is close', () => {
    const curve = [0.99, 0.9, 0.85].map((stability, i) => ({ k: 2 + i, stability, inertia: 0 }));
    expect(pickK(curve)).toBe(2);
  });
});

describe('sampleRows', () => {
  const matrix = makeCsr([[1, 0], [0, 1], [1, 1], [2, 1], [1, 2]]);

  it('returns the matrix itself when it has no more rows than asked', () => {
    expect(sampleRows(matrix, 5, 1)).toBe(matrix);
  });

  it('keeps n distinct rows in input order, the same for the same seed', () => {
    const sample = sampleRows(matrix, 3, 42);
    const rows = toDense(matrix).map((r) => r.join());
    const picked = toDense(sample).map((r) => rows.indexOf(r.join()));
    expect(picked).toHaveLength(3);
    expect(new Set(picked).size).toBe(3);
    expect(picked).toStrictEqual([...picked].sort((a, b) => a - b));
    expect(sampleRows(matrix, 3, 42)).toStrictEqual(sample);
  });
});

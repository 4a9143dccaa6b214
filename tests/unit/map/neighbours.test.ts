// nearestThemes: centroid cosines, rank order, ties by id, and the count clamped to k − 1.
import { describe, expect, it } from 'vitest';
import { nearestThemes } from '../../../pipeline/map/neighbours.js';
import type { Clustering } from '../../../pipeline/types.js';

/** Centroids (1,0,0,0), (1,1,0,0), (0,1,1,0), (0,0,0,1): cosines 1/√2 (0–1), 1/2 (1–2), else 0. */
function fourCentroids(): Clustering {
  const centroids = Float32Array.from([1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1]);
  return { k: 4, assignments: new Int32Array(0), similarity: new Float32Array(0), centroids, inertia: 0, iterations: 0 };
}

const row = (themeId: number, rank: number, neighbourId: number, similarity: number) => ({ themeId, neighbourId, rank, similarity });

describe('nearestThemes', () => {
  it('lists each theme\'s nearest others by centroid cosine, ties going to the lower id', () => {
    expect(nearestThemes(fourCentroids(), 4, 2)).toStrictEqual([
      row(0, 1, 1, 1 / Math.SQRT2),
      row(0, 2, 2, 0),
      row(1, 1, 0, 1 / Math.SQRT2),
      row(1, 2, 2, 1 / (Math.SQRT2 * Math.SQRT2)),
      row(2, 1, 1, 1 / (Math.SQRT2 * Math.SQRT2)),
      row(2, 2, 0, 0),
      row(3, 1, 0, 0),
      row(3, 2, 1, 0)
    ]);
  });

  it('returns at most k − 1 neighbours per theme', () => {
    const rows = nearestThemes(fourCentroids(), 4, 10);
    expect(rows.filter((r) => r.themeId === 2).map((r) => [r.rank, r.neighbourId])).toStrictEqual([
      [1, 1],
      [2, 0],
      [3, 3]
    ]);
  });

  it('gives an all-zero (empty) centroid similarity 0, not NaN', () => {
    const clustering = { ...fourCentroids(), centroids: Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0]), k: 2 };
    expect(nearestThemes(clustering, 4, 1)).toStrictEqual([row(0, 1, 1, 0), row(1, 1, 0, 0)]);
  });

  it('rejects centroids whose length is not k × nCols', () => {
    expect(() => nearestThemes(fourCentroids(), 5, 1)).toThrow('16 centroid values, expected k × nCols = 4 × 5');
  });
});

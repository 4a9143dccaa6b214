// nearestThemes: centroid cosines, rank order, ties by id, and the count clamped to k − 1.
import { describe, expect, it } from 'vitest';
import { centroidSimilarities } from '../../../pipeline/cluster/centroid-similarity.js';
import { nearestThemes } from '../../../pipeline/map/neighbours.js';

/** Centroids (1,0,0,0), (1,1,0,0), (0,1,1,0), (0,0,0,1): cosines 1/√2 (0–1), 1/2 (1–2), else 0. */
const fourCentroids = { k: 4, centroids: Float32Array.from([1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1]) };

/** nearestThemes over the centroids' cosines, as the map stage calls it. */
const nearest = ({ k, centroids }: { k: number; centroids: Float32Array }, nCols: number, n: number) =>
  nearestThemes(centroidSimilarities(centroids, k, nCols), k, n);

const row = (themeId: number, rank: number, neighbourId: number, similarity: number) => ({ themeId, neighbourId, rank, similarity });

describe('nearestThemes', () => {
  it('lists each theme\'s nearest others by centroid cosine, ties going to the lower id', () => {
    expect(nearest(fourCentroids, 4, 2)).toStrictEqual([
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
    const rows = nearest(fourCentroids, 4, 10);
    expect(rows.filter((r) => r.themeId === 2).map((r) => [r.rank, r.neighbourId])).toStrictEqual([
      [1, 1],
      [2, 0],
      [3, 3]
    ]);
  });

  it('gives an all-zero (empty) centroid similarity 0, not NaN', () => {
    const twoCentroids = { centroids: Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0]), k: 2 };
    expect(nearest(twoCentroids, 4, 1)).toStrictEqual([row(0, 1, 1, 0), row(1, 1, 0, 0)]);
  });

  it('rejects centroids whose length is not k × nCols', () => {
    expect(() => nearest(fourCentroids, 5, 1)).toThrow('16 centroid values, expected k × nCols = 4 × 5');
  });
});

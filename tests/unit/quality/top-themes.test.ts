import { describe, expect, it } from 'vitest';
import { paperMemberships, WEAK_SHARE } from '../../../pipeline/quality/index.js';
import { makeCsr } from '../cluster/make-csr.js';

describe('paperMemberships', () => {
  // Four unit centroids along the axes of R^4; papers are unit rows.
  const centroids = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  const matrix = makeCsr([
    [4, 3, 2, 1],
    [1, 0, 0, 3],
    [0, 0, 1, 0]
  ]);
  const row = (i: number) => Array.from(matrix.values.subarray(matrix.indptr[i], matrix.indptr[i + 1]));
  const clustering = {
    k: 4,
    assignments: Int32Array.from([0, 3, 2]),
    similarity: Float32Array.from([row(0)[0], row(1)[1], 1]),
    secondTheme: Int32Array.from([1, 0, 0]),
    secondSimilarity: Float32Array.from([row(0)[1], row(1)[0], 0]),
    centroids
  };

  it('finds each paper’s third theme: the most similar after its own and its second, ties to the lower id', () => {
    const m = paperMemberships(matrix, clustering, [0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(m.third)).toStrictEqual([2, 1, 1]);
    expect(m.thirdSimilarity[0]).toBe(row(0)[2]);
    expect(Array.from(m.thirdSimilarity.subarray(1))).toStrictEqual([0, 0]);
  });

  it('flags a paper whose similarity to its theme is under WEAK_SHARE × the theme’s cohesion', () => {
    // Paper 0: 4 / √30 ≈ 0.730; paper 1: 3 / √10 ≈ 0.949; paper 2: 1.
    const cohesion = [0.73 / WEAK_SHARE + 0.01, 0.5, 1 / WEAK_SHARE, 0.949 / WEAK_SHARE - 0.01];
    expect(Array.from(paperMemberships(matrix, clustering, cohesion).weak)).toStrictEqual([1, 0, 0]);
  });

  it('gives no third theme when there are fewer than three', () => {
    const two = { ...clustering, k: 2, assignments: Int32Array.from([0, 1, 1]), secondTheme: Int32Array.from([1, 0, 0]), centroids: centroids.slice(0, 8) };
    const small = makeCsr([[1, 0], [0, 1], [1, 1]]);
    expect(Array.from(paperMemberships(small, two, [0.5, 0.5]).third)).toStrictEqual([-1, -1, -1]);
  });
});

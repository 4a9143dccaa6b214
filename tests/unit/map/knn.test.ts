// knnRange: candidates from rare terms re-scored exactly, compared with brute force on a toy.
import { describe, expect, it } from 'vitest';
import { knnRange } from '../../../pipeline/map/knn-kernel.mjs';
import { transpose } from '../../../pipeline/cluster/transpose.js';
import { fourThemes } from './toy.js';

describe('knnRange', () => {
  const { matrix } = fourThemes();
  const n = matrix.nRows;
  const K = 5;
  const dot = (i: number, j: number): number => {
    let s = 0;
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
      for (let q = matrix.indptr[j]; q < matrix.indptr[j + 1]; q++) if (matrix.indices[p] === matrix.indices[q]) s += matrix.values[p] * matrix.values[q];
    }
    return s;
  };

  it('finds the exact K nearest rows by cosine when every term may index candidates', () => {
    const idx = new Int32Array(n * K);
    const sim = new Float32Array(n * K);
    knnRange(matrix, transpose(matrix), n, n, K, 0, n, idx, sim);
    for (let i = 0; i < n; i++) {
      const exact = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i)
        .sort((a, b) => Math.fround(dot(i, b)) - Math.fround(dot(i, a)) || a - b).slice(0, K);
      expect(Array.from(idx.subarray(i * K, i * K + K)).map((j) => Math.fround(dot(i, j)))).toStrictEqual(exact.map((j) => Math.fround(dot(i, j))));
      expect(idx.subarray(i * K, i * K + K)).not.toContain(i);
    }
  });

  it('finds no candidates through terms more common than maxDf', () => {
    const idx = new Int32Array(n * K);
    const sim = new Float32Array(n * K);
    knnRange(matrix, transpose(matrix), 0, n, K, 0, n, idx, sim);
    expect(new Set(idx)).toStrictEqual(new Set([-1]));
  });
});

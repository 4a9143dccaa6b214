// knnRange: candidates from rare terms re-scored exactly, compared with brute force on a toy and with
// the kernel's definition spelled out on a random corpus.
import { describe, expect, it } from 'vitest';
import { commonPart, knnRange } from '../../../pipeline/map/knn-kernel.mjs';
import { transpose } from '../../../pipeline/cluster/transpose.js';
import { plainArray } from '../../../pipeline/shared-memory.js';
import { csrOf, fourThemes } from './toy.js';
import { createRandom } from '../../../pipeline/prng.js';

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
    const t = transpose(matrix);
    knnRange(matrix, t, commonPart(matrix, t, n, plainArray), n, n, K, 0, n, idx, sim);
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
    const t = transpose(matrix);
    knnRange(matrix, t, commonPart(matrix, t, 0, plainArray), 0, n, K, 0, n, idx, sim);
    expect(new Set(idx)).toStrictEqual(new Set([-1]));
  });
});

describe('knnRange on a random corpus with a small pool', () => {
  // 300 rows of 3–12 terms out of 60 (low columns far more common), every tenth a copy of an earlier
  // row (ties), weights from three values (ties among partial scores).
  const random = createRandom(11);
  const rows: number[][] = [];
  for (let i = 0; i < 300; i++) {
    if (i % 10 === 9) {
      rows.push([...rows[i - 3]]);
      continue;
    }
    const row = new Array<number>(60).fill(0);
    const terms = 3 + Math.floor(random() * 10);
    for (let a = 0; a < terms; a++) row[Math.floor(random() ** 2 * 60)] = 1 + Math.floor(random() * 3);
    rows.push(row);
  }
  const matrix = csrOf(rows, 60);
  const t = transpose(matrix);
  const n = matrix.nRows;
  const [K, pool, maxDf] = [6, 9, 40];
  const df = (col: number) => t.indptr[col + 1] - t.indptr[col];

  /** The kernel's definition, spelled out: partial scores in float32 in i's term order, the pool by (score, earlier touched), re-scored. */
  const reference = (i: number): number[] => {
    const partial = new Map<number, number>();
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
      const col = matrix.indices[p];
      if (df(col) > maxDf) continue;
      for (let q = t.indptr[col]; q < t.indptr[col + 1]; q++) {
        const j = t.indices[q];
        partial.set(j, Math.fround((partial.get(j) ?? 0) + matrix.values[p] * t.values[q]));
      }
    }
    const touched = [...partial.keys()].filter((j) => j !== i); // a Map keeps the order of first touch
    const candidates = touched.map((j, at) => ({ j, at, s: partial.get(j)! }))
      .sort((a, b) => b.s - a.s || a.at - b.at).slice(0, pool);
    const dense = new Map<number, number>();
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) dense.set(matrix.indices[p], matrix.values[p]);
    const exact = candidates.map(({ j, s }) => {
      let total = s;
      for (let p = matrix.indptr[j]; p < matrix.indptr[j + 1]; p++) {
        if (df(matrix.indices[p]) > maxDf) total += (dense.get(matrix.indices[p]) ?? 0) * matrix.values[p];
      }
      return { j, s: Math.fround(total) };
    });
    return exact.sort((a, b) => b.s - a.s || a.j - b.j).slice(0, K).map(({ j }) => j);
  };

  it('keeps the pool best partial scores (ties to the earlier touched) and the K best of them re-scored', () => {
    const idx = new Int32Array(n * K);
    const sim = new Float32Array(n * K);
    knnRange(matrix, t, commonPart(matrix, t, maxDf, plainArray), maxDf, pool, K, 0, n, idx, sim);
    for (let i = 0; i < n; i++) {
      const expected = reference(i);
      while (expected.length < K) expected.push(-1);
      expect(Array.from(idx.subarray(i * K, i * K + K)), `row ${i}`).toStrictEqual(expected);
    }
  });

  it('splits a row\'s entries into the common part: columns in more than maxDf rows, renumbered in order', () => {
    const common = commonPart(matrix, t, maxDf, plainArray);
    const commonColumns = Array.from({ length: 60 }, (_, col) => col).filter((col) => df(col) > maxDf);
    expect(common.nCommon).toBe(commonColumns.length);
    expect(common.indices).toBeInstanceOf(Uint16Array);
    for (let i = 0; i < n; i++) {
      const kept: [number, number][] = [];
      for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
        if (df(matrix.indices[p]) > maxDf) kept.push([commonColumns.indexOf(matrix.indices[p]), matrix.values[p]]);
      }
      const got: [number, number][] = [];
      for (let p = common.indptr[i]; p < common.indptr[i + 1]; p++) got.push([common.indices[p], common.values[p]]);
      expect(got).toStrictEqual(kept);
    }
    expect(common.indices.length).toBeGreaterThan(0);
    expect(common.indices.length).toBeLessThan(matrix.indices.length);
  });
});

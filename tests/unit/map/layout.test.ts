// layoutMap: every paper placed from its own row, identical for any number of threads, themes at
// their papers' densest spot, with the measured recall@10.
import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../../pipeline/map/layout.js';
import { fourThemes } from './toy.js';

const point = (xy: ArrayLike<number>, i: number): [number, number] => [xy[2 * i], xy[2 * i + 1]];
const distance = ([ax, ay]: [number, number], [bx, by]: [number, number]): number => Math.hypot(ax - bx, ay - by);

describe('layoutMap', async () => {
  const { matrix, clustering } = fourThemes();
  const one = await layoutMap(matrix, clustering, { seed: 7, workers: 1 });

  it('returns the same layout for one thread and for three, and another for another seed', async () => {
    expect(await layoutMap(matrix, clustering, { seed: 7, workers: 3 })).toStrictEqual(one);
    expect((await layoutMap(matrix, clustering, { seed: 8, workers: 1 })).layout.paperXY).not.toStrictEqual(one.layout.paperXY);
  });

  it('places every theme and paper inside [-1, 1]² with no NaN', () => {
    expect(one.layout.themeXY.length).toBe(8);
    expect(one.layout.paperXY.length).toBe(64);
    const all = [...one.layout.themeXY, ...one.layout.paperXY];
    expect(all.filter((x) => !(Math.abs(x) <= 1))).toStrictEqual([]);
  });

  it('puts each paper of the distinct themes C and D nearer its own theme centre than the other one', () => {
    const misplaced: number[] = [];
    for (let i = 16; i < 31; i++) {
      if (i === 23) continue; // half C, half D by construction
      const own = clustering.assignments[i];
      const other = own === 2 ? 3 : 2;
      if (distance(point(one.layout.paperXY, i), point(one.layout.themeXY, own)) >= distance(point(one.layout.paperXY, i), point(one.layout.themeXY, other))) misplaced.push(i);
    }
    expect(misplaced).toStrictEqual([]);
  });

  it('measures recall@10 between 0 and 1', () => {
    expect(one.recall10).toBeGreaterThan(0);
    expect(one.recall10).toBeLessThanOrEqual(1);
  });

  it('hands on each paper\'s nearest papers by exact cosine, best first, as its similar papers', () => {
    const { indptr, indices, values, nRows } = matrix;
    const dot = (i: number, j: number) => {
      let s = 0;
      for (let p = indptr[i]; p < indptr[i + 1]; p++) for (let q = indptr[j]; q < indptr[j + 1]; q++) if (indices[p] === indices[q]) s += values[p] * values[q];
      return s;
    };
    const { top, rows, similarity } = one.similar;
    expect(top).toBe(10);
    for (let i = 0; i < nRows; i++) {
      // Every paper of the toy shares a term with at least ten others, so each list is full.
      const expected = Array.from({ length: nRows }, (_, j) => j).filter((j) => j !== i)
        .sort((a, b) => dot(i, b) - dot(i, a) || a - b).slice(0, top);
      const got = Array.from(rows.subarray(i * top, (i + 1) * top));
      expect(got.map((j) => dot(i, j))).toStrictEqual(expected.map((j) => dot(i, j)));
      got.forEach((j, r) => expect(similarity[i * top + r]).toBeCloseTo(dot(i, j), 5));
    }
  });

  it('rejects an assignment outside 0..k-1', async () => {
    const bad = { k: 4, assignments: Int32Array.from(clustering.assignments, (t, i) => (i === 3 ? 4 : t)) };
    await expect(layoutMap(matrix, bad, { seed: 1, workers: 1 })).rejects.toThrow('layoutMap: paper 3 has theme 4, outside 0..3');
  });
});

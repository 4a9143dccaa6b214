import { describe, expect, it } from 'vitest';
import { areaRange, chooseAreaCut, cutTree, wardLinkage } from '../../../pipeline/areas/index.js';

/** k × k cosines of the given unit vectors. */
function cosines(vectors: number[][]): Float64Array {
  const k = vectors.length;
  const sim = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sim[i * k + j] = vectors[i].reduce((s, x, d) => s + x * vectors[j][d], 0);
  return sim;
}

/** A unit vector mostly along axis `axis` of `dims`, tilted by `tilt` along the next axis. */
function near(axis: number, tilt: number, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  v[axis] = 1;
  v[(axis + 1) % dims] = tilt;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

describe('wardLinkage', () => {
  it('joins the closest pair first, with Ward’s cost w_a w_b / (w_a + w_b) · 2 (1 − cos)', () => {
    // Themes 0 and 1 point the same way, 2 is orthogonal to both.
    const sim = cosines([[1, 0], [1, 0], [0, 1]]);
    const merges = wardLinkage(sim, [1, 1, 1], 3);
    expect(merges[0]).toStrictEqual({ a: 0, b: 1, cost: 0 });
    // Lance–Williams: ((1 + 1) · 1 + (1 + 1) · 1 − 1 · 0) / 3 = 4 / 3, with d(0, 2) = d(1, 2) = ½ · 2.
    expect(merges[1]).toStrictEqual({ a: 2, b: 3, cost: 4 / 3 });
  });

  it('makes merging heavy themes costly, so a large theme stays apart longer than a small one', () => {
    // 0 is equally near 1 and 2; 2 holds 100 papers, 1 holds 1: 0 joins 1 first.
    const sim = cosines([[1, 0, 0], near(0, 1, 3), [1, 0, 1].map((x) => x / Math.SQRT2)]);
    expect(wardLinkage(sim, [1, 1, 100], 3)[0]).toMatchObject({ a: 0, b: 1 });
  });
});

describe('cutTree and chooseAreaCut', () => {
  // 16 themes in 7 groups around the axes of R^7: group g holds themes pointing near axis g.
  const groups = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6];
  const vectors = groups.map((g, t) => near(g, 0.05 * (t % 3), 7));
  const sim = cosines(vectors);
  const sizes = new Array<number>(16).fill(100);
  const merges = wardLinkage(sim, sizes, 16);

  it('cuts the tree into the known groups', () => {
    expect(Array.from(cutTree(merges, 16, 7))).toStrictEqual(groups);
  });

  it('chooses the count with the largest jump in merge cost within 6..⌊k/2⌋', () => {
    expect(areaRange(16)).toStrictEqual({ min: 6, max: 8 });
    const cut = chooseAreaCut(merges, 16);
    expect(cut.groups).toBe(7);
    expect(Array.from(cut.areaOfTheme)).toStrictEqual(groups);
    expect(cut.jump).toBe(merges[9].cost / merges[8].cost);
  });

  it('narrows the range for few themes: never more than k / 2 areas, at least one', () => {
    expect(areaRange(40)).toStrictEqual({ min: 6, max: 12 });
    expect(areaRange(20)).toStrictEqual({ min: 6, max: 10 });
    expect(areaRange(6)).toStrictEqual({ min: 3, max: 3 });
    expect(areaRange(1)).toStrictEqual({ min: 1, max: 1 });
  });

  it('never leaves a one-paper theme as an area of its own, even one orthogonal to every other theme', () => {
    // Theme 15 holds 1 paper on an axis of its own: joining it costs ≤ 2, less than joining groups.
    const lone = [...groups.slice(0, 15).map((g, t) => near(g, 0.05 * (t % 3), 8)), near(7, 0, 8)];
    const weights = sizes.map((s, t) => (t === 15 ? 1 : s));
    const cut = chooseAreaCut(wardLinkage(cosines(lone), weights, 16), 16);
    expect(Array.from(cut.areaOfTheme).filter((a) => a === cut.areaOfTheme[15]).length).toBeGreaterThan(1);
  });
});

// layoutMap: deterministic per seed, related themes near each other, papers inside their theme.
import { describe, expect, it } from 'vitest';
import { centroidSimilarities } from '../../../pipeline/map/centroid-similarity.js';
import { layoutMap } from '../../../pipeline/map/layout.js';
import { fourThemes } from './toy.js';

const point = (xy: ArrayLike<number>, i: number): [number, number] => [xy[2 * i], xy[2 * i + 1]];
const distance = ([ax, ay]: [number, number], [bx, by]: [number, number]): number => Math.hypot(ax - bx, ay - by);

describe('layoutMap', () => {
  const { matrix, clustering } = fourThemes();
  const sim = centroidSimilarities(clustering.centroids, 4, matrix.nCols);
  const layout = layoutMap(clustering, sim, { seed: 7 });

  it('returns the same layout for the same seed and other paper jitter for another seed', () => {
    expect(layoutMap(clustering, sim, { seed: 7 })).toStrictEqual(layout);
    const other = layoutMap(clustering, sim, { seed: 8 });
    expect(other.themeXY).toStrictEqual(layout.themeXY);
    expect(other.paperXY).not.toStrictEqual(layout.paperXY);
  });

  it('places every theme and paper inside [-1, 1]² with no NaN', () => {
    expect(layout.themeXY.length).toBe(8);
    expect(layout.paperXY.length).toBe(64);
    const all = [...layout.themeXY, ...layout.paperXY];
    expect(all.filter((x) => !(Math.abs(x) <= 1))).toStrictEqual([]);
  });

  it('puts the two near-identical themes closer to each other than to either distant theme', () => {
    const [a, b, c, d] = [0, 1, 2, 3].map((t) => point(layout.themeXY, t));
    const ab = distance(a, b);
    expect(Math.min(distance(a, c), distance(a, d), distance(b, c), distance(b, d))).toBeGreaterThan(ab);
  });

  it('puts every paper nearer its own theme than any other theme', () => {
    const misplaced: number[] = [];
    for (let i = 0; i < 32; i++) {
      const own = clustering.assignments[i];
      const dOwn = distance(point(layout.paperXY, i), point(layout.themeXY, own));
      for (let t = 0; t < 4; t++) if (t !== own && distance(point(layout.paperXY, i), point(layout.themeXY, t)) <= dOwn) misplaced.push(i);
    }
    expect(misplaced).toStrictEqual([]);
  });

  it('puts the most typical paper of a theme nearer its centre than the least typical', () => {
    for (let t = 0; t < 4; t++) {
      const members = Array.from({ length: 8 }, (_, j) => 8 * t + j);
      const bySimilarity = [...members].sort((x, y) => clustering.similarity[y] - clustering.similarity[x]);
      const centre = point(layout.themeXY, t);
      const first = distance(point(layout.paperXY, bySimilarity[0]), centre);
      const last = distance(point(layout.paperXY, bySimilarity[7]), centre);
      expect(first).toBeLessThan(last);
    }
  });

  it('points a paper that is almost half in another theme at that theme, within π(1 − pull)', () => {
    // pull = cosine(row 23, centroid D) / cosine(row 23, own centroid C), from the toy's own vectors.
    const cosineTo = (t: number): number => {
      let sum = 0;
      for (let p = matrix.indptr[23]; p < matrix.indptr[24]; p++) sum += matrix.values[p] * clustering.centroids[t * 12 + matrix.indices[p]];
      return sum;
    };
    const pull = cosineTo(3) / cosineTo(2);
    expect(pull).toBeGreaterThan(0.85); // so the bound below is within 27°
    const [c, d] = [point(layout.themeXY, 2), point(layout.themeXY, 3)];
    const p = point(layout.paperXY, 23);
    const [ox, oy, tx, ty] = [p[0] - c[0], p[1] - c[1], d[0] - c[0], d[1] - c[1]];
    const angle = Math.acos((ox * tx + oy * ty) / (Math.hypot(ox, oy) * Math.hypot(tx, ty)));
    expect(angle).toBeLessThanOrEqual(Math.PI * (1 - pull) + 1e-6);
  });

  it('rejects centroid similarities of another number of themes', () => {
    expect(() => layoutMap(clustering, sim.subarray(0, 9), { seed: 1 })).toThrow('layoutMap: 9 centroid similarities for k = 4');
  });
});

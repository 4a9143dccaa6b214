// Where the map's labels may stand (map-anchors.ts), on hand-made points: at the densest spot of a
// group's own papers, never between two lobes where its mean falls; the support measure; spots that
// reach a second lobe; themes and areas anchored from the points, falling back to stored centres.
import { describe, expect, it } from 'vitest';
import { ANCHOR_CELLS, MIN_SUPPORT, anchorSubjects, groupDensity, supportAt } from '../../../src/lib/charts/map-anchors.js';
import { MAP_GRID } from '../../../src/lib/charts/map-points.js';

/** `n` points spread evenly (seeded) over a disc of `radius` round (cx, cy), all in group `g`. */
function blob(seed: number, n: number, cx: number, cy: number, radius: number, g: number) {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => {
    const [r, a] = [radius * Math.sqrt(rand()), 2 * Math.PI * rand()];
    return { x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)), g };
  });
}

function columns(pts: { x: number; y: number; g: number }[]) {
  return { x: Uint16Array.from(pts, (p) => p.x), y: Uint16Array.from(pts, (p) => p.y), group: Int32Array.from(pts, (p) => p.g) };
}

const CELL = (MAP_GRID + 1) / ANCHOR_CELLS;

describe('groupDensity', () => {
  // Group 0: a big lobe left and a smaller one right, nothing between; group 1: one blob below.
  const pts = [...blob(1, 600, 12000, 30000, 3000, 0), ...blob(2, 400, 52000, 30000, 3000, 0), ...blob(3, 900, 32000, 55000, 6000, 1)];
  const c = columns(pts);
  const d = groupDensity(c.x, c.y, c.group, 2);

  it('anchors a two-lobed group in its bigger lobe, where its mean (between the lobes) has no support', () => {
    const mine = pts.filter((p) => p.g === 0);
    const mean = [mine.reduce((s, p) => s + p.x, 0) / mine.length, mine.reduce((s, p) => s + p.y, 0) / mine.length];
    expect(supportAt(d, 0, mean[0], mean[1])).toBe(0);
    const [ax, ay] = d.spots[0][0];
    expect(Math.hypot(ax - 12000, ay - 30000)).toBeLessThan(3000);
    expect(supportAt(d, 0, ax, ay)).toBe(1);
  });

  it('keeps every spot at ≥ MIN_SUPPORT of the peak, densest first, cells at least two apart', () => {
    for (const g of [0, 1]) {
      const spots = d.spots[g];
      expect(spots.length).toBeGreaterThan(1);
      const supports = spots.map(([x, y]) => supportAt(d, g, x, y));
      for (const s of supports) expect(s).toBeGreaterThanOrEqual(MIN_SUPPORT);
      expect([...supports].sort((a, b) => b - a)).toStrictEqual(supports);
      for (let i = 0; i < spots.length; i++) for (let j = i + 1; j < spots.length; j++) {
        const apart = Math.max(Math.abs(Math.floor(spots[i][0] / CELL) - Math.floor(spots[j][0] / CELL)), Math.abs(Math.floor(spots[i][1] / CELL) - Math.floor(spots[j][1] / CELL)));
        expect(apart).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('offers a spot in the second lobe when it is dense enough', () => {
    expect(d.spots[0].some(([x, y]) => Math.hypot(x - 52000, y - 30000) < 3000)).toBe(true);
  });

  it('gives no support to another group, outside the grid, or to a group without papers', () => {
    const [ax, ay] = d.spots[0][0];
    expect(supportAt(d, 1, ax, ay)).toBe(0);
    expect(supportAt(d, 0, -5, ay)).toBe(0);
    const empty = groupDensity(c.x, c.y, c.group, 3);
    expect([empty.spots[2], supportAt(empty, 2, ax, ay)]).toStrictEqual([[], 0]);
  });

  it('puts a spot among the papers of its cell (their mean), never outside the cell', () => {
    const [ax, ay] = d.spots[1][0];
    const cell = (v: number) => Math.floor(v / CELL);
    const inCell = pts.filter((p) => p.g === 1 && cell(p.x) === cell(ax) && cell(p.y) === cell(ay));
    expect(inCell.length).toBeGreaterThan(0);
    expect(ax).toBeCloseTo(inCell.reduce((s, p) => s + p.x, 0) / inCell.length, 6);
  });
});

describe('anchorSubjects', () => {
  const pts = [...blob(4, 500, 10000, 20000, 2500, 7), ...blob(5, 500, 50000, 20000, 2500, 9), ...blob(6, 200, 30000, 50000, 2500, 8)];
  const points = { x: Uint16Array.from(pts, (p) => p.x), y: Uint16Array.from(pts, (p) => p.y), theme: Uint16Array.from(pts, (p) => p.g) };
  // Themes 7 and 9 make area 0 (two lobes); theme 8 is area 1; theme 5 has no paper.
  const themes = [
    { themeId: 5, areaId: 1, gx: 1, gy: 2, size: 0, label: 'empty' },
    { themeId: 7, areaId: 0, gx: 30000, gy: 20000, size: 500, label: 'left' },
    { themeId: 8, areaId: 1, gx: 30000, gy: 50000, size: 200, label: 'below' },
    { themeId: 9, areaId: 0, gx: 50000, gy: 20000, size: 500, label: 'right' }
  ];
  const areas = [{ areaId: 0, gx: 30000, gy: 20000, size: 1000, label: 'two lobes' }, { areaId: 1, gx: 30000, gy: 50000, size: 200, label: 'one' }];

  it('anchors themes and areas at their densest spots, keeps a stored centre for a theme without papers', () => {
    const out = anchorSubjects(points, themes, areas);
    expect([out.themes[0].gx, out.themes[0].gy]).toStrictEqual([1, 2]);
    expect(Math.hypot(out.themes[1].gx - 10000, out.themes[1].gy - 20000)).toBeLessThan(2500);
    expect(Math.hypot(out.themes[3].gx - 50000, out.themes[3].gy - 20000)).toBeLessThan(2500);
    // The area's stored centre (30000, 20000) lies between its lobes; its anchor is in one of them.
    expect(supportAt(out.areaDensity!, 0, 30000, 20000)).toBe(0);
    expect(supportAt(out.areaDensity!, 0, out.areas[0].gx, out.areas[0].gy)).toBeGreaterThanOrEqual(MIN_SUPPORT);
    expect(out.areas[0].spots![0]).toStrictEqual([out.areas[0].gx, out.areas[0].gy]);
  });

  it('returns the subjects as given without points', () => {
    const out = anchorSubjects(null, themes, areas);
    expect([out.themes, out.areas, out.themeDensity]).toStrictEqual([themes, areas, null]);
  });
});

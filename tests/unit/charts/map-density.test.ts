import { describe, expect, it } from 'vitest';
import { DENSITY_SCALE, densityBands, territories } from '../../../src/lib/charts/map-density.js';

/** `n` points in a square of side `spread` raster units around (cx, cy), in grid units, all of theme `theme`. */
function blob(cx: number, cy: number, n: number, theme: number, spread = 20): { x: number[]; y: number[]; theme: number[] } {
  const side = Math.ceil(Math.sqrt(n));
  const at = (i: number, c: number) => (c + ((i % side) / side - 0.5) * spread) * DENSITY_SCALE;
  return { x: Array.from({ length: n }, (_, i) => at(i, cx)), y: Array.from({ length: n }, (_, i) => (cy + (Math.floor(i / side) / side - 0.5) * spread) * DENSITY_SCALE),
    theme: Array(n).fill(theme) };
}

function join(...parts: { x: number[]; y: number[]; theme: number[] }[]) {
  return { x: Float64Array.from(parts.flatMap((p) => p.x)), y: Float64Array.from(parts.flatMap((p) => p.y)), theme: Uint16Array.from(parts.flatMap((p) => p.theme)) };
}

/** The bounding box of an SVG path's points (geoPath writes "Mx,yLx,y…Z"). */
function box(d: string): { x0: number; x1: number; y0: number; y1: number } {
  const xy = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return { x0: Math.min(...xy.map((p) => p[0])), x1: Math.max(...xy.map((p) => p[0])), y0: Math.min(...xy.map((p) => p[1])), y1: Math.max(...xy.map((p) => p[1])) };
}

// Themes 0 and 1 are area 7's, theme 2 area 9's, theme 3 no area's.
const areaOf = (theme: number) => (theme <= 1 ? 0 : theme === 2 ? 1 : -1);
const AREAS = [7, 9];

describe('territories', () => {
  it('gives each area the place its papers lead, and nothing of the other\'s', () => {
    const p = join(blob(120, 150, 400, 0), blob(130, 140, 200, 1), blob(380, 350, 500, 2));
    const lands = territories(p.x, p.y, p.theme, areaOf, AREAS, null);
    expect(lands.map((l) => l.areaId)).toStrictEqual([7, 9]);
    const [a, b] = lands.map((l) => box(l.d));
    // Each territory holds its blob and stops short of the other one.
    expect(a.x0).toBeLessThan(115);
    expect(a.x1).toBeGreaterThan(135);
    expect(a.x1).toBeLessThan(370);
    expect(b.x0).toBeGreaterThan(140);
    expect(b.x0).toBeLessThan(370);
    expect(b.y1).toBeGreaterThan(355);
  });

  it('leaves a place where no area holds more than half of the papers to the grey shading', () => {
    // One place, three areas' papers at 40 / 35 / 25 %: shaded, but nobody's.
    const p = join(blob(250, 250, 400, 0), blob(250, 250, 350, 2), blob(250, 250, 250, 3));
    const three = (theme: number) => (theme <= 1 ? 0 : theme === 2 ? 1 : 2);
    expect(densityBands(p.x, p.y, null).length).toBeGreaterThan(0);
    expect(territories(p.x, p.y, p.theme, three, [7, 9, 11], null)).toStrictEqual([]);
    // At 60 / 40 the leading area has it.
    const q = join(blob(250, 250, 600, 0), blob(250, 250, 400, 2));
    expect(territories(q.x, q.y, q.theme, areaOf, AREAS, null).map((l) => l.areaId)).toStrictEqual([7]);
  });

  it('counts the papers of no area in the density: a place they fill is nobody\'s', () => {
    // Theme 3 has no area: at 91% of the papers here, area 7's 9% lead no place.
    const p = join(blob(250, 250, 910, 3), blob(250, 250, 90, 0), blob(100, 100, 300, 2));
    expect(territories(p.x, p.y, p.theme, areaOf, AREAS, null).map((l) => l.areaId)).toStrictEqual([9]);
  });

  it('stays within the shading: no territory reaches past the lightest band', () => {
    const p = join(blob(150, 150, 800, 0), blob(350, 350, 800, 2));
    const lightest = box(densityBands(p.x, p.y, null)[0].d);
    for (const land of territories(p.x, p.y, p.theme, areaOf, AREAS, null)) {
      const b = box(land.d);
      expect(b.x0).toBeGreaterThanOrEqual(lightest.x0 - 1e-6);
      expect(b.x1).toBeLessThanOrEqual(lightest.x1 + 1e-6);
      expect(b.y0).toBeGreaterThanOrEqual(lightest.y0 - 1e-6);
      expect(b.y1).toBeLessThanOrEqual(lightest.y1 + 1e-6);
    }
  });

  it('draws only the papers the date filter keeps, and nothing for fewer than two areas', () => {
    const p = join(blob(120, 150, 400, 0), blob(380, 350, 500, 2));
    const kept = territories(p.x, p.y, p.theme, areaOf, AREAS, (i) => p.theme[i] === 2);
    expect(kept.map((l) => l.areaId)).toStrictEqual([9]);
    expect(territories(p.x, p.y, p.theme, () => 0, [7], null)).toStrictEqual([]);
    expect(territories(p.x, p.y, p.theme, areaOf, AREAS, () => false)).toStrictEqual([]);
    // Two papers left by the dates: the shading draws nothing, and no tint stands alone.
    expect(densityBands(p.x, p.y, (i) => i < 2)).toStrictEqual([]);
    expect(territories(p.x, p.y, p.theme, areaOf, AREAS, (i) => i < 2)).toStrictEqual([]);
  });
});

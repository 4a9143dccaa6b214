import { describe, expect, it } from 'vitest';
import { pointSize } from '../../../src/lib/charts/map-draw.js';
import { toGrid } from '../../../src/lib/charts/map-points.js';
import { buildPointIndex, extentOf, findPointAt, fitFrame, themeView, toGridPoint, toScreen } from '../../../src/lib/charts/map-view.js';

describe('fitFrame', () => {
  it('fits the extent with padding and keeps the aspect ratio, centring the short side', () => {
    const frame = fitFrame({ x0: 0, y0: 0, x1: 100, y1: 50 }, 220, 220, 10);
    expect(frame).toStrictEqual({ k: 2, tx: 10, ty: 60 });
  });
});

describe('toScreen and toGridPoint', () => {
  it('are inverse to each other under a zoom transform', () => {
    const base = { k: 2, tx: 10, ty: 60 };
    const zoom = { k: 4, x: -30, y: 12 };
    const [sx, sy] = toScreen(base, zoom, 25, 40);
    expect([sx, sy]).toStrictEqual([-30 + 4 * (10 + 2 * 25), 12 + 4 * (60 + 2 * 40)]);
    expect(toGridPoint(base, zoom, sx, sy)).toStrictEqual([25, 40]);
  });
});

describe('findPointAt', () => {
  const xs = [0, 10, 100];
  const ys = [0, 0, 100];
  const tree = buildPointIndex(xs, ys);
  const base = { k: 1, tx: 0, ty: 0 };

  it('finds the nearest point within the radius and none outside it', () => {
    expect(findPointAt(tree, base, { k: 1, x: 0, y: 0 }, 8, 1, 5)).toBe(1);
    expect(findPointAt(tree, base, { k: 1, x: 0, y: 0 }, 50, 50, 5)).toBe(null);
  });

  it('finds only a point the date filter keeps: a hidden one is not under the pointer (dashboard audit of 2026-12-03)', () => {
    const view = { k: 1, x: 0, y: 0 };
    expect(findPointAt(tree, base, view, 8, 1, 5, () => true)).toBe(1);
    expect(findPointAt(tree, base, view, 6, 0, 8, (i) => i !== 1)).toBe(0);
    expect(findPointAt(tree, base, view, 8, 1, 5, (i) => i !== 1)).toBe(null);
    // A random cloud: the kept nearest agrees with a scan of every point.
    const n = 500;
    const px = Array.from({ length: n }, (_, i) => (i * 7919) % 257);
    const py = Array.from({ length: n }, (_, i) => (i * 104729) % 263);
    const cloud = buildPointIndex(px, py);
    const keep = (i: number) => i % 3 !== 0;
    for (const [sx, sy] of [[10, 10], [128, 100], [250, 5], [60, 200]]) {
      let want: number | null = null;
      let best = 12 * 12;
      for (let i = 0; i < n; i++) {
        const d2 = (px[i] - sx) ** 2 + (py[i] - sy) ** 2;
        if (keep(i) && (d2 < best || (d2 === best && want !== null && i < want) || (d2 === best && want === null))) [want, best] = [i, d2];
      }
      expect([sx, sy, findPointAt(cloud, base, view, sx, sy, 12, keep)]).toStrictEqual([sx, sy, want]);
    }
  });

  it('measures the radius in screen pixels, so zooming in narrows it in grid units', () => {
    expect(findPointAt(tree, base, { k: 10, x: 0, y: 0 }, 140, 0, 5)).toBe(null);
    expect(findPointAt(tree, base, { k: 10, x: 0, y: 0 }, 103, 0, 5)).toBe(1);
  });
});

describe('extentOf and toGrid', () => {
  it('spans the points, and maps raw layout coordinates back to grid units', () => {
    expect(extentOf([3, -1, 2], [5, 0, 7])).toStrictEqual({ x0: -1, y0: 0, x1: 3, y1: 7 });
    expect(toGrid({ origin: [-1, 0], step: 0.5 }, 0, 2)).toStrictEqual([2, 4]);
  });
});

describe('pointSize', () => {
  it('draws few points large and many points small, growing with √zoom up to 8 px', () => {
    expect(pointSize(1, 24)).toBeCloseTo(7 - 1.2 * Math.log10(24), 12);
    expect([pointSize(1, 75_000), pointSize(4, 75_000), pointSize(100, 24)]).toStrictEqual([1.6, 3.2, 8]);
  });
});

describe('themeView', () => {
  it('zooms to the middle 90% of a theme\'s points, centred, a stray point left out', () => {
    // Theme 1: 40 points in the box [100, 200] × [300, 400] of a 0..1000 grid, and one stray at (900, 900).
    const xs = [...Array.from({ length: 40 }, (_, i) => 100 + (i % 10) * 11.1), 900, 0, 1000];
    const ys = [...Array.from({ length: 40 }, (_, i) => 300 + Math.floor(i / 10) * 33.3), 900, 0, 1000];
    const theme = [...Array(40).fill(1), 1, 0, 0];
    const base = fitFrame(extentOf(xs, ys), 500, 500, 0);
    const view = themeView({ x: xs, y: ys, theme }, 1, base, 500, 500)!;
    // The box's centre is in the middle of the view, and the box fills about 80% of it.
    const [cx, cy] = toScreen(base, view, 150, 350);
    expect([Math.round(cx), Math.round(cy)]).toStrictEqual([250, 250]);
    expect(view.k).toBeGreaterThan(3);
    expect(themeView({ x: xs, y: ys, theme }, 7, base, 500, 500)).toBeNull();
  });
});

// Owns the topic map's coordinate frames: grid units → base pixels (fit with padding, aspect kept),
// then the d3-zoom transform on top; and the quadtree that finds the point under the pointer.
import { quadtree, type Quadtree } from 'd3-quadtree';

export interface BaseFrame {
  /** Pixels per grid unit before zoom. */
  k: number;
  tx: number;
  ty: number;
}

export interface ZoomLike {
  k: number;
  x: number;
  y: number;
}

export interface Extent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function extentOf(xs: ArrayLike<number>, ys: ArrayLike<number>): Extent {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < x0) x0 = xs[i];
    if (xs[i] > x1) x1 = xs[i];
    if (ys[i] < y0) y0 = ys[i];
    if (ys[i] > y1) y1 = ys[i];
  }
  return xs.length ? { x0, y0, x1, y1 } : { x0: 0, y0: 0, x1: 1, y1: 1 };
}

/** Largest uniform scale that fits `extent` into width × height minus `pad` on every side, centred. */
export function fitFrame(extent: Extent, width: number, height: number, pad: number): BaseFrame {
  const w = Math.max(extent.x1 - extent.x0, 1e-9);
  const h = Math.max(extent.y1 - extent.y0, 1e-9);
  const k = Math.min((width - 2 * pad) / w, (height - 2 * pad) / h);
  return { k, tx: (width - k * w) / 2 - k * extent.x0, ty: (height - k * h) / 2 - k * extent.y0 };
}

/** Screen pixel of a grid point: zoom ∘ base, i.e. z.x + z.k · (tx + k · q). */
export function toScreen(base: BaseFrame, zoom: ZoomLike, qx: number, qy: number): [number, number] {
  return [zoom.x + zoom.k * (base.tx + base.k * qx), zoom.y + zoom.k * (base.ty + base.k * qy)];
}

/** Grid point under a screen pixel (inverse of toScreen). */
export function toGridPoint(base: BaseFrame, zoom: ZoomLike, sx: number, sy: number): [number, number] {
  return [((sx - zoom.x) / zoom.k - base.tx) / base.k, ((sy - zoom.y) / zoom.k - base.ty) / base.k];
}

/** Quadtree of the points `keep` accepts (all when null), so hover never finds a filtered-out point. */
export function buildPointIndex(xs: ArrayLike<number>, ys: ArrayLike<number>, keep: ((i: number) => boolean) | null = null): Quadtree<number> {
  const ids: number[] = [];
  for (let i = 0; i < xs.length; i++) if (!keep || keep(i)) ids.push(i);
  return quadtree<number>()
    .x((i) => xs[i])
    .y((i) => ys[i])
    .addAll(ids);
}

/**
 * Index of the point nearest to screen pixel (sx, sy) within `radiusPx` screen pixels, or null; with
 * `keep`, of the points it keeps only (the map's date filter: a point it hides is not under the pointer).
 */
export function findPointAt(
  tree: Quadtree<number>,
  base: BaseFrame,
  zoom: ZoomLike,
  sx: number,
  sy: number,
  radiusPx: number,
  keep: ((index: number) => boolean) | null = null
): number | null {
  const [qx, qy] = toGridPoint(base, zoom, sx, sy);
  const radius = radiusPx / (zoom.k * base.k);
  if (keep === null) return tree.find(qx, qy, radius) ?? null;
  let best: number | null = null;
  let bestD2 = radius * radius;
  const [x, y] = [tree.x(), tree.y()];
  tree.visit((node, x0, y0, x1, y1) => {
    // A quadrant wholly farther than the best so far holds nothing nearer.
    if (x0 > qx + radius || x1 < qx - radius || y0 > qy + radius || y1 < qy - radius) return true;
    if (!node.length) {
      for (let leaf: typeof node | undefined = node; leaf; leaf = (leaf as { next?: typeof node }).next) {
        const i = (leaf as { data: number }).data;
        const d2 = (x(i) - qx) ** 2 + (y(i) - qy) ** 2;
        if (d2 <= bestD2 && keep(i) && (best === null || d2 < bestD2 || i < best)) [best, bestD2] = [i, d2];
      }
    }
    return false;
  });
  return best;
}

/**
 * The zoom transform (d3-zoom's k, x, y) that shows the middle 90% of theme `themeId`'s points (5th to
 * 95th percentile on each axis, so a few strays do not leave it small) with a margin, at zoom 1 to
 * 40; null when the theme has no point.
 */
export function themeView(points: { x: ArrayLike<number>; y: ArrayLike<number>; theme: ArrayLike<number> }, themeId: number, base: BaseFrame,
  width: number, height: number): { k: number; x: number; y: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < points.theme.length; i++) {
    if (points.theme[i] !== themeId) continue;
    xs.push(points.x[i]);
    ys.push(points.y[i]);
  }
  if (xs.length === 0) return null;
  const at = (v: number[], q: number) => v[Math.min(v.length - 1, Math.floor(q * (v.length - 1)))];
  xs.sort((a, b) => a - b);
  ys.sort((a, b) => a - b);
  const [x0, x1, y0, y1] = [at(xs, 0.05), at(xs, 0.95), at(ys, 0.05), at(ys, 0.95)];
  // Screen size of that box at zoom 1, and the zoom at which it fills 80% of the view.
  const [w, h] = [Math.max(1, (x1 - x0) * base.k), Math.max(1, (y1 - y0) * base.k)];
  const k = Math.min(40, Math.max(1, 0.8 * Math.min(width / w, height / h)));
  const [cx, cy] = [base.tx + base.k * (x0 + x1) / 2, base.ty + base.k * (y0 + y1) / 2];
  return { k, x: width / 2 - k * cx, y: height / 2 - k * cy };
}

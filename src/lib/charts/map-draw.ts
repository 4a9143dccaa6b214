// Owns painting the topic map's points on a 2-D canvas context (one fillRect per point, fill style
// changed only when the theme changes: points arrive grouped by theme). With a search mask or a
// focused theme, the rest is painted first in light grey and the matches on top, larger.
import type { BaseFrame, ZoomLike } from './map-view.js';

export interface PointColumns {
  x: Float32Array;
  y: Float32Array;
  theme: Int32Array;
}

export interface DrawOptions {
  width: number;
  height: number;
  dpr: number;
  base: BaseFrame;
  zoom: ZoomLike;
  colourOf: (themeId: number) => string;
  /** 1 = highlighted; null = no search active. */
  mask: Uint8Array | null;
  focusTheme: number | null;
}

const DIM = '#d6d6d6';

/**
 * Point side in px: fewer points get bigger dots (7 − 1.2·log10 n, clamped to 1.6..5.5: 24 points →
 * 5.3 px, 75k → 1.6 px), and dots grow gently with zoom (×√k, at most 8 px) so dense regions open up.
 */
export function pointSize(zoomK: number, count: number): number {
  const base = Math.min(5.5, Math.max(1.6, 7 - 1.2 * Math.log10(Math.max(1, count))));
  return Math.min(8, base * Math.sqrt(zoomK));
}

export function drawPoints(ctx: CanvasRenderingContext2D, points: PointColumns, o: DrawOptions): void {
  ctx.setTransform(o.dpr, 0, 0, o.dpr, 0, 0);
  ctx.clearRect(0, 0, o.width, o.height);
  const filtering = o.mask !== null || o.focusTheme !== null;
  const isMatch = (i: number) =>
    (o.mask === null || o.mask[i] === 1) && (o.focusTheme === null || points.theme[i] === o.focusTheme);
  const size = pointSize(o.zoom.k, points.x.length);
  if (filtering) {
    ctx.fillStyle = DIM;
    paint(ctx, points, o, size, (i) => !isMatch(i), null);
  }
  paint(ctx, points, o, filtering ? size * 1.4 : size, filtering ? isMatch : () => true, o.colourOf);
}

function paint(
  ctx: CanvasRenderingContext2D,
  points: PointColumns,
  o: DrawOptions,
  size: number,
  keep: (i: number) => boolean,
  colourOf: ((themeId: number) => string) | null
): void {
  const half = size / 2;
  // toScreen inlined (no per-point allocation): s = zoom.x + zoom.k · (tx + k · q).
  const a = o.zoom.k * o.base.k;
  const bx = o.zoom.x + o.zoom.k * o.base.tx;
  const by = o.zoom.y + o.zoom.k * o.base.ty;
  let current = -1;
  for (let i = 0; i < points.x.length; i++) {
    if (!keep(i)) continue;
    const sx = bx + a * points.x[i];
    const sy = by + a * points.y[i];
    if (sx < -size || sy < -size || sx > o.width + size || sy > o.height + size) continue;
    if (colourOf && points.theme[i] !== current) {
      current = points.theme[i];
      ctx.fillStyle = colourOf(current);
    }
    ctx.fillRect(sx - half, sy - half, size, size);
  }
}

// Owns painting the topic map's points: each point is a small square written straight into an
// ImageData pixel buffer (75k points ≈ 300k pixel writes, a few ms even on a software canvas,
// where 75k fillRect calls took ~40 ms a frame). With a search mask or a focused theme, the rest
// is painted first in light grey and the matches on top, larger.
import type { BaseFrame, ZoomLike } from './map-view.js';

export interface PointColumns {
  x: Float32Array;
  y: Float32Array;
  theme: Int32Array;
}

export interface DrawOptions {
  /** CSS pixels of the canvas; the buffer is width·dpr × height·dpr. */
  width: number;
  height: number;
  dpr: number;
  base: BaseFrame;
  zoom: ZoomLike;
  colourOf: (themeId: number) => string;
  /** 1 = highlighted; null = no search active. */
  mask: Uint8Array | null;
  focusTheme: number | null;
  /** Points outside the date filter are not drawn at all; null = all. */
  keep?: ((i: number) => boolean) | null;
}

export const DIM_COLOUR = '#d6d6d6';

/**
 * Point side in px: fewer points get bigger dots (7 − 1.2·log10 n, clamped to 1.6..5.5: 24 points →
 * 5.3 px, 75k → 1.6 px), and dots grow gently with zoom (×√k, at most 8 px) so dense regions open up.
 */
export function pointSize(zoomK: number, count: number): number {
  const base = Math.min(5.5, Math.max(1.6, 7 - 1.2 * Math.log10(Math.max(1, count))));
  return Math.min(8, base * Math.sqrt(zoomK));
}

/** '#rrggbb' as one opaque pixel of a little-endian RGBA Uint32 view (0xAABBGGRR). */
export function packColour(hex: string): number {
  const n = parseInt(hex.slice(1, 7), 16);
  return ((0xff << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff)) >>> 0;
}

/** Writes square points into `pixels` (row-major, `w` wide, `h` high); returns how many were drawn. */
export function paintSquares(
  pixels: Uint32Array,
  w: number,
  h: number,
  points: PointColumns,
  o: DrawOptions,
  side: number,
  keep: (i: number) => boolean,
  colour: (i: number) => number
): number {
  const s = Math.max(1, Math.round(side * o.dpr));
  const half = s / 2;
  // toScreen inlined, in device pixels: d = dpr · (zoom.x + zoom.k · (tx + k · q)).
  const a = o.dpr * o.zoom.k * o.base.k;
  const bx = o.dpr * (o.zoom.x + o.zoom.k * o.base.tx);
  const by = o.dpr * (o.zoom.y + o.zoom.k * o.base.ty);
  let drawn = 0;
  for (let i = 0; i < points.x.length; i++) {
    if (!keep(i)) continue;
    const x0 = Math.round(bx + a * points.x[i] - half);
    const y0 = Math.round(by + a * points.y[i] - half);
    if (x0 >= w || y0 >= h || x0 + s <= 0 || y0 + s <= 0) continue;
    const c = colour(i);
    const xa = Math.max(0, x0), xb = Math.min(w, x0 + s);
    for (let y = Math.max(0, y0); y < Math.min(h, y0 + s); y++) pixels.fill(c, y * w + xa, y * w + xb);
    drawn++;
  }
  return drawn;
}

let buffer: ImageData | null = null;

export function drawPoints(ctx: CanvasRenderingContext2D, points: PointColumns, o: DrawOptions): void {
  const w = Math.round(o.width * o.dpr);
  const h = Math.round(o.height * o.dpr);
  if (w <= 0 || h <= 0) return;
  if (!buffer || buffer.width !== w || buffer.height !== h) buffer = ctx.createImageData(w, h);
  const pixels = new Uint32Array(buffer.data.buffer);
  pixels.fill(0);
  const palette = new Map<number, number>();
  const colour = (i: number) => {
    const t = points.theme[i];
    let c = palette.get(t);
    if (c === undefined) palette.set(t, (c = packColour(o.colourOf(t))));
    return c;
  };
  const shown = o.keep ?? (() => true);
  const isMatch = (i: number) =>
    (o.mask === null || o.mask[i] === 1) && (o.focusTheme === null || points.theme[i] === o.focusTheme);
  const size = pointSize(o.zoom.k, points.x.length);
  if (o.mask !== null || o.focusTheme !== null) {
    const dim = packColour(DIM_COLOUR);
    paintSquares(pixels, w, h, points, o, size, (i) => shown(i) && !isMatch(i), () => dim);
    paintSquares(pixels, w, h, points, o, size * 1.4, (i) => shown(i) && isMatch(i), colour);
  } else {
    paintSquares(pixels, w, h, points, o, size, shown, colour);
  }
  ctx.putImageData(buffer, 0, 0);
}

// Owns painting the topic map's points on the CPU: each point is a dot written straight into an
// ImageData pixel buffer, the same pixels the WebGL painter (map-gl.ts) lights — every pixel whose
// centre is within half the point size of the point — so both draw one picture. Used where there is
// no WebGL, and for large maps where WebGL is itself software (a million points: ~50 ms here
// against ~700 ms a frame in SwiftShader). With a search mask or a focused theme, the rest is
// painted first in light grey and the matches on top, larger.
import type { BaseFrame, ZoomLike } from './map-view.js';

/** The points in grid units (the wire's Uint16 columns as they arrive; tests may pass floats). */
export interface PointColumns {
  x: Uint16Array | Float32Array;
  y: Uint16Array | Float32Array;
  theme: Uint16Array | Int32Array;
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

/**
 * Writes a dot for each point `keep` accepts into `pixels` (row-major, `w` wide, `h` high): the
 * pixels whose centres lie within side/2 device pixels of the point's centre, as WebGL's round
 * point sprite (gl_PointSize = max(1, side · dpr), fragments outside the disc discarded). Returns
 * how many points fall on the canvas.
 */
export function paintDots(
  pixels: Uint32Array,
  w: number,
  h: number,
  points: PointColumns,
  o: DrawOptions,
  side: number,
  keep: ((i: number) => boolean) | null,
  colour: (i: number) => number
): number {
  const r = Math.max(1, side * o.dpr) / 2;
  const r2 = r * r;
  // toScreen inlined, in device pixels: d = dpr · (zoom.x + zoom.k · (tx + k · q)).
  const a = o.dpr * o.zoom.k * o.base.k;
  const bx = o.dpr * (o.zoom.x + o.zoom.k * o.base.tx);
  const by = o.dpr * (o.zoom.y + o.zoom.k * o.base.ty);
  const { x, y } = points;
  let drawn = 0;
  for (let i = 0; i < x.length; i++) {
    if (keep !== null && !keep(i)) continue;
    const cx = bx + a * x[i];
    const cy = by + a * y[i];
    if (cx - r >= w || cy - r >= h || cx + r <= 0 || cy + r <= 0) continue;
    drawn++;
    const c = colour(i);
    // Rows whose pixel centre (row + 0.5) is within r of cy; in each, the run of columns likewise.
    const rowEnd = Math.min(h - 1, Math.floor(cy + r - 0.5));
    for (let row = Math.max(0, Math.ceil(cy - r - 0.5)); row <= rowEnd; row++) {
      const dy = row + 0.5 - cy;
      const q = r2 - dy * dy;
      if (q < 0) continue;
      const half = Math.sqrt(q);
      const xa = Math.max(0, Math.ceil(cx - half - 0.5));
      const xb = Math.min(w - 1, Math.floor(cx + half - 0.5));
      // A loop, not fill(): runs are 1–8 pixels, and a million fill() calls cost more than their writes.
      for (let at = row * w + xa, end = row * w + xb; at <= end; at++) pixels[at] = c;
    }
  }
  return drawn;
}

/** Each theme's packed colour by theme id (0 = not yet looked up), so a million points need no Map. */
export function themePalette(colourOf: (themeId: number) => string): (themeId: number) => number {
  const packed = new Uint32Array(65536);
  return (t) => packed[t] || (packed[t] = packColour(colourOf(t)));
}

let buffer: ImageData | null = null;

export function drawPoints(ctx: CanvasRenderingContext2D, points: PointColumns, o: DrawOptions): void {
  const w = Math.round(o.width * o.dpr);
  const h = Math.round(o.height * o.dpr);
  if (w <= 0 || h <= 0) return;
  if (!buffer || buffer.width !== w || buffer.height !== h) buffer = ctx.createImageData(w, h);
  const pixels = new Uint32Array(buffer.data.buffer);
  pixels.fill(0);
  const palette = themePalette(o.colourOf);
  const theme = points.theme;
  const colour = (i: number) => palette(theme[i]);
  const shown = o.keep ?? null;
  const isMatch = (i: number) =>
    (o.mask === null || o.mask[i] === 1) && (o.focusTheme === null || theme[i] === o.focusTheme);
  const size = pointSize(o.zoom.k, points.x.length);
  if (o.mask !== null || o.focusTheme !== null) {
    const dim = packColour(DIM_COLOUR);
    paintDots(pixels, w, h, points, o, size, (i) => (shown === null || shown(i)) && !isMatch(i), () => dim);
    paintDots(pixels, w, h, points, o, size * 1.4, (i) => (shown === null || shown(i)) && isMatch(i), colour);
  } else {
    paintDots(pixels, w, h, points, o, size, shown, colour);
  }
  ctx.putImageData(buffer, 0, 0);
}

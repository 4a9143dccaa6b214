// Owns the compact wire format of the topic map's points (shared by the endpoint and the page): a
// binary buffer of Uint16 columns (x, y on one 0..65535 grid, theme, publication day), 8 bytes a
// point, 600 kB for 75k. Point i is the i-th paper in (theme_id, rank_in_theme, paper_id) order.

/** Grid resolution: both axes share one step, so the layout's aspect ratio is kept. */
export const MAP_GRID = 65535;

/** Day value of a paper without a publication date. */
export const NO_DAY = 0xffff;

export interface MapPointsPayload {
  run: number;
  count: number;
  /** Raw layout coordinate = origin + q · step, for q in 0..MAP_GRID. */
  origin: [number, number];
  step: number;
  x: Uint16Array;
  y: Uint16Array;
  theme: Uint16Array;
  /** Publication date as days since 1970-01-01 (UTC), NO_DAY when unknown. */
  day: Uint16Array;
}

/**
 * Layout: a 32-byte header — run (Uint32), count n (Uint32), origin x, origin y, step (Float64, in
 * that order) — then x[n], y[n], theme[n], day[n] as little-endian Uint16.
 */
const HEADER = 32;

export function encodePoints(p: MapPointsPayload): Uint8Array {
  const n = p.count;
  const buffer = new ArrayBuffer(HEADER + 8 * n);
  const view = new DataView(buffer);
  view.setUint32(0, p.run, true);
  view.setUint32(4, n, true);
  view.setFloat64(8, p.origin[0], true);
  view.setFloat64(16, p.origin[1], true);
  view.setFloat64(24, p.step, true);
  [p.x, p.y, p.theme, p.day].forEach((column, c) => {
    for (let i = 0; i < n; i++) view.setUint16(HEADER + 2 * (c * n + i), column[i], true);
  });
  return new Uint8Array(buffer);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reads encodePoints' buffer (the columns are views of it on a little-endian machine); throws on a buffer whose length does not match its count. */
export function decodePoints(buffer: ArrayBuffer): MapPointsPayload {
  if (buffer.byteLength < HEADER) throw new Error(`map points: ${buffer.byteLength} bytes, shorter than the header`);
  const view = new DataView(buffer);
  const n = view.getUint32(4, true);
  if (buffer.byteLength !== HEADER + 8 * n) throw new Error(`map points: ${buffer.byteLength} bytes for ${n} points`);
  // A little-endian machine (every browser's) reads each column in place: a million points' four
  // columns through DataView took ~300 ms; a view takes none. Elsewhere, value by value.
  const column = (c: number) => LITTLE_ENDIAN ? new Uint16Array(buffer, HEADER + 2 * c * n, n)
    : Uint16Array.from({ length: n }, (_, i) => view.getUint16(HEADER + 2 * (c * n + i), true));
  return {
    run: view.getUint32(0, true), count: n, origin: [view.getFloat64(8, true), view.getFloat64(16, true)],
    step: view.getFloat64(24, true), x: column(0), y: column(1), theme: column(2), day: column(3)
  };
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD…), the unit of MapPointsPayload.day. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000);
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** An area (a group of themes) as the map names it while zoomed out. */
export interface MapArea {
  areaId: number;
  label: string;
  size: number;
  /** Raw layout coordinates: the paper-weighted mean of its themes' centres. */
  x: number;
  y: number;
}

export interface MapTheme {
  themeId: number;
  label: string;
  size: number;
  /** Raw layout coordinates of the theme's centre. */
  x: number;
  y: number;
  /** Marked as a mixture (NULL in runs before the mark); its name is then shown as "Mixture: …". */
  mixture: boolean | null;
  /** The area above it (NULL in runs before areas). */
  areaId: number | null;
}

export interface MapPaper {
  index: number;
  paperId: string;
  title: string;
  themeId: number;
  published: string | null;
}

/** Grid coordinates of a raw layout point (inverse of origin + q · step), not rounded. */
export function toGrid(payload: Pick<MapPointsPayload, 'origin' | 'step'>, x: number, y: number): [number, number] {
  return [(x - payload.origin[0]) / payload.step, (y - payload.origin[1]) / payload.step];
}

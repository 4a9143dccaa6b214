// Owns the compact wire format of the topic map's points (shared by the endpoint and the page): a
// binary buffer of Uint16 columns (x, y on one 0..65535 grid, publication day, the days the date
// spans after it) and the theme column as runs (the points are in theme order, so one run a theme),
// 8 bytes a point: 600 kB for 75k, 8 MB for a million. Point i is the i-th paper in (theme_id, rank_in_theme, paper_id) order.

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
  /**
   * Days since 1970-01-01 (UTC) of day value 0: the run's earliest date (0 without dates), so the
   * 16-bit days hold 179 years from it, a corpus of papers from the 1950s as well as one of 2025.
   */
  dayOrigin: number;
  /** Publication date as days since dayOrigin, NO_DAY when unknown. */
  day: Uint16Array;
  /**
   * Days the date covers after `day`: 0 for a day; for a month- or year-only date (its first day in
   * `day`) the rest of its month or year, so a date filter takes it as the whole period, never as its first day.
   */
  span: Uint16Array;
}

/**
 * Layout: a 40-byte header — run, count n, theme runs m (Uint32), dayOrigin (Int32), origin x, origin y,
 * step (Float64, in that order) — then x[n], y[n], day[n], span[n] as little-endian Uint16, then the
 * runs: theme[m], length[m] as little-endian Uint32 (their lengths sum to n).
 */
const HEADER = 40;

/** This layout's version, part of the endpoint's ETag: a browser holding another layout's body refetches it. */
export const POINTS_FORMAT = 4;

/** The theme column as runs of equal values (any order works; theme order makes one run a theme). */
function themeRuns(theme: Uint16Array): { themes: number[]; lengths: number[] } {
  const [themes, lengths] = [[] as number[], [] as number[]];
  for (let i = 0; i < theme.length; i++) {
    if (i > 0 && theme[i] === theme[i - 1]) lengths[lengths.length - 1]++;
    else [themes.push(theme[i]), lengths.push(1)];
  }
  return { themes, lengths };
}

/** Byte offset of the runs: after the four columns (so aligned to 4). */
const runsAt = (n: number) => HEADER + 8 * n;

export function encodePoints(p: MapPointsPayload): Uint8Array {
  const n = p.count;
  const runs = themeRuns(p.theme);
  const m = runs.themes.length;
  const buffer = new ArrayBuffer(runsAt(n) + 8 * m);
  const view = new DataView(buffer);
  view.setUint32(0, p.run, true);
  view.setUint32(4, n, true);
  view.setUint32(8, m, true);
  view.setInt32(12, p.dayOrigin, true);
  view.setFloat64(16, p.origin[0], true);
  view.setFloat64(24, p.origin[1], true);
  view.setFloat64(32, p.step, true);
  [p.x, p.y, p.day, p.span].forEach((column, c) => {
    for (let i = 0; i < n; i++) view.setUint16(HEADER + 2 * (c * n + i), column[i], true);
  });
  for (let r = 0; r < m; r++) {
    view.setUint32(runsAt(n) + 4 * r, runs.themes[r], true);
    view.setUint32(runsAt(n) + 4 * (m + r), runs.lengths[r], true);
  }
  return new Uint8Array(buffer);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reads encodePoints' buffer (the columns are views of it on a little-endian machine); throws on a buffer whose length does not match its counts. */
export function decodePoints(buffer: ArrayBuffer): MapPointsPayload {
  if (buffer.byteLength < HEADER) throw new Error(`map points: ${buffer.byteLength} bytes, shorter than the header`);
  const view = new DataView(buffer);
  const n = view.getUint32(4, true);
  const m = view.getUint32(8, true);
  if (buffer.byteLength !== runsAt(n) + 8 * m) throw new Error(`map points: ${buffer.byteLength} bytes for ${n} points in ${m} theme runs`);
  // A little-endian machine (every browser's) reads each column in place: a million points' four
  // columns through DataView took ~300 ms; a view takes none. Elsewhere, value by value.
  const column = (c: number) => LITTLE_ENDIAN ? new Uint16Array(buffer, HEADER + 2 * c * n, n)
    : Uint16Array.from({ length: n }, (_, i) => view.getUint16(HEADER + 2 * (c * n + i), true));
  const theme = new Uint16Array(n);
  let at = 0;
  for (let r = 0; r < m; r++) {
    const length = view.getUint32(runsAt(n) + 4 * (m + r), true);
    if (at + length > n) throw new Error(`map points: theme runs longer than ${n} points`);
    theme.fill(view.getUint32(runsAt(n) + 4 * r, true), at, (at += length));
  }
  if (at !== n) throw new Error(`map points: theme runs cover ${at} of ${n} points`);
  return {
    run: view.getUint32(0, true), count: n, dayOrigin: view.getInt32(12, true), origin: [view.getFloat64(16, true), view.getFloat64(24, true)],
    step: view.getFloat64(32, true), x: column(0), y: column(1), theme, day: column(2), span: column(3)
  };
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD…): MapPointsPayload.dayOrigin + day. */
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

// Owns what a brushed rectangle of the topic map holds: the points inside it (within the date
// filter and the search, as the map draws them), their theme mix, and the rectangle in layout
// coordinates for the map-region export (with the same dates and search).
import type { MapPointsPayload } from './map-points.js';

export type GridRect = [x0: number, y0: number, x1: number, y1: number];

export interface SelectionSummary {
  indices: number[];
  /** Papers per theme inside the rectangle, most first (ties to the lower theme id). */
  mix: { themeId: number; count: number }[];
}

export function summariseSelection(
  columns: { x: ArrayLike<number>; y: ArrayLike<number>; theme: ArrayLike<number> },
  rect: GridRect,
  keep: ((i: number) => boolean) | null
): SelectionSummary {
  const [x0, y0, x1, y1] = rect;
  const indices: number[] = [];
  const counts = new Map<number, number>();
  for (let i = 0; i < columns.x.length; i++) {
    const [x, y] = [columns.x[i], columns.y[i]];
    if (x < x0 || x > x1 || y < y0 || y > y1 || (keep && !keep(i))) continue;
    indices.push(i);
    counts.set(columns.theme[i], (counts.get(columns.theme[i]) ?? 0) + 1);
  }
  const mix = [...counts].map(([themeId, count]) => ({ themeId, count })).sort((a, b) => b.count - a.count || a.themeId - b.themeId);
  return { indices, mix };
}

/**
 * Up to `n` of the selection's papers to list: the most typical of each theme in turn, largest theme
 * first (the points are in theme order, most typical first within a theme: map.ts POINT_ORDER). The
 * first `n` in point order were all of the lowest theme id, whatever the selection mostly held.
 */
export function typicalOfSelection(summary: SelectionSummary, themeOf: ArrayLike<number>, n: number): number[] {
  const byTheme = new Map<number, number[]>();
  for (const i of summary.indices) {
    const list = byTheme.get(themeOf[i]);
    if (list) {
      if (list.length < n) list.push(i);
    } else byTheme.set(themeOf[i], [i]);
  }
  const out: number[] = [];
  for (let round = 0; out.length < n; round++) {
    let took = false;
    for (const { themeId } of summary.mix) {
      const i = byTheme.get(themeId)![round];
      if (i === undefined || out.length >= n) continue;
      out.push(i);
      took = true;
    }
    if (!took) break;
  }
  return out;
}

/**
 * The rectangle in the layout's own coordinates (raw = origin + q · step), widened by half a grid
 * step on every side so a point quantised onto the rectangle's edge is still inside.
 */
export function rawRect(payload: Pick<MapPointsPayload, 'origin' | 'step'>, rect: GridRect): GridRect {
  const [x0, y0, x1, y1] = rect;
  const { origin, step } = payload;
  return [origin[0] + (x0 - 0.5) * step, origin[1] + (y0 - 0.5) * step, origin[0] + (x1 + 0.5) * step, origin[1] + (y1 + 0.5) * step];
}

/**
 * The points a selection counts: those the date filter keeps (null: all) and, with a search in force,
 * those it matches (`mask[i] === 1`, the map's highlight: /map/points/search). Null when neither filters.
 */
export function selectionKeep(dateKeep: ((i: number) => boolean) | null, mask: Uint8Array | null): ((i: number) => boolean) | null {
  if (mask === null) return dateKeep;
  if (dateKeep === null) return (i) => mask[i] === 1;
  return (i) => mask[i] === 1 && dateKeep(i);
}

/** What filters the map's selection besides the rectangle: the dates ('' = open end) and the search in force ('' = none). */
export interface RegionFilter {
  from: string;
  to: string;
  q: string;
}

/**
 * Query string of the map-region export for `rect` (grid units), the date filter and the search the
 * map's highlight is for, so the file holds the papers the selection counts (the server matches `q`
 * as /map/points/search does).
 */
export function regionExportQuery(runId: number, payload: Pick<MapPointsPayload, 'origin' | 'step'>, rect: GridRect, filter: RegionFilter): string {
  const [x0, y0, x1, y1] = rawRect(payload, rect);
  const params = new URLSearchParams({ run: String(runId), x0: String(x0), x1: String(x1), y0: String(y0), y1: String(y1) });
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  const q = filter.q.trim();
  if (q) params.set('q', q);
  return params.toString();
}

/** How the selection's heading qualifies its count: "(matching “diffusion”, in the dates)", or '' with no filter. */
export function selectionQualifier(q: string, dated: boolean): string {
  const parts = [q.trim() ? `matching “${q.trim()}”` : '', dated ? 'in the dates' : ''].filter(Boolean);
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

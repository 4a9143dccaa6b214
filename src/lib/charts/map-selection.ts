// Owns what a brushed rectangle of the topic map holds: the points inside it (within the date
// filter), their theme mix, and the rectangle in layout coordinates for the map-region export.
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
 * The rectangle in the layout's own coordinates (raw = origin + q · step), widened by half a grid
 * step on every side so a point quantised onto the rectangle's edge is still inside.
 */
export function rawRect(payload: Pick<MapPointsPayload, 'origin' | 'step'>, rect: GridRect): GridRect {
  const [x0, y0, x1, y1] = rect;
  const { origin, step } = payload;
  return [origin[0] + (x0 - 0.5) * step, origin[1] + (y0 - 0.5) * step, origin[0] + (x1 + 0.5) * step, origin[1] + (y1 + 0.5) * step];
}

/** Query string of the map-region export for `rect` (grid units) and the date filter. */
export function regionExportQuery(runId: number, payload: Pick<MapPointsPayload, 'origin' | 'step'>, rect: GridRect, from: string, to: string): string {
  const [x0, y0, x1, y1] = rawRect(payload, rect);
  const params = new URLSearchParams({ run: String(runId), x0: String(x0), x1: String(x1), y0: String(y0), y1: String(y1) });
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params.toString();
}

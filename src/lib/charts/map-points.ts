// Owns the compact wire format of the topic map's points (shared by the endpoint and the page):
// typed columns, coordinates quantised to integers on one grid so 75k points stay ~1 MB of JSON
// (a few hundred kB gzipped). Point i is the i-th paper in (theme_id, rank_in_theme, paper_id) order.

/** Grid resolution: both axes share one step, so the layout's aspect ratio is kept. */
export const MAP_GRID = 65535;

export interface MapPointsPayload {
  run: number;
  count: number;
  /** Raw layout coordinate = origin + q · step, for q in 0..MAP_GRID. */
  origin: [number, number];
  step: number;
  x: number[];
  y: number[];
  theme: number[];
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

// Owns which labels the topic map shows in a view (zoom and pan): every theme's centre is a dot no
// label may cover; zoomed out (below AREA_ZOOM) with more themes than room, the areas are named
// first (largest first, at their papers' mean position) and theme labels take the room left; zoomed
// in, every theme competes alone. Widths come from text-width.ts, so the server's first paint, the
// browser and the tests place the same labels.
import { truncate } from './axis.js';
import { placeLabels, type Box, type PlacedLabel } from './label-placement.js';
import { textWidth } from './text-width.js';
import { toScreen, type BaseFrame, type ZoomLike } from './map-view.js';

/** Zoomed in past this, themes have the room: area labels give way to them. */
export const AREA_ZOOM = 2;
/** Theme labels are cut to this many characters (the legend and the tooltip give the whole name). */
export const LABEL_CHARS = 30;
export const THEME_FONT = { size: 12, weight: 600, halo: 3.5 } as const;
export const AREA_FONT = { size: 13, weight: 700, halo: 4, spacing: 0.04 } as const;
const THEME_BOX = { padX: 8, height: 18, gap: 4 } as const;
const AREA_BOX = { padX: 10, height: 20, gap: 6 } as const;
/** Half the side of the box around a theme's dot that labels keep clear of. */
const DOT = 5;

/** A theme or an area, in grid units (charts/map-points.ts). */
export interface LabelSubject {
  gx: number;
  gy: number;
  size: number;
  label: string;
}

export interface MapLabelLayout {
  /** Screen position of every theme's centre, in input order. */
  anchors: [number, number][];
  /** Placed theme labels (`id` = index into the themes). */
  themes: PlacedLabel[];
  /** Placed area labels (`id` = index into the areas); none when zoomed in. */
  areas: PlacedLabel[];
}

export function themeLabelText(label: string): string {
  return truncate(label, LABEL_CHARS);
}

export function areaLabelText(label: string): string {
  return label.toUpperCase();
}

/** Drawn width of a theme label (semi-bold: DejaVu Sans Bold on Debian, so the bold widths). */
export function themeLabelWidth(label: string): number {
  return textWidth(themeLabelText(label), THEME_FONT.size, true);
}

/** Drawn width of an area label, letter-spacing included. */
export function areaLabelWidth(label: string): number {
  const text = areaLabelText(label);
  return textWidth(text, AREA_FONT.size, true) + [...text].length * AREA_FONT.spacing * AREA_FONT.size;
}

/** The labels shown in a width × height view of the map at `zoom` over the fitted `base` frame. */
export function layoutMapLabels(
  themes: LabelSubject[],
  areas: LabelSubject[],
  base: BaseFrame,
  zoom: ZoomLike,
  width: number,
  height: number
): MapLabelLayout {
  const bounds: Box = { left: 0, top: 0, width, height };
  const anchors = themes.map((t) => toScreen(base, zoom, t.gx, t.gy));
  const dots = anchors.map(([x, y]) => ({ left: x - DOT, top: y - DOT, width: 2 * DOT, height: 2 * DOT }));
  const themeRequests = themes.map((t, i) => ({
    id: i, x: anchors[i][0], y: anchors[i][1], width: themeLabelWidth(t.label) + THEME_BOX.padX, height: THEME_BOX.height, priority: t.size
  }));
  const alone = placeLabels(themeRequests, bounds, THEME_BOX.gap, dots);
  if (areas.length === 0 || zoom.k >= AREA_ZOOM || alone.length === themes.length) return { anchors, themes: alone, areas: [] };
  const areaRequests = areas.map((a, i) => {
    const [x, y] = toScreen(base, zoom, a.gx, a.gy);
    return { id: i, x, y, width: areaLabelWidth(a.label) + AREA_BOX.padX, height: AREA_BOX.height, priority: a.size };
  });
  const placedAreas = placeLabels(areaRequests, bounds, AREA_BOX.gap, dots);
  if (placedAreas.length === 0) return { anchors, themes: alone, areas: [] };
  return { anchors, themes: placeLabels(themeRequests, bounds, THEME_BOX.gap, [...dots, ...placedAreas]), areas: placedAreas };
}

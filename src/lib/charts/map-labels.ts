// Owns which labels the topic map shows in a view (zoom and pan), and where: every label stands at
// a dense spot of its own papers (map-anchors.ts). Zoomed out (below AREA_ZOOM) with more themes
// than room to name each in full, the areas are named first, largest first, each label covering
// one of its area's dense spots in the first form that finds room (the whole name on one line, then
// on two, then its first phrase; on a phone the first phrase first, in a smaller font), hiding the
// theme dots under it; theme labels take the room left. Zoomed in, every theme competes alone. A
// theme label stands beside its dot in the first of its forms that finds room there
// (map-label-text.ts: the whole name on one line or two, then its first phrase; on a phone the first
// phrase only). Widths come from text-width.ts, so the server's first paint, the browser and the
// tests place the same labels.
import { boxAt, boxesOverlap, isFree, placeLabels, type Box, type PlacedLabel } from './label-placement.js';
import type { LabelSubject } from './map-anchors.js';
import { THEME_FONT, THEME_LINE_STEP, areaFontSize, areaFormsFor, areaLineWidth, namesInFull, themeLabelForms, themeLineWidth } from './map-label-text.js';
import { toScreen, type BaseFrame, type ZoomLike } from './map-view.js';

export type { LabelSubject } from './map-anchors.js';

/** Zoomed in past this, themes have the room: area labels give way to them. */
export const AREA_ZOOM = 2;
const THEME_BOX = { padX: 8, height: 18, gap: 4 } as const;
/** An area label's box: one line is heightEm font sizes tall, each further line AREA_LINE_EM more. */
const AREA_BOX = { padX: 10, heightEm: 1.54, gap: 6 } as const;
const AREA_LINE_EM = 1.2;
/** Half the side of the box around a theme's dot that labels keep clear of (the dot's radius is 4). */
const DOT = 5;

/** A placed label: its box, the anchor it stands for and its text (drawn centred on cx, cy). */
export interface MapLabel extends PlacedLabel {
  /**
   * Screen position of the anchor: a theme's dot (the densest spot of its papers), beside the label;
   * or the dense spot of an area's papers that its label covers.
   */
  ax: number;
  ay: number;
  lines: string[];
  /** Font size and line step in px. */
  size: number;
  lineStep: number;
}

export interface MapLabelLayout {
  /** Screen position of every theme's anchor (its dot), in input order. */
  anchors: [number, number][];
  /** Whether each theme's dot is drawn (not under an area label), in input order. */
  dots: boolean[];
  /** Placed theme labels (`id` = index into the themes). */
  themes: MapLabel[];
  /** Placed area labels (`id` = index into the areas); none when zoomed in. */
  areas: MapLabel[];
}

/** The box a theme label's form takes: its widest line plus padding, a line step per further line. */
function themeBox(lines: string[]): { width: number; height: number } {
  return { width: Math.max(...lines.map(themeLineWidth)) + THEME_BOX.padX, height: THEME_BOX.height + (lines.length - 1) * THEME_LINE_STEP };
}

/**
 * Area labels by size, largest first: each takes the first form, then the first of its dense spots,
 * then the first box — centred on the spot, then shifted round it, moved inside the view when it
 * sticks out — that still covers the spot and is clear of the area labels already placed. An area
 * with no room is left out (zooming in frees room).
 */
function placeAreas(areas: LabelSubject[], base: BaseFrame, zoom: ZoomLike, bounds: Box): MapLabel[] {
  const size = areaFontSize(bounds.width);
  const step = Math.round(size * AREA_LINE_EM);
  const order = areas.map((a, i) => ({ a, i })).sort((p, q) => q.a.size - p.a.size || p.i - q.i);
  const placed: MapLabel[] = [];
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  for (const { a, i } of order) {
    const spots = (a.spots ?? [[a.gx, a.gy]]).map(([gx, gy]) => toScreen(base, zoom, gx, gy));
    found: for (const [form, lines] of areaFormsFor(a.label, bounds.width).entries()) {
      const width = Math.max(...lines.map((l) => areaLineWidth(l, size))) + AREA_BOX.padX;
      const height = Math.round(size * AREA_BOX.heightEm) + (lines.length - 1) * step;
      const shifts = [[0, 0], [0, -height / 3], [0, height / 3], [-width / 4, 0], [width / 4, 0]];
      for (const [x, y] of spots) {
        for (const [dx, dy] of shifts) {
          const cx = clamp(x + dx, bounds.left + width / 2, bounds.left + bounds.width - width / 2);
          const cy = clamp(y + dy, bounds.top + height / 2, bounds.top + bounds.height - height / 2);
          // The spot stays under the text (not under its padding).
          if (Math.abs(cx - x) > width / 2 - AREA_BOX.padX || Math.abs(cy - y) > height / 2 - 2) continue;
          const box = boxAt(cx, cy, width, height);
          if (!isFree(box, bounds, placed, AREA_BOX.gap)) continue;
          placed.push({ id: i, ...box, cx, cy, form, ax: x, ay: y, lines, size, lineStep: step });
          break found;
        }
      }
    }
  }
  return placed;
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
  // Each theme's forms (whole name first), measured once per view; placement takes the first with room.
  const forms = themes.map((t) => themeLabelForms(t.label, width));
  // Its forms that name it as this view names a theme in full (on a phone, by its first phrase).
  const full = themes.map((t, i) => forms[i].filter((f) => namesInFull(f, t.label, width)));
  const place = (use: string[][][], keep: (i: number) => boolean, obstacles: Box[]): MapLabel[] => {
    const requests = themes.map((_, i) => i).filter((i) => keep(i) && use[i].length > 0).map((i) => {
      const [own, ...alternatives] = use[i].map(themeBox);
      return { id: i, x: anchors[i][0], y: anchors[i][1], ...own, alternatives, priority: themes[i].size };
    });
    return placeLabels(requests, bounds, THEME_BOX.gap, obstacles, 0).map((p) => ({
      ...p, ax: anchors[p.id][0], ay: anchors[p.id][1], lines: use[p.id][p.form], size: THEME_FONT.size, lineStep: THEME_LINE_STEP
    }));
  };
  const allDots = themes.map(() => true);
  const themesAlone = () => ({ anchors, dots: allDots, themes: place(forms, () => true, dots), areas: [] });
  if (areas.length === 0 || zoom.k >= AREA_ZOOM) return themesAlone();
  // Zoomed out, the themes stand alone only when every one is named in full; else the areas are named.
  const whole = place(full, () => true, dots);
  if (whole.length === themes.length) return { anchors, dots: allDots, themes: whole, areas: [] };
  const placedAreas = placeAreas(areas, base, zoom, bounds);
  if (placedAreas.length === 0) return themesAlone();
  // A dot under an area label is not drawn, and its theme is not labelled in this view.
  const shown = dots.map((d) => !placedAreas.some((a) => boxesOverlap(a, d)));
  const g = THEME_BOX.gap;
  const obstacles = [...dots.filter((_, i) => shown[i]), ...placedAreas.map((a) => ({ left: a.left - g, top: a.top - g, width: a.width + 2 * g, height: a.height + 2 * g }))];
  return { anchors, dots: shown, themes: place(forms, (i) => shown[i], obstacles), areas: placedAreas };
}

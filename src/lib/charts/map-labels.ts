// Owns which labels the topic map shows in a view (zoom and pan), and where: every label stands at
// a dense spot of its own papers (map-anchors.ts). Zoomed out (below AREA_ZOOM) with more themes
// than room, the areas are named first, largest first, each label covering one of its area's dense
// spots in the first form that finds room (the whole name on one line, then on two, then its first
// phrase; on a phone the first phrase first, in a smaller font), hiding the theme dots under it;
// theme labels take the room left. Zoomed in, every theme competes alone, its label beside its dot
// (on a phone, its first phrase only). Widths come from text-width.ts, so the server's first paint,
// the browser and the tests place the same labels.
import { truncate } from './axis.js';
import { boxAt, boxesOverlap, isFree, placeLabels, type Box, type PlacedLabel } from './label-placement.js';
import type { LabelSubject } from './map-anchors.js';
import { formatCount } from './periods.js';
import { textWidth } from './text-width.js';
import { toScreen, type BaseFrame, type ZoomLike } from './map-view.js';

export type { LabelSubject } from './map-anchors.js';

/** Zoomed in past this, themes have the room: area labels give way to them. */
export const AREA_ZOOM = 2;
/** Theme labels are cut to this many characters (the legend and the tooltip give the whole name). */
export const LABEL_CHARS = 30;
export const THEME_FONT = { size: 12, weight: 600, halo: 3.5 } as const;
export const AREA_FONT = { size: 13, narrowSize: 11, weight: 700, halo: 4, spacing: 0.04 } as const;
/** Views narrower than this (the map on a phone) draw area labels at AREA_FONT.narrowSize. */
export const NARROW_VIEW = 560;
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

/**
 * A theme label's text in a view this wide: cut to LABEL_CHARS; on a phone only its first phrase (the
 * text before the first comma), so more themes find room (the legend and the tooltip give the name).
 */
export function themeLabelText(label: string, viewWidth = Infinity): string {
  return truncate(viewWidth < NARROW_VIEW ? label.split(', ')[0] : label, LABEL_CHARS);
}

export function areaLabelText(label: string): string {
  return label.toUpperCase();
}

/** A theme label's hover title: its whole name (the drawn one may be cut) and its papers. */
export function themeLabelTitle(theme: Pick<LabelSubject, 'label' | 'size'>): string {
  return `${theme.label} — ${formatCount(theme.size)} papers`;
}

/** An area label's hover title: its name, its papers, and that its themes are named zoomed in. */
export function areaLabelTitle(area: Pick<LabelSubject, 'label' | 'size'>): string {
  return `Area: ${area.label} — ${formatCount(area.size)} papers (zoom in for its themes)`;
}

/** Drawn width of a theme label (semi-bold: DejaVu Sans Bold on Debian, so the bold widths). */
export function themeLabelWidth(label: string, viewWidth = Infinity): number {
  return textWidth(themeLabelText(label, viewWidth), THEME_FONT.size, true);
}

/** Drawn width of one line of an area label (already in capitals) at `size` px, letter-spacing included. */
function areaLineWidth(text: string, size: number = AREA_FONT.size): number {
  return textWidth(text, size, true) + [...text].length * AREA_FONT.spacing * size;
}

/** Drawn width of an area label on one line, letter-spacing included. */
export function areaLabelWidth(label: string): number {
  return areaLineWidth(areaLabelText(label));
}

/** `words` (joined by `sep`) cut into two lines of the most even widths; one line for a single word. */
function twoLines(words: string[], sep: string, trail: string): string[] {
  if (words.length < 2) return [words.join(sep)];
  let best: string[] = [];
  let widest = Infinity;
  for (let j = 1; j < words.length; j++) {
    const lines = [words.slice(0, j).join(sep) + trail, words.slice(j).join(sep)];
    const w = Math.max(...lines.map((l) => areaLineWidth(l)));
    if (w < widest) [best, widest] = [lines, w];
  }
  return best;
}

/**
 * The forms an area label may take, most complete first: its name on one line; on two lines, cut
 * after a comma (else between words); its first phrase (the text before the first comma) on one
 * line, then on two. The link's title always gives the whole name.
 */
export function areaLabelForms(label: string): string[][] {
  const text = areaLabelText(label);
  const phrases = text.split(', ');
  const first = phrases[0];
  const forms = [
    [text],
    phrases.length > 1 ? twoLines(phrases, ', ', ',') : twoLines(text.split(' '), ' ', ''),
    [first],
    twoLines(first.split(' '), ' ', '')
  ];
  const seen = new Set<string>();
  return forms.filter((f) => !seen.has(f.join('\n')) && seen.add(f.join('\n')));
}

/**
 * The forms tried in a view this wide: all of areaLabelForms in order, except on a phone, where the
 * first phrase comes first — a whole name there would cover much of the small map (the legend below
 * it gives the names whole) — and the whole name only when the phrase finds no room.
 */
export function areaFormsFor(label: string, viewWidth: number): string[][] {
  const forms = areaLabelForms(label);
  if (viewWidth >= NARROW_VIEW) return forms;
  const isWhole = (f: string[]) => f.join(' ') === areaLabelText(label);
  return [...forms.filter((f) => !isWhole(f)), ...forms.filter(isWhole)];
}

/** Area label font size in a view this wide: smaller on phones, where the map is a few hundred px. */
export function areaFontSize(viewWidth: number): number {
  return viewWidth < NARROW_VIEW ? AREA_FONT.narrowSize : AREA_FONT.size;
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
    found: for (const lines of areaFormsFor(a.label, bounds.width)) {
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
          placed.push({ id: i, ...box, cx, cy, ax: x, ay: y, lines, size, lineStep: step });
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
  const request = (i: number) => ({
    id: i, x: anchors[i][0], y: anchors[i][1], width: themeLabelWidth(themes[i].label, width) + THEME_BOX.padX, height: THEME_BOX.height, priority: themes[i].size
  });
  const themeLabel = (p: PlacedLabel): MapLabel => ({
    ...p, ax: anchors[p.id][0], ay: anchors[p.id][1], lines: [themeLabelText(themes[p.id].label, width)], size: THEME_FONT.size, lineStep: 0
  });
  const alone = placeLabels(themes.map((_, i) => request(i)), bounds, THEME_BOX.gap, dots, 0);
  const allDots = themes.map(() => true);
  if (areas.length === 0 || zoom.k >= AREA_ZOOM || alone.length === themes.length) return { anchors, dots: allDots, themes: alone.map(themeLabel), areas: [] };
  const placedAreas = placeAreas(areas, base, zoom, bounds);
  if (placedAreas.length === 0) return { anchors, dots: allDots, themes: alone.map(themeLabel), areas: [] };
  // A dot under an area label is not drawn, and its theme is not labelled in this view.
  const shown = dots.map((d) => !placedAreas.some((a) => boxesOverlap(a, d)));
  const requests = themes.map((_, i) => request(i)).filter((r) => shown[r.id]);
  const g = THEME_BOX.gap;
  const obstacles = [...dots.filter((_, i) => shown[i]), ...placedAreas.map((a) => ({ left: a.left - g, top: a.top - g, width: a.width + 2 * g, height: a.height + 2 * g }))];
  return { anchors, dots: shown, themes: placeLabels(requests, bounds, g, obstacles, 0).map(themeLabel), areas: placedAreas };
}

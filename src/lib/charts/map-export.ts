// Owns the topic map's standalone export of the current view: title and note; the map clipped to its
// frame — the density contours (vector, as drawn under the points), the painted canvas as an embedded
// PNG image, the theme dots and the labels placed on screen (area names zoomed out, theme names zoomed
// in: vector, copied from the overlay) — and a legend column: each area in its family's colour with
// its themes' colours under it (map-legend.ts order).
import { formatCount } from './periods.js';
import { fitText, textWidth, wrapText } from './text-width.js';
import { areaLabelText } from './map-label-text.js';

const NS = 'http://www.w3.org/2000/svg';
/** The legend column's width: at least this, wider (up to LEGEND_MAX) so no area or theme name is cut. */
const LEGEND_WIDTH = 360;
const LEGEND_MAX = 520;
const ROW = 16;
const ROW_FONT = 11;
const TOP = 56;

export interface MapLegendRow {
  /** An area heading, or a theme under it. */
  kind: 'area' | 'theme';
  colour: string;
  label: string;
  size: number;
}

export interface MapExportInput {
  title: string;
  note: string;
  canvas: HTMLCanvasElement;
  /** CSS size of the map area. */
  width: number;
  height: number;
  /** The density layer's group (contour paths under one zoom transform), in map-area pixels. */
  density: SVGGElement | null;
  /** The overlay group holding the theme dots and the placed labels, in map-area pixels. */
  labels: SVGGElement | null;
  legend: MapLegendRow[];
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A copy of an on-screen layer with its links unwrapped (a saved picture has no pages to open). */
function copyLayer(layer: SVGGElement): SVGGElement {
  const copy = layer.cloneNode(true) as SVGGElement;
  for (const link of copy.querySelectorAll('a')) link.replaceWith(...link.childNodes);
  return copy;
}

export function composeMapSvg(input: MapExportInput): SVGSVGElement {
  const grouped = input.legend.some((r) => r.kind === 'area');
  const rowWidth = (item: MapExportInput['legend'][number]) => {
    const area = item.kind === 'area';
    return 16 + (area || !grouped ? 0 : 12) + textWidth(`${area ? areaLabelText(item.label) : item.label} (${formatCount(item.size)})`, ROW_FONT, area);
  };
  const legendWidth = Math.ceil(Math.min(LEGEND_MAX, Math.max(LEGEND_WIDTH, ...input.legend.map(rowWidth))));
  const width = input.width + legendWidth + 16;
  // The note (zoom, dates, search in force) wraps to the picture's width: none of it is cut.
  const noteLines = wrapText(input.note, width, 11);
  const top = TOP + 14 * Math.max(0, noteLines.length - 1);
  const height = Math.max(top + input.height + 8, top + 24 + input.legend.length * ROW);
  const svg = el('svg', {
    xmlns: NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
  });
  svg.append(el('rect', { width: '100%', height: '100%', fill: '#ffffff' }));
  svg.append(el('text', { x: 0, y: 20, 'font-size': 15, 'font-weight': 700, fill: '#111' }, input.title));
  noteLines.forEach((line, i) => svg.append(el('text', { x: 0, y: 40 + 14 * i, 'font-size': 11, fill: '#444' }, line)));
  const clip = el('clipPath', { id: 'map-frame' });
  clip.append(el('rect', { width: input.width, height: input.height }));
  const defs = el('defs', {});
  defs.append(clip);
  svg.append(defs);
  const frame = el('g', { transform: `translate(0, ${top})` });
  const map = el('g', { 'clip-path': 'url(#map-frame)', class: 'map' });
  if (input.density) map.append(copyLayer(input.density));
  map.append(el('image', { href: input.canvas.toDataURL('image/png'), width: input.width, height: input.height }));
  if (input.labels) map.append(copyLayer(input.labels));
  frame.append(map, el('rect', { width: input.width, height: input.height, fill: 'none', stroke: '#ccc' }));
  svg.append(frame);
  const legend = el('g', { transform: `translate(${input.width + 16}, ${top})`, class: 'legend' });
  legend.append(el('text', { y: 10, 'font-size': 12, 'font-weight': 600, fill: '#222' }, grouped ? 'Areas and themes (papers)' : 'Themes (papers)'));
  input.legend.forEach((item, i) => {
    const area = item.kind === 'area';
    const row = el('g', { transform: `translate(${area || !grouped ? 0 : 12}, ${20 + i * ROW})` });
    row.append(area ? el('circle', { cx: 5, cy: 5, r: 5, fill: item.colour }) : el('rect', { width: 10, height: 10, fill: item.colour }));
    // Cut to the column's width (what is left after the swatch, the indent and the count).
    const count = ` (${formatCount(item.size)})`;
    const room = legendWidth - 16 - (area || !grouped ? 0 : 12) - textWidth(count, ROW_FONT, area);
    const text = fitText(area ? areaLabelText(item.label) : item.label, room, ROW_FONT, area);
    row.append(el('text', { x: 16, y: 9, 'font-size': ROW_FONT, 'font-weight': area ? 700 : 400, fill: area ? '#374151' : '#222' }, text + count));
    legend.append(row);
  });
  svg.append(legend);
  return svg;
}

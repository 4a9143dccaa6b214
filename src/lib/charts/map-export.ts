// Owns the topic map's standalone export: title and note, the painted canvas as an embedded PNG
// image, the placed theme labels (vector) on top, and a legend column naming every theme's colour.
import { truncate } from './axis.js';

const NS = 'http://www.w3.org/2000/svg';
const LEGEND_WIDTH = 300;
const ROW = 16;
const TOP = 56;

export interface MapExportInput {
  title: string;
  note: string;
  canvas: HTMLCanvasElement;
  /** CSS size of the map area. */
  width: number;
  height: number;
  /** The overlay group holding the placed labels, in map-area pixels. */
  labels: SVGGElement | null;
  legend: { colour: string; label: string; size: number }[];
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function composeMapSvg(input: MapExportInput): SVGSVGElement {
  const width = input.width + LEGEND_WIDTH + 16;
  const height = Math.max(TOP + input.height + 8, TOP + 24 + input.legend.length * ROW);
  const svg = el('svg', {
    xmlns: NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
  });
  svg.append(el('rect', { width: '100%', height: '100%', fill: '#ffffff' }));
  svg.append(el('text', { x: 0, y: 20, 'font-size': 15, 'font-weight': 700, fill: '#111' }, input.title));
  svg.append(el('text', { x: 0, y: 40, 'font-size': 11, fill: '#444' }, input.note));
  const map = el('g', { transform: `translate(0, ${TOP})` });
  map.append(el('rect', { width: input.width, height: input.height, fill: 'none', stroke: '#ccc' }));
  map.append(
    el('image', { href: input.canvas.toDataURL('image/png'), width: input.width, height: input.height })
  );
  if (input.labels) map.append(input.labels.cloneNode(true));
  svg.append(map);
  const legend = el('g', { transform: `translate(${input.width + 16}, ${TOP})` });
  legend.append(el('text', { y: 10, 'font-size': 12, 'font-weight': 600, fill: '#222' }, 'Themes (papers)'));
  input.legend.forEach((item, i) => {
    const row = el('g', { transform: `translate(0, ${20 + i * ROW})` });
    row.append(el('rect', { width: 10, height: 10, fill: item.colour }));
    row.append(
      el('text', { x: 16, y: 9, 'font-size': 11, fill: '#222' }, `${truncate(item.label, 38)} (${item.size})`)
    );
    legend.append(row);
  });
  svg.append(legend);
  return svg;
}

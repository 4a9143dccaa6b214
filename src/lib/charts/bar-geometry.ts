// Owns the horizontal bar layout (one bar per keyword, longest weight = full width): bar lengths,
// rows, and x-axis ticks. Values must be ≥ 0; the scale starts at 0 so lengths compare honestly.
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { labelTicks } from './axis.js';
import { textWidth } from './text-width.js';
import type { Tick } from './stack-geometry.js';

export interface BarItem {
  label: string;
  value: number;
}

export interface Bar extends BarItem {
  y: number;
  length: number;
}

export interface BarGeometry {
  bars: Bar[];
  ticks: Tick[];
}

/** Axis tick labels are 11 px; neighbours keep at least this many px between them. */
const TICK_FONT = 11;
const TICK_GAP = 10;

export function layoutBars(items: BarItem[], width: number, rowHeight: number): BarGeometry {
  const max = Math.max(0, ...items.map((d) => d.value));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([0, width])
    .nice();
  return {
    bars: items.map((d, i) => ({ ...d, y: i * rowHeight, length: x(Math.max(0, d.value)) })),
    ticks: fittingTicks(x, width)
  };
}

/**
 * The most ticks (asking d3 for 5, then fewer) whose labels fit side by side: centred labels of
 * widths a and b, d px apart, need d >= (a + b) / 2 + TICK_GAP. ("0.000 … 0.014" is 8 labels.)
 */
function fittingTicks(x: ScaleLinear<number, number>, width: number): Tick[] {
  for (let count = 5; ; count--) {
    const values = x.ticks(count);
    const labels = labelTicks(values, 'number');
    const widths = labels.map((l) => textWidth(l, TICK_FONT));
    const fits = values.every((v, i) => i === 0 || x(v) - x(values[i - 1]) >= (widths[i] + widths[i - 1]) / 2 + TICK_GAP);
    if (fits || count <= 1 || width <= 0) return values.map((v, i) => ({ at: x(v), label: labels[i] }));
  }
}

/** A weight printed with 3 significant digits (c-TF-IDF weights are small decimals). */
export const formatWeight = format('.3r');

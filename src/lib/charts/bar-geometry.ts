// Owns the horizontal bar layout (one bar per keyword, longest weight = full width): bar lengths,
// rows, and x-axis ticks. Values must be ≥ 0; the scale starts at 0 so lengths compare honestly.
import { scaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { labelTicks } from './axis.js';
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

export function layoutBars(items: BarItem[], width: number, rowHeight: number): BarGeometry {
  const max = Math.max(0, ...items.map((d) => d.value));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([0, width])
    .nice();
  const values = x.ticks(5);
  const labels = labelTicks(values, 'number');
  return {
    bars: items.map((d, i) => ({ ...d, y: i * rowHeight, length: x(Math.max(0, d.value)) })),
    ticks: values.map((v, i) => ({ at: x(v), label: labels[i] }))
  };
}

/** A weight printed with 3 significant digits (c-TF-IDF weights are small decimals). */
export const formatWeight = format('.3~r');

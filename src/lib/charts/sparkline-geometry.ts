// Owns the word-sized trend line: a path through the values scaled to the box (0 at the bottom),
// plus the position of the last point. An empty or all-zero series is a flat line at the bottom.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export interface SparklineGeometry {
  d: string;
  /** x of each value's point. */
  xs: number[];
  last: { x: number; y: number } | null;
}

export function layoutSparkline(values: number[], width: number, height: number, pad = 2): SparklineGeometry {
  if (values.length === 0) return { d: '', xs: [], last: null };
  const max = Math.max(...values);
  const x = scaleLinear()
    .domain([0, Math.max(1, values.length - 1)])
    .range([pad, width - pad]);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([height - pad, pad]);
  const points = values.map((v, i) => [x(i), y(v)] as [number, number]);
  if (points.length === 1) points.push([width - pad, points[0][1]]);
  const d = line()(points) ?? '';
  const [lx, ly] = points[points.length - 1];
  return { d, xs: values.map((_, i) => x(i)), last: { x: lx, y: ly } };
}

// Owns the geometry of one theme's trend: two panels on a shared band x scale — its share of all
// papers per period (line, top) and its paper count per period (bars, bottom) — plus partial spans.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Granularity } from '../../../pipeline/types.js';
import { formatPeriod, thinLabels } from './periods.js';
import { labelTicks } from './axis.js';
import type { Tick } from './stack-geometry.js';

export interface TrendInput {
  periods: string[];
  papers: number[];
  share: number[];
  partial: boolean[];
}

export interface TrendGeometry {
  centres: number[];
  bandWidth: number;
  /** The share line between complete periods; segments touching a partial period are in `partialPath`. */
  sharePath: string;
  partialPath: string;
  sharePoints: { x: number; y: number }[];
  shareTicks: Tick[];
  bars: { x: number; y: number; width: number; height: number }[];
  papersTicks: Tick[];
  xTicks: Tick[];
  partialSpans: { x0: number; x1: number; period: string }[];
}

export function layoutTrend(
  input: TrendInput,
  granularity: Granularity,
  width: number,
  shareHeight: number,
  papersHeight: number
): TrendGeometry {
  const x = scaleBand<number>()
    .domain(input.periods.map((_, i) => i))
    .range([0, width])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const centres = input.periods.map((_, i) => x(i)! + x.bandwidth() / 2);
  // nice(4) matches ticks(4), so the top of each panel is a labelled tick and no point sits above it.
  const yShare = scaleLinear()
    .domain([0, Math.max(0.01, ...input.share)])
    .range([shareHeight, 0])
    .nice(4);
  const yPapers = scaleLinear()
    .domain([0, Math.max(1, ...input.papers)])
    .range([papersHeight, 0])
    .nice(4);
  const shareValues = yShare.ticks(4);
  // Percent labels with as many decimals as the tick step needs (0.5% steps print "0.5%", not "1%").
  const shareLabels = labelTicks(shareValues, 'share');
  const papersValues = yPapers.ticks(4).filter(Number.isInteger);
  const papersLabels = labelTicks(papersValues, 'papers');
  const sharePoints = input.share.map((s, i) => ({ x: centres[i], y: yShare(s) }));
  const step = x.step();
  return {
    centres,
    bandWidth: x.bandwidth(),
    ...splitSharePath(sharePoints, input.partial),
    sharePoints,
    shareTicks: shareValues.map((v, i) => ({ at: yShare(v), label: shareLabels[i] })),
    bars: input.papers.map((n, i) => ({ x: x(i)!, y: yPapers(n), width: x.bandwidth(), height: papersHeight - yPapers(n) })),
    papersTicks: papersValues.map((v, i) => ({ at: yPapers(v), label: papersLabels[i] })),
    xTicks: thinLabels(input.periods.length, width, 64).map((i) => ({
      at: centres[i],
      label: formatPeriod(input.periods[i], granularity)
    })),
    partialSpans: input.periods.flatMap((period, i) =>
      input.partial[i] ? [{ period, x0: centres[i] - step / 2, x1: centres[i] + step / 2 }] : []
    )
  };
}

/** Solid segments join two complete periods; a segment with a partial end is drawn apart (dashed). */
function splitSharePath(points: { x: number; y: number }[], partial: boolean[]): { sharePath: string; partialPath: string } {
  const solid: string[] = [];
  const dashed: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const segment = `M${points[i - 1].x},${points[i - 1].y}L${points[i].x},${points[i].y}`;
    (partial[i - 1] || partial[i] ? dashed : solid).push(segment);
  }
  return { sharePath: solid.join(''), partialPath: dashed.join('') };
}

// Owns the pixel geometry of the stacked area: x per period, y scale, one SVG path per series,
// axis ticks, and the x-span of each partial period (drawn hatched). Pure: numbers in, strings out.
import { scaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import type { Granularity } from '../../../pipeline/types.js';
import { formatPeriod, thinLabels } from './periods.js';
import type { Measure, StackLayout } from './stack-layout.js';
import { labelTicks } from './axis.js';

export interface Tick {
  /** Pixel position along the axis (x for x-ticks, y for y-ticks), inside the plot area. */
  at: number;
  label: string;
}

export interface StackPath {
  key: string;
  themeId: number | null;
  label: string;
  colour: string;
  d: string;
}

export interface StackGeometry {
  /** x of each period's point inside the plot area. */
  xs: number[];
  paths: StackPath[];
  xTicks: Tick[];
  yTicks: Tick[];
  partialSpans: { x0: number; x1: number; period: string }[];
  /** Pixel y of a value. */
  y: (value: number) => number;
  /** The value at pixel y (the inverse of `y`). */
  valueAt: (px: number) => number;
}

/** Approximate width of a month label ("Sep 2025") at 11px, used to thin x labels. */
const X_LABEL_WIDTH = 64;

/** Points sit at i · width / (n − 1); a single period spans the whole width (drawn as a flat band). */
export function periodPositions(n: number, width: number): number[] {
  if (n === 1) return [width / 2];
  return Array.from({ length: n }, (_, i) => (i * width) / (n - 1));
}

export function layoutStackGeometry(
  layout: StackLayout,
  granularity: Granularity,
  measure: Measure,
  width: number,
  height: number
): StackGeometry {
  const n = layout.periods.length;
  const xs = periodPositions(n, width);
  // A stack of every paper spans 0..100%; a part of them (one area's themes, no Other band) and
  // counts end at a nice number above the tallest stack.
  const whole = measure === 'share' && layout.max > 0.999;
  const top = whole ? 1 : Math.max(measure === 'share' ? 0.01 : 1, layout.max);
  const y = scaleLinear().domain([0, top]).range([height, 0]).nice();
  // A single period is drawn from the left edge to the right edge so it is visible as a band.
  const drawXs = n === 1 ? [0, width] : xs;
  const paths = layout.series.map((s) => {
    const bands = n === 1 ? [s.bands[0], s.bands[0]] : s.bands;
    const generator = area<[number, number]>()
      .x((_, i) => drawXs[i])
      .y0((b) => y(b[0]))
      .y1((b) => y(b[1]));
    return { key: s.key, themeId: s.themeId, label: s.label, colour: s.colour, d: generator(bands) ?? '' };
  });
  // A partial period hatches both segments that touch its point (from the previous period's point to
  // the next one's), so a fall or rise into it is drawn inside the hatched area, never outside it.
  const partialSpans = layout.periods.flatMap((period, i) =>
    layout.partial[i] ? [{ period, x0: n === 1 ? 0 : xs[Math.max(0, i - 1)], x1: n === 1 ? width : xs[Math.min(n - 1, i + 1)] }] : []
  );
  const xTicks = thinLabels(n, width, X_LABEL_WIDTH).map((i) => ({ at: xs[i], label: formatPeriod(layout.periods[i], granularity) }));
  const yValues = y.ticks(5).filter((v) => measure === 'share' || Number.isInteger(v));
  const yLabels = labelTicks(yValues, measure);
  const yTicks = yValues.map((v, i) => ({ at: y(v), label: yLabels[i] }));
  return { xs, paths, xTicks, yTicks, partialSpans, y, valueAt: (px) => y.invert(px) };
}

/** Index of the period whose point is nearest to pixel `px` (plot-area coordinates). */
export function nearestPeriod(xs: number[], px: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - px) < Math.abs(xs[best] - px)) best = i;
  return best;
}

/** The series whose band holds `value` at period `index` (bottom band wins a shared edge), or null above the stack. */
export function seriesAt(layout: StackLayout, index: number, value: number): StackLayout['series'][number] | null {
  for (const s of layout.series) {
    const [y0, y1] = s.bands[index] ?? [0, 0];
    if (y1 > y0 && value >= y0 && value <= y1) return s;
  }
  return null;
}

/** A series' name written inside its band (bandLabels). */
export interface BandLabel {
  key: string;
  text: string;
  /** Centre of the text, plot-area pixels. */
  x: number;
  y: number;
}

/** Height a band label takes (11 px text and a little air above and below). */
export const BAND_LABEL_HEIGHT = 14;

/**
 * Each series' name inside its band, where the band holds it: centred at a complete period, the
 * thickest where it fits, whole or else its first phrase (before the first comma), and only where the band
 * holds the text's box at every period point under it and the one beyond each end (band edges are
 * straight between points, so the box is then inside the band all along). Labels so placed never
 * overlap one another, and a reader tells the bands of one area's shades apart by their names, not by
 * colour alone (WCAG 1.4.1). `measure` gives a text's width in pixels at 11 px. `avoid`: x ranges
 * (plot pixels) a label must not cross — the hatched partial periods, the coverage marks' lines.
 */
export function bandLabels(layout: StackLayout, geometry: Pick<StackGeometry, 'xs' | 'y'>, width: number,
  measure: (text: string) => number, avoid: readonly (readonly [number, number])[] = []): BandLabel[] {
  const { xs, y } = geometry;
  const n = xs.length;
  if (n < 2) return [];
  const out: BandLabel[] = [];
  for (const s of layout.series) {
    const edges = s.bands.map(([b0, b1]) => [y(b1), y(b0)] as const); // [top, bottom] in pixels
    const thickness = (i: number) => edges[i][1] - edges[i][0];
    // Complete periods, thickest first: the first where a text fits is the label's place.
    const centres = [...xs.keys()].filter((i) => !layout.partial[i] && thickness(i) >= BAND_LABEL_HEIGHT + 2)
      .sort((a, b) => thickness(b) - thickness(a) || a - b);
    const comma = s.label.indexOf(',');
    const texts = comma > 0 ? [s.label, s.label.slice(0, comma)] : [s.label];
    const place = (text: string): BandLabel | null => {
      const half = measure(text) / 2 + 3;
      for (const i of centres) {
        const cy = (edges[i][0] + edges[i][1]) / 2;
        const [top, bottom] = [cy - BAND_LABEL_HEIGHT / 2, cy + BAND_LABEL_HEIGHT / 2];
        const x = Math.min(Math.max(xs[i], half), width - half);
        // The points under the text and the one beyond each end.
        let first = 0;
        while (first + 1 < n && xs[first + 1] <= x - half) first++;
        let last = n - 1;
        while (last - 1 >= 0 && xs[last - 1] >= x + half) last--;
        let fits = avoid.every(([a0, a1]) => x + half <= a0 || x - half >= a1);
        for (let j = first; j <= last && fits; j++) fits = edges[j][0] <= top && edges[j][1] >= bottom;
        if (fits) return { key: s.key, text, x, y: cy };
      }
      return null;
    };
    for (const text of texts) {
      const label = place(text);
      if (label !== null) {
        out.push(label);
        break;
      }
    }
  }
  return out;
}

// Owns the topic map's density shading: kernel-density contours of the shown points, and each area's
// territory (where its papers lead that density), computed once per data and date filter in grid
// units, so zoom and pan only move one SVG transform. The density
// grid is d3-contour's contourDensity, step for step (bilinear splat, blur2, marching squares), with
// the splat as one typed loop over the columns: d3's accessor calls over an index array took ~190 ms
// for a million points, this ~15 ms.
import { blur2, max as maxOf } from 'd3-array';
import { contours } from 'd3-contour';
import { geoPath } from 'd3-geo';

/** Grid units per density cell edge: the 0..65535 grid becomes a 512 × 512 density raster. */
export const DENSITY_SCALE = 128;
const SIZE = 512;
/** Kernel bandwidth in raster cells (~2.3% of the map's width) and number of shaded levels. */
const BANDWIDTH = 12;
const LEVELS = 6;

export interface DensityBand {
  /** SVG path in raster units (multiply by DENSITY_SCALE for grid units). */
  d: string;
  /** 0 = the sparsest band shown … 1 = the densest. */
  level: number;
}

/** contourDensity's grid for size SIZE, cellSize 4 (2^K), bandwidth BANDWIDTH: its blur radius R, pad O, width N. */
const K = 2;
const R = (Math.sqrt(4 * BANDWIDTH * BANDWIDTH + 1) - 1) / 2;
const O = R * 3;
const N = (SIZE + O * 2) >> K;

/** Adds one point (grid units) bilinearly to an N × N grid (raster units / 2^K, offset by O), as contourDensity's grid(). */
function splat(values: Float32Array, x: number, y: number): void {
  const pow2k = Math.pow(2, -K);
  const xi = (x / DENSITY_SCALE + O) * pow2k;
  const yi = (y / DENSITY_SCALE + O) * pow2k;
  if (xi >= 0 && xi < N && yi >= 0 && yi < N) {
    const x0 = Math.floor(xi);
    const y0 = Math.floor(yi);
    const xt = xi - x0 - 0.5;
    const yt = yi - y0 - 0.5;
    values[x0 + y0 * N] += (1 - xt) * (1 - yt);
    values[x0 + 1 + y0 * N] += xt * (1 - yt);
    values[x0 + 1 + (y0 + 1) * N] += xt * yt;
    values[x0 + (y0 + 1) * N] += (1 - xt) * yt;
  }
}

/** contourDensity's blur of a splatted grid. */
const blurred = (values: Float32Array) => blur2({ data: values, width: N, height: N }, R * Math.pow(2, -K));

/** The shown points' smoothed density, which the shading and the territories both read (computed once per data and dates). */
export interface DensityGrid {
  values: Float32Array;
  count: number;
}

/** Points splatted bilinearly onto the N × N grid and blurred, as contourDensity's grid(). */
export function densityGrid(xs: ArrayLike<number>, ys: ArrayLike<number>, keep: ((i: number) => boolean) | null): DensityGrid {
  const values = new Float32Array(N * N);
  let count = 0;
  for (let i = 0; i < xs.length; i++) {
    if (keep && !keep(i)) continue;
    count++;
    splat(values, xs[i], ys[i]);
  }
  blurred(values);
  return { values, count };
}

/** The contour of `field` (N × N) at `threshold`, as an SVG path in raster units ('' when empty), as contourDensity's transform. */
function rasterPath(field: Float32Array, threshold: number): string {
  // d3 reads the grid by index (contourDensity passes its Float32Array too); @types says number[].
  const shape = contours().size([N, N]).contour(field as unknown as number[], threshold);
  for (const polygon of shape.coordinates) for (const ring of polygon) for (const point of ring) {
    point[0] = point[0] * Math.pow(2, K) - O;
    point[1] = point[1] * Math.pow(2, K) - O;
  }
  return geoPath()(shape) ?? '';
}

/**
 * Contours at LEVELS thresholds spread evenly up to the densest cell, sparsest first (so denser
 * bands paint over them). `keep` limits the points to the date filter; `grid`, when given, is
 * densityGrid's of the same points.
 */
export function densityBands(xs: ArrayLike<number>, ys: ArrayLike<number>, keep: ((i: number) => boolean) | null,
  grid: DensityGrid = densityGrid(xs, ys, keep)): DensityBand[] {
  const { values, count } = grid;
  if (count < 3) return [];
  const max = maxOf(values) ?? 0;
  if (!(max > 0)) return [];
  return Array.from({ length: LEVELS }, (_, l) => ({ d: rasterPath(values, (max * (l + 1)) / (LEVELS + 1)), level: l / (LEVELS - 1) }))
    .filter((b) => b.d !== '');
}

/** An area's territory: where its papers lead the smoothed density, as one SVG path in raster units. */
export interface Territory {
  areaId: number;
  d: string;
}

/**
 * Share of a place's smoothed papers that its leading area must hold for the place to be the
 * area's: above a half, no two territories overlap, and where areas mix (no area holds half) the
 * map stays grey.
 */
export const TERRITORY_SHARE = 0.5;

/**
 * Each area's territory: the places where its papers are more than TERRITORY_SHARE of all the
 * shown papers' smoothed density (the shading's kernel; papers of no area count in it), among the
 * places the shading's lightest band covers. The field contoured is min(share, ½ · density / the
 * band's threshold), so a place is in exactly when both hold, and the edge runs smoothly where either
 * stops holding rather than along a cell's edge. `areaOfTheme` gives a theme's index in `areaIds`
 * (−1: no area); `density`, when given, is densityGrid's of the same points (the shading's, not made
 * again). None with fewer than two areas, or where the shading draws nothing (under 3 papers).
 */
export function territories(xs: ArrayLike<number>, ys: ArrayLike<number>, theme: ArrayLike<number>, areaOfTheme: (themeId: number) => number,
  areaIds: readonly number[], keep: ((i: number) => boolean) | null, density: DensityGrid = densityGrid(xs, ys, keep)): Territory[] {
  const nAreas = areaIds.length;
  if (nAreas < 2 || density.count < 3) return [];
  // One pass over the points, each into its area's grid (a pass per area took ~nAreas× as long).
  const grids = Array.from({ length: nAreas }, () => new Float32Array(N * N));
  for (let i = 0; i < xs.length; i++) {
    if (keep !== null && !keep(i)) continue;
    const a = areaOfTheme(theme[i]);
    if (a >= 0) splat(grids[a], xs[i], ys[i]);
  }
  for (const grid of grids) blurred(grid);
  const total = density.values;
  const max = maxOf(total) ?? 0;
  if (!(max > 0)) return [];
  // The lightest band's threshold (densityBands): below it the map shows no shading, and no territory.
  const floor = max / (LEVELS + 1);
  const field = new Float32Array(N * N);
  const out: Territory[] = [];
  for (let a = 0; a < nAreas; a++) {
    for (let c = 0; c < field.length; c++) field[c] = total[c] > 0 ? Math.min(grids[a][c] / total[c], (TERRITORY_SHARE * total[c]) / floor) : 0;
    const d = rasterPath(field, TERRITORY_SHARE);
    if (d !== '') out.push({ areaId: areaIds[a], d });
  }
  return out;
}

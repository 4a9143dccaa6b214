// Owns the topic map's density shading: kernel-density contours of the shown points, computed once
// per data and date filter in grid units, so zoom and pan only move one SVG transform. The density
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

/** Points splatted bilinearly onto the N × N grid (raster units / 2^K, offset by O) and blurred, as contourDensity's grid(). */
function densityGrid(xs: ArrayLike<number>, ys: ArrayLike<number>, keep: ((i: number) => boolean) | null): { values: Float32Array; count: number } {
  const values = new Float32Array(N * N);
  const pow2k = Math.pow(2, -K);
  let count = 0;
  for (let i = 0; i < xs.length; i++) {
    if (keep && !keep(i)) continue;
    count++;
    const xi = (xs[i] / DENSITY_SCALE + O) * pow2k;
    const yi = (ys[i] / DENSITY_SCALE + O) * pow2k;
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
  blur2({ data: values, width: N, height: N }, R * pow2k);
  return { values, count };
}

/**
 * Contours at LEVELS thresholds spread evenly up to the densest cell, sparsest first (so denser
 * bands paint over them). `keep` limits the points to the date filter.
 */
export function densityBands(xs: ArrayLike<number>, ys: ArrayLike<number>, keep: ((i: number) => boolean) | null): DensityBand[] {
  const { values, count } = densityGrid(xs, ys, keep);
  if (count < 3) return [];
  const pow4k = Math.pow(2, 2 * K);
  const max = (maxOf(values) ?? 0) / pow4k;
  if (!(max > 0)) return [];
  const grid = contours().size([N, N]);
  const path = geoPath();
  return Array.from({ length: LEVELS }, (_, l) => {
    const threshold = (max * (l + 1)) / (LEVELS + 1);
    // d3 reads the grid by index (contourDensity passes its Float32Array too); @types says number[].
    const shape = grid.contour(values as unknown as number[], threshold * pow4k);
    // Back to raster units, as contourDensity's transform.
    for (const polygon of shape.coordinates) for (const ring of polygon) for (const point of ring) {
      point[0] = point[0] * Math.pow(2, K) - O;
      point[1] = point[1] * Math.pow(2, K) - O;
    }
    return { d: path(shape) ?? '', level: l / (LEVELS - 1) };
  }).filter((b) => b.d !== '');
}

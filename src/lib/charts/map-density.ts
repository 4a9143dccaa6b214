// Owns the topic map's density shading: kernel-density contours (d3-contour) of the shown points,
// computed once per data and date filter in grid units, so zoom and pan only move one SVG transform.
import { contourDensity } from 'd3-contour';
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

/**
 * Contours at LEVELS thresholds spread evenly up to the densest cell, sparsest first (so denser
 * bands paint over them). `keep` limits the points to the date filter.
 */
export function densityBands(xs: ArrayLike<number>, ys: ArrayLike<number>, keep: ((i: number) => boolean) | null): DensityBand[] {
  const ids: number[] = [];
  for (let i = 0; i < xs.length; i++) if (!keep || keep(i)) ids.push(i);
  if (ids.length < 3) return [];
  const density = contourDensity<number>()
    .x((i) => xs[i] / DENSITY_SCALE)
    .y((i) => ys[i] / DENSITY_SCALE)
    .size([SIZE, SIZE])
    .cellSize(4)
    .bandwidth(BANDWIDTH);
  // d3-contour 4's density.contours (one density grid, contours at any threshold) is missing from
  // @types/d3-contour.
  const grid = (density as unknown as { contours(data: number[]): ((t: number) => GeoJSON.MultiPolygon) & { max: number } }).contours(ids);
  const max = grid.max;
  if (!(max > 0)) return [];
  const path = geoPath();
  return Array.from({ length: LEVELS }, (_, l) => {
    const threshold = (max * (l + 1)) / (LEVELS + 1);
    return { d: path(grid(threshold)) ?? '', level: l / (LEVELS - 1) };
  }).filter((b) => b.d !== '');
}

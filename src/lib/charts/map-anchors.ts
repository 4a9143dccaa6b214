// Owns where the topic map's labels may stand: for each group of points (a theme, an area), a coarse
// grid of its papers' counts, smoothed with the 3 × 3 box, whose peak and other dense cells are the
// label's anchors — so a label sits among its own papers even when the group spreads over two lobes
// (the mean of its positions could fall in the empty space between). Also the measure the tests
// check every drawn label with: its support, the smoothed count of its own papers at the anchor's
// cell over the group's peak. Computed once per data (grid units, zoom-independent).
import { MAP_GRID } from './map-points.js';

/** Cells per axis over the 0..MAP_GRID square (as the pipeline's theme centres: 48). */
export const ANCHOR_CELLS = 48;
/** A label stands only where the smoothed count of its papers is at least this share of their peak. */
export const MIN_SUPPORT = 0.5;
/** Anchors kept per group, densest first (the placement tries them in order). */
const MAX_SPOTS = 12;

export interface GroupDensity {
  groups: number;
  /** Smoothed counts, group-major: [g · C² + cy · C + cx], C = ANCHOR_CELLS. */
  smooth: Float32Array;
  /** Each group's highest smoothed count (0 for a group without papers). */
  peak: Float32Array;
  /**
   * Each group's anchors in grid units, densest cell first: the mean of its papers in a cell whose
   * support is ≥ MIN_SUPPORT (the cell's centre if none of its papers is in the cell itself), cells
   * at least two apart so the later ones reach other lobes. Empty for a group without papers.
   */
  spots: [number, number][][];
}

const C = ANCHOR_CELLS;
const cellOf = (v: number) => Math.min(C - 1, Math.max(0, Math.floor((v / (MAP_GRID + 1)) * C)));

/** Each group's papers per coarse cell, with their coordinate sums: [g · C² + cy · C + cx]. */
interface CellSums {
  counts: Int32Array;
  sumX: Float64Array;
  sumY: Float64Array;
}

/** Point i belongs to group groupOf[key[i]] (groupOf null: key[i] itself; out of range: none). */
function cellSums(xs: ArrayLike<number>, ys: ArrayLike<number>, key: ArrayLike<number>, groupOf: Int32Array | null, groups: number): CellSums {
  const cells = C * C;
  const counts = new Int32Array(groups * cells);
  const sumX = new Float64Array(groups * cells);
  const sumY = new Float64Array(groups * cells);
  for (let i = 0; i < xs.length; i++) {
    const k = key[i];
    const g = groupOf === null ? k : k >= 0 && k < groupOf.length ? groupOf[k] : -1;
    if (!(g >= 0 && g < groups)) continue;
    const c = g * cells + cellOf(ys[i]) * C + cellOf(xs[i]);
    counts[c]++;
    sumX[c] += xs[i];
    sumY[c] += ys[i];
  }
  return { counts, sumX, sumY };
}

/** The cell sums of `groups` parent groups, group g adding into parent[g] (−1: none), without another pass over the points. */
function mergeCells(s: CellSums, parent: ArrayLike<number>, groups: number): CellSums {
  const cells = C * C;
  const counts = new Int32Array(groups * cells);
  const sumX = new Float64Array(groups * cells);
  const sumY = new Float64Array(groups * cells);
  for (let g = 0; g < parent.length; g++) {
    const p = parent[g];
    if (!(p >= 0 && p < groups)) continue;
    for (let c = 0; c < cells; c++) {
      counts[p * cells + c] += s.counts[g * cells + c];
      sumX[p * cells + c] += s.sumX[g * cells + c];
      sumY[p * cells + c] += s.sumY[g * cells + c];
    }
  }
  return { counts, sumX, sumY };
}

/** Densities of `groups` groups; point i (x, y in grid units) belongs to group[i] (out of range: none). */
export function groupDensity(xs: ArrayLike<number>, ys: ArrayLike<number>, group: ArrayLike<number>, groups: number): GroupDensity {
  return densityOf(cellSums(xs, ys, group, null, groups), groups);
}

function densityOf({ counts, sumX, sumY }: CellSums, groups: number): GroupDensity {
  const cells = C * C;
  const smooth = new Float32Array(groups * cells);
  const peak = new Float32Array(groups);
  for (let g = 0; g < groups; g++) {
    const o = g * cells;
    for (let cy = 0; cy < C; cy++) {
      for (let cx = 0; cx < C; cx++) {
        let s = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const y = cy + dy;
          if (y < 0 || y >= C) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const x = cx + dx;
            if (x >= 0 && x < C) s += counts[o + y * C + x];
          }
        }
        smooth[o + cy * C + cx] = s;
        if (s > peak[g]) peak[g] = s;
      }
    }
  }
  const spots = Array.from({ length: groups }, (_, g) => {
    const o = g * cells;
    if (peak[g] === 0) return [];
    const dense: number[] = [];
    for (let c = 0; c < cells; c++) if (smooth[o + c] >= MIN_SUPPORT * peak[g]) dense.push(c);
    dense.sort((a, b) => smooth[o + b] - smooth[o + a] || a - b);
    const chosen: number[] = [];
    for (const c of dense) {
      if (chosen.length === MAX_SPOTS) break;
      if (chosen.some((k) => Math.abs((k % C) - (c % C)) <= 1 && Math.abs(Math.floor(k / C) - Math.floor(c / C)) <= 1)) continue;
      chosen.push(c);
    }
    const size = (MAP_GRID + 1) / C;
    return chosen.map((c): [number, number] => counts[o + c] > 0
      ? [sumX[o + c] / counts[o + c], sumY[o + c] / counts[o + c]]
      : [((c % C) + 0.5) * size, (Math.floor(c / C) + 0.5) * size]);
  });
  return { groups, smooth, peak, spots };
}

/** Support of group g at grid point (gx, gy): the smoothed count of its cell over the group's peak (0 … 1). */
export function supportAt(d: GroupDensity, g: number, gx: number, gy: number): number {
  if (!(g >= 0 && g < d.groups) || d.peak[g] === 0) return 0;
  if (!(gx >= 0 && gx <= MAP_GRID && gy >= 0 && gy <= MAP_GRID)) return 0;
  return d.smooth[g * C * C + cellOf(gy) * C + cellOf(gx)] / d.peak[g];
}

/** What a label is about, in grid units: a theme or an area (map-labels.ts places them). */
export interface LabelSubject {
  /** Where its label stands: the densest spot of its papers (spots[0] when there are points). */
  gx: number;
  gy: number;
  size: number;
  label: string;
  /** Other dense spots of its papers, densest first (spots[0] = gx, gy); an area label may stand at any. */
  spots?: [number, number][];
}

export interface AnchoredSubjects {
  themes: LabelSubject[];
  areas: LabelSubject[];
  /** Group g = themes[g], areas[g]; null without points. */
  themeDensity: GroupDensity | null;
  areaDensity: GroupDensity | null;
}

/**
 * Themes and areas anchored at the densest spots of their own papers. `themes` and `areas` come with
 * a position to fall back on (their stored centre) while there are no points, or for one with no paper.
 */
export function anchorSubjects(
  points: { x: ArrayLike<number>; y: ArrayLike<number>; theme: ArrayLike<number> } | null,
  themes: (LabelSubject & { themeId: number; areaId: number | null })[],
  areas: (LabelSubject & { areaId: number })[]
): AnchoredSubjects {
  if (!points || points.x.length === 0) return { themes, areas, themeDensity: null, areaDensity: null };
  // Theme id → theme index through a typed table (a Map lookup per point and a million-entry group
  // column took ~70 ms for a million points).
  const maxId = themes.reduce((m, t) => Math.max(m, t.themeId), -1);
  const themeIndex = new Int32Array(maxId + 1).fill(-1);
  themes.forEach((t, i) => (themeIndex[t.themeId] = i));
  const areaIndex = new Map(areas.map((a, i) => [a.areaId, i]));
  const areaOfTheme = themes.map((t) => (t.areaId === null ? -1 : areaIndex.get(t.areaId) ?? -1));
  // An area's papers are its themes' papers: its cells are the sums of theme cells.
  const themeCells = cellSums(points.x, points.y, points.theme, themeIndex, themes.length);
  const themeDensity = densityOf(themeCells, themes.length);
  const areaDensity = densityOf(mergeCells(themeCells, areaOfTheme, areas.length), areas.length);
  const anchored = <T extends LabelSubject>(s: T, d: GroupDensity, g: number): T => {
    const spots = d.spots[g];
    return spots.length ? { ...s, gx: spots[0][0], gy: spots[0][1], spots } : s;
  };
  return {
    themes: themes.map((t, i) => anchored(t, themeDensity, i)),
    areas: areas.map((a, i) => anchored(a, areaDensity, i)),
    themeDensity,
    areaDensity
  };
}

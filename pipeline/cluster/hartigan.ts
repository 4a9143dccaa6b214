// Owns the refinement after Lloyd's iterations: Hartigan's single-row moves, each of which raises the
// spherical k-means objective once a row's own pull on its centroid is counted.
import type { Clustering, CsrMatrix } from '../types.js';
import { sharedArray } from '../shared-memory.js';

/**
 * Mean self-pull (see meanSelfPull) below which the moves are not tried. Measured, seed 42: the 49 seed
 * papers at k 4..8 have 0.21..0.32; random subsets of the 4,982-paper sample (10 each, seeds 42, 1, 7)
 * went from V-measure against the primary category 0.21 → 0.35 (100 papers, k = 5), 0.17 → 0.33
 * (300, k = 8), 0.20 → 0.31 (1,000, k = 12), and the restarts' agreement (ARI) from ~0.1 to ~0.45;
 * the whole sample at k = 20 has 0.018: V unchanged, ARI 0.34 → 0.49, +0.6 s. 74,728 papers at
 * k = 40 have 0.0024: V 0.231 → 0.229, inertia −0.07%, and the stage took 95 s instead of 45 s, as
 * each pass is a sequential sweep over all rows: there Lloyd's answer stands.
 */
export const SELF_PULL_MIN = 0.01;

/** What the refinement reads of a Lloyd run. */
type ThemeMembers = Pick<Clustering, 'k' | 'assignments' | 'similarity' | 'sizes'>;

/**
 * Mean over rows of 1 / S_a(i), the share of a row's own weight in its cosine to its theme's centroid
 * (S_c = ‖Σ_{i in c} x_i‖ = Σ_{i in c} cos(x_i, c), unit rows). About k / (n · mean cosine).
 */
export function meanSelfPull(run: ThemeMembers): number {
  const mass = new Float64Array(run.k);
  run.assignments.forEach((c, i) => {
    mass[c] += run.similarity[i];
  });
  let pull = 0;
  for (let c = 0; c < run.k; c++) if (mass[c] > 0) pull += run.sizes[c] / mass[c];
  return run.assignments.length > 0 ? pull / run.assignments.length : 0;
}

/**
 * Spherical k-means maximises Σ_i cos(x_i, c(i)) = Σ_c S_c, S_c = ‖s_c‖, s_c = Σ_{i in c} x_i, with
 * centroids s_c / S_c. Moving row x from theme a to theme b changes that sum by exactly
 *   Δ = (‖s_b + x‖ − S_b) − (S_a − ‖s_a − x‖),   ‖s ± x‖² = S² ± 2 x·s + ‖x‖².
 * Lloyd's step compares x·s_a / S_a with x·s_b / S_b instead, where s_a holds x itself: its self-pull
 * 1/S_a keeps a row wherever the seeding put it, held by the terms it shares with no other member of its
 * theme. On the 49 seed papers at k 4..8, Lloyd alone put the two long-context papers together in 63%
 * of seeds and the two model-merging papers in 52%; with these moves, 99% and 74%.
 * Rows are visited in order, each making its best move (largest Δ > 0) at once, so the result is
 * deterministic; passes repeat until one gains less than `tolerance` × inertia (Lloyd's rule) or
 * `maxPasses`. A theme is never emptied. Not tried when meanSelfPull < SELF_PULL_MIN. Returns the
 * moved assignment and its term-major centroids (`centT`, the run's, for a theme whose sum is zero),
 * or null when no row moved.
 */
export function refineByHartigan(
  matrix: CsrMatrix, run: ThemeMembers, centT: Float32Array, options: { maxPasses: number; tolerance: number }
): { assignments: Int32Array; centT: Float32Array } | null {
  if (meanSelfPull(run) < SELF_PULL_MIN) return null;
  const { nRows, indptr } = matrix;
  const assignments = Int32Array.from(run.assignments);
  const themes = sumThemes(matrix, assignments, run.sizes);
  const dots = new Float64Array(run.k);
  let moves = 0;
  for (let pass = 0, improving = true; improving && pass < options.maxPasses; pass++) {
    const inertia = nRows - themes.norm2.reduce((s, x) => s + Math.sqrt(x), 0);
    let gained = 0;
    for (let i = 0; i < nRows; i++) {
      const from = assignments[i];
      if (indptr[i] === indptr[i + 1] || themes.counts[from] === 1) continue;
      const xx = dotThemes(matrix, i, themes.sums, dots);
      const { to, gain } = bestMove(themes.norm2, dots, xx, from);
      if (to === from) continue;
      moveRow(matrix, i, from, to, themes, dots, xx);
      assignments[i] = to;
      moves++;
      gained += gain;
    }
    improving = gained > 0 && gained >= options.tolerance * inertia;
  }
  return moves === 0 ? null : { assignments, centT: unitCentroids(themes.sums, run.k, centT) };
}

interface ThemeSums {
  /** s_c, term-major (nCols × k), so a row reads its k sums per term from one run of memory. */
  sums: Float64Array;
  counts: Int32Array;
  /** S_c² = ‖s_c‖², kept up to date move by move. */
  norm2: Float64Array;
}

function sumThemes(matrix: CsrMatrix, assignments: Int32Array, sizes: Int32Array): ThemeSums {
  const k = sizes.length;
  const sums = new Float64Array(matrix.nCols * k);
  const counts = Int32Array.from(sizes);
  for (let i = 0; i < matrix.nRows; i++) {
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) sums[matrix.indices[p] * k + assignments[i]] += matrix.values[p];
  }
  return { sums, counts, norm2: squaredNorms(sums, k) };
}

function squaredNorms(sums: Float64Array, k: number): Float64Array {
  const norm2 = new Float64Array(k);
  for (let q = 0; q < sums.length; q += k) for (let c = 0; c < k; c++) norm2[c] += sums[q + c] * sums[q + c];
  return norm2;
}

/** dots[c] = x_i · s_c for every theme; returns ‖x_i‖². */
function dotThemes(matrix: CsrMatrix, i: number, sums: Float64Array, dots: Float64Array): number {
  const k = dots.length;
  dots.fill(0);
  let xx = 0;
  for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
    const v = matrix.values[p];
    const base = matrix.indices[p] * k;
    xx += v * v;
    for (let c = 0; c < k; c++) dots[c] += v * sums[base + c];
  }
  return xx;
}

/** The theme with the largest Δ > 0 for a row in `from` (dots = x·s_c, xx = ‖x‖²), else `from`. */
function bestMove(norm2: Float64Array, dots: Float64Array, xx: number, from: number): { to: number; gain: number } {
  const loss = Math.sqrt(norm2[from]) - Math.sqrt(Math.max(0, norm2[from] - 2 * dots[from] + xx));
  let to = from;
  let gain = 1e-12 * Math.sqrt(norm2[from]); // below this a gain is rounding, not a move
  for (let c = 0; c < norm2.length; c++) {
    const g = c === from ? 0 : Math.sqrt(norm2[c] + 2 * dots[c] + xx) - Math.sqrt(norm2[c]) - loss;
    if (g > gain) [to, gain] = [c, g];
  }
  return { to, gain };
}

function moveRow(matrix: CsrMatrix, i: number, from: number, to: number, themes: ThemeSums, dots: Float64Array, xx: number): void {
  const k = dots.length;
  for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
    themes.sums[matrix.indices[p] * k + from] -= matrix.values[p];
    themes.sums[matrix.indices[p] * k + to] += matrix.values[p];
  }
  themes.norm2[from] += xx - 2 * dots[from];
  themes.norm2[to] += xx + 2 * dots[to];
  themes.counts[from]--;
  themes.counts[to]++;
}

/** Term-major unit centroids s_c / S_c in shared memory; a theme whose sum is zero keeps its centroid in `previous`. */
function unitCentroids(sums: Float64Array, k: number, previous: Float32Array): Float32Array {
  const norm2 = squaredNorms(sums, k); // afresh, free of the running updates' rounding
  const norm = norm2.map(Math.sqrt);
  const centT = sharedArray(Float32Array, previous.length);
  for (let q = 0; q < sums.length; q += k) {
    for (let c = 0; c < k; c++) centT[q + c] = norm[c] > 0 ? sums[q + c] / norm[c] : previous[q + c];
  }
  return centT;
}

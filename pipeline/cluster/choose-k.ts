// Owns --k auto: picks the number of themes by stability, measured as the run measures it, on a
// seeded subsample of the papers for speed.
// - Divisive start (default): the run's stability is the agreement (ARI) between the themes of the
//   papers and the themes found without some of them. For k, the subsample is cut into two halves
//   that share no paper; each half is clustered from the divisive start, every paper of the
//   subsample goes to its nearest theme of each half, and the two labellings are compared (ARI,
//   the "transfer" stability of Lange et al. 2004), mean over HALVINGS cuts. Halves, not the run's
//   90% subsample: with 90% of the papers in common, the start cuts even a round blob the same way
//   twice, so every k looked stable (it picked 4 for three clear groups); two disjoint halves cut a
//   blob by their own noise, while a split the data supports is found in both.
// - k-means++: the run's stability is the seed agreement; so here, the mean pairwise ARI of
//   SEEDS_PER_K runs with seeds seed, seed + 1, …
import type { CsrMatrix } from '../types.js';
import { InputError } from '../errors.js';
import { createAssigner } from './assigner.js';
import { adjustedRandIndex } from './ari.js';
import { checkInput, meanPairwiseAri, runDivisive, runSeeded, sliceRows, type ClusterInit } from './run-seeded.js';
import { createRandom, pickSubset } from '../prng.js';
import { transpose } from './transpose.js';
import type { Assigner } from './assigner.js';
import { fitThemes, TOP_THEMES } from '../assign/nearest-themes.js';

/** k-means++: runs per candidate k (seeds seed, seed+1, …); their mean pairwise ARI is the stability. */
export const SEEDS_PER_K = 3;
/** Divisive: cuts of the subsample into two halves per candidate k (seeds seed, seed+1, …). */
export const HALVINGS = 2;
/** Rows clustered per candidate: enough for stable themes, ~5× cheaper than 75k papers. */
export const SAMPLE_ROWS = 15_000;
/** Stabilities this close to the best count as equally stable (about the spread between seeds). */
export const STABILITY_BAND = 0.02;

export interface ChooseKOptions {
  kMin: number;
  kMax: number;
  /** The --k-range's end as given (below the papers), when kMax is it cut to papers / 10: messages name that one. */
  kMaxAsked?: number;
  kStep: number;
  seed: number;
  maxIter: number;
  tolerance: number;
  workers: number;
  /** The run's start (default 'divisive'): says which stability measure chooses. */
  init?: ClusterInit;
  /** Divisive: one key per row of `matrix`, fixed by the paper (prng.ts paperKey), as the run's. */
  keys?: Uint32Array;
  /** Rows in the subsample (default SAMPLE_ROWS); all rows when the matrix has fewer. */
  sampleRows?: number;
  /** Called after each candidate, for progress output. */
  onCandidate?: (point: KCurvePoint, done: number, total: number) => void;
}

export interface KCurvePoint {
  k: number;
  /** Divisive: mean ARI between the halves' labellings; k-means++: mean pairwise ARI of the runs. */
  stability: number;
  /** Lowest Σ(1 − cos) of those runs on the subsample (divisive: both halves' runs, summed). */
  inertia: number;
}

/**
 * Rule: among candidates whose stability is within STABILITY_BAND of the most stable one, take the
 * largest k. Stability tends to fall as k grows (k = 2 is often trivially stable), so the band keeps
 * the finest partition that is as reproducible as the best within seed-to-seed noise. (Not the
 * silhouette: on sparse text it sits near 0 for every k.)
 */
export async function chooseK(matrix: CsrMatrix, options: ChooseKOptions): Promise<{ k: number; curve: KCurvePoint[];
  /** Candidates too large for the sample (divisive: each half must hold k papers), not tried; and the sample's papers. */
  untried: number[]; sampleRows: number }> {
  const candidates: number[] = [];
  for (let k = options.kMin; k <= options.kMax; k += Math.max(1, options.kStep)) candidates.push(k);
  if (candidates.length === 0) throw new Error(`no candidate k in ${options.kMin}..${options.kMax}`);
  const { sample, rows } = sampleRowsOf(matrix, options.sampleRows ?? SAMPLE_ROWS, options.seed);
  checkInput(sample, candidates[0]);
  const divisive = (options.init ?? 'divisive') === 'divisive';
  const measure = divisive
    ? halvesStability(sample, Uint32Array.from(rows, (i) => options.keys?.[i] ?? i), options)
    : seedStability(sample, options);
  const curve: KCurvePoint[] = [];
  // Divisive: each half must hold k papers.
  const feasible = candidates.filter((c) => c <= (divisive ? Math.floor(sample.nRows / 2) : sample.nRows));
  try {
    for (const k of feasible) {
      curve.push(await measure.at(k));
      options.onCandidate?.(curve[curve.length - 1], curve.length, feasible.length);
    }
  } finally {
    await measure.close();
  }
  if (curve.length === 0) {
    const most = divisive ? Math.floor(sample.nRows / 2) : sample.nRows;
    throw new InputError(`--k auto: no k of --k-range ${options.kMin}..${options.kMaxAsked ?? options.kMax} can be measured on ${sample.nRows} papers ` +
      `(${divisive ? 'the stability check splits them in halves that must each hold k papers, ' : ''}so k is at most ${most}); ` +
      'give a smaller --k-range or a fixed --k');
  }
  return { k: pickK(curve), curve, untried: candidates.filter((c) => !feasible.includes(c)), sampleRows: sample.nRows };
}

interface StabilityMeasure {
  at(k: number): Promise<KCurvePoint>;
  close(): Promise<void>;
}

/** k-means++ seed agreement: SEEDS_PER_K runs on the sample, mean pairwise ARI. */
function seedStability(sample: CsrMatrix, options: ChooseKOptions): StabilityMeasure {
  const columns = transpose(sample);
  const assigner = createAssigner(sample, options.workers);
  return {
    async at(k) {
      const runs = [];
      for (let s = 0; s < SEEDS_PER_K; s++) runs.push(await runSeeded(sample, columns, assigner, options.seed + s, { ...options, k }));
      const stability = meanPairwiseAri(runs.map((run) => run.assignments)) ?? 1;
      return { k, stability, inertia: Math.min(...runs.map((run) => run.inertia)) };
    },
    close: () => assigner.close()
  };
}

/** One half of the sample, ready to be clustered at any k. */
interface Half {
  matrix: CsrMatrix;
  columns: CsrMatrix;
  keys: Uint32Array;
  assigner: Assigner;
}

/**
 * Divisive split-half stability: HALVINGS seeded cuts of the sample into two disjoint halves; at each
 * k, both halves are clustered from the divisive start, every sample row is labelled by its nearest
 * theme centroid of each half, and the stability is the ARI of the two labellings, mean over the cuts.
 */
function halvesStability(sample: CsrMatrix, keys: Uint32Array, options: ChooseKOptions): StabilityMeasure {
  const halvings: [Half, Half][] = [];
  for (let h = 0; h < HALVINGS; h++) {
    const inA = new Uint8Array(sample.nRows);
    for (const i of pickSubset(sample.nRows, 0.5, options.seed + h)) inA[i] = 1;
    const make = (side: number): Half => {
      const rows = Array.from({ length: sample.nRows }, (_, i) => i).filter((i) => inA[i] === side);
      const matrix = sliceRows(sample, rows);
      return { matrix, columns: transpose(matrix), keys: Uint32Array.from(rows, (i) => keys[i]), assigner: createAssigner(matrix, options.workers) };
    };
    halvings.push([make(1), make(0)]);
  }
  return {
    async at(k) {
      let stability = 0;
      let inertia = Infinity;
      for (const halves of halvings) {
        const runs = [];
        for (const half of halves) runs.push(await runDivisive(half.matrix, half.columns, half.assigner, half.keys, { ...options, k }));
        const [a, b] = runs.map((run) => nearestTheme(sample, run.centroids, k));
        stability += adjustedRandIndex(a, b) / halvings.length;
        inertia = Math.min(inertia, runs[0].inertia + runs[1].inertia);
      }
      return { k, stability, inertia };
    },
    async close() {
      await Promise.all(halvings.flat().map((half) => half.assigner.close()));
    }
  };
}

/** Each row's most similar centroid (dense k × nCols, row-major); ties to the lower theme (assign's fitThemes). */
export function nearestTheme(matrix: CsrMatrix, centroids: Float32Array, k: number): Int32Array {
  const { themes } = fitThemes(matrix, centroids, k, 0, new Float64Array(k));
  return Int32Array.from({ length: matrix.nRows }, (_, i) => themes[i * TOP_THEMES]);
}

/** The largest k whose stability is ≥ max stability − STABILITY_BAND. */
export function pickK(curve: KCurvePoint[]): number {
  const top = Math.max(...curve.map((p) => p.stability));
  return Math.max(...curve.filter((p) => p.stability >= top - STABILITY_BAND).map((p) => p.k));
}

/** Up to n rows drawn without replacement (seeded partial Fisher–Yates), kept in input order. */
export function sampleRows(matrix: CsrMatrix, n: number, seed: number): CsrMatrix {
  return sampleRowsOf(matrix, n, seed).sample;
}

/** sampleRows, with the matrix rows it kept (ascending). */
function sampleRowsOf(matrix: CsrMatrix, n: number, seed: number): { sample: CsrMatrix; rows: number[] } {
  if (matrix.nRows <= n) return { sample: matrix, rows: Array.from({ length: matrix.nRows }, (_, i) => i) };
  const random = createRandom(seed);
  const rows = Array.from({ length: matrix.nRows }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (matrix.nRows - i));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const picked = rows.slice(0, n).sort((a, b) => a - b);
  return { sample: sliceRows(matrix, picked), rows: picked };
}

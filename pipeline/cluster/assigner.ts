// Owns the parallel assignment step: splits the rows between the main thread and `workers − 1`
// worker threads that share the matrix, centroids and outputs through SharedArrayBuffers.
import type { CsrMatrix } from '../types.js';
import { share, sharedArray } from '../shared-memory.js';
import { startWorkers } from '../workers.js';
import { assignBoundedRange, scoreRange } from './assign-kernel.mjs';

export interface Assigner {
  /** Theme of each row: written by `assign`, read by `score`. */
  readonly assignments: Int32Array;
  /** Cosine of each row to that theme's centroid (row · centroid). */
  readonly scores: Float64Array;
  /** After `score`: each row's most similar other theme (−1 when k = 1), and its cosine. */
  readonly second: Int32Array;
  readonly secondScores: Float64Array;
  /** After `score`: the most similar theme after those two (−1 when k < 3), and its cosine. */
  readonly third: Int32Array;
  readonly thirdScores: Float64Array;
  /**
   * Assigns every row its most similar centroid; `centT` (nCols × k, term-major) from `sharedArray`.
   * With `drift` (each centroid's move ‖c' − c‖ since the last assign of these themes), rows whose
   * theme cannot have changed skip the full scan (assign-kernel.mjs assignBoundedRange); without it
   * every row is scanned. The result is the same either way.
   */
  assign(centT: Float32Array, k: number, drift?: Float64Array): Promise<void>;
  /** Forces a full scan of `row` at the next assign (its theme was changed from outside). */
  forget(row: number): void;
  /** Scores every row against the centroids with `assignments` fixed: own, second- and third-best cosines. */
  score(centT: Float32Array, k: number): Promise<void>;
  /** Ends the worker threads; callers must call it (in a finally) or the process stays alive. */
  close(): Promise<void>;
}

/** Row boundaries that give each of `parts` threads about the same number of nonzeros. */
export function splitRows(indptr: Uint32Array, nRows: number, parts: number): number[] {
  const bounds = [0];
  const nnz = indptr[nRows];
  let row = 0;
  for (let t = 1; t < parts; t++) {
    const target = (nnz * t) / parts;
    // Cut before the first row that would carry this part past its share.
    while (row < nRows && indptr[row + 1] <= target) row++;
    bounds.push(Math.max(row, bounds[t - 1]));
  }
  bounds.push(nRows);
  return bounds;
}

/** Creates an assigner over `matrix` using `workers` threads in all (1 = the main thread only). */
export function createAssigner(matrix: CsrMatrix, workers: number): Assigner {
  const threads = Math.max(1, Math.min(Math.floor(workers), matrix.nRows));
  const out = {
    assignments: sharedArray(Int32Array, matrix.nRows),
    scores: sharedArray(Float64Array, matrix.nRows),
    second: sharedArray(Int32Array, matrix.nRows),
    secondScores: sharedArray(Float64Array, matrix.nRows),
    third: sharedArray(Int32Array, matrix.nRows),
    thirdScores: sharedArray(Float64Array, matrix.nRows)
  };
  let upper = sharedArray(Float32Array, 0); // n × k bounds (assign-kernel.mjs), sized at the first assign
  const m = threads > 1 ? { indptr: share(matrix.indptr), indices: share(matrix.indices), values: share(matrix.values) } : matrix;
  const bounds = splitRows(m.indptr, matrix.nRows, threads);
  const slices = bounds.slice(0, threads - 1).map((start, t) => ({ ...m, ...out, start, end: bounds[t + 1] }));
  const pool = startWorkers<'done'>(new URL('./assign-worker.mjs', import.meta.url), slices);
  const [start, end] = [bounds[threads - 1], matrix.nRows];
  /** Posts the job to the workers, does the main thread's rows meanwhile, waits for them all. */
  const onAllThreads = async (job: { centT: Float32Array; k: number; final: boolean; drift?: Float64Array; reset?: boolean; upper?: Float32Array },
    own: () => void) => {
    pool.post(job);
    own();
    await pool.replies();
  };
  return {
    ...out,
    assign: (centT, k, drift) => {
      const [moves, reset] = drift ? [drift, false] : [new Float64Array(k), true];
      if (upper.length !== matrix.nRows * k) upper = sharedArray(Float32Array, matrix.nRows * k);
      return onAllThreads({ centT, k, final: false, drift: moves, reset, upper },
        () => assignBoundedRange(m.indptr, m.indices, m.values, centT, k, start, end, out.assignments, out.scores, upper, moves, reset));
    },
    forget: (row) => {
      // Own theme unknown to the kernel: -1 makes it scan the row in full.
      out.assignments[row] = -1;
    },
    score: (centT, k) => onAllThreads({ centT, k, final: true },
      () => scoreRange(m.indptr, m.indices, m.values, centT, k, start, end, out.assignments, out.scores, out.second, out.secondScores,
        out.third, out.thirdScores)),
    close: () => pool.close()
  };
}

// Owns the parallel assignment step: splits the rows between the main thread and `workers − 1`
// worker threads that share the matrix, centroids and outputs through SharedArrayBuffers.
import { Worker } from 'node:worker_threads';
import type { CsrMatrix } from '../types.js';
import { assignRange } from './assign-kernel.mjs';

export interface Assigner {
  /** Best centroid of each row, written by `assign`. */
  readonly assignments: Int32Array;
  /** Score of that centroid: bias_c + row · centroid_c. */
  readonly scores: Float64Array;
  /** Assigns every row; `centT` (nCols × k, term-major) and `bias` must come from `sharedArray`. */
  assign(centT: Float32Array, bias: Float64Array, k: number): Promise<void>;
  /** Ends the worker threads; callers must call it (in a finally) or the process stays alive. */
  close(): Promise<void>;
}

type TypedCtor<T> = { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };

/** A zeroed typed array over shared memory, so worker threads see the same bytes. */
export function sharedArray<T>(Ctor: TypedCtor<T>, length: number): T {
  return new Ctor(new SharedArrayBuffer(Math.max(1, length) * Ctor.BYTES_PER_ELEMENT));
}

/** The array itself when it already lives in shared memory, else a shared copy (one per call). */
function share<T extends Uint32Array | Float32Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = sharedArray(array.constructor as unknown as TypedCtor<T>, array.length);
  copy.set(array);
  return copy;
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
  const assignments = sharedArray(Int32Array, matrix.nRows);
  const scores = sharedArray(Float64Array, matrix.nRows);
  const m = threads > 1 ? { indptr: share(matrix.indptr), indices: share(matrix.indices), values: share(matrix.values) } : matrix;
  const bounds = splitRows(m.indptr, matrix.nRows, threads);
  const pool: Worker[] = [];
  let failure: Error | null = null;
  for (let t = 0; t < threads - 1; t++) {
    const workerData = { ...m, assignments, scores, start: bounds[t], end: bounds[t + 1] };
    // Referenced (not unref'd): an unref'd worker lets Node exit while the main thread awaits it.
    const worker = new Worker(new URL('./assign-worker.mjs', import.meta.url), { workerData });
    worker.on('error', (error) => { failure ??= error; });
    pool.push(worker);
  }
  const mainStart = bounds[threads - 1];
  return {
    assignments,
    scores,
    async assign(centT, bias, k) {
      if (failure) throw failure;
      const done = pool.map((worker) => awaitDone(worker));
      for (const worker of pool) worker.postMessage({ centT, bias, k });
      assignRange(m.indptr, m.indices, m.values, centT, bias, k, mainStart, matrix.nRows, assignments, scores);
      await Promise.all(done);
    },
    async close() {
      await Promise.all(pool.map((worker) => worker.terminate()));
    }
  };
}

/** Resolves on the worker's next 'done'; rejects if it fails or exits first. */
function awaitDone(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error: Error | null) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = () => settle(null);
    const onError = (error: Error) => settle(error);
    const onExit = (code: number) => settle(new Error(`assignment worker exited (code ${code}) before finishing`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

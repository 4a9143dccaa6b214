// Owns projecting the papers on a thread of their own while the cluster stage runs: the projection
// (project.ts) reads only the TF-IDF rows, not the themes, so it need not wait for them, and it fills
// the core the cluster stage's single-threaded divisive start leaves idle. Same result as in the
// foreground: the projection is identical for any number of threads.
import type { CsrMatrix } from '../types.js';
import { share } from '../shared-memory.js';
import { startWorkers } from '../workers.js';
import type { Projection } from './project.js';

export interface BackgroundProjection {
  /** The projection, once made; rejects when the thread fails. */
  result(): Promise<Projection>;
  /** Ends the thread (a no-op once the result is in); callers must call it in a finally. */
  close(): Promise<void>;
}

/** The matrix with its arrays in shared memory (copied there unless they already live there). */
export function shareMatrix(matrix: CsrMatrix): CsrMatrix {
  return { ...matrix, indptr: share(matrix.indptr), indices: share(matrix.indices), values: share(matrix.values) };
}

/**
 * Starts projecting `matrix` on `threads` threads besides this one's; it and its `transposed`
 * (cluster/transpose.ts, which the cluster stage reads too) are shared with them (see shareMatrix).
 */
export function projectInBackground(matrix: CsrMatrix, transposed: CsrMatrix, options: { seed: number; threads: number }): BackgroundProjection {
  const worker = startWorkers<Projection>(new URL('./project-worker.ts', import.meta.url),
    [{ matrix: shareMatrix(matrix), transposed: shareMatrix(transposed), seed: options.seed, threads: options.threads }]);
  const reply = worker.replies({ end: true }).then(([projection]) => projection);
  reply.catch(() => {}); // a failure surfaces where result() is awaited, not as an unhandled rejection
  return { result: () => reply, close: () => worker.close() };
}

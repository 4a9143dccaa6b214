// Owns projecting the papers on a thread of their own while the cluster stage runs: the projection
// (project.ts) reads only the TF-IDF rows, not the themes, so it need not wait for them, and it fills
// the core the cluster stage's single-threaded divisive start leaves idle. Same result as in the
// foreground: the projection is identical for any number of threads. The places come first; the
// recall check after them, beside whatever the run does next (the store).
import type { CsrMatrix } from '../types.js';
import { share } from '../shared-memory.js';
import { startWorkers } from '../workers.js';
import type { Placed } from './project.js';

export interface BackgroundProjection {
  /** The papers' places, once made; rejects when the thread fails. Called once: they are not kept here. */
  placed(): Promise<Placed>;
  /** The layout's measured recall@10 (recall.ts), after the places; rejects when the thread fails. */
  recall(): Promise<number | null>;
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
  const worker = startWorkers<Placed | { recall10: number | null }>(new URL('./project-worker.ts', import.meta.url),
    [{ matrix: shareMatrix(matrix), transposed: shareMatrix(transposed), seed: options.seed, threads: options.threads }]);
  // The worker's two messages, in order (project-worker.ts); it is ended after the second.
  const first = worker.replies().then(([message]) => message as Placed);
  const recall = first.then(() => worker.replies({ end: true })).then(([message]) => (message as { recall10: number | null }).recall10);
  // A failure surfaces where these are awaited, not as an unhandled rejection.
  first.catch(() => {});
  recall.catch(() => {});
  // The places are handed over once and not held here after: close() and recall() live on through
  // the store, and the neighbour lists (~88 bytes a paper) would live with them.
  let placed: Promise<Placed> | null = first;
  const takePlaced = () => {
    if (placed === null) throw new Error('projectInBackground: the places were already taken');
    const taken = placed;
    placed = null;
    return taken;
  };
  return { placed: takePlaced, recall: () => recall, close: () => worker.close() };
}

// Owns building the search index on its own thread while the other stages run: it needs only the
// papers' texts, and it is single-threaded work that fills the core the single-threaded stages
// (label, quality, trends, areas, the map's graph) leave idle.
import { startWorkers } from '../workers.js';
import type { IndexText, SearchIndex } from './index.js';

export interface BackgroundIndex {
  /** The index, once built; rejects when the worker fails. */
  result(): Promise<SearchIndex>;
  /** Ends the worker (a no-op once the result is in); callers must call it in a finally. */
  close(): Promise<void>;
}

/** Starts building the index of `papers` (row i = papers[i]) on a worker thread. */
export function indexInBackground(papers: readonly IndexText[]): BackgroundIndex {
  const worker = startWorkers<SearchIndex>(new URL('./search-worker.ts', import.meta.url),
    [{ titles: papers.map((p) => p.title), abstracts: papers.map((p) => p.abstract) }]);
  const reply = worker.replies({ end: true }).then(([index]) => index);
  reply.catch(() => {}); // a failure surfaces where result() is awaited, not as an unhandled rejection
  return { result: () => reply, close: () => worker.close() };
}

// Owns building the search index on its own thread while the other stages run: it needs only the
// papers' texts, and it is single-threaded work that fills the core the single-threaded stages
// (label, quality, trends, areas, the map's graph) leave idle.
import { sharedArray } from '../shared-memory.js';
import { startWorkers } from '../workers.js';
import type { IndexText, SearchIndex } from './index.js';

export interface BackgroundIndex {
  /** The index, once built; rejects when the worker fails. */
  result(): Promise<SearchIndex>;
  /** Ends the worker (a no-op once the result is in); callers must call it in a finally. */
  close(): Promise<void>;
}

/**
 * The texts as UTF-8 in one shared buffer: paper i's title is bytes ends[2i − 1] .. ends[2i] (from 0
 * for i = 0), its abstract ends[2i] .. ends[2i + 1]. Shared, not cloned: a structured clone of 75k
 * abstracts held two copies (the serialised message and the worker's strings) beside the papers.
 */
export function packTexts(papers: readonly IndexText[]): { bytes: Uint8Array; ends: Uint32Array } {
  const ends = sharedArray(Uint32Array, 2 * papers.length);
  let total = 0;
  papers.forEach((p, i) => {
    ends[2 * i] = total += Buffer.byteLength(p.title, 'utf8');
    ends[2 * i + 1] = total += Buffer.byteLength(p.abstract, 'utf8');
  });
  const bytes = sharedArray(Uint8Array, total);
  const view = Buffer.from(bytes.buffer, 0, total);
  papers.forEach((p, i) => {
    view.write(p.title, i === 0 ? 0 : ends[2 * i - 1], 'utf8');
    view.write(p.abstract, ends[2 * i], 'utf8');
  });
  return { bytes, ends };
}

/** Starts building the index of `papers` (row i = papers[i]) on a worker thread. */
export function indexInBackground(papers: readonly IndexText[]): BackgroundIndex {
  const worker = startWorkers<SearchIndex>(new URL('./search-worker.ts', import.meta.url), [packTexts(papers)]);
  const reply = worker.replies({ end: true }).then(([index]) => index);
  reply.catch(() => {}); // a failure surfaces where result() is awaited, not as an unhandled rejection
  return { result: () => reply, close: () => worker.close() };
}

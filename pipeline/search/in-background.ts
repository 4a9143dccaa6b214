// Owns building the search index on its own thread while the other stages run: it needs only the
// papers' texts, and it is single-threaded work below the normal priority (search-worker.ts, at the
// map's projection's level), so it takes the CPU that the single-threaded stages (ingest's tail,
// tokenise's merge, TF-IDF, label, quality, trends) leave and yields to the cluster stage.
import { packedRun, packTexts, type PackedTexts } from '../ingest/packed-texts.js';
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
  const worker = startWorkers<SearchIndex>(new URL('./search-worker.ts', import.meta.url), [textsOf(papers)]);
  const reply = worker.replies({ end: true }).then(([index]) => index);
  reply.catch(() => {}); // a failure surfaces where result() is awaited, not as an unhandled rejection
  return { result: () => reply, close: () => worker.close() };
}

/**
 * The papers' texts in shared memory, for the worker: the buffer they are read from when ingest
 * packed them (packed-texts.ts) and they are all of it, in order; else packed here (a copy, which a
 * structured clone of the strings would make twice over).
 */
export function textsOf(papers: readonly IndexText[]): PackedTexts {
  const packed = packedRun(papers);
  return packed && packed.from === 0 && packed.texts.ends.length === 2 * papers.length ? packed.texts : packTexts(papers);
}

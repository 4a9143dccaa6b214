// Owns tokenising on several threads: the main thread takes the first run of documents, worker
// threads the next runs, each into its own tables; index.ts merges them in document order.
import { Worker } from 'node:worker_threads';
import { textLength, tokeniseChunk, type Chunk, type PaperText } from './chunk.js';
import { wordDataOf, type ChunkData } from './chunk-data.js';
import type { WordData } from './surface-counts.js';

export interface ThreadedChunks {
  first: Chunk;
  /** The first chunk's words for counting surfaces, taken before merging grows its tables. */
  firstWords: WordData;
  rest: ChunkData[];
}

/**
 * The main thread's share of the characters, against 1 for each worker. It starts at once, while a
 * worker spends ~0.25 s registering tsx; and on the 75k corpus, whose later papers have the more
 * varied vocabulary, the second half took 4.9 s to the first half's 4.3 s on one thread.
 */
const MAIN_WEIGHT = 1.2;

/** Document boundaries [0, ..., n]: runs of about equal characters, the first MAIN_WEIGHT times larger. */
export function splitDocuments(docs: readonly PaperText[], parts: number): number[] {
  const total = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  const weights = MAIN_WEIGHT + parts - 1;
  const bounds = [0];
  let [doc, seen] = [0, 0];
  for (let part = 1; part < parts; part++) {
    const target = (total * (MAIN_WEIGHT + part - 1)) / weights;
    // Cut before the first document that would carry this part past its share.
    while (doc < docs.length && seen + textLength(docs[doc]) <= target) seen += textLength(docs[doc++]);
    bounds.push(doc);
  }
  bounds.push(docs.length);
  return bounds;
}

export interface StartedWorker<T> {
  worker: Worker;
  /** The worker's one message; rejects if the worker fails or exits before posting it. */
  result: Promise<T>;
}

/** Starts a worker that posts one message; it is terminated as soon as that message is here. */
export function startWorker<T>(url: URL, workerData: unknown): StartedWorker<T> {
  const worker = new Worker(url, { workerData });
  const result = new Promise<T>((resolve, reject) => {
    let posted: { value: T } | null = null;
    // Ended at once, so that its heap is gone before the merge grows the tables.
    worker.once('message', (value: T) => {
      posted = { value };
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (posted ? resolve(posted.value) : reject(new Error(`worker exited (code ${code}) before posting its result`))));
  });
  // Awaited only after the main thread's own chunk: until then a failure must not count as unhandled.
  result.catch(() => undefined);
  return { worker, result };
}

function startChunkWorker(docs: readonly PaperText[], ngramMax: number): StartedWorker<ChunkData> {
  const chars = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  const workerData = { titles: docs.map((doc) => doc.title), abstracts: docs.map((doc) => doc.abstract), ngramMax, chars };
  return startWorker(new URL('./tokenise-worker.mjs', import.meta.url), workerData);
}

/** Tokenises `docs` in `threads` contiguous runs, the first on this thread; workers always end. */
export async function tokeniseOnThreads(docs: readonly PaperText[], ngramMax: number, threads: number): Promise<ThreadedChunks> {
  const bounds = splitDocuments(docs, threads);
  const started: StartedWorker<ChunkData>[] = [];
  try {
    for (let part = 1; part < threads; part++) started.push(startChunkWorker(docs.slice(bounds[part], bounds[part + 1]), ngramMax));
    const first = tokeniseChunk(docs.slice(0, bounds[1]), ngramMax);
    const firstWords = wordDataOf(first);
    const rest = await Promise.all(started.map((s) => s.result));
    return { first, firstWords, rest };
  } finally {
    await Promise.all(started.map((s) => s.worker.terminate()));
  }
}

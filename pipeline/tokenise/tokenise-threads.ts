// Owns tokenising on several threads: the main thread takes the first run of documents, worker
// threads the next runs, each into its own tables; index.ts merges them in document order.
import { textLength, tokeniseChunk, type Chunk, type PaperText } from './chunk.js';
import { wordDataOf, type ChunkData } from './chunk-data.js';
import type { WordData } from './surface-counts.js';
import { startWorkers } from '../workers.js';

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

/** A worker's run of documents: the texts as two string lists, and their length for sizing tables. */
function workerInput(docs: readonly PaperText[], ngramMax: number) {
  const chars = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  return { titles: docs.map((doc) => doc.title), abstracts: docs.map((doc) => doc.abstract), ngramMax, chars };
}

/** Tokenises `docs` in `threads` contiguous runs, the first on this thread; workers always end. */
export async function tokeniseOnThreads(docs: readonly PaperText[], ngramMax: number, threads: number): Promise<ThreadedChunks> {
  const bounds = splitDocuments(docs, threads);
  const inputs = bounds.slice(1, -1).map((from, part) => workerInput(docs.slice(from, bounds[part + 2]), ngramMax));
  const workers = startWorkers<ChunkData>(new URL('./chunk-worker.ts', import.meta.url), inputs);
  try {
    const first = tokeniseChunk(docs.slice(0, bounds[1]), ngramMax);
    const firstWords = wordDataOf(first);
    // Each worker is ended as soon as its chunk is here, so its heap is gone before the merge grows the tables.
    const rest = await workers.replies({ end: true });
    return { first, firstWords, rest };
  } finally {
    await workers.close();
  }
}

// Owns tokenising on several threads: the main thread takes the first run of documents, worker
// threads the next runs, each into its own tables; index.ts merges them in document order. With the
// rare-phrase filter, each thread first counts its phrases into a sketch of its own; the main
// thread sums them and every thread interns its terms with the sum (phrase-sketch.ts).
import { ChunkTokeniser, textLength, tokeniseChunk, type Chunk, type PaperText } from './chunk.js';
import { wordDataOf, type ChunkData } from './chunk-data.js';
import { addSketch } from './phrase-sketch.js';
import { packedRun, type PackedTexts } from '../ingest/packed-texts.js';
import type { WordData } from './surface-counts.js';
import { sharedArray } from '../shared-memory.js';
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

/** The rare-phrase filter's settings: the sketch's cells and the occurrences a phrase needs to be interned. */
export interface Prefilter {
  cells: number;
  minCount: number;
}

/**
 * A worker's run of documents: the texts — where they are packed, the shared buffer and the rows
 * (read there, uncopied), else two string lists — their length for sizing tables, its sketch.
 */
export interface WorkerInput {
  texts: { packed: PackedTexts; from: number; count: number } | { titles: string[]; abstracts: string[] };
  ngramMax: number;
  chars: number;
  prefilter: { sketch: Uint8Array; minCount: number } | null;
}

function workerInput(docs: readonly PaperText[], ngramMax: number, prefilter: Prefilter | null): WorkerInput {
  const chars = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  const packed = packedRun(docs);
  return {
    texts: packed ? { packed: packed.texts, from: packed.from, count: docs.length }
      : { titles: docs.map((doc) => doc.title), abstracts: docs.map((doc) => doc.abstract) },
    ngramMax, chars, prefilter: prefilter && { sketch: sharedArray(Uint8Array, prefilter.cells), minCount: prefilter.minCount }
  };
}

/** Tokenises `docs` in `threads` contiguous runs, the first on this thread; workers always end. */
export async function tokeniseOnThreads(docs: readonly PaperText[], ngramMax: number, threads: number,
  prefilter: Prefilter | null = null): Promise<ThreadedChunks> {
  const bounds = splitDocuments(docs, threads);
  const inputs = bounds.slice(1, -1).map((from, part) => workerInput(docs.slice(from, bounds[part + 2]), ngramMax, prefilter));
  const workers = startWorkers<ChunkData>(new URL('./chunk-worker.ts', import.meta.url), inputs);
  try {
    const own = docs.slice(0, bounds[1]);
    const first = prefilter === null ? tokeniseChunk(own, ngramMax) : await tokeniseFiltered(own, ngramMax, prefilter, inputs, workers);
    const firstWords = wordDataOf(first);
    // Each worker is ended as soon as its chunk is here, so its heap is gone before the merge grows the tables.
    const rest = await workers.replies({ end: true });
    return { first, firstWords, rest };
  } finally {
    await workers.close();
  }
}

/**
 * This thread's run with the rare-phrase filter: its words and phrase counts, then (once every
 * worker has counted its own) the sum of the sketches, posted back to the workers, and its term ids.
 */
async function tokeniseFiltered(docs: readonly PaperText[], ngramMax: number, prefilter: Prefilter, inputs: WorkerInput[],
  workers: { post(job: unknown): void; replies(): Promise<unknown[]> } | null): Promise<Chunk> {
  const tokeniser = new ChunkTokeniser(ngramMax, docs.reduce((sum, doc) => sum + textLength(doc), 0), docs.length, true);
  for (const doc of docs) tokeniser.add(doc.title, doc.abstract);
  const sketch = sharedArray(Uint8Array, prefilter.cells);
  tokeniser.sketch(sketch);
  if (workers) {
    await workers.replies(); // each worker: 'sketched'
    for (const input of inputs) {
      addSketch(sketch, input.prefilter!.sketch);
      input.prefilter = null;
    }
    workers.post({ sketch });
  }
  tokeniser.intern(sketch, prefilter.minCount);
  return tokeniser.finish();
}

/** Tokenises `docs` on this thread alone with the rare-phrase filter. */
export function tokeniseFilteredHere(docs: readonly PaperText[], ngramMax: number, prefilter: Prefilter): Promise<Chunk> {
  return tokeniseFiltered(docs, ngramMax, prefilter, [], null);
}

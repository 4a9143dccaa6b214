// Owns tokenising on several threads: the main thread takes the first run of documents, worker
// threads the next runs, each into its own tables; index.ts merges them in document order.
import { Worker } from 'node:worker_threads';
import { textLength, tokeniseChunk, type Chunk, type PaperText } from './chunk.js';
import type { ChunkData, SurfaceUnits } from './chunk-data.js';

export interface ThreadedChunks {
  first: Chunk;
  /** The first chunk's surfaces, finished (their hash maps dropped) before the workers were awaited. */
  firstUnits: SurfaceUnits;
  rest: ChunkData[];
}

/** Document boundaries [0, ..., n] that give each of `parts` runs about the same number of characters. */
export function splitDocuments(docs: readonly PaperText[], parts: number): number[] {
  const total = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  const bounds = [0];
  let [doc, seen] = [0, 0];
  for (let part = 1; part < parts; part++) {
    // Cut before the first document that would carry this part past its share.
    while (doc < docs.length && seen + textLength(docs[doc]) <= (total * part) / parts) seen += textLength(docs[doc++]);
    bounds.push(doc);
  }
  bounds.push(docs.length);
  return bounds;
}

function startWorker(docs: readonly PaperText[], ngramMax: number): { worker: Worker; chunk: Promise<ChunkData> } {
  const chars = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  const workerData = { titles: docs.map((doc) => doc.title), abstracts: docs.map((doc) => doc.abstract), ngramMax, chars };
  const worker = new Worker(new URL('./tokenise-worker.mjs', import.meta.url), { workerData });
  const chunk = new Promise<ChunkData>((resolve, reject) => {
    let posted: ChunkData | null = null;
    // Ended as soon as its chunk is here, so that its heap is gone before the merge grows the tables.
    worker.once('message', (data: ChunkData) => {
      posted = data;
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (posted ? resolve(posted) : reject(new Error(`tokenise worker exited (code ${code}) before posting its chunk`))));
  });
  // Awaited only after the main thread's own chunk: until then a failure must not count as unhandled.
  chunk.catch(() => undefined);
  return { worker, chunk };
}

/** Tokenises `docs` in `threads` contiguous runs, the first on this thread; workers always end. */
export async function tokeniseOnThreads(docs: readonly PaperText[], ngramMax: number, threads: number): Promise<ThreadedChunks> {
  const bounds = splitDocuments(docs, threads);
  const started: ReturnType<typeof startWorker>[] = [];
  try {
    for (let part = 1; part < threads; part++) started.push(startWorker(docs.slice(bounds[part], bounds[part + 1]), ngramMax));
    const first = tokeniseChunk(docs.slice(0, bounds[1]), ngramMax);
    const firstUnits = first.table.finishSurfaces();
    const rest = await Promise.all(started.map((s) => s.chunk));
    return { first, firstUnits, rest };
  } finally {
    await Promise.all(started.map((s) => s.worker.terminate()));
  }
}

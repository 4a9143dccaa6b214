// Owns one tokenise worker thread: tokenises the run of documents it was started with and posts the
// chunk back, its buffers transferred. Started by workers.ts (through worker-entry.mjs, which registers tsx).
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkTokeniser } from './chunk.js';
import { finishChunk, transferList } from './chunk-data.js';

const { titles, abstracts, ngramMax, chars } = workerData as { titles: string[]; abstracts: string[]; ngramMax: number; chars: number };
const tokeniser = new ChunkTokeniser(ngramMax, chars, titles.length);
for (let i = 0; i < titles.length; i++) {
  tokeniser.add(titles[i], abstracts[i]);
  // This thread's copy of the texts is read once: let each go, so the copy shrinks as the tables grow.
  titles[i] = abstracts[i] = '';
}
const chunk = finishChunk(tokeniser.finish());
parentPort!.postMessage(chunk, transferList(chunk));

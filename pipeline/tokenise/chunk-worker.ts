// Owns one tokenise worker thread: tokenises the run of documents it was started with and posts the
// chunk back, its buffers transferred. With the rare-phrase filter (phrase-sketch.ts) in two rounds:
// it counts its phrases into its sketch and says so, then interns its terms with the summed sketch
// the main thread posts. Started by workers.ts (through worker-entry.mjs, which registers tsx).
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkTokeniser } from './chunk.js';
import { finishChunk, transferList } from './chunk-data.js';
import { textField } from '../ingest/packed-texts.js';
import type { WorkerInput } from './tokenise-threads.js';

const input = workerData as WorkerInput;
const { texts, ngramMax, chars, prefilter } = input;
const count = 'packed' in texts ? texts.count : texts.titles.length;
const tokeniser = new ChunkTokeniser(ngramMax, chars, count, prefilter !== null);
if ('packed' in texts) {
  // Read in the shared buffer: one paper's strings at a time.
  for (let i = 0, f = 2 * texts.from; i < count; i++, f += 2) tokeniser.add(textField(texts.packed, f), textField(texts.packed, f + 1));
} else {
  for (let i = 0; i < count; i++) {
    tokeniser.add(texts.titles[i], texts.abstracts[i]);
    // This thread's copy of the texts is read once: let each go, so the copy shrinks as the tables grow.
    texts.titles[i] = texts.abstracts[i] = '';
  }
}
if (prefilter !== null) {
  tokeniser.sketch(prefilter.sketch);
  input.prefilter = null; // this thread's sketch is summed by the main thread, then freed
  parentPort!.postMessage('sketched');
  const [{ sketch }] = (await once(parentPort!, 'message')) as [{ sketch: Uint8Array }];
  tokeniser.intern(sketch, prefilter.minCount);
}
const chunk = finishChunk(tokeniser.finish());
parentPort!.postMessage(chunk, transferList(chunk));

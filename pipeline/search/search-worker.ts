// Owns the search-index worker thread: builds the index of the texts it was started with (UTF-8 in
// shared memory, ingest/packed-texts.ts) and posts it back, its typed arrays transferred. It runs
// below the normal priority (thread-priority.ts), from ingest to the store: the stages the run
// waits for keep their cores.
import { parentPort, workerData } from 'node:worker_threads';
import { textField, type PackedTexts } from '../ingest/packed-texts.js';
import { buildSearchIndex, type IndexText } from './index.js';
import { lowerThisThreadPriority } from '../thread-priority.js';

lowerThisThreadPriority();

const texts = workerData as PackedTexts;
const { bytes, ends } = texts;
const field = (at: number) => textField(texts, at);
// Each text is decoded when buildSearchIndex reads it (once per field), so only one paper's strings live at a time.
const papers: IndexText[] = Array.from({ length: ends.length / 2 }, (_, i) => ({
  get title() { return field(2 * i); },
  get abstract() { return field(2 * i + 1); }
}));
const index = buildSearchIndex(papers, undefined, bytes.byteLength); // UTF-8 bytes ≈ characters
const { df, postingTerm, postingRow, postingTf, titleLength, abstractLength } = index;
parentPort!.postMessage(index, [df, postingTerm, postingRow, postingTf, titleLength, abstractLength].map((a) => a.buffer as ArrayBuffer));

// Owns the search-index worker thread: builds the index of the texts it was started with (UTF-8 in
// shared memory, in-background.ts packTexts) and posts it back, its typed arrays transferred.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex, type IndexText } from './index.js';

const { bytes, ends } = workerData as { bytes: Uint8Array; ends: Uint32Array };
const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const field = (at: number) => text.toString('utf8', at === 0 ? 0 : ends[at - 1], ends[at]);
// Each text is decoded when buildSearchIndex reads it (once per field), so only one paper's strings live at a time.
const papers: IndexText[] = Array.from({ length: ends.length / 2 }, (_, i) => ({
  get title() { return field(2 * i); },
  get abstract() { return field(2 * i + 1); }
}));
const index = buildSearchIndex(papers, undefined, bytes.byteLength); // UTF-8 bytes ≈ characters
const { df, postingTerm, postingRow, postingTf, titleLength, abstractLength } = index;
parentPort!.postMessage(index, [df, postingTerm, postingRow, postingTf, titleLength, abstractLength].map((a) => a.buffer as ArrayBuffer));

// Owns the search-index worker thread: builds the index of the texts it was started with and posts
// it back, its typed arrays transferred. Started by in-background.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from './index.js';

const { titles, abstracts } = workerData as { titles: string[]; abstracts: string[] };
const index = buildSearchIndex(titles.map((title, i) => ({ title, abstract: abstracts[i] })));
const { df, postingTerm, postingRow, postingTf, titleLength, abstractLength } = index;
parentPort!.postMessage(index, [df, postingTerm, postingRow, postingTf, titleLength, abstractLength].map((a) => a.buffer as ArrayBuffer));

// Owns the `npm run assign` text-pass thread (text-in-background.ts): started with the command, it
// waits for one job (the input's texts in shared memory, the run's vocabulary), reads every text
// once (vectorise.ts: TF-IDF rows and search words) and posts the result back, typed arrays
// transferred, with the text of each search key it used.
import { parentPort } from 'node:worker_threads';
import { textField } from '../ingest/packed-texts.js';
import { vectoriseWithWords } from './vectorise.js';
import type { TextJob, TextResult } from './text-in-background.js';

parentPort!.once('message', (job: TextJob) => {
  const { texts } = job;
  const papers = Array.from({ length: texts.ends.length / 2 }, (_, i) => ({
    get title() { return textField(texts, 2 * i); },
    get abstract() { return textField(texts, 2 * i + 1); }
  }));
  const { rows, words, keyText } = vectoriseWithWords(papers, job.terms, job.idf, job.ngramMax);
  let maxKey = -1;
  for (let i = 0; i < words.key.length; i++) if (words.key[i] > maxKey) maxKey = words.key[i];
  const keyTexts: string[] = new Array(maxKey + 1).fill('');
  for (let i = 0; i < words.key.length; i++) if (keyTexts[words.key[i]] === '') keyTexts[words.key[i]] = keyText(words.key[i]);
  const result: TextResult = { rows, words, keyTexts };
  parentPort!.postMessage(result, [rows.indptr, rows.indices, rows.values, words.key, words.row, words.tfTitle, words.tfAbstract,
    words.titleLength, words.abstractLength].map((a) => a.buffer as ArrayBuffer));
});

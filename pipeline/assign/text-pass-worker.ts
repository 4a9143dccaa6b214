// Owns the worker thread of `npm run assign`'s text pass (text-pass-threads.ts): waits for the job,
// takes chunks of papers until none is left, and posts them back with the texts of the search-word
// keys they use (its key ids are its own tokeniser's). Started by workers.ts through worker-entry.mjs.
import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { packedText, takeChunks, type TextPassJob, type TextPassReply } from './text-pass-threads.js';
import { VocabularyTokeniser } from './vocabulary-tokeniser.js';
import { isEnglishWord } from '../tokenise/english-words.js';

parentPort!.postMessage('ready');
// While the job is awaited (the main thread is reading the input and the run): the dictionary text
// cleaning consults, read once per thread (~0.15 s), is read now rather than at the first broken word.
isEnglishWord('warm');
const [job] = (await once(parentPort!, 'message')) as [TextPassJob];
const tokeniser = new VocabularyTokeniser(job.terms, job.ngramMax, job.count, job.searchStem);
const chunks = takeChunks(tokeniser, job, (i) => packedText(job.texts, i));
const used = new Set<number>();
for (const c of chunks) for (const key of c.words.key) used.add(key);
const keys = Int32Array.from(used);
const reply: TextPassReply = { chunks, keys, keyTexts: Array.from(keys, (key) => tokeniser.keyText(key)) };
parentPort!.postMessage(reply, chunks.flatMap((c) => [c.rows.indptr.buffer, c.rows.indices.buffer, c.rows.values.buffer, c.words.key.buffer,
  c.words.row.buffer, c.words.tfTitle.buffer, c.words.tfAbstract.buffer, c.words.titleLength.buffer, c.words.abstractLength.buffer]) as ArrayBuffer[]);

// Owns the worker thread of `npm run assign`'s placement (place-threads.ts): says it is ready, waits
// for the job, places the new papers and finds their similar papers, and posts the result back.
import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { place, type PlaceJob } from './place-threads.js';

parentPort!.postMessage('ready');
const [job] = (await once(parentPort!, 'message')) as [PlaceJob];
const result = place(job);
parentPort!.postMessage(result, [result.xy.buffer, result.similar.row.buffer, result.similar.rank.buffer, result.similar.similar.buffer,
  result.similar.similarity.buffer] as ArrayBuffer[]);

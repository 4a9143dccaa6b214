// Owns one assignment worker thread: holds its slice of rows (shared memory) and runs the kernel on
// it each time the main thread posts new centroids. Plain ESM, so it starts without tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { assignRange, scoreRange } from './assign-kernel.mjs';

const { indptr, indices, values, assignments, scores, second, secondScores, start, end } = workerData;

parentPort.on('message', ({ centT, k, final }) => {
  if (final) scoreRange(indptr, indices, values, centT, k, start, end, assignments, scores, second, secondScores);
  else assignRange(indptr, indices, values, centT, k, start, end, assignments, scores);
  parentPort.postMessage('done');
});

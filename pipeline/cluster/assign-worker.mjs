// Owns one assignment worker thread: holds its slice of rows (shared memory) and runs the kernel on
// it each time the main thread posts new centroids. Plain ESM so Node loads it under tsx and vitest.
import { parentPort, workerData } from 'node:worker_threads';
import { assignRange } from './assign-kernel.mjs';

const { indptr, indices, values, assignments, scores, start, end } = workerData;

parentPort.on('message', ({ centT, bias, k }) => {
  assignRange(indptr, indices, values, centT, bias, k, start, end, assignments, scores);
  parentPort.postMessage('done');
});

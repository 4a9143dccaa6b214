// Owns one assignment worker thread: holds its slice of rows (shared memory) and runs the kernel on
// it each time the main thread posts new centroids. Plain ESM, so it starts without tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { assignBoundedRange, scoreRange } from './assign-kernel.mjs';

const { indptr, indices, values, assignments, scores, second, secondScores, third, thirdScores, start, end } = workerData;

parentPort.on('message', ({ centT, k, final, drift, reset, upper }) => {
  if (final) scoreRange(indptr, indices, values, centT, k, start, end, assignments, scores, second, secondScores, third, thirdScores);
  else assignBoundedRange(indptr, indices, values, centT, k, start, end, assignments, scores, upper, drift, reset);
  parentPort.postMessage('done');
});

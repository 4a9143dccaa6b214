// Owns one map worker thread: runs the k-nearest-neighbour, LSA product, fuzzy-graph, layout or recall kernel on its range of rows
// (bounds[index] .. bounds[index + 1) of each job); every array in a job lives in shared memory.
import { parentPort, workerData } from 'node:worker_threads';
import { knnRange } from './knn-kernel.mjs';
import { sgdRange } from './sgd-kernel.mjs';
import { multiplyRange } from './lsa-kernel.mjs';
import { recallRange } from './recall-kernel.mjs';
import { directedRange } from './fuzzy-kernel.mjs';

const { index } = workerData;

parentPort.on('message', (job) => {
  const [start, end] = [job.bounds[index], job.bounds[index + 1]];
  if (job.kind === 'knn') knnRange(job.matrix, job.transposed, job.common, job.maxDf, job.pool, job.K, start, end, job.outIdx, job.outSim);
  else if (job.kind === 'multiply') multiplyRange(job.a, job.dense, job.L, job.out, start, end);
  else if (job.kind === 'directed') directedRange(job.idx, job.sim, job.K, start, end, job.out);
  else if (job.kind === 'recall') recallRange(job.matrix, job.transposed, job.xy, job.grid, job.sample, job.K, start, end, job.out);
  else sgdRange(job.graph, job.from, job.to, job.epoch, start, end);
  parentPort.postMessage('done');
});

// Owns the map projection's own thread: projects the matrix it was started with (CSR arrays in
// shared memory) with project.ts on `threads` threads of its own and posts the result back, its
// typed arrays transferred.
import { parentPort, workerData } from 'node:worker_threads';
import { projectPapers } from './project.js';
import type { CsrMatrix } from '../types.js';

const { matrix, transposed, seed, threads } = workerData as { matrix: CsrMatrix; transposed: CsrMatrix; seed: number; threads: number };
const projection = await projectPapers(matrix, { seed, workers: threads, transposed });
const { xy, knnIdx, knnSim } = projection;
// Arrays in shared memory (made so for this thread's own workers) are shared, not transferred.
const own = [xy, knnIdx, knnSim].map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
parentPort!.postMessage(projection, own);

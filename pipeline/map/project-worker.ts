// Owns the map projection's own thread: projects the matrix it was started with (CSR arrays in
// shared memory) with project.ts on `threads` threads of its own and posts two messages back: the
// papers' places (project.ts Placed) as soon as they are known, then { recall10 } once the recall
// check is done. It and the threads it starts run below the normal priority (thread-priority.ts):
// the cluster stage, which the run waits for, keeps its cores.
import { parentPort, workerData } from 'node:worker_threads';
import { projectPapers, type Placed } from './project.js';
import { lowerThisThreadPriority } from '../thread-priority.js';
import type { CsrMatrix } from '../types.js';

// Threads started from here (the map's, parallel.ts) inherit this thread's priority.
lowerThisThreadPriority();
const { matrix, transposed, seed, threads } = workerData as { matrix: CsrMatrix; transposed: CsrMatrix; seed: number; threads: number };
const onPlaced = (placed: Placed) => {
  // The neighbour lists are transferred unless they are shared; the places are copied (~0.6 MB at 75k
  // papers), as the recall check still reads them here.
  const own = [placed.knnIdx, placed.knnSim].map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  parentPort!.postMessage(placed, own);
};
const { recall10 } = await projectPapers(matrix, { seed, workers: threads, transposed, onPlaced });
parentPort!.postMessage({ recall10 });

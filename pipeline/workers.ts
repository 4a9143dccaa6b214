// Owns worker threads: starts one per piece of data on one module, posts jobs to them, collects
// their replies in order and ends them. Modules start through worker-entry.mjs (tsx for .ts files).
import { Worker } from 'node:worker_threads';

export interface Workers<R> {
  /** Posts `job` to every worker (arrays over shared memory are seen, not copied). */
  post(job: unknown): void;
  /**
   * Each worker's next message, in worker order; rejects when one fails or exits before posting.
   * With `end`, each worker is terminated as soon as its message is here, so its heap is gone.
   */
  replies(options?: { end?: boolean }): Promise<R[]>;
  /** Ends every worker; callers must call it (in a finally) or the process stays alive. */
  close(): Promise<void>;
}

/** One worker per element of `data` (its `workerData`), each running `module`. */
export function startWorkers<R>(module: URL, data: readonly unknown[]): Workers<R> {
  const entry = new URL('./worker-entry.mjs', import.meta.url);
  // Referenced (not unref'd): an unref'd worker lets Node exit while the main thread awaits it.
  const workers = data.map((workerData) => new Worker(entry, { workerData, argv: [module.href] }));
  const next = workers.map((worker) => listen<R>(worker));
  return {
    post(job) {
      for (const worker of workers) worker.postMessage(job);
    },
    replies({ end = false } = {}) {
      return Promise.all(next.map(async (reply, i) => {
        const message = await reply();
        if (end) await workers[i].terminate();
        return message;
      }));
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
  };
}

/**
 * Listens to `worker` from its start, so a message or a failure that comes before anyone asks is
 * kept: returns a function giving its next message, or the failure once no message is left.
 */
function listen<R>(worker: Worker): () => Promise<R> {
  const queue: R[] = [];
  let waiting: { resolve(message: R): void; reject(error: Error): void } | null = null;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = null;
  };
  worker.on('message', (message: R) => {
    if (waiting) waiting.resolve(message);
    else queue.push(message);
    waiting = null;
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`worker exited (code ${code}) before posting its result`)));
  return () => new Promise<R>((resolve, reject) => {
    if (queue.length > 0) resolve(queue.shift()!);
    else if (failure) reject(failure);
    else waiting = { resolve, reject };
  });
}

// Owns running one map job over row ranges on the map's threads: worker w (map-worker.mjs) takes
// bounds[w] .. bounds[w + 1), this thread the last range, so results never depend on who ran a row.
import { startWorkers, type Workers } from '../workers.js';

export type Job = Record<string, unknown>;
export type OnAll = (bounds: number[], job: Job, own: (start: number, end: number) => void) => Promise<void>;

/** No threads: runs every range here. */
export const HERE: OnAll = async (bounds, _job, own) => own(bounds[0], bounds[bounds.length - 1]);

/** Starts threads − 1 map workers; `run` is the OnAll over them; callers must `close` (in a finally). */
export function mapThreads(threads: number): { run: OnAll; close(): Promise<void> } {
  const pool: Workers<'done'> = startWorkers<'done'>(new URL('./map-worker.mjs', import.meta.url),
    Array.from({ length: threads - 1 }, (_, index) => ({ index })));
  return {
    async run(bounds, job, own) {
      if (threads > 1) pool.post({ ...job, bounds });
      own(bounds[threads - 1], bounds[threads]);
      if (threads > 1) await pool.replies();
    },
    close: () => pool.close()
  };
}

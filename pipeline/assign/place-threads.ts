// Owns running `npm run assign`'s map placement and similar-paper search (place.ts) on a worker
// thread, so that it overlaps the search index, its write and the trends on this one: on a 2-core
// machine the batch's longest step (~1.2 s for 14k papers added to 60k) then no longer runs alone.
// The worker is started first thing (its start-up overlaps reading the input and copying the
// database); the rows go to it in shared memory, one copy; it answers with the same results as
// placeAndFindSimilar here (one function, pure over its inputs). With one core, or a worker that
// fails to start, the work is done on this thread.
import { availableParallelism } from 'node:os';
import { share } from '../shared-memory.js';
import { startWorkers, type Workers } from '../workers.js';
import { blockRowsOf, type VectorBlock } from './model.js';
import { topTermsOf } from './neighbours.js';
import { placeAndFindSimilar, SIMILAR, type SimilarRows } from './place.js';

/** What placeAndFindSimilar needs, as the worker is sent it. */
export interface PlaceJob {
  blocks: VectorBlock[];
  nCols: number;
  nPlaced: number;
  themeOf: Int32Array;
  k: number;
  paperXY: Float64Array;
  themeXY: Float64Array;
}

export interface Placement {
  xy: Float64Array;
  similar: SimilarRows;
}

/** The placement of a job, wherever it runs. */
export function place(job: PlaceJob): Placement {
  const matrix = blockRowsOf(job.blocks, job.nCols);
  return placeAndFindSimilar(matrix, topTermsOf(matrix, SIMILAR.termsPerPaper), job.nPlaced, job.themeOf, job.k, job.paperXY, job.themeXY);
}

export class PlaceHelper {
  private readonly workers: Workers<Placement | 'ready'> | null;
  private readonly started: Promise<unknown>;
  private running: Promise<Placement> | null = null;
  private job: PlaceJob | null = null;

  /** `parallel`: start the worker (false on one core: placing here costs no start-up). */
  constructor(parallel = availableParallelism() >= 2) {
    this.workers = parallel ? startWorkers<Placement | 'ready'>(new URL('./place-worker.ts', import.meta.url), [null]) : null;
    this.started = this.workers ? this.workers.replies() : Promise.resolve();
    this.started.catch(() => {}); // a failure surfaces where the placement is awaited
  }

  /** Hands the job to the worker, which starts on it at once; without one it waits for finish(). */
  start(job: PlaceJob): void {
    const workers = this.workers;
    if (workers === null) {
      this.job = job;
      return;
    }
    const sent: PlaceJob = { ...job, blocks: job.blocks.map((b) => ({ ends: share(b.ends), terms: share(b.terms), weights: share(b.weights) })),
      themeOf: share(job.themeOf), paperXY: share(job.paperXY), themeXY: share(job.themeXY) };
    this.running = this.started.then(() => {
      workers.post(sent);
      return workers.replies({ end: true });
    }).then(([r]) => r as Placement);
    this.running.catch(() => {}); // surfaces in finish()
  }

  /** The placement: the worker's answer, or computed here. */
  async finish(): Promise<Placement> {
    if (this.running !== null) return this.running;
    const job = this.job!;
    this.job = null;
    return place(job);
  }

  async close(): Promise<void> {
    await this.workers?.close();
  }
}

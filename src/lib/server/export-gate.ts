// Owns how many exports read the database at once. Each export's query sorts the papers it writes, and a
// streamed one (JSON, BibTeX, RIS) keeps its sorted blocks pinned in DuckDB's memory for as long as the
// client takes to read it; six downloads of a 75k-paper run at once left a CSV's COPY no memory to pin
// ("Out of Memory Error", a 500; inputs-and-exports audit of 2026-12-05). Exports now take turns: at
// most EXPORT_PERMITS read at once, each written to a temp file in its turn (copy-export.ts), the rest
// wait (a download that starts a few seconds later), and past MAX_WAITING waiting, or after WAIT_MS,
// the answer is a 503 that says to try again.
import { error } from '@sveltejs/kit';

/** Exports reading the database at once: two leave the dashboard's pages (and their two DuckDB threads) room. */
export const EXPORT_PERMITS = 2;
/** Exports that may wait for a turn; one more is told the server is busy. */
export const MAX_WAITING = 16;
/** How long an export waits for its turn before it is told the server is busy. */
export const WAIT_MS = 120_000;

export const BUSY_MESSAGE = 'The server is busy writing other downloads; try again in a minute.';

export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly permits: number, readonly maxWaiting: number, readonly waitMs: number) {}

  /** Waits for a turn; returns its release (idempotent). A 503 when too many wait or the wait is too long. */
  async enter(): Promise<() => void> {
    if (this.active < this.permits) {
      this.active++;
      return this.releaser();
    }
    if (this.waiting.length >= this.maxWaiting) error(503, BUSY_MESSAGE);
    let turn!: () => void;
    const granted = new Promise<void>((resolve) => (turn = resolve));
    this.waiting.push(turn);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.waitMs)));
    const outcome = await Promise.race([granted, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      const at = this.waiting.indexOf(turn);
      // still waiting: leave the queue; granted meanwhile (the race was lost by a hair): give the turn back
      if (at >= 0) this.waiting.splice(at, 1);
      else this.releaser()();
      error(503, BUSY_MESSAGE);
    }
    return this.releaser();
  }

  /** Exports reading now and waiting (for tests and logs). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** A turn's release: the next waiting export takes it over, or the permit is free again. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

export const exportGate = new Gate(EXPORT_PERMITS, MAX_WAITING, WAIT_MS);

// Owns forcing a full garbage collection between stages. V8 collects old-generation garbage late
// while the heap is far from its limit, so a finished stage's hundreds of MB (token lists, the
// matrix and its copies) would otherwise still be resident under the next stage's peak, and
// DuckDB's native memory in the store stage is invisible to V8's heuristics.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/** Runs a full, synchronous garbage collection (a few hundred ms at most on a 75k-paper run). */
export function collectGarbage(): void {
  if (gc === null) {
    // `global.gc` exists only under --expose-gc; the flag set at run time exposes it in a new context.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

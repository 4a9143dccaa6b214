// Owns lowering one thread's CPU priority, so that background work (the map's projection, the search
// index) yields the CPU to the stages the run waits for. On Linux each thread has its own nice value,
// set through setpriority() with the thread's id, and threads it starts inherit it; elsewhere the
// thread keeps the process' priority.
import { readFileSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Niceness of the background threads: the map's projection (map/project-worker.ts and the threads it
 * starts) and the search index (search/search-worker.ts). The cluster stage keeps its cores, and the
 * store starts while they still work: it waits for the map only before the tables that hold it and for
 * the index only before its own (store/write-run.ts). Both at one level, so neither starves the other:
 * with the index at 19 (the lowest) it got no CPU beside the cluster stage and the projection, and the
 * store then waited 1.5–2.5 s for it. On the 74.7k corpus, three runs each, alternated: 26.5, 27.5,
 * 26.4 s with the projection at the normal priority and awaited before the store, 26.1, 25.4, 26.2 s so.
 */
export const BACKGROUND_NICE = 10;

/** Lowers the calling thread's priority to `nice`; false when the platform does not allow it. */
export function lowerThisThreadPriority(nice = BACKGROUND_NICE): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop()); // "<pid>/task/<tid>"
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false; // no /proc (not Linux) or not permitted: the work still runs, at normal priority
  }
}

/** The calling thread's nice value (Linux), or null where it cannot be read. */
export function thisThreadNice(): number | null {
  try {
    const stat = readFileSync(`/proc/${readlinkSync('/proc/thread-self')}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); // field 19 of proc(5)'s stat
  } catch {
    return null;
  }
}

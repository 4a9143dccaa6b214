// Owns lowering one thread's CPU priority, so that background work (the search index) takes only the
// CPU the run's critical path leaves idle. On Linux each thread has its own nice value, set through
// setpriority() with the thread's id; elsewhere the thread keeps the process' priority.
import { readFileSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Niceness background threads run at: the lowest priority, so they yield to every other thread. */
export const BACKGROUND_NICE = 19;

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

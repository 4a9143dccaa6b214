// Owns the writer lock beside a database file, so two writers (runs, assign) on one database never
// interleave: the second says it waits, waits (up to a limit) and then fails naming the holder.
import { openSync, writeSync, closeSync, readFileSync, unlinkSync } from 'node:fs';
import { BusyError, InputError } from '../errors.js';

/** The pid in the lock file, "?" when it is gone or not yet written. */
function holderOf(lockPath: string): string {
  try {
    return readFileSync(lockPath, 'utf8').trim() || '?';
  } catch {
    return '?'; // released meanwhile
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTakeOnce(lockPath: string): boolean {
  try {
    const fd = openSync(lockPath, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // The folder went unwritable after config.ts checkDbPath looked: said as that check says it (exit 2).
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT') {
      throw new InputError(`cannot write the lock file ${lockPath} (${code}); give a --db in a folder you can write to`);
    }
    throw e;
  }
}

function tryTake(lockPath: string): boolean {
  if (tryTakeOnce(lockPath)) return true;
  // A lock left by a process that died (SIGKILL) is stale: remove it and try once more.
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8').trim();
  } catch {
    return tryTakeOnce(lockPath); // released meanwhile
  }
  if (text === '') return false; // the holder has created the file but not yet written its pid
  const holder = Number(text);
  if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return false;
  try {
    unlinkSync(lockPath);
  } catch {
    /* another waiter removed it first */
  }
  return tryTakeOnce(lockPath);
}

/**
 * Takes the lock, polling every 200 ms for up to `waitMs`; returns a release function. `onWait` is
 * told the holder's pid once, when the lock is first found held, so a waiting run can say why
 * nothing happens.
 */
export async function acquireLock(lockPath: string, waitMs: number, onWait?: (holder: string) => void): Promise<() => void> {
  const deadline = Date.now() + waitMs;
  let told = false;
  while (!tryTake(lockPath)) {
    const holder = holderOf(lockPath);
    if (!told && waitMs > 0) {
      onWait?.(holder);
      told = true;
    }
    if (Date.now() >= deadline) {
      throw new BusyError(
        `another writer (npm run pipeline or assign, pid ${holder}) is writing this database (lock ${lockPath}); waited ${Math.round(waitMs / 1000)} s`
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => {
    try {
      unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  };
}

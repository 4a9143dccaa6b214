// Owns the edits journal: `<db>.edits.jsonl` beside the runs database, one edit per line. The
// pipeline never touches it and the dashboard never writes the database, so neither blocks the other.
// An edit is written whole or not at all: the new journal goes to a temp file, is fsynced and renamed
// over the old one (rename is atomic), then the folder is fsynced. Writers are serialised twice: a
// promise chain inside this server, and the lock file `<journal>.lock` (pipeline/store/lock.ts) across
// servers sharing one database.
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { acquireLock } from '../../../../pipeline/store/lock.js';
import { databasePath } from '../db.js';
import type { Edit, EditBody, LabelsThen } from './edits.js';

/** How long an edit waits for another server's write before giving up (a 503). */
const LOCK_WAIT_MS = 5000;

export function journalPath(): string {
  return `${databasePath()}.edits.jsonl`;
}

/** Identity of the journal now on disk ('none' when there is none): part of every cache key. */
export function journalKey(): string {
  try {
    const s = statSync(journalPath());
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch {
    return 'none';
  }
}

/** Every edit in the journal, in the order made. A line that is not an edit is reported and skipped. */
export function readJournal(path = journalPath()): Edit[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const edits: Edit[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const edit = JSON.parse(line) as Edit;
      if (typeof edit.id === 'string' && typeof edit.kind === 'string' && Number.isInteger(edit.runId)) edits.push(edit);
      else throw new Error('not an edit');
    } catch {
      console.error(`${path}:${i + 1}: not an edit, skipped`);
    }
  });
  return edits;
}

/** Writes `text` to `path` atomically: temp file, fsync, rename, fsync of the folder. */
function writeAtomically(path: string, text: string, beforeRename?: () => void): void {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    beforeRename?.();
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** Temp journals of servers killed mid-edit (`<journal>.tmp-<pid>`, pid dead): never renamed, so never an edit. */
function removeDeadTemps(path: string): void {
  const prefix = `${basename(path)}.tmp-`;
  for (const name of readdirSync(dirname(path))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') unlinkSync(join(dirname(path), name));
    }
  }
}

/** An edit to append: its body, and the labels of the themes it names as they are now. */
export type NewEdit = EditBody & { labels?: LabelsThen };

let chain: Promise<unknown> = Promise.resolve();

/** Test hook: called between the fsynced temp file and the rename (THEMESCOPE_EDIT_PAUSE_MS pauses there). */
function pauseBeforeRename(): void {
  const ms = Number(process.env.THEMESCOPE_EDIT_PAUSE_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Appends edits made by `decide`, which sees the journal as it is under the lock (so its checks see
 * every earlier edit, from any browser) and returns the bodies to add, or throws to add nothing.
 */
export function appendEdits(
  runId: number, by: string, decide: (journal: Edit[]) => NewEdit[] | Promise<NewEdit[]>
): Promise<Edit[]> {
  const run = async () => {
    const path = journalPath();
    const release = await acquireLock(`${path}.lock`, LOCK_WAIT_MS);
    try {
      removeDeadTemps(path);
      const journal = readJournal(path);
      const bodies = await decide(journal);
      if (bodies.length === 0) return [];
      let seq = journal.reduce((m, e) => Math.max(m, Number(e.id) || 0), 0);
      const at = new Date().toISOString();
      const added = bodies.map((b) => ({ ...b, id: String(++seq), runId, at, by }) as Edit);
      const text = [...journal, ...added].map((e) => JSON.stringify(e)).join('\n') + '\n';
      writeAtomically(path, text, pauseBeforeRename);
      return added;
    } finally {
      release();
    }
  };
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}

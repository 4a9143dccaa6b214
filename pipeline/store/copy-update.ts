// Owns the one way the database is ever changed: under the writer lock, in a copy beside it that is
// checkpointed and renamed over the original. A crash or an error at any point before the rename
// leaves the previous file (and the dashboard reading it) exactly as it was. Used by a run
// (write-run.ts) and by `npm run assign` (assign/write.ts).
import { constants as fsConstants, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { acquireLock } from './lock.js';
import type { Column } from './table-spec.js';
import { schemaSql, TABLES } from './tables.js';

export interface CopyUpdateOptions {
  /** How long to wait for another writer's lock on the same database. */
  lockWaitMs: number;
  /** Called before the rename (for progress and for crash tests). */
  onStep?: (step: string) => void;
  /** DuckDB's memory limit in MB while writing, when the default (256 MB) is too little (see write-run.ts). */
  memoryLimitMb?: number;
  /** The update opens and commits its own transactions (assign/write.ts); otherwise it runs inside one. */
  ownTransactions?: boolean;
  /**
   * Rows per row group of the copy's tables while it is written (DuckDB's ATTACH … ROW_GROUP_SIZE),
   * when not DuckDB's 122,880. An append to a table whose last row group holds at least this many
   * rows starts new row groups instead of filling that one, which its checkpoint would rewrite
   * whole (assign/write.ts: every stored abstract, for a few thousand new papers).
   */
  rowGroupRows?: number;
  /** DuckDB's threads while writing, when not its default (one per core). */
  threads?: number;
}

/** Rethrows `e`; as an InputError (exit 2: the user's mistake, not a bug) when `--db` names a file that is no DuckDB database. */
function notDuckDb(e: unknown, dbPath: string): never {
  if (e instanceof Error && /not a valid DuckDB database file/.test(e.message)) {
    throw new InputError(`${dbPath} is not a DuckDB database (is --db the right file?)`);
  }
  throw e;
}

/**
 * What a writer's copy is on disk: the file, its write-ahead log, and the folder DuckDB spills to
 * when the copy outgrows its memory limit (`<copy>.tmp/`, left behind by a kill during the store).
 */
const copyFiles = (tmpPath: string) => [tmpPath, `${tmpPath}.wal`, `${tmpPath}.tmp`];

/** Removes a copy's files and spill folder (copyFiles), those that exist. */
function removeCopyFiles(tmpPath: string): void {
  for (const path of copyFiles(tmpPath)) rmSync(path, { force: true, recursive: true });
}

/** Removes temp copies left by writers that died (their pid no longer runs): each file and spill folder. */
function removeStaleTemps(dbPath: string): void {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^\d+/.exec(name.slice(prefix.length));
    if (pid === null || Number(pid[0]) === process.pid) continue;
    try {
      process.kill(Number(pid[0]), 0);
    } catch {
      rmSync(join(dir, name), { force: true, recursive: true });
    }
  }
}

/** How long a stopped writer lets DuckDB's threads finish a write in flight before it looks for the copy again. */
const SETTLE_MS = 50;
/** Checks in a row that must find no copy file before a stopped writer exits. */
const QUIET_CHECKS = 6;

/** The signals that stop a writer cleanly (Ctrl-C, kill). */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Copies this process is writing (updateCopy): while one is, a stop is its handler's to report (sayWhenStopped). */
let copiesBeingWritten = 0;

/**
 * Until the returned function is called, a stop signal (Ctrl-C, kill) that comes while no copy is
 * being written ends the process with the word that `dbPath` is unchanged, as updateCopy's own
 * handler says once it has cleared its copy. Without it, Ctrl-C while a run read, tokenised or
 * clustered, or while it waited for the lock, ended the process in silence.
 */
export function sayWhenStopped(dbPath: string): () => void {
  const stopped = (signal: NodeJS.Signals) => {
    if (copiesBeingWritten > 0) return;
    process.stderr.write(`themescope: stopped by ${signal}; ${dbPath} is unchanged\n`);
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stopped);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, stopped);
  };
}

/** The copy's catalog name when it is attached (CopyUpdateOptions.rowGroupRows). */
const COPY_ALIAS = 'store_copy';

/** DuckDB's memory limit while a run or an assignment is written. */
const STORE_MEMORY_LIMIT = '256MB';

/**
 * Runs `update` on a connection to a copy of `dbPath` (schema created and migrated first), then
 * checkpoints the copy and renames it over `dbPath`; returns what `update` returned. A missing
 * database starts empty.
 */
export async function updateCopy<T>(dbPath: string, options: CopyUpdateOptions, update: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const release = await acquireLock(`${dbPath}.lock`, options.lockWaitMs, (holder) => process.stderr.write(
    `themescope: ${dbPath} is being written by pid ${holder} (npm run pipeline or assign); waiting up to ${Math.round(options.lockWaitMs / 1000)} s for it\n`));
  const tmpPath = `${dbPath}.tmp-${process.pid}`;
  const removeCopy = () => removeCopyFiles(tmpPath);
  // Ctrl-C (or a kill) while the copy is written: the copy and the lock go with the process, and the
  // database is the file it was. (A SIGKILL leaves both, for the next writer to clear: removeStaleTemps, lock.ts.)
  let live: DuckDBConnection | null = null;
  const interrupted = (signal: NodeJS.Signals) => {
    // The statement DuckDB is running is stopped first (a commit under way still ends), so that its threads write no more.
    live?.interrupt();
    removeCopy();
    // A write already on DuckDB's threads may still make the copy's WAL: it is given moments (this thread
    // blocked, so nothing here renames meanwhile) until QUIET_CHECKS checks in a row find nothing (≤ 3 s).
    // One check after 150 ms was too few on a loaded machine (load 8 on 2 cores: a WAL left, 1 run in the CI of 2026-12-04).
    for (let i = 0, quiet = 0; i < 60 && quiet < QUIET_CHECKS; i++) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
      if (copyFiles(tmpPath).some((path) => existsSync(path))) {
        quiet = 0;
        removeCopy();
      } else quiet++;
    }
    release();
    process.stderr.write(`themescope: stopped by ${signal}; ${dbPath} is unchanged\n`);
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of STOP_SIGNALS) process.once(signal, interrupted);
  copiesBeingWritten++;
  try {
    removeStaleTemps(dbPath);
    removeCopy();
    // Copied off the JS thread: `npm run assign` parses its input meanwhile (0.1–0.4 s for 160 MB).
    // A copy-on-write clone where the file system has them (APFS, Btrfs, XFS with reflink): no bytes
    // copied, and the copy's writes still never touch the original. Elsewhere (ext4 here) a plain
    // copy: 87–120 ms against 93–126 ms for 160 MB, alternated.
    // An empty file is a new database (checkThemescopeDb): there is nothing to copy, and DuckDB would not open a 0-byte copy.
    if (existsSync(dbPath) && statSync(dbPath).size > 0) await copyFile(dbPath, tmpPath, fsConstants.COPYFILE_FICLONE);
    // DuckDB's buffer pool would grow to most of the machine's memory while the appends run: capped,
    // it writes finished blocks out instead (a 75k-paper run peaked 40 MB lower, at the same speed).
    const memoryLimit = options.memoryLimitMb ? `${options.memoryLimitMb}MB` : STORE_MEMORY_LIMIT;
    // A row group size is an option of ATTACH only: the copy is then attached to an in-memory
    // database and made the default one (temp tables stay in DuckDB's own temp catalog either way).
    // (Its spill folder is DuckDB's default, <copy>.tmp/. Naming it with temp_directory made DuckDB
    // create it at once, and a Ctrl-C then left the copy's WAL behind: interrupt.test.ts, 2 runs in 3.)
    const instance = await DuckDBInstance.create(options.rowGroupRows ? ':memory:' : tmpPath, {
      memory_limit: memoryLimit, ...(options.threads ? { threads: String(options.threads) } : {})
    }).catch((e) => notDuckDb(e, dbPath));
    let result: T;
    try {
      const connection = await instance.connect();
      live = connection;
      try {
        // One call: each is a round trip through the JS thread, which `npm run assign` keeps busy
        // parsing its input meanwhile.
        const attach = options.rowGroupRows
          ? `ATTACH '${tmpPath.replaceAll("'", "''")}' AS ${COPY_ALIAS} (ROW_GROUP_SIZE ${Math.trunc(options.rowGroupRows)}); USE ${COPY_ALIAS};\n`
          : '';
        // Another program's database is left as it is, not given Themescope's tables beside its own.
        await refuseForeign(connection, attach, dbPath);
        await connection.run(schemaSql()).catch((e) => notDuckDb(e, dbPath));
        await migrateSchema(connection, dbPath);
        // One transaction: DuckDB then writes the appends' full row groups straight into the file
        // instead of through the write-ahead log and its automatic checkpoints (a 75k-paper run's
        // store 12.3 → 10.4 s on a loaded machine, same peak).
        if (!options.ownTransactions) await connection.run('BEGIN TRANSACTION');
        result = await update(connection);
        if (!options.ownTransactions) await connection.run('COMMIT');
        await connection.run('CHECKPOINT');
        if (options.rowGroupRows) await connection.run(`USE memory; DETACH ${COPY_ALIAS}`);
      } finally {
        live = null;
        connection.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    options.onStep?.('rename');
    renameSync(tmpPath, dbPath);
    return result;
  } catch (e) {
    removeCopy();
    throw e;
  } finally {
    copiesBeingWritten--;
    for (const signal of STOP_SIGNALS) process.off(signal, interrupted);
    release();
  }
}

/**
 * Runs `attach` (the copy made the default catalog, or nothing when it is already) and stops with an
 * InputError when the database holds tables but no `runs`: a DuckDB file of another program.
 */
async function refuseForeign(connection: DuckDBConnection, attach: string, dbPath: string): Promise<void> {
  const reader = await connection.runAndReadAll(`${attach}SELECT table_name FROM duckdb_tables()
    WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary ORDER BY table_name`).catch((e) => notDuckDb(e, dbPath));
  const problem = foreignDatabase((reader.getRows() as [string][]).map(([name]) => name), dbPath);
  if (problem !== null) throw new InputError(problem);
}

/** Why a database whose tables are `tables` is not Themescope's (null when it is, or is empty). */
export function foreignDatabase(tables: readonly string[], dbPath: string): string | null {
  if (tables.length === 0 || tables.includes('runs')) return null;
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? `, … (${tables.length} tables)` : '');
  return `${dbPath} is a DuckDB database of another program (its tables: ${shown}; no Themescope runs table); give a new --db`;
}

/**
 * Checks, before a run's minutes of work, that an existing `dbPath` is Themescope's (foreignDatabase),
 * read-only and beside any reader. A missing or empty file is a new database.
 */
export async function checkThemescopeDb(dbPath: string): Promise<void> {
  if (!existsSync(dbPath) || statSync(dbPath).size === 0) return;
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  try {
    const connection = await instance.connect();
    try {
      await refuseForeign(connection, `ATTACH '${dbPath.replaceAll("'", "''")}' AS checked (READ_ONLY); USE checked;\n`, dbPath);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * Brings a file written by an earlier version up to the spec, for what can be done in place:
 * CREATE TABLE IF NOT EXISTS leaves existing tables be, so columns the spec added at the end of a
 * table are added (NULL in earlier runs' rows) and NOT NULL constraints the spec dropped are
 * dropped. The appends go by the spec's column order, so any other difference stops the run
 * before anything is written.
 */
async function migrateSchema(connection: DuckDBConnection, dbPath: string) {
  const reader = await connection.runAndReadAll(
    `SELECT table_name, column_name, is_nullable = 'NO' FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name, ordinal_position`
  );
  const existing = new Map<string, { name: string; notNull: boolean }[]>();
  for (const [table, name, notNull] of reader.getRows() as [string, string, boolean][]) {
    existing.set(table, [...(existing.get(table) ?? []), { name, notNull }]);
  }
  for (const table of TABLES) {
    const spec = table.columns as readonly Column[];
    const have = existing.get(table.name) ?? [];
    if (have.some((c, i) => spec[i]?.name !== c.name)) {
      throw new InputError(`${dbPath} was written by an incompatible version of Themescope: table ${table.name} has ` +
        `columns (${have.map((c) => c.name).join(', ')}), expected (${spec.map((c) => c.name).join(', ')}); use a new --db`);
    }
    for (const column of spec.slice(have.length)) {
      await connection.run(`ALTER TABLE ${table.name} ADD COLUMN ${column.name} ${column.type}`);
    }
    for (const [i, column] of have.entries()) {
      if (column.notNull && spec[i].nullable) await connection.run(`ALTER TABLE ${table.name} ALTER COLUMN ${column.name} DROP NOT NULL`);
    }
  }
}

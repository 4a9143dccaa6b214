// Owns every write to DuckDB. A run is written into a copy of the database beside it, marked
// complete, checkpointed and renamed over the original: a crash or error at any point leaves the
// previous file (and the dashboard reading it) exactly as it was.
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { acquireLock } from './lock.js';
import { lineageToPrevious } from './lineage.js';
import { countKinds } from '../lineage/match.js';
import { appendColumns, appendRows, appendTable, appendTableInChunks, toJsonText } from './append.js';
import type { RunData } from './run-data.js';
import type { Column, Row, Table } from './table-spec.js';
import { runRows, type Rows } from './table-rows.js';
import { PAPERS, schemaSql, TABLES } from './tables.js';

/** The store's steps, in order: one per table, then marking the run complete, then the rename. */
export const STORE_STEPS: readonly string[] = [...TABLES.map((t) => t.name), 'complete', 'rename'];

export interface WriteOptions {
  /** How long to wait for another pipeline's lock on the same database. */
  lockWaitMs: number;
  /** Called between stages of the write, for progress and for crash tests. */
  onStep?: (step: string) => void;
}

/** Removes temp copies left by pipelines that died (their pid no longer runs). */
function removeStaleTemps(dbPath: string): void {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(dir, name), { force: true });
    }
  }
}

/**
 * Writes one complete run; returns its run_id. Sets `run.durations.store` (the store's own time) and
 * `run.metrics.peakRssMb` to the values it stores, so whoever prints them prints what the file holds.
 */
export async function writeRun(dbPath: string, run: RunData, options: WriteOptions): Promise<number> {
  const started = performance.now();
  const release = await acquireLock(`${dbPath}.lock`, options.lockWaitMs);
  const tmpPath = `${dbPath}.tmp-${process.pid}`;
  try {
    removeStaleTemps(dbPath);
    rmSync(tmpPath, { force: true });
    rmSync(`${tmpPath}.wal`, { force: true });
    if (existsSync(dbPath)) copyFileSync(dbPath, tmpPath);
    const instance = await DuckDBInstance.create(tmpPath);
    let runId: number;
    try {
      const connection = await instance.connect();
      try {
        await connection.run(schemaSql());
        await migrateSchema(connection, dbPath);
        runId = await nextRunId(connection);
        await matchPreviousRun(connection, run);
        await insertRun(connection, runId, run, options.onStep ?? (() => {}), started);
        await connection.run('CHECKPOINT');
      } finally {
        connection.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    options.onStep?.('rename');
    renameSync(tmpPath, dbPath);
    return runId;
  } catch (e) {
    rmSync(tmpPath, { force: true });
    rmSync(`${tmpPath}.wal`, { force: true });
    throw e;
  } finally {
    release();
  }
}

async function nextRunId(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll('SELECT coalesce(max(run_id), 0) + 1 AS id FROM runs');
  return Number(reader.getRows()[0][0]);
}

/** The run's lineage to the previous complete run in the copy (theme_lineage), its counts in runs.metrics.lineage. */
async function matchPreviousRun(connection: DuckDBConnection, run: RunData) {
  run.lineage = await lineageToPrevious(connection, run);
  if (run.lineage) run.metrics.lineage = { prevRunId: run.lineage.prevRunId, ...countKinds(run.lineage.links) };
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
     WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`
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

async function insertRun(
  connection: DuckDBConnection,
  runId: number,
  run: RunData,
  step: (s: string) => void,
  started: number
) {
  const rows = runRows(run, runId);
  for (const table of TABLES) {
    step(table.name);
    // rows[table.name] are `table`'s rows (RunRows is keyed by table name), a pairing TS cannot follow in a loop.
    const { n, row, columns } = rows[table.name] as Rows<never>;
    if (table === PAPERS) await upsertPapers(connection, n, row);
    else if (columns) await appendColumns(connection, table as Table, n, columns);
    else await appendTable(connection, table as Table, n, row);
  }
  step('complete');
  // The store's own time (lock wait included, final checkpoint and rename not) and the peak RSS so
  // far, taken as late as can still be stored; the run object carries the same values to the CLI.
  run.durations.store = Math.round(performance.now() - started) / 1000;
  run.metrics.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await connection.run(
    `UPDATE runs SET status = 'complete', durations = $durations::JSON, metrics = $metrics::JSON WHERE run_id = $id`,
    { id: runId, durations: toJsonText(run.durations), metrics: toJsonText(run.metrics) }
  );
}

/**
 * Upserts the run's papers: rows with the same paper_id are deleted first, then all are appended
 * straight into `papers` (a staging copy plus INSERT OR REPLACE held ~600 MB more at 75k papers).
 */
async function upsertPapers(connection: DuckDBConnection, n: number, row: (i: number) => Row<typeof PAPERS>) {
  await connection.run('CREATE TEMP TABLE new_paper_ids (paper_id VARCHAR)');
  await appendRows(connection, 'new_paper_ids', n, (i, a) => a.appendVarchar(row(i).paper_id));
  await connection.run('DELETE FROM papers WHERE paper_id IN (SELECT paper_id FROM new_paper_ids)');
  await connection.run('DROP TABLE new_paper_ids');
  await appendTableInChunks(connection, PAPERS, n, row);
}

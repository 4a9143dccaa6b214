// Owns the dashboard's read-only DuckDB handle. The pipeline replaces the database by renaming a
// new file into place; each query checks the file's identity and, when it changed, opens the new
// file and retires the old handle once its in-flight queries are done. No restart, no lock fights.
// A file that is missing, not DuckDB, without our tables or from an earlier version fails every query
// as a 503 with the reason.
// Big results (exports, the map's points) stream: a connection is held while the caller reads the chunks.
// The file is attached READ_ONLY as `src` to an in-memory DuckDB, whose own catalog (`memory`) holds
// the dashboard's curated views (curation/overlay.ts), first on every connection's search_path.
import { statSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { error } from '@sveltejs/kit';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk, type DuckDBResult, type DuckDBValue } from '@duckdb/node-api';
import { overlayOf, type OverlayHost } from './db-overlay.js';
import { TABLES } from '../../../pipeline/store/tables.js';

export { setOverlayBuilder, type OverlayBuilder, type OverlayDb } from './db-overlay.js';
export type Params = Record<string, DuckDBValue>;

interface Handle extends OverlayHost {
  key: string;
  idle: DuckDBConnection[];
  active: number;
  /** Each pooled connection's search_path, set when it differs from the overlay's. */
  paths: WeakMap<DuckDBConnection, string>;
}

const POOL_SIZE = 4;
/**
 * DuckDB's memory: without a cap it takes most of the machine for a big export's sort and joins
 * (~2 GB for the papers export of a 250k-paper run); capped, it spills them to TEMP_DIRECTORY, so
 * the server's memory stays bounded whatever the database's size. The cap is the file's size (room
 * for every block of it: warm-up.ts loads the run's texts and search postings once, and a search
 * then never waits for them to be read and decompressed again), at least 1 GB and at most a quarter
 * of the machine's memory.
 */
export function memoryLimitMb(fileBytes: number, machineBytes = totalmem()): number {
  const mb = (bytes: number) => Math.floor(bytes / 2 ** 20);
  return Math.max(1024, Math.min(mb(fileBytes), mb(machineBytes / 4)));
}
const TEMP_DIRECTORY = join(tmpdir(), `themescope-duckdb-${process.pid}`);
let current: Handle | null = null;
let opening: Promise<Handle> | null = null;
let opened: (() => void) | null = null;

/** Called each time a file is opened (the first, or one the pipeline renamed into place). */
export function setOpenListener(listener: () => void): void {
  opened = listener;
}

export class DatabaseMissingError extends Error {}

export function databasePath(): string {
  return resolve(process.env.THEMESCOPE_DB ?? 'data/themes.duckdb');
}

/** Identity of the file now at the path: a rename-into-place changes inode and mtime. */
export function fileKey(path: string): string {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch {
    throw new DatabaseMissingError(
      `No database at ${path}. Run the pipeline first (npm run pipeline) or set THEMESCOPE_DB.`
    );
  }
}

async function open(path: string, key: string): Promise<Handle> {
  const memory = `${memoryLimitMb(statSync(path).size)}MB`;
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: memory, temp_directory: TEMP_DIRECTORY });
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH '${path.replaceAll("'", "''")}' AS src (READ_ONLY)`);
    await connection.run(`CREATE TABLE memory.main.theme_curation (run_id INTEGER, theme_id INTEGER, original_label VARCHAR, hidden BOOLEAN, note VARCHAR)`);
    missingColumns = await findMissingColumns(connection);
  } catch (e) {
    connection.closeSync();
    instance.closeSync();
    throw e;
  }
  connection.closeSync();
  return { key, instance, idle: [], active: 0, retired: false, overlay: null, building: null, paths: new WeakMap() };
}

function closeIfDone(handle: Handle): void {
  if (!handle.retired || handle.active > 0) return;
  for (const c of handle.idle) c.closeSync();
  handle.idle = [];
  handle.instance.closeSync();
}

async function currentHandle(): Promise<Handle> {
  const path = databasePath();
  const key = fileKey(path);
  if (current && current.key === key) return current;
  if (!opening) {
    opening = open(path, key)
      .then((handle) => {
        const old = current;
        current = handle;
        if (old) {
          old.retired = true;
          closeIfDone(old);
        }
        opened?.(); // warm-up.ts: in the background, never awaited here
        return handle;
      })
      .finally(() => {
        opening = null;
      });
  }
  return opening;
}

/**
 * Columns of Themescope's tables (store/tables.ts) that the open file's tables lack: the file was
 * written by an earlier version (found when it is opened; a table it lacks altogether is reported
 * by its own error). A query naming one of these fails for that reason, not for a bug.
 */
let missingColumns = new Set<string>();

async function findMissingColumns(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(`SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = 'src'`);
  const present = new Map<string, Set<string>>();
  for (const [table, column] of reader.getRows() as [string, string][]) {
    if (!present.has(table)) present.set(table, new Set());
    present.get(table)!.add(column);
  }
  const missing = new Set<string>();
  missingTableColumns = new Set<string>();
  for (const t of TABLES) {
    const columns = present.get(t.name);
    if (columns === undefined) continue;
    for (const c of t.columns) {
      if (columns.has(c.name)) continue;
      missing.add(c.name);
      missingTableColumns.add(`${t.name}.${c.name}`);
    }
  }
  return missing;
}

/** The same columns as `table.column`. */
let missingTableColumns = new Set<string>();

/**
 * Whether the open file's `table` has `column`: false for a column a later version added to a table
 * (e.g. assign_batches.warnings), which a page that can do without it reads as NULL instead of
 * answering 503 until the next pipeline run or batch migrates the file.
 */
export async function hasColumn(table: string, column: string): Promise<boolean> {
  try {
    await currentHandle();
  } catch {
    return true; // no usable file: the query says why (503)
  }
  return !missingTableColumns.has(`${table}.${column}`);
}

/**
 * Why the database file is unusable — missing, not DuckDB, or without Themescope's tables — or null
 * for any other error. The text is what the user reads on the 503 page.
 */
export function unusableReason(e: unknown): string | null {
  if (e instanceof DatabaseMissingError) return e.message;
  if (!(e instanceof Error)) return null;
  // DuckDB says "Catalog Error: Table with name runs does not exist!" for a file that is not ours.
  const missing = /^Catalog Error: Table with name (\w+) does not exist/.exec(e.message);
  if (missing && missing[1] !== 'runs') {
    // A file written by an earlier version: the next pipeline run adds the table (store/write-run.ts).
    return `The database at ${databasePath()} has no ${missing[1]} table: it was written by an earlier version. ` +
      'Run the pipeline once to bring it up to date.';
  }
  if (missing) {
    return `The database at ${databasePath()} has no Themescope tables. Run the pipeline to create it.`;
  }
  // A column the current schema has and the open file lacks (missingColumns): written by an earlier
  // version (the next pipeline run, or npm run assign, migrates it: store/copy-update.ts).
  const column = /^Binder Error: (?:Referenced column "(\w+)" not found|[\w ]+ "[^"]+" does not have a column named "(\w+)")/.exec(e.message);
  const name = column?.[1] ?? column?.[2];
  if (name !== undefined && missingColumns.has(name)) {
    return `The database at ${databasePath()} was written by an earlier version of Themescope (it has no column ${name}). ` +
      'Run the pipeline once (or add papers with npm run assign) to bring it up to date.';
  }
  if (/not a valid DuckDB database file/.test(e.message)) {
    return `The file at ${databasePath()} is not a DuckDB database. Set THEMESCOPE_DB or run the pipeline.`;
  }
  return null;
}

/**
 * DuckDB's "Out of Memory Error" (its memory limit reached while other requests held memory) as a 503
 * that says to try again, not a 500: the request was fine, the server was busy.
 */
function busyError(e: unknown): void {
  if (e instanceof Error && /^Out of Memory Error/.test(e.message)) {
    console.error('[503] DuckDB ran out of memory:', e.message);
    error(503, 'The server is busy with other requests (it ran out of memory for this one); try again in a minute.');
  }
}

/**
 * Runs `read` on the current file, an unusable file becoming a 503 here: SvelteKit answers 500 for
 * every error that is not an HttpError (handleError shapes the message, never the status).
 */
async function withConnection<T>(read: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  try {
    return await withPooledConnection(read);
  } catch (e) {
    const reason = unusableReason(e);
    if (reason !== null) error(503, reason);
    busyError(e);
    throw e;
  }
}

/** A pooled connection of the current file, its search_path set; `release` returns it (or closes it, `discard`). */
async function acquire(): Promise<{ connection: DuckDBConnection; release(discard?: boolean): void }> {
  const handle = await currentHandle();
  handle.active++;
  let connection: DuckDBConnection | undefined;
  const release = (discard = false) => {
    handle.active--;
    if (connection) {
      if (discard || handle.retired || handle.idle.length >= POOL_SIZE) connection.closeSync();
      else handle.idle.push(connection);
    }
    closeIfDone(handle);
  };
  try {
    const overlay = await overlayOf(handle);
    connection = handle.idle.pop() ?? (await handle.instance.connect());
    // The curated views first: a table name resolves to the overlay's view when it has one.
    const path = overlay?.schema ? `memory.${overlay.schema},src.main,memory.main` : 'src.main,memory.main';
    if (handle.paths.get(connection) !== path) {
      await connection.run(`SET search_path = '${path}'`);
      handle.paths.set(connection, path);
    }
    return { connection, release };
  } catch (e) {
    release(true);
    throw e;
  }
}

/** Runs `read` on a pooled connection of the current file; the handle stays open until it is done. */
async function withPooledConnection<T>(read: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const { connection, release } = await acquire();
  try {
    return await read(connection);
  } finally {
    release();
  }
}

/** The state the overlay builder gave for the current file and key (e.g. every run's curation); null without a builder. */
export async function overlayState<T>(): Promise<T | null> {
  return withConnection(async () => {
    const handle = await currentHandle();
    return ((await overlayOf(handle))?.state ?? null) as T | null;
  });
}

/** Runs one read query with bound parameters; rows come back as JSON-safe objects. */
export async function query<T = Record<string, unknown>>(sql: string, params: Params = {}): Promise<T[]> {
  return withConnection(async (connection) => {
    const reader = await connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  });
}

/**
 * Runs one read query as a streaming result and yields what `read` makes of it, holding one pooled
 * connection until the last item is read or the caller stops (then the connection is closed: its
 * result was cut off). An unusable database is a 503, as for query().
 */
async function* streamResult<T>(sql: string, params: Params, read: (result: DuckDBResult) => AsyncIterable<T>): AsyncGenerator<T> {
  let lease: Awaited<ReturnType<typeof acquire>>;
  try {
    lease = await acquire();
  } catch (e) {
    const reason = unusableReason(e);
    if (reason !== null) error(503, reason);
    throw e;
  }
  let finished = false;
  try {
    yield* read(await lease.connection.stream(sql, params));
    finished = true;
  } catch (e) {
    const reason = unusableReason(e);
    if (reason !== null) error(503, reason);
    busyError(e);
    throw e;
  } finally {
    lease.release(!finished);
  }
}

/**
 * Runs one read query and yields its rows as JSON-safe objects, a chunk (2,048 rows) at a time: for
 * exports of any size in constant memory.
 */
export function streamRowObjects(sql: string, params: Params = {}): AsyncGenerator<Record<string, unknown>[]> {
  return streamResult(sql, params, (result) => result.yieldRowObjectJson() as AsyncIterable<Record<string, unknown>[]>);
}

/**
 * Runs one read query and yields its data chunks (2,048 rows each; read a column with
 * getColumnValues): a million rows read into typed arrays without an object per row.
 */
export function streamChunks(sql: string, params: Params = {}): AsyncGenerator<DuckDBDataChunk> {
  return streamResult(sql, params, async function* (result) {
    for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) yield chunk;
  });
}

// Bulk appends over DuckDB's appender (~1M rows/s; single-row INSERTs manage ~2.6k/s), a data chunk
// at a time: the table spec gives the column order and types, the caller gives rows by name, columns
// by row index, or typed columns.
import {
  BLOB,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  INTEGER,
  LIST,
  VARCHAR,
  dateValue,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBDateValue,
  type DuckDBType
} from '@duckdb/node-api';
import { CHUNK_ROWS, fillColumn } from './chunk-columns.js';
import type { ColumnType, Row, Table } from './table-spec.js';

/** Rows between flushes: each flush hands DuckDB a batch (full row groups go to the file), so no large table waits in memory. */
const FLUSH_EVERY = 16_384;
const VARCHAR_LIST = LIST(VARCHAR);

// TIMESTAMP and JSON go in as text ('YYYY-MM-DD HH:MM:SS.fff', JSON text): DuckDB casts on append.
const CHUNK_TYPE: Record<ColumnType, DuckDBType> = {
  INTEGER, DOUBLE, VARCHAR, 'VARCHAR[]': VARCHAR_LIST, DATE, BOOLEAN, TIMESTAMP: VARCHAR, JSON: VARCHAR, BLOB
};

/** Appends `n` rows to `table`; `fill(i, appender)` appends row i's values in column order. */
export async function appendRows(
  connection: DuckDBConnection,
  table: string,
  n: number,
  fill: (i: number, appender: DuckDBAppender) => void
): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    for (let i = 0; i < n; i++) {
      fill(i, appender);
      appender.endRow();
      if ((i + 1) % FLUSH_EVERY === 0) appender.flushSync();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/**
 * Appends `n` rows, row i given by name as `row(i)`, a data chunk at a time filled column by column
 * (chunk-columns.ts): a value at a time through the appender took ~3 µs a value (75k papers' themes
 * and ranks ~0.5 s), and appending lists so made one native handle per list, freed only at garbage
 * collection (~600 MB held at 75k papers).
 */
export async function appendTable<T extends Table>(
  connection: DuckDBConnection,
  table: T,
  n: number,
  row: (i: number) => Row<T>
): Promise<void> {
  // The chunk's rows, each made once (rows[i - from] is row i), read column by column.
  const rows: Record<string, unknown>[] = new Array(CHUNK_ROWS);
  let from = 0;
  const columns = table.columns.map(({ name, type }): ColumnValue => {
    if (type !== 'DATE') return (i) => rows[i - from][name];
    return (i) => {
      const v = rows[i - from][name] as string | null;
      return v === null ? null : isoDays(v);
    };
  });
  await appendChunks(connection, table, n, columns, (start, m) => {
    from = start;
    for (let r = 0; r < m; r++) rows[r] = row(start + r) as unknown as Record<string, unknown>;
  });
}

/** A column as appendChunks takes it: the value of row i (chunk-columns.ts CellOf), DATE as days since 1970-01-01. */
export type ColumnValue = (i: number) => unknown;

/**
 * Appends `n` rows given column by column in the spec's order (column c of row i is
 * `columns[c](i)`); `prepare(from, m)`, when given, runs before each chunk of rows from..from+m−1 is
 * filled.
 */
export async function appendChunks(
  connection: DuckDBConnection,
  table: Table,
  n: number,
  columns: readonly ColumnValue[],
  prepare?: (from: number, m: number) => void
): Promise<void> {
  const appender = await connection.createAppender(table.name);
  const chunk = DuckDBDataChunk.create(table.columns.map((c) => CHUNK_TYPE[c.type]));
  try {
    for (let start = 0; start < n; start += CHUNK_ROWS) {
      const m = Math.min(CHUNK_ROWS, n - start);
      chunk.reset();
      chunk.rowCount = m;
      prepare?.(start, m);
      table.columns.forEach((c, k) => fillColumn(chunk, k, c.type, m, (r) => columns[k](start + r)));
      appender.appendDataChunk(chunk);
      if ((start / CHUNK_ROWS + 1) % 64 === 0) appender.flushSync();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** ISO `YYYY-MM-DD` → days since 1970-01-01 (UTC). */
export function isoDays(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** ISO `YYYY-MM-DD` → DuckDB DATE (days since 1970-01-01, UTC). */
export function dateDays(iso: string): DuckDBDateValue {
  return dateValue(isoDays(iso));
}

/** JSON text for a JSON column; non-finite numbers become null rather than invalid JSON. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

/**
 * Appends `n` rows given as typed columns in the table's column order (a number is the same value in
 * every row): each chunk's vectors are filled with one typed-array copy per column instead of a
 * call per value (6M postings: ~0.5 s instead of ~8 s). INTEGER and DOUBLE columns only.
 */
export async function appendColumns(
  connection: DuckDBConnection,
  table: Table,
  n: number,
  columns: readonly (Int32Array | Float64Array | number)[]
): Promise<void> {
  const types = table.columns.map((c) => {
    if (c.type !== 'INTEGER' && c.type !== 'DOUBLE') throw new TypeError(`appendColumns: ${table.name}.${c.name} is ${c.type}`);
    return c.type === 'INTEGER' ? INTEGER : DOUBLE;
  });
  await appendTypedColumns(connection, table.name, types, n, columns);
}

/** appendColumns for any table (a temp table, say) named `name`, whose columns have the types `types`. */
export async function appendTypedColumns(
  connection: DuckDBConnection,
  name: string,
  types: DuckDBType[],
  n: number,
  columns: readonly (Int32Array | Float64Array | number)[]
): Promise<void> {
  const appender = await connection.createAppender(name);
  const chunk = DuckDBDataChunk.create(types, CHUNK_ROWS);
  try {
    for (let start = 0; start < n; start += CHUNK_ROWS) {
      const m = Math.min(CHUNK_ROWS, n - start);
      chunk.rowCount = m;
      columns.forEach((column, c) => {
        // Integer and double vectors expose their native memory as a typed array; flush() writes it back.
        const vector = chunk.getColumnVector(c) as unknown as { items: Int32Array | Float64Array; flush(): void };
        if (typeof column === 'number') vector.items.fill(column, 0, m);
        else vector.items.set(column.subarray(start, start + m));
        vector.flush();
      });
      appender.appendDataChunk(chunk);
      if ((start / CHUNK_ROWS + 1) % 64 === 0) appender.flushSync();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

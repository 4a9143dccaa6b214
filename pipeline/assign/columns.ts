// Owns moving whole columns between `npm run assign` and DuckDB without a JS value per cell: query
// results read chunk by chunk into typed arrays (INTEGER, DOUBLE, FLOAT vectors expose their
// memory), a list of strings read as one aggregated string, and typed columns appended to temp
// tables through data chunks (store/append.ts appendTypedColumns: one copy per column and chunk).
import { DOUBLE, INTEGER, type DuckDBConnection, type DuckDBDataChunk, type DuckDBMaterializedResult, type DuckDBValue } from '@duckdb/node-api';
import { appendTypedColumns } from '../store/append.js';

type Params = Record<string, DuckDBValue>;
type NumberColumn = Int32Array | Float64Array | Float32Array;

/** What a column is read into: Int32Array for INTEGER, Float64Array for DOUBLE, Float32Array for FLOAT. */
export type ColumnKind = 'int' | 'double' | 'float';
type ColumnOf<K extends ColumnKind> = K extends 'int' ? Int32Array : K extends 'double' ? Float64Array : Float32Array;

const MAKE: Record<ColumnKind, (n: number) => NumberColumn> = {
  int: (n) => new Int32Array(n), double: (n) => new Float64Array(n), float: (n) => new Float32Array(n)
};

/**
 * Runs `sql` in one round trip to DuckDB's thread; its chunks are then read synchronously from the
 * materialized result. A query with parameters went through node-api's prepared statements
 * (extract, prepare, execute: three round trips) and its rows through one fetch per 2,048 rows;
 * each round trip waits for the JS thread, which `npm run assign` keeps busy parsing the input
 * while the run is read (a turn of the event loop per MiB of input): the copy and read took about
 * as long as the input, whatever DuckDB's own time. Parameters must be integers (written into the
 * SQL as literals).
 */
async function materialized(connection: DuckDBConnection, sql: string, params: Params): Promise<DuckDBMaterializedResult> {
  return (await connection.run(inlineIntegers(sql, params))) as DuckDBMaterializedResult;
}

/**
 * `sql` with each `$name` replaced by params[name], which must be an integer: for one round trip, and
 * for a call of several statements (write.ts), which node-api cannot bind parameters to.
 */
export function inlineIntegers(sql: string, params: Params): string {
  return sql.replace(/\$([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError(`$${name} must be an integer, is ${String(value)}`);
    return `(${value})`;
  });
}

/** Calls `read` on each chunk of a query's result, in one round trip (the result is held until the last chunk is read). */
export async function eachChunk(connection: DuckDBConnection, sql: string, params: Params, read: (chunk: DuckDBDataChunk) => void): Promise<void> {
  const result = await materialized(connection, sql, params);
  for (let i = 0; i < result.chunkCount; i++) read(result.getChunk(i));
}

/** A query's rows as objects of JS values (node-api's conversion: for a few rows), in one round trip. */
export async function queryRows<T>(connection: DuckDBConnection, sql: string, params: Params = {}): Promise<T[]> {
  const result = await materialized(connection, sql, params);
  const names = result.columnNames();
  const rows: T[] = [];
  for (let i = 0; i < result.chunkCount; i++) rows.push(...(result.getChunk(i).getRowObjects(names) as T[]));
  return rows;
}

/**
 * The columns of a query whose result has no NULLs (coalesce them in the SQL), each column of the
 * SQL type `kinds[c]` names (cast in the SQL: `::INTEGER`, `::DOUBLE`, `::FLOAT`).
 */
export async function readColumns<K extends readonly ColumnKind[]>(connection: DuckDBConnection, sql: string, params: Params,
  kinds: K): Promise<{ [I in keyof K]: ColumnOf<K[I]> }> {
  let out = kinds.map((kind) => MAKE[kind](4096));
  let n = 0;
  await eachChunk(connection, sql, params, (chunk) => {
    const m = chunk.rowCount;
    if (n + m > out[0].length) {
      out = out.map((column, c) => {
        const bigger = MAKE[kinds[c]](Math.max(n + m, 2 * column.length));
        bigger.set(column.subarray(0, n));
        return bigger;
      });
    }
    kinds.forEach((_, c) => {
      const items = (chunk.getColumnVector(c) as unknown as { items: NumberColumn }).items;
      out[c].set(items.subarray(0, m), n);
    });
    n += m;
  });
  return out.map((column) => column.slice(0, n)) as { [I in keyof K]: ColumnOf<K[I]> };
}

/**
 * A query's rows whose first `keys` columns are INTEGER and the rest BLOB (no NULLs): the integers
 * as numbers, each BLOB copied once out of DuckDB's vector into a buffer of its own (aligned for
 * typed views). Streamed: DuckDB scans each chunk on its own thread, where a materialized result
 * would be copied once more on the JS thread (getChunk); getRowObjects copied each BLOB twice
 * more (node-api's getItem makes a Buffer of the bytes it has just copied). For a 60k-paper run's
 * 30 MB of vectors that was ~0.6 s of the JS thread, on which the input is parsed meanwhile.
 */
export async function readBlobRows(connection: DuckDBConnection, sql: string, params: Params,
  keys: number): Promise<{ keys: number[][]; blobs: Uint8Array[][] }> {
  const out = { keys: [] as number[][], blobs: [] as Uint8Array[][] };
  const result = await connection.stream(inlineIntegers(sql, params));
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const vectors = Array.from({ length: chunk.columnCount }, (_, c) => chunk.getColumnVector(c) as unknown as
      { items: Int32Array; getItemBytes(i: number): Uint8Array | null });
    for (let i = 0; i < chunk.rowCount; i++) {
      out.keys.push(vectors.slice(0, keys).map((v) => v.items[i]));
      out.blobs.push(vectors.slice(keys).map((v, c) => {
        const bytes = v.getItemBytes(i);
        if (bytes === null) throw new Error(`readBlobRows: NULL in column ${keys + c}`);
        // Up to 12 bytes are a view of the chunk's own memory.
        return bytes.byteLength <= 12 ? bytes.slice() : bytes;
      }));
    }
  }
  return out;
}

/** One VARCHAR value of the first row (null when there is no row). */
export async function readText(connection: DuckDBConnection, sql: string, params: Params): Promise<string | null> {
  let text: string | null = null;
  let first = true;
  await eachChunk(connection, sql, params, (chunk) => {
    if (first && chunk.rowCount > 0) text = chunk.getColumnVector(0).getItem(0) as string | null;
    first = false;
  });
  return text;
}

/**
 * Strings aggregated in SQL as `string_agg(x, chr(10) ORDER BY …)` into one value, split back: one
 * value crosses into JS instead of one per row. The strings must hold no line feed (stem keys and
 * paper ids do not). `n` is the expected count (0 gives []).
 */
export async function readLines(connection: DuckDBConnection, sql: string, params: Params, n: number): Promise<string[]> {
  if (n === 0) return [];
  const text = await readText(connection, sql, params);
  const lines = (text ?? '').split('\n');
  if (lines.length !== n) throw new Error(`expected ${n} strings, read ${lines.length}`);
  return lines;
}

/** Creates temp table `name` (dropping an earlier one) with INTEGER/DOUBLE columns named as given, and appends the columns. */
export async function tempTable(connection: DuckDBConnection, name: string, columns: Record<string, Int32Array | Float64Array>): Promise<void> {
  const entries = Object.entries(columns);
  const n = entries[0][1].length;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (${entries.map(([c, v]) => `${c} ${v instanceof Int32Array ? 'INTEGER' : 'DOUBLE'}`).join(', ')})`);
  await appendTypedColumns(connection, name, entries.map(([, v]) => (v instanceof Int32Array ? INTEGER : DOUBLE)), n, entries.map(([, v]) => v));
}

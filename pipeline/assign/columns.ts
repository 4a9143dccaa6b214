// Owns moving whole columns between `npm run assign` and DuckDB without a JS value per cell: query
// results read chunk by chunk into typed arrays (INTEGER, DOUBLE, FLOAT vectors expose their
// memory), a list of strings read as one aggregated string, and typed columns appended to temp
// tables through data chunks (store/append.ts appendTypedColumns: one copy per column and chunk).
import { DOUBLE, INTEGER, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
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
 * The columns of a query whose result has no NULLs (coalesce them in the SQL), each column of the
 * SQL type `kinds[c]` names (cast in the SQL: `::INTEGER`, `::DOUBLE`, `::FLOAT`).
 */
export async function readColumns<K extends readonly ColumnKind[]>(connection: DuckDBConnection, sql: string, params: Params,
  kinds: K): Promise<{ [I in keyof K]: ColumnOf<K[I]> }> {
  const result = await connection.run(sql, params);
  let out = kinds.map((kind) => MAKE[kind](4096));
  let n = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
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
  }
  return out.map((column) => column.slice(0, n)) as { [I in keyof K]: ColumnOf<K[I]> };
}

/** One VARCHAR value of the first row (null when there is no row). */
export async function readText(connection: DuckDBConnection, sql: string, params: Params): Promise<string | null> {
  const rows = (await connection.runAndReadAll(sql, params)).getRows();
  return rows.length === 0 ? null : (rows[0][0] as string | null);
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

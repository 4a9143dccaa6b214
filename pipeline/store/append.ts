// Bulk-append helpers over DuckDB's appender (~1M rows/s; single-row INSERTs manage ~2.6k/s).
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { dateValue, type DuckDBDateValue } from '@duckdb/node-api';

/** Rows between flushes: each flush commits, so DuckDB never holds a whole large table in transaction memory. */
const FLUSH_EVERY = 16_384;

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

/** ISO `YYYY-MM-DD` → DuckDB DATE (days since 1970-01-01, UTC). */
export function dateDays(iso: string): DuckDBDateValue {
  return dateValue(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));
}

/** JSON text for a JSON column; non-finite numbers become null rather than invalid JSON. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

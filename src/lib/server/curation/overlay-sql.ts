// Owns how the curated views bind their inputs: JS arrays as typed DuckDB lists (a list's type is
// given, so an empty list or one starting with NULL binds), and the unit → curated theme map in SQL.
import { LIST, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

type Lists = Record<string, [DuckDBValue[], DuckDBType]>;
export function bind(lists: Lists, scalars: Record<string, DuckDBValue> = {}) {
  const params: Record<string, DuckDBValue> = { ...scalars };
  const types: Record<string, DuckDBType> = {};
  for (const [name, [values, type]] of Object.entries(lists)) [params[name], types[name]] = [listValue(values), LIST(type)];
  return { params, types };
}

/** Stored unit (theme or split part) → curated theme, as SQL over bound lists. */
export const UNIT_MAP = `um AS (SELECT unnest($unit) AS unit, unnest($cur) AS cur)`;

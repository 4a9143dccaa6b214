// Owns filling a DuckDB data chunk column by column through the C API bindings that @duckdb/node-api
// itself loads: strings assigned straight into the vectors, numbers, dates and booleans copied from
// typed arrays, list entries and validity masks written as plain bytes. node-api's own vector
// classes cache every value, convert list offsets through BigInt and take strings only as JS
// strings (a packed UTF-8 title is decoded to be encoded again): the 75k-paper papers table's step
// took ~2.9 s of CPU through them, ~1.8 s this way (median of 6 runs each, DuckDB's own append included).
import { createRequire } from 'node:module';
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { ColumnType } from './table-spec.js';

/** The few bindings used here (@duckdb/node-bindings: DuckDB's C API, one function per call). */
interface Bindings {
  data_chunk_get_vector(chunk: unknown, column: number): Vector;
  vector_assign_string_element(vector: Vector, index: number, value: string): void;
  vector_assign_string_element_len(vector: Vector, index: number, bytes: Uint8Array): void;
  list_vector_get_child(vector: Vector): Vector;
  list_vector_reserve(vector: Vector, capacity: number): void;
  list_vector_set_size(vector: Vector, size: number): void;
  copy_data_to_vector(vector: Vector, byteOffset: number, source: ArrayBuffer, sourceOffset: number, byteCount: number): void;
  vector_ensure_validity_writable(vector: Vector): void;
  copy_data_to_vector_validity(vector: Vector, byteOffset: number, source: ArrayBuffer, sourceOffset: number, byteCount: number): void;
}
type Vector = { readonly __vector: unique symbol };

// The bindings node-api resolves, not a copy of our own: the chunk's native handles are theirs.
const bindings = createRequire(createRequire(import.meta.url).resolve('@duckdb/node-api'))('@duckdb/node-bindings') as Bindings;

/**
 * Row r's value of one column in a chunk (null = NULL). VARCHAR, TIMESTAMP and JSON take text or its
 * UTF-8 bytes; VARCHAR[] an array of strings; DATE days since 1970-01-01; BLOB bytes.
 */
export type CellOf<T extends ColumnType> = T extends 'INTEGER' | 'DOUBLE' | 'DATE' ? number
  : T extends 'BOOLEAN' ? boolean
    : T extends 'VARCHAR[]' ? readonly string[]
      : T extends 'BLOB' ? Uint8Array
        : string | Uint8Array;

/** Most rows in a chunk (DuckDB's vector size). */
export const CHUNK_ROWS = 2048;

/** Scratch memory for one chunk's fixed-width values, list entries and validity. */
const scratch = new ArrayBuffer(CHUNK_ROWS * 16);
const int32 = new Int32Array(scratch);
const float64 = new Float64Array(scratch);
const uint8 = new Uint8Array(scratch);
const uint32 = new Uint32Array(scratch);
const validityBuffer = new ArrayBuffer(CHUNK_ROWS / 8);
const validity = new Uint32Array(validityBuffer);

/**
 * Fills column `column` (of type `type`) of `chunk`, whose row count is already `m`, with
 * `value(r)` for r = 0..m−1. The vector's validity mask is written whenever a value is null, so a
 * reset chunk can be refilled.
 */
export function fillColumn(chunk: DuckDBDataChunk, column: number, type: ColumnType, m: number, value: (r: number) => unknown): void {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  validity.fill(0xffffffff);
  let nulls = 0;
  const isNull = (r: number, v: unknown) => {
    if (v !== null && v !== undefined) return false;
    validity[r >>> 5] &= ~(1 << (r & 31));
    nulls++;
    return true;
  };
  switch (type) {
    case 'INTEGER':
    case 'DATE':
      for (let r = 0; r < m; r++) {
        const v = value(r) as number | null;
        int32[r] = isNull(r, v) ? 0 : v!;
      }
      bindings.copy_data_to_vector(vector, 0, scratch, 0, m * 4);
      break;
    case 'DOUBLE':
      for (let r = 0; r < m; r++) {
        const v = value(r) as number | null;
        float64[r] = isNull(r, v) ? 0 : v!;
      }
      bindings.copy_data_to_vector(vector, 0, scratch, 0, m * 8);
      break;
    case 'BOOLEAN':
      for (let r = 0; r < m; r++) {
        const v = value(r) as boolean | null;
        uint8[r] = isNull(r, v) ? 0 : v ? 1 : 0;
      }
      bindings.copy_data_to_vector(vector, 0, scratch, 0, m);
      break;
    case 'VARCHAR[]':
      fillStringLists(vector, m, value as (r: number) => readonly string[] | null, isNull);
      break;
    default: // VARCHAR, TIMESTAMP, JSON (text the appender casts), BLOB
      for (let r = 0; r < m; r++) {
        const v = value(r) as string | Uint8Array | null;
        if (isNull(r, v)) continue;
        if (typeof v === 'string') bindings.vector_assign_string_element(vector, r, v);
        else bindings.vector_assign_string_element_len(vector, r, v!);
      }
  }
  if (nulls > 0) {
    bindings.vector_ensure_validity_writable(vector);
    bindings.copy_data_to_vector_validity(vector, 0, validityBuffer, 0, Math.ceil(m / 64) * 8);
  }
}

/** A VARCHAR[] column: list entries (offset, length as uint64) into the child vector of all rows' strings. */
function fillStringLists(vector: Vector, m: number, value: (r: number) => readonly string[] | null, isNull: (r: number, v: unknown) => boolean) {
  const lists: (readonly string[] | null)[] = new Array(m);
  let total = 0;
  for (let r = 0; r < m; r++) {
    const list = value(r);
    lists[r] = isNull(r, list) ? null : list;
    uint32[4 * r] = total;
    uint32[4 * r + 1] = 0;
    uint32[4 * r + 2] = list ? list.length : 0;
    uint32[4 * r + 3] = 0;
    total += list ? list.length : 0;
  }
  bindings.list_vector_reserve(vector, total);
  bindings.list_vector_set_size(vector, total);
  const child = bindings.list_vector_get_child(vector);
  let at = 0;
  for (const list of lists) {
    if (list) for (const s of list) bindings.vector_assign_string_element(child, at++, s);
  }
  bindings.copy_data_to_vector(vector, 0, scratch, 0, m * 16);
}

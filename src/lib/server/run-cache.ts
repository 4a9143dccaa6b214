// Owns caching what depends only on a complete run: runs are immutable, so a value computed for
// (database file, run) stays true until the file is replaced (the key holds the file's identity).
// One in-process LRU with a memory cap; values say their own size in bytes.
import { databasePath, fileKey } from './db.js';
import { journalKey } from './curation/journal.js';

interface Entry {
  value: Promise<unknown>;
  bytes: number;
}

/** Cap over all entries; the oldest-used go first. */
export const CACHE_BYTES = 96 * 1024 * 1024;

const entries = new Map<string, Entry>();
let total = 0;

/**
 * The identity of what is served: the database file and the edits journal beside it (curation/).
 * Part of every key, so a new file or a new edit misses.
 */
export function databaseIdentity(): string {
  return `${fileKey(databasePath())}|${journalKey()}`;
}

/** Drops least recently used bodies, then values, until under the cap. */
function evict(): void {
  for (const [key, body] of bodies) {
    if (total <= CACHE_BYTES) return;
    bodies.delete(key);
    total -= body.body.byteLength + 256;
  }
  for (const [key, entry] of entries) {
    if (total <= CACHE_BYTES) return;
    entries.delete(key);
    total -= entry.bytes;
  }
}

/**
 * The cached value of `key` for run `runId` of the current database, or `compute()` stored with the
 * size `sizeOf` gives it. A failed computation is not kept. Concurrent callers share one computation.
 */
export async function cachedForRun<T>(runId: number, key: string, compute: () => Promise<T>, sizeOf: (value: T) => number): Promise<T> {
  let identity: string;
  try {
    identity = databaseIdentity();
  } catch {
    return compute(); // no database file: the query inside answers with db.ts's 503
  }
  const full = `${identity}|${runId}|${key}`;
  const hit = entries.get(full);
  if (hit) {
    entries.delete(full); // re-insert: Map order is the LRU order
    entries.set(full, hit);
    return hit.value as Promise<T>;
  }
  const entry: Entry = { value: compute(), bytes: 1024 };
  entries.set(full, entry);
  try {
    const value = (await entry.value) as T;
    entry.bytes = Math.max(1024, sizeOf(value));
    total += entry.bytes;
    evict();
    return value;
  } catch (e) {
    if (entries.get(full) === entry) entries.delete(full);
    throw e;
  }
}

export interface CachedBody {
  body: Uint8Array;
  headers: Record<string, string>;
}

const bodies = new Map<string, CachedBody>();

/** A whole response body kept by response-cache.ts (same LRU and cap as the values above). */
export function cachedBody(key: string): CachedBody | null {
  const hit = bodies.get(key);
  if (!hit) return null;
  bodies.delete(key);
  bodies.set(key, hit);
  return hit;
}

export function storeBody(key: string, value: CachedBody): void {
  if (bodies.has(key)) return;
  bodies.set(key, value);
  total += value.body.byteLength + 256;
  evict();
}

/** Rough bytes of a JSON-like value (strings at 2 bytes a character): for sizeOf. */
export function jsonBytes(value: unknown): number {
  return 2 * (JSON.stringify(value)?.length ?? 0);
}

/** Entries and bytes held (for tests and diagnostics). */
export function cacheStats(): { entries: number; bytes: number } {
  return { entries: entries.size + bodies.size, bytes: total };
}

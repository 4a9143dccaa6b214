// Owns the curated views' life on a database handle (db.ts): built by the registered builder
// (curation/overlay.ts) in a fresh schema of the in-memory catalog when its key changes, shared by
// concurrent callers, the replaced schema dropped after a grace period.
import type { DuckDBConnection, DuckDBInstance, DuckDBType, DuckDBValue } from '@duckdb/node-api';

type Params = Record<string, DuckDBValue>;

/** What the overlay builder may do on the handle's own connection: read the file, write the memory catalog. */
export interface OverlayDb {
  query<T>(sql: string, params?: Params, types?: Record<string, DuckDBType>): Promise<T[]>;
  exec(sql: string, params?: Params, types?: Record<string, DuckDBType>): Promise<void>;
}

/** Curated views over the file (curation/overlay.ts): rebuilt when `key()` changes. */
export interface OverlayBuilder {
  key(): string;
  build(db: OverlayDb, schema: string): Promise<{ state: unknown; installed: boolean }>;
}

export interface Overlay {
  key: string;
  schema: string | null;
  state: unknown;
}

let builder: OverlayBuilder | null = null;
let schemas = 0;

export function setOverlayBuilder(b: OverlayBuilder): void {
  builder = b;
}

/** How long a replaced overlay's views stay for queries that began on them. */
const OVERLAY_GRACE_MS = 60_000;

/** What a database handle holds for its overlay. */
export interface OverlayHost {
  instance: DuckDBInstance;
  retired: boolean;
  overlay: Overlay | null;
  building: { key: string; done: Promise<Overlay> } | null;
}

function overlayDb(connection: DuckDBConnection): OverlayDb {
  return {
    query: async <T>(sql: string, params: Params = {}, types?: Record<string, DuckDBType>) =>
      (await connection.runAndReadAll(sql, params, types)).getRowObjectsJson() as T[],
    exec: async (sql, params = {}, types) => void (await connection.run(sql, params, types))
  };
}

/** The handle's overlay for the builder's current key, built once (concurrent callers share the build). */
export async function overlayOf(handle: OverlayHost): Promise<Overlay | null> {
  if (!builder) return null;
  const key = builder.key();
  if (handle.overlay?.key === key) return handle.overlay;
  if (handle.building?.key === key) return handle.building.done;
  const b = builder;
  const previous = handle.building?.done.catch(() => null) ?? Promise.resolve(null);
  const done = previous.then(async () => {
    const schema = `ov${++schemas}`;
    const connection = await handle.instance.connect();
    try {
      await connection.run(`SET search_path = 'src.main,memory.main'`);
      const { state, installed } = await b.build(overlayDb(connection), schema);
      const old = handle.overlay;
      handle.overlay = { key, schema: installed ? schema : null, state };
      if (old?.schema) setTimeout(() => void dropSchema(handle, old.schema!), OVERLAY_GRACE_MS).unref();
      return handle.overlay;
    } catch (e) {
      await connection.run(`DROP SCHEMA IF EXISTS memory.${schema} CASCADE`).catch(() => undefined);
      // Edits that cannot be shown must not take the dashboard down: the stored runs are served as
      // they are (an unusable file still fails its own query as a 503) and the reason is logged.
      console.error('curation: the dashboard edits cannot be applied, serving the runs as stored:', e);
      handle.overlay = { key, schema: null, state: null };
      return handle.overlay;
    } finally {
      connection.closeSync();
      if (handle.building?.done === done) handle.building = null;
    }
  });
  handle.building = { key, done };
  return done;
}

async function dropSchema(handle: OverlayHost, schema: string): Promise<void> {
  if (handle.retired) return;
  const connection = await handle.instance.connect();
  try {
    await connection.run(`DROP SCHEMA IF EXISTS memory.${schema} CASCADE`);
  } catch {
    /* the handle closed meanwhile */
  } finally {
    connection.closeSync();
  }
}

// Databases for the dashboard e2e tests: runs written through the real store into a temp dir, and a
// read-only query helper to check pages and exports against what the database holds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeRun } from '../../pipeline/store/write-run.js';
import type { RunData } from '../../pipeline/store/run-data.js';

/** Writes `runs` (run ids 1, 2, …) into a new temp database, then `afterSql` if given; returns its path. */
export async function writeDb(runs: RunData[], afterSql?: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'themescope-e2e-')), 'themes.duckdb');
  for (const run of runs) await writeRun(path, run, { lockWaitMs: 5_000 });
  if (afterSql) {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(afterSql);
    connection.closeSync();
    instance.closeSync();
  }
  return path;
}

export { readDb } from '../fixtures/read-db.js';

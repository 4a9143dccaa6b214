// Test helper: writes runs through the real store into a temp dir and points THEMESCOPE_DB at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeRun } from '../../../pipeline/store/write-run.js';
import type { RunData } from '../../../pipeline/store/run-data.js';

export interface TempDb {
  path: string;
  remove(): void;
}

/** Writes `runs` in order (run ids 1, 2, …), then runs `afterSql` (e.g. to mark a run failed). */
export async function writeTempDb(runs: RunData[], afterSql?: string): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'themescope-server-test-'));
  const path = join(dir, 'themes.duckdb');
  for (const run of runs) await writeRun(path, run, { lockWaitMs: 5_000 });
  if (afterSql) {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(afterSql);
    connection.closeSync();
    instance.closeSync();
  }
  process.env.THEMESCOPE_DB = path;
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

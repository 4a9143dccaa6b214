import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeRun } from '../../../pipeline/store/write-run.js';
import { resolveRun, runOnce } from '../../../src/lib/server/run.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { httpErrorOf } from './http-error.js';
import { writeTempDb, type TempDb } from './temp-db.js';

const at = (search: string) => new URL(`http://x/papers${search}`);
let db: TempDb;
let failedDb: TempDb;

beforeAll(async () => {
  // failedDb: runs 1, 2, 3 with run 3 marked failed (a run the pipeline never completed).
  failedDb = await writeTempDb([handMadeRun(), handMadeRun(), handMadeRun()], `UPDATE runs SET status = 'failed' WHERE run_id = 3`);
  db = await writeTempDb([handMadeRun(), handMadeRun()]);
});
afterAll(() => {
  db.remove();
  failedDb.remove();
});

describe('resolveRun', () => {
  it('takes the newest complete run when run is absent or empty', async () => {
    process.env.THEMESCOPE_DB = db.path;
    expect([(await resolveRun(at(''))).run_id, (await resolveRun(at('?run='))).run_id]).toStrictEqual([2, 2]);
  });

  it('takes the run that run names', async () => {
    process.env.THEMESCOPE_DB = db.path;
    const run = await resolveRun(at('?run=1'));
    expect([run.run_id, run.status, run.created_at, run.n_papers, run.k]).toStrictEqual([1, 'complete', '2025-07-01 12:00:00', 24, 3]);
  });

  it.each(['0', '-1', 'abc', '1.0', '1;DROP TABLE runs', ' 1', '1e2', '9999999999'])('answers 400 for run=%s', async (value) => {
    process.env.THEMESCOPE_DB = db.path;
    expect(await httpErrorOf(() => resolveRun(at(`?run=${encodeURIComponent(value)}`)))).toStrictEqual({
      status: 400,
      message: 'run must be a positive integer'
    });
  });

  it('answers 404 for a run that does not exist', async () => {
    process.env.THEMESCOPE_DB = db.path;
    expect(await httpErrorOf(() => resolveRun(at('?run=3')))).toStrictEqual({ status: 404, message: 'No run 3 in this database — the runs page lists the ones there are' });
  });

  it('skips a run that is not complete, and answers 404 when it is named', async () => {
    process.env.THEMESCOPE_DB = failedDb.path;
    expect((await resolveRun(at(''))).run_id).toBe(2);
    expect(await httpErrorOf(() => resolveRun(at('?run=3')))).toStrictEqual({ status: 404, message: 'No run 3 in this database — the runs page lists the ones there are' });
  });

  it('answers 404 when no run is complete yet', async () => {
    const none = await writeTempDb([handMadeRun()], `UPDATE runs SET status = 'running'`);
    try {
      expect(await httpErrorOf(() => resolveRun(at('')))).toStrictEqual({
        status: 404,
        message: 'No complete run in the database yet — run the pipeline'
      });
    } finally {
      none.remove();
    }
  });

  it('answers 503 naming the path when there is no database file', async () => {
    process.env.THEMESCOPE_DB = '/nonexistent/themescope/themes.duckdb';
    expect(await httpErrorOf(() => resolveRun(at('')))).toStrictEqual({
      status: 503,
      message: 'No database at /nonexistent/themescope/themes.duckdb. Run the pipeline first (npm run pipeline) or set THEMESCOPE_DB.'
    });
  });

  it('answers 503 for a DuckDB file without Themescope tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'themescope-empty-db-'));
    const path = join(dir, 'empty.duckdb');
    (await DuckDBInstance.create(path)).closeSync();
    process.env.THEMESCOPE_DB = path;
    try {
      expect(await httpErrorOf(() => resolveRun(at('')))).toStrictEqual({
        status: 503,
        message: `The database at ${path} has no Themescope tables. Run the pipeline to create it.`
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runOnce', () => {
  it('resolves on the first call only: a run completed later in the request does not change its run', async () => {
    const grows = await writeTempDb([handMadeRun()]);
    try {
      const run = runOnce(at(''));
      expect((await run()).run_id).toBe(1);
      await writeRun(grows.path, handMadeRun(), { lockWaitMs: 5_000 });
      expect([(await run()).run_id, (await resolveRun(at(''))).run_id]).toStrictEqual([1, 2]);
    } finally {
      grows.remove();
    }
  });

  it('queries nothing until asked, so a bad run cannot fail a request that never reads it', () => {
    process.env.THEMESCOPE_DB = '/nonexistent/themescope/themes.duckdb';
    expect(() => runOnce(at('?run=abc'))).not.toThrow();
  });

  it('answers every call with the same error', async () => {
    process.env.THEMESCOPE_DB = db.path;
    const run = runOnce(at('?run=3'));
    expect([await httpErrorOf(run), await httpErrorOf(run)]).toStrictEqual([
      { status: 404, message: 'No run 3 in this database — the runs page lists the ones there are' },
      { status: 404, message: 'No run 3 in this database — the runs page lists the ones there are' }
    ]);
  });
});

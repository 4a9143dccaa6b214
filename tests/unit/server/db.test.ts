import { copyFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAddedPapers } from '../../../src/lib/server/assigned.js';
import { DatabaseMissingError, fileKey, hasColumn, memoryLimitMb, query, streamRowObjects } from '../../../src/lib/server/db.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { httpErrorOf } from './http-error.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;

beforeAll(async () => {
  db = await writeTempDb([handMadeRun()]);
});
afterAll(() => db.remove());

describe('memoryLimitMb', () => {
  const GB = 2 ** 30;
  it('gives DuckDB room for the whole file: at least 1 GB, at most a quarter of the machine', () => {
    expect(memoryLimitMb(190 * 2 ** 20, 24 * GB)).toBe(1024); // the 75k-paper database
    expect(memoryLimitMb(2.5 * GB, 24 * GB)).toBe(2560); // a million papers
    expect(memoryLimitMb(40 * GB, 24 * GB)).toBe(6144);
    expect(memoryLimitMb(2.5 * GB, 2 * GB)).toBe(1024); // a small machine still gets the 1 GB floor
  });
});

describe('streamRowObjects', () => {
  const collect = async (sql: string, params = {}) => {
    const chunks: Record<string, unknown>[][] = [];
    for await (const rows of streamRowObjects(sql, params)) chunks.push(rows);
    return chunks;
  };

  it('yields the rows query() gives, JSON-safe, in chunks of at most 2,048 rows', async () => {
    const sql = `SELECT theme_id, label, keywords[1:2] AS kw, DATE '2025-01-02' AS d FROM themes WHERE run_id = $run ORDER BY theme_id`;
    expect((await collect(sql, { run: 1 })).flat()).toStrictEqual(await query(sql, { run: 1 }));
    const chunks = await collect('SELECT range::INTEGER AS i FROM range(5000)');
    expect(chunks.map((c) => c.length)).toStrictEqual([2048, 2048, 904]);
    expect(chunks.flat().map((r) => r.i)).toStrictEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('yields nothing when no row matches', async () => {
    expect((await collect('SELECT theme_id FROM themes WHERE run_id = $run', { run: 9 })).flat()).toStrictEqual([]);
  });

  it('gives its connection back when the caller stops early, so later queries still run', async () => {
    for (let i = 0; i < 8; i++) {
      for await (const rows of streamRowObjects('SELECT range AS i FROM range(100000)')) {
        expect(rows.length).toBe(2048);
        break;
      }
    }
    expect(await query('SELECT 42 AS x')).toStrictEqual([{ x: 42 }]);
  });
});

describe('fileKey', () => {
  it('changes when another file is renamed into place, and not otherwise', () => {
    const before = fileKey(db.path);
    expect(fileKey(db.path)).toBe(before);
    const copy = join(db.path, '..', 'copy.duckdb');
    copyFileSync(db.path, copy);
    renameSync(copy, db.path);
    expect(fileKey(db.path)).not.toBe(before);
  });

  it('throws DatabaseMissingError naming the path when there is no file', () => {
    const missing = join(db.path, '..', 'missing.duckdb');
    expect(() => fileKey(missing)).toThrow(DatabaseMissingError);
    expect(() => fileKey(missing)).toThrow(`No database at ${missing}.`);
  });
});

describe('query on an unusable file', () => {
  it('answers 503 naming the path when there is no database file', async () => {
    process.env.THEMESCOPE_DB = join(db.path, '..', 'missing.duckdb');
    try {
      expect(await httpErrorOf(() => query('SELECT 1'))).toStrictEqual({
        status: 503,
        message: `No database at ${process.env.THEMESCOPE_DB}. Run the pipeline first (npm run pipeline) or set THEMESCOPE_DB.`
      });
    } finally {
      process.env.THEMESCOPE_DB = db.path;
    }
  });

  it('answers 503 for a file that is not DuckDB', async () => {
    const text = join(db.path, '..', 'notes.duckdb');
    writeFileSync(text, 'not a database\n'.repeat(1000));
    process.env.THEMESCOPE_DB = text;
    try {
      expect(await httpErrorOf(async () => {
        for await (const rows of streamRowObjects('SELECT 1')) return rows;
      })).toStrictEqual({
        status: 503,
        message: `The file at ${text} is not a DuckDB database. Set THEMESCOPE_DB or run the pipeline.`
      });
    } finally {
      process.env.THEMESCOPE_DB = db.path;
    }
  });

  it('answers 503 telling to run the pipeline once for a file from before a table existed', async () => {
    expect(await httpErrorOf(() => query('SELECT 1 FROM no_such_table'))).toStrictEqual({
      status: 503,
      message: `The database at ${db.path} has no no_such_table table: it was written by an earlier version. ` +
        'Run the pipeline once to bring it up to date.'
    });
  });

  it('leaves other errors as they are, a column of the schema named on the wrong table included', async () => {
    await expect(query('SELECT no_such_column FROM themes')).rejects.toThrow(/no_such_column/);
    // label is a column of themes, not of papers: a bug in a query, not an older file.
    await expect(query('SELECT p.label FROM papers p')).rejects.toThrow(/label/);
  });

  it('answers 503 telling to run the pipeline once for a file from before a column existed', async () => {
    const old = await writeTempDb([handMadeRun()], 'ALTER TABLE themes DROP COLUMN covered_share');
    try {
      const expected = { status: 503, message: `The database at ${old.path} was written by an earlier version of Themescope (it has no column covered_share). ` +
        'Run the pipeline once (or add papers with npm run assign) to bring it up to date.' };
      expect(await httpErrorOf(() => query('SELECT covered_share FROM themes'))).toStrictEqual(expected);
      expect(await httpErrorOf(() => query('SELECT t.covered_share FROM themes t'))).toStrictEqual(expected);
      // Its other columns read as before.
      expect((await query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM themes'))[0].n).toBe(3);
      expect([await hasColumn('themes', 'covered_share'), await hasColumn('themes', 'label')]).toStrictEqual([false, true]);
    } finally {
      process.env.THEMESCOPE_DB = db.path;
      old.remove();
    }
  });

  it('opens /runs on a file whose batches have no warnings column (a later version added it): none listed', async () => {
    const old = await writeTempDb([handMadeRun()], 'ALTER TABLE assign_batches DROP COLUMN warnings');
    try {
      expect(await hasColumn('assign_batches', 'warnings')).toBe(false);
      expect(await listAddedPapers()).toStrictEqual({});
    } finally {
      process.env.THEMESCOPE_DB = db.path;
      old.remove();
    }
    expect(await hasColumn('assign_batches', 'warnings')).toBe(true);
  });
});

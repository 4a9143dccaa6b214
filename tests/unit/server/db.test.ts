import { copyFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseMissingError, fileKey, query, queryColumns } from '../../../src/lib/server/db.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { httpErrorOf } from './http-error.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;

beforeAll(async () => {
  db = await writeTempDb([handMadeRun()]);
});
afterAll(() => db.remove());

describe('queryColumns', () => {
  it('returns the column names and one JSON-safe array per column, in row order', async () => {
    const result = await queryColumns(
      `SELECT theme_id, label, share, keywords[1:2] AS kw, DATE '2025-01-02' AS d FROM themes
       WHERE run_id = $run ORDER BY theme_id`,
      { run: 1 }
    );
    expect(result).toStrictEqual({
      names: ['theme_id', 'label', 'share', 'kw', 'd'],
      columns: [
        [0, 1, 2],
        ['model merging, task vectors', 'long context', 'gaussian splatting'],
        [8 / 24, 8 / 24, 8 / 24],
        [['model merging', 'task vectors'], ['long context', 'context window'], ['gaussian splatting', '3dgs']],
        ['2025-01-02', '2025-01-02', '2025-01-02']
      ]
    });
  });

  it('returns the names and empty columns when no row matches', async () => {
    expect(await queryColumns('SELECT theme_id, label FROM themes WHERE run_id = $run', { run: 9 })).toStrictEqual({
      names: ['theme_id', 'label'],
      columns: [[], []]
    });
  });

  it('gives the same values as query() does row by row', async () => {
    const sql = 'SELECT paper_id, published, authors FROM papers ORDER BY paper_id LIMIT 3';
    const rows = await query(sql);
    const { names, columns } = await queryColumns(sql);
    expect(rows).toStrictEqual([0, 1, 2].map((i) => Object.fromEntries(names.map((n, c) => [n, columns[c][i]]))));
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
      expect(await httpErrorOf(() => queryColumns('SELECT 1'))).toStrictEqual({
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

  it('leaves other errors as they are', async () => {
    await expect(query('SELECT no_such_column FROM themes')).rejects.toThrow(/no_such_column/);
  });
});

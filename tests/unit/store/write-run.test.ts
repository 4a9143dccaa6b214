import { mkdtempSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../../../pipeline/errors.js';
import { describe, expect, it } from 'vitest';
import { storeMemoryMb, writeRun } from '../../../pipeline/store/write-run.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { readDb } from '../../fixtures/read-db.js';

const rows = <T = Record<string, unknown>>(path: string, sql: string) => readDb<T>(path, sql);

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'themescope-store-')), 'themes.duckdb');
}

describe('writeRun', () => {
  it('writes a complete run with every table filled', async () => {
    const db = tempDb();
    const runId = await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    expect(runId).toBe(1);
    expect(await rows(db, 'SELECT run_id, status, n_papers, k FROM runs')).toStrictEqual([
      { run_id: 1, status: 'complete', n_papers: 24, k: 3 }
    ]);
    const counts = await rows(
      db,
      `SELECT (SELECT count(*) FROM papers)::INT AS papers, (SELECT count(*) FROM themes)::INT AS themes,
              (SELECT count(*) FROM theme_terms)::INT AS terms, (SELECT count(*) FROM paper_themes)::INT AS pt,
              (SELECT count(*) FROM theme_periods)::INT AS periods, (SELECT count(*) FROM skipped_records)::INT AS skipped`
    );
    expect(counts).toStrictEqual([{ papers: 24, themes: 3, terms: 12, pt: 24, periods: 18, skipped: 1 }]);
    expect(await rows(db, "SELECT published, authors FROM papers WHERE paper_id = '2501.10005'")).toStrictEqual([
      { published: '2025-02-10', authors: ['Author 5', 'Shared Author'] }
    ]);
    expect(readdirSync(join(db, '..')).sort()).toStrictEqual(['themes.duckdb']);
  });

  it('writes every paper of a run larger than one append chunk (2,048 rows), the last chunk short', async () => {
    const db = tempDb();
    const run = handMadeRun('', 4500);
    await writeRun(db, run, { lockWaitMs: 0 });
    expect(await rows(db, 'SELECT count(*)::INT AS n, count(DISTINCT paper_id)::INT AS ids FROM papers')).toStrictEqual([{ n: 4500, ids: 4500 }]);
    const last = run.papers[4499];
    expect(await rows(db, `SELECT paper_id, title, authors, categories FROM papers WHERE paper_id = '${last.paperId}'`)).toStrictEqual([
      { paper_id: last.paperId, title: last.title, authors: last.authors, categories: last.categories }
    ]);
    expect(await rows(db, "SELECT title FROM papers WHERE paper_id = '2501.12048'")).toStrictEqual([{ title: run.papers[2048].title }]);
    expect(await rows(db, 'SELECT count(*)::INT AS n FROM paper_themes')).toStrictEqual([{ n: 4500 }]);
  });

  it('numbers runs in order and upserts papers shared by runs', async () => {
    const db = tempDb();
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    expect(await writeRun(db, handMadeRun(' (v2)'), { lockWaitMs: 0 })).toBe(2);
    expect(await rows(db, 'SELECT count(*)::INT AS n, max(title) AS t FROM papers WHERE paper_id = \'2501.10000\'')).toStrictEqual([
      { n: 1, t: 'model merging, task vectors paper 0 (v2)' }
    ]);
  });

  it('leaves the previous database untouched when a write fails midway', async () => {
    const db = tempDb();
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    const failing = writeRun(db, handMadeRun(), {
      lockWaitMs: 0,
      onStep: (step) => {
        if (step === 'theme_periods') throw new Error('disk on fire');
      }
    });
    await expect(failing).rejects.toThrow('disk on fire');
    expect(await rows(db, 'SELECT run_id, status FROM runs')).toStrictEqual([{ run_id: 1, status: 'complete' }]);
    expect(readdirSync(join(db, '..')).sort()).toStrictEqual(['themes.duckdb']);
  });

  it('refuses to write while another live process holds the lock', async () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, String(process.ppid));
    await expect(writeRun(db, handMadeRun(), { lockWaitMs: 300 })).rejects.toThrow(/another writer \(npm run pipeline or assign, pid \d+\)/);
    expect(existsSync(db)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, '999999999');
    expect(await writeRun(db, handMadeRun(), { lockWaitMs: 0 })).toBe(1);
  });

  it('stores the durations and metrics the run carries afterwards, the store time and peak RSS included', async () => {
    const db = tempDb();
    const run = handMadeRun();
    await writeRun(db, run, { lockWaitMs: 0 });
    const [stored] = await rows<{ durations: string; metrics: string }>(db, 'SELECT durations, metrics FROM runs');
    expect(JSON.parse(stored.durations)).toStrictEqual(run.durations);
    expect(JSON.parse(stored.metrics)).toStrictEqual(run.metrics);
    expect(run.durations.store).toBeGreaterThan(0);
    expect(run.metrics.peakRssMb).toBeGreaterThan(0);
    expect(run.metrics.peakRssMb).toBeLessThanOrEqual(Math.round(process.resourceUsage().maxRSS / 1024));
  });

  it('stores a NULL k_selection stability, also into a file made when that column was NOT NULL', async () => {
    const db = tempDb();
    // A file of an earlier version: a run, and k_selection as it was then.
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    await withConnection(db, (c) => c.run(`DROP TABLE k_selection; CREATE TABLE k_selection (run_id INTEGER NOT NULL, k INTEGER NOT NULL,
      stability DOUBLE NOT NULL, inertia DOUBLE NOT NULL, chosen BOOLEAN NOT NULL, PRIMARY KEY (run_id, k))`));
    const run = handMadeRun();
    run.stability = null;
    run.kSelection = [{ k: 3, stability: null, inertia: 1.5, chosen: true }];
    await writeRun(db, run, { lockWaitMs: 0 });
    expect(await rows(db, 'SELECT r.stability AS run, k.stability AS k FROM runs r JOIN k_selection k USING (run_id)')).toStrictEqual([
      { run: null, k: null }
    ]);
  });

  it('adds a column the spec appended to a table of an earlier file, NULL in the earlier rows', async () => {
    const db = tempDb();
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    await withConnection(db, async (c) => {
      // An earlier version's skipped_records without its last column (reason).
      await c.run('CREATE TABLE old AS SELECT run_id, file, line, field FROM skipped_records; DROP TABLE skipped_records; ALTER TABLE old RENAME TO skipped_records');
    });
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    expect(await rows(db, 'SELECT run_id, reason FROM skipped_records ORDER BY run_id')).toStrictEqual([
      { run_id: 1, reason: null },
      { run_id: 2, reason: 'expected a non-empty string' }
    ]);
  });

  it("stops with an InputError, leaving the file as it was, when a table's columns are not a prefix of the spec", async () => {
    const db = tempDb();
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    await withConnection(db, (c) => c.run('DROP TABLE theme_terms; CREATE TABLE theme_terms (run_id INTEGER, theme_id INTEGER, term VARCHAR, rank INTEGER, weight DOUBLE)'));
    const before = readFileSync(db);
    const error = await writeRun(db, handMadeRun(), { lockWaitMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${db} was written by an incompatible version of Themescope: table theme_terms has ` +
      'columns (run_id, theme_id, term, rank, weight), expected (run_id, theme_id, rank, term, weight); use a new --db');
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

async function withConnection(path: string, use: (c: DuckDBConnection) => Promise<unknown>): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('storeMemoryMb', () => {
  const run = (nRows: number, nnz: number) => ({ model: { matrix: { nRows, nCols: 60_000, indptr: Object.assign(new Uint32Array(nRows + 1), { [nRows]: nnz }) } } }) as never;

  it('keeps DuckDB at 256 MB for the 74.7k corpus and gives it room for a million papers\' TF-IDF rows', () => {
    expect(storeMemoryMb(run(74_723, 6_130_074))).toBe(256);
    // 4 B a row + 6 B a non-zero = 680 MB of BLOBs, kept in memory until the checkpoint: × 1.25 + 128 MB.
    expect(storeMemoryMb(run(999_995, 112_675_473))).toBe(Math.ceil((1.25 * (4 * 999_995 + 6 * 112_675_473)) / 2 ** 20) + 128);
  });
});

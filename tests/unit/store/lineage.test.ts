import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRun } from '../../../pipeline/store/write-run.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { readDb } from '../../fixtures/read-db.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'themescope-lineage-')), 'themes.duckdb');

/** The hand-made run re-clustered: old themes 0 and 1 (papers i ≡ 0, 1 mod 3) merged into theme 0, old theme 2 cut in two. */
function reclustered() {
  const run = handMadeRun();
  run.clustering.assignments = Int32Array.from(run.papers, (_, i) => (i % 3 < 2 ? 0 : i < 12 ? 1 : 2));
  return run;
}

const LINEAGE_SQL = `SELECT run_id, theme_id, prev_run_id, prev_theme_id, kind, shared_papers, jaccard, round(centroid_cosine, 9) AS cosine,
  theme_papers, prev_theme_papers FROM theme_lineage ORDER BY run_id, theme_id NULLS LAST, prev_theme_id`;

// Each test writes two or three runs to a DuckDB file: seconds, not milliseconds, on a loaded machine.
describe('theme_lineage in the store', { timeout: 30_000 }, () => {
  it('has no rows after the first run of a database', async () => {
    const db = tempDb();
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    expect(await readDb(db, 'SELECT count(*)::INT AS n FROM theme_lineage')).toStrictEqual([{ n: 0 }]);
  });

  it('matches the second run to the first: merged and split rows with shared papers, Jaccard and keyword cosine', async () => {
    const db = tempDb();
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    const run = reclustered();
    await writeRun(db, run, { lockWaitMs: 0 });
    // Same keywords per theme id in both runs: cosine 1 between equal ids, 0 between different ones.
    expect(await readDb(db, LINEAGE_SQL)).toStrictEqual([
      { run_id: 2, theme_id: 0, prev_run_id: 1, prev_theme_id: 0, kind: 'merged', shared_papers: 8, jaccard: 0.5, cosine: 1, theme_papers: 16, prev_theme_papers: 8 },
      { run_id: 2, theme_id: 0, prev_run_id: 1, prev_theme_id: 1, kind: 'merged', shared_papers: 8, jaccard: 0.5, cosine: 0, theme_papers: 16, prev_theme_papers: 8 },
      { run_id: 2, theme_id: 1, prev_run_id: 1, prev_theme_id: 2, kind: 'split', shared_papers: 4, jaccard: 0.5, cosine: 0, theme_papers: 4, prev_theme_papers: 8 },
      { run_id: 2, theme_id: 2, prev_run_id: 1, prev_theme_id: 2, kind: 'split', shared_papers: 4, jaccard: 0.5, cosine: 1, theme_papers: 4, prev_theme_papers: 8 }
    ]);
    expect(await readDb(db, "SELECT metrics->'lineage' AS lineage FROM runs WHERE run_id = 2")).toStrictEqual([
      { lineage: JSON.stringify({ prevRunId: 1, continued: 0, split: 2, merged: 2, new: 0, gone: 0 }) }
    ]);
    expect(run.lineage?.prevRunId).toBe(1);
  });

  it('matches a run to the newest complete run, and a failed run leaves no lineage behind', async () => {
    const db = tempDb();
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    await writeRun(db, reclustered(), { lockWaitMs: 0 });
    const failing = writeRun(db, handMadeRun(), { lockWaitMs: 0, onStep: (s) => { if (s === 'complete') throw new Error('power cut'); } });
    await expect(failing).rejects.toThrow('power cut');
    expect(await readDb(db, 'SELECT DISTINCT run_id FROM theme_lineage')).toStrictEqual([{ run_id: 2 }]);
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    expect(await readDb(db, `SELECT prev_run_id, prev_theme_id, theme_id, kind FROM theme_lineage WHERE run_id = 3
      ORDER BY theme_id, prev_theme_id`)).toStrictEqual([
      { prev_run_id: 2, prev_theme_id: 0, theme_id: 0, kind: 'split' },
      { prev_run_id: 2, prev_theme_id: 0, theme_id: 1, kind: 'split' },
      { prev_run_id: 2, prev_theme_id: 1, theme_id: 2, kind: 'merged' },
      { prev_run_id: 2, prev_theme_id: 2, theme_id: 2, kind: 'merged' }
    ]);
  });
});

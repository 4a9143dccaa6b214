import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaSql, TABLES } from '../../../pipeline/store/tables.js';
import { STORE_STEPS, writeRun } from '../../../pipeline/store/write-run.js';
import { unplaced } from '../../../pipeline/store/run-data.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { readDb } from '../../fixtures/read-db.js';

describe('the table spec', () => {
  it('is what the committed schema.sql says (regenerate with npx tsx pipeline/store/write-schema.ts)', () => {
    const committed = readFileSync(new URL('../../../pipeline/store/schema.sql', import.meta.url), 'utf8');
    expect(committed).toBe(schemaSql());
  });

  it('gives the store one progress step per table, in write order (the map\'s, then the search index\'s, then paper_vectors, last), then complete and rename', () => {
    expect(STORE_STEPS).toStrictEqual([
      'runs', 'papers', 'theme_terms', 'theme_periods', 'period_totals', 'k_selection', 'skipped_records', 'bursts',
      'coverage_changes', 'paper_theme_ranks', 'theme_lineage', 'run_models', 'run_terms', 'theme_vectors', 'assign_batches',
      'assigned_papers', 'map', 'themes', 'paper_themes', 'theme_neighbours', 'areas', 'similar_papers', 'paper_rows',
      'search_terms', 'search_postings', 'paper_vectors', 'complete', 'rename'
    ]);
  });

  it('waits for the map\'s part of a run only before the tables that hold it, and for the recall check only before it completes', { timeout: 30_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'themescope-placed-')), 'themes.duckdb');
    const run = handMadeRun();
    const placement = { themes: run.themes, layout: run.layout, neighbours: run.neighbours, areas: run.areas, similar: run.similar };
    // Until the map arrives the run holds placeholders, as the pipeline's does (run.ts storeRun).
    Object.assign(run, { themes: run.themes.map((t) => ({ ...t, x: NaN, y: NaN, areaId: -1 })), ...unplaced() });
    const steps: string[] = [];
    const asked: Record<string, string> = {};
    await writeRun(db, run, {
      lockWaitMs: 0, onStep: (s) => steps.push(s),
      place: async () => ((asked.place = steps.at(-1)!), placement),
      recall: async () => ((asked.recall = steps.at(-1)!), 0.42)
    });
    expect(asked).toStrictEqual({ place: 'map', recall: 'paper_vectors' });
    expect(steps.indexOf('papers')).toBeLessThan(steps.indexOf('map'));
    const [row] = await readDb<{ x: number; areaIds: string; areas: bigint; neighbours: bigint; paperX: number; similar: bigint; recall: string }>(db,
      `SELECT (SELECT min(x) FROM themes) AS x, (SELECT string_agg(area_id::VARCHAR, ',' ORDER BY theme_id) FROM themes) AS "areaIds",
        (SELECT count(*) FROM areas) AS areas, (SELECT count(*) FROM theme_neighbours) AS neighbours,
        (SELECT x FROM paper_themes WHERE paper_id = '${run.papers[0].paperId}') AS "paperX",
        (SELECT count(*) FROM similar_papers) AS similar, (SELECT metrics->>'mapRecall10' FROM runs) AS recall`);
    expect(row.x).toBe(Math.min(...placement.themes.map((t) => t.x)));
    expect(row.areaIds).toBe(placement.themes.map((t) => t.areaId).join(','));
    expect(Number(row.areas)).toBe(placement.areas.length);
    expect(Number(row.neighbours)).toBe(placement.neighbours.length);
    expect(row.paperX).toBeCloseTo(placement.layout.paperXY[0], 5);
    expect(Number(row.similar)).toBe(placement.similar.rows.filter((r) => r >= 0).length);
    expect(Number(row.recall)).toBe(0.42);
  });

  it('stores a run whose recall check failed, without its recall and with a warning', { timeout: 30_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'themescope-recall-')), 'themes.duckdb');
    await writeRun(db, handMadeRun(), { lockWaitMs: 0, recall: async () => { throw new Error('worker exited'); } });
    const [{ status, recall, warning }] = await readDb<{ status: string; recall: string | null; warning: string }>(db,
      `SELECT status, metrics->>'mapRecall10' AS recall, (metrics->'warnings')::VARCHAR AS warning FROM runs`);
    expect(status).toBe('complete');
    expect(recall).toBeNull();
    expect(warning).toContain("the map's recall check failed (worker exited)");
  });

  it('waits for a search index still in the making only before its tables, and stores it', { timeout: 30_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'themescope-late-')), 'themes.duckdb');
    const run = handMadeRun();
    const index = run.search!;
    run.search = null;
    const steps: string[] = [];
    let askedAt = -1;
    await writeRun(db, run, {
      lockWaitMs: 0, onStep: (s) => steps.push(s),
      searchIndex: async () => ((askedAt = steps.length), index)
    });
    expect(steps[askedAt - 1]).toBe('paper_rows');
    const [{ postings }] = await readDb<{ postings: bigint }>(db, 'SELECT count(*) AS postings FROM search_postings');
    expect(Number(postings)).toBe(index.postingTerm.length);
    expect(index.postingTerm.length).toBeGreaterThan(0);
  });

  // Writes a run into a fresh DuckDB file: seconds on a loaded 2-core machine.
  it('is the column order, types and nullability of the tables a run creates', { timeout: 30_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'themescope-schema-')), 'themes.duckdb');
    await writeRun(db, handMadeRun(), { lockWaitMs: 0 });
    const actual = await readDb<{ table_name: string; columns: string[] }>(
      db,
      `SELECT table_name, list(column_name || ' ' || data_type || CASE WHEN is_nullable = 'YES' THEN ' NULL' ELSE '' END
         ORDER BY ordinal_position) AS columns
       FROM information_schema.columns WHERE table_schema = 'main' GROUP BY table_name ORDER BY table_name`
    );
    const expected = TABLES.map((t) => ({
      table_name: t.name,
      columns: t.columns.map((c) => `${c.name} ${c.type}${'nullable' in c && c.nullable ? ' NULL' : ''}`)
    })).sort((a, b) => a.table_name.localeCompare(b.table_name));
    expect(actual).toStrictEqual(expected);
  });
});

// Carrying edits to the next run through the database: by shared papers when the file has no
// theme_lineage table, by its 'continued' rows when it has one.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/lib/server/curation/index.js';
import { loadRunCuration } from '../../../src/lib/server/curation/index.js';
import { query } from '../../../src/lib/server/db.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb | null = null;
afterEach(() => db?.remove());

/** Run 1's theme 0 renamed and theme 1 hidden, written to the journal beside the database. */
function editRun1(path: string): void {
  const at = '2026-12-01T10:00:00Z';
  writeFileSync(`${path}.edits.jsonl`, [
    { kind: 'rename', themeId: 0, name: 'Model merging', id: '1', runId: 1, at, by: 'Ada' },
    { kind: 'hide', themeId: 1, id: '2', runId: 1, at, by: 'Ada' }
  ].map((e) => JSON.stringify(e)).join('\n') + '\n');
}

// Each test writes two runs into a fresh DuckDB file: seconds on a loaded 2-core machine.
describe('carrying edits to the next run', { timeout: 30_000 }, () => {
  it('follows shared papers: the same papers in run 2 carry the name and the hide', async () => {
    db = await writeTempDb([handMadeRun(), handMadeRun()]);
    editRun1(db.path);
    const rc = (await loadRunCuration(2))!;
    expect([rc.carriedFrom, rc.curation.themes.get(0)!.label, rc.curation.themes.get(1)!.hidden]).toStrictEqual([1, 'Model merging', true]);
    expect(await query(`SELECT theme_id, label FROM themes WHERE run_id = 2 ORDER BY theme_id`)).toStrictEqual([
      { theme_id: 0, label: 'Model merging' }, { theme_id: 1, label: 'long context' }, { theme_id: 2, label: 'gaussian splatting' }]);
  });

  it('does not carry a name to a theme that continues with other keywords: it asks for review (weekly-use audit of 2026-12-05)', async () => {
    // theme 0 continues by its papers, but theme_lineage marks its keywords changed (cosine 0.07 < 0.25)
    db = await writeTempDb([handMadeRun(), handMadeRun()], `
      UPDATE theme_lineage SET centroid_cosine = 0.07 WHERE run_id = 2 AND prev_theme_id = 0;`);
    editRun1(db.path);
    const rc = (await loadRunCuration(2))!;
    const stored = await query<{ label: string }>(`SELECT label FROM src.main.themes WHERE run_id = 2 AND theme_id = 0`);
    expect(rc.curation.themes.get(0)!.label).toBe(stored[0].label);
    expect(rc.curation.themes.get(1)!.hidden).toBe(true); // theme 1 continues with its keywords: its hide carries
    const review = rc.review.filter((r) => r.status === 'review');
    expect(review.map((r) => r.text)).toStrictEqual([
      '“Model merging” (0) continues as theme 0 in run 2, but its keywords changed (keyword cosine 0.07): its edits are not carried; rename, hide or annotate it there if it fits']);
  });

  it('names a split that does not carry by the theme it split, and links its parts and where their papers went (weekly-use audit of 2026-12-05)', async () => {
    db = await writeTempDb([handMadeRun(), handMadeRun()]);
    const papers = (await query<{ paper_id: string }>(`SELECT paper_id FROM src.main.paper_themes WHERE run_id = 1 AND theme_id = 0 ORDER BY paper_id`))
      .map((r) => r.paper_id);
    const half = Math.ceil(papers.length / 2);
    writeFileSync(`${db.path}.edits.jsonl`, JSON.stringify({ kind: 'split', themeId: 0, units: [0], id: '1', runId: 1, at: '2026-12-01T10:00:00Z', by: 'Ada',
      labels: { 0: 'model merging' }, parts: [{ id: 10, label: 'merging methods', keywords: [], paperIds: papers.slice(0, half) },
        { id: 11, label: 'merging theory', keywords: [], paperIds: papers.slice(half) }] }) + '\n');
    const rc = (await loadRunCuration(2))!;
    const item = rc.review.find((r) => r.text.startsWith('Split of'))!;
    expect([item.status, item.text]).toStrictEqual(['review',
      'Split of “model merging” (0) into 2 parts not re-applied: run 2 clusters afresh; split again there if needed']);
    expect(item.links).toStrictEqual([{ href: '/themes/10?run=1', text: '“merging methods” in run 1' },
      { href: '/themes/11?run=1', text: '“merging theory” in run 1' }, { href: '/runs/compare?a=1&b=2', text: 'where its papers went in run 2' }]);
  });

  it('prefers theme_lineage’s continued rows over its own matching', async () => {
    // The store wrote run 2's lineage (each theme continued); replaced here by a lineage that says otherwise.
    db = await writeTempDb([handMadeRun(), handMadeRun()], `
      DELETE FROM theme_lineage WHERE run_id = 2;
      INSERT INTO theme_lineage (run_id, theme_id, prev_run_id, prev_theme_id, kind, shared_papers, jaccard, centroid_cosine)
        VALUES (2, 2, 1, 0, 'continued', 8, 1.0, 1.0), (2, NULL, 1, 1, 'gone', 0, 0.0, 0.0);`);
    editRun1(db.path);
    const rc = (await loadRunCuration(2))!;
    expect(rc.curation.themes.get(2)!.label).toBe('Model merging'); // lineage says old 0 continues as 2
    // old 1 has no 'continued' row (lineage says gone): its hide is listed for review, not carried by another rule
    expect(rc.review.filter((r) => r.status === 'review').map((r) => r.text)).toStrictEqual([
      'Theme “long context” (1: hidden) has no continuing theme in run 2']);
    // with what to look at to decide (the weekly-use review of 2026-12-04: the item gave the lead nothing to go on)
    expect(rc.review.find((r) => r.status === 'review')!.links).toStrictEqual([
      { href: '/themes/1?run=1', text: 'the theme in run 1' }, { href: '/runs/compare?a=1&b=2', text: 'where its papers went in run 2' }]);
  });
});

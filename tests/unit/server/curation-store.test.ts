// The edits journal and the curated views over a real (hand-made) run: appends are serialised and
// whole; a refused edit writes nothing; merged themes' periods are the stored ones summed and split
// parts' periods add up to the theme's; hidden themes leave the overview list; cache keys change.
import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../src/lib/server/curation/index.js';
import { appendEdits, journalPath, readJournal } from '../../../src/lib/server/curation/journal.js';
import { loadRunCuration } from '../../../src/lib/server/curation/index.js';
import { query } from '../../../src/lib/server/db.js';
import { countHiddenThemes, listThemeSummaries } from '../../../src/lib/server/overview.js';
import { databaseIdentity } from '../../../src/lib/server/run-cache.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { readDb } from '../../fixtures/read-db.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;
beforeAll(async () => {
  db = await writeTempDb([handMadeRun()]);
});
afterAll(() => db.remove());

const stored = (sql: string) => readDb<Record<string, number>>(db.path, sql);

describe('the edits journal', () => {
  it('serialises concurrent edits: each lands whole, with its own id', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      appendEdits(1, `editor ${i}`, () => [{ kind: 'note', themeId: i % 3, text: `note ${i}` }])));
    expect(made.map((m) => m[0].id).sort((a, b) => Number(a) - Number(b))).toStrictEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(readJournal().map((e) => e.id)).toStrictEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(readFileSync(journalPath(), 'utf8').endsWith('}\n')).toBe(true);
  });

  it('writes nothing when the edit is refused', async () => {
    const before = readFileSync(journalPath(), 'utf8');
    await expect(appendEdits(1, 'x', () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(readFileSync(journalPath(), 'utf8')).toBe(before);
    expect(existsSync(`${journalPath()}.lock`)).toBe(false);
  });
});

describe('the curated views', () => {
  it('merges: one theme whose size and month counts are the stored ones summed', async () => {
    const key = databaseIdentity();
    await appendEdits(1, 'Ada', () => [{ kind: 'merge', themeIds: [0, 1], into: 0, name: 'Merged' }]);
    expect(databaseIdentity()).not.toBe(key);
    const sums = await stored(`SELECT period::VARCHAR AS period, sum(papers)::INTEGER AS n FROM theme_periods WHERE run_id = 1 AND theme_id IN (0, 1) GROUP BY period ORDER BY period`);
    const curated = await query<Record<string, number>>(`SELECT period::VARCHAR AS period, papers AS n FROM theme_periods WHERE run_id = 1 AND theme_id = 0 ORDER BY period`);
    expect(curated).toStrictEqual(sums);
    const sizes = await query<{ theme_id: number; label: string; size: number }>(`SELECT theme_id, label, size FROM themes WHERE run_id = 1 ORDER BY theme_id`);
    const storedSizes = await stored(`SELECT theme_id, size FROM themes WHERE run_id = 1 ORDER BY theme_id`);
    expect(sizes).toStrictEqual([
      { theme_id: 0, label: 'Merged', size: storedSizes[0].size + storedSizes[1].size },
      { theme_id: 2, label: 'gaussian splatting', size: storedSizes[2].size }
    ]);
    // areas hold the curated themes: theme 1's area lost it to theme 0's
    const areas = await query<{ area_id: number; size: number; n_themes: number }>(`SELECT area_id, size, n_themes FROM areas WHERE run_id = 1 ORDER BY area_id`);
    const themeAreas = await stored(`SELECT theme_id, area_id FROM themes WHERE run_id = 1 ORDER BY theme_id`);
    const expected = new Map<number, { size: number; n: number }>();
    for (const [id, size] of [[0, sizes[0].size], [2, sizes[1].size]]) {
      const a = themeAreas[id].area_id;
      expected.set(a, { size: (expected.get(a)?.size ?? 0) + size, n: (expected.get(a)?.n ?? 0) + 1 });
    }
    expect(areas.map((a) => [a.area_id, a.size, a.n_themes])).toStrictEqual(areas.map((a) => [a.area_id, expected.get(a.area_id)?.size ?? 0, expected.get(a.area_id)?.n ?? 0]));
  });

  it('splits: the parts hold the theme’s papers (one assigned after the split joins the largest), month counts add up to its stored ones', async () => {
    const papers = (await stored(`SELECT paper_id FROM paper_themes WHERE run_id = 1 AND theme_id = 2 ORDER BY paper_id`)).map((r) => r.paper_id as unknown as string);
    const half = Math.ceil(papers.length / 2);
    await appendEdits(1, 'Ada', () => [{ kind: 'split', themeId: 2, units: [2], parts: [
      { id: 3, label: 'splats', keywords: [{ term: 'splat', weight: 2 }], paperIds: papers.slice(0, half) },
      // the theme's last paper is in neither list, as if `npm run assign` had added it after the split
      { id: 4, label: 'views', keywords: [{ term: 'view', weight: 1 }], paperIds: papers.slice(half, -1) }] }]);
    const parent = await stored(`SELECT period::VARCHAR AS period, papers AS n FROM theme_periods WHERE run_id = 1 AND theme_id = 2 AND granularity = 'month' ORDER BY period`);
    const parts = await query<Record<string, number>>(`SELECT period::VARCHAR AS period, sum(papers)::INTEGER AS n FROM theme_periods
      WHERE run_id = 1 AND theme_id IN (3, 4) AND granularity = 'month' GROUP BY period ORDER BY period`);
    expect(parts).toStrictEqual(parent);
    const sizes = await query<{ theme_id: number; n: number }>(`SELECT theme_id, count(*)::INTEGER AS n FROM paper_themes WHERE run_id = 1 GROUP BY theme_id ORDER BY theme_id`);
    expect(sizes.filter((s) => s.theme_id >= 3).map((s) => s.n)).toStrictEqual([half + 1, papers.length - half - 1]);
    expect(await query(`SELECT rank, term FROM theme_terms WHERE run_id = 1 AND theme_id = 3`)).toStrictEqual([{ rank: 1, term: 'splat' }]);
  });

  it('hides: the theme leaves the overview list but its row and curation stay', async () => {
    await appendEdits(1, 'Ada', () => [{ kind: 'hide', themeId: 4 }]);
    expect((await listThemeSummaries(1)).map((t) => t.themeId).sort()).toStrictEqual([0, 3]);
    expect((await loadRunCuration(1))!.curation.themes.get(4)!.hidden).toBe(true);
    expect(await query(`SELECT theme_id, hidden FROM theme_curation WHERE run_id = 1 AND theme_id = 4`)).toStrictEqual([{ theme_id: 4, hidden: true }]);
    // The Overview and the map (one count, countHiddenThemes) count the hidden theme where they count themes: the area's count and papers hold it.
    const size = await query<{ size: number; area_id: number }>(`SELECT size, area_id FROM themes WHERE run_id = 1 AND theme_id = 4`);
    expect(await countHiddenThemes(1)).toStrictEqual({ themes: 3, hidden: 1, byArea: { [size[0].area_id]: { themes: 1, papers: size[0].size } } });
  });
});

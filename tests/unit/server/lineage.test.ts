import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../src/lib/server/curation/index.js';
import { appendEdits } from '../../../src/lib/server/curation/journal.js';
import { query } from '../../../src/lib/server/db.js';
import { compareRuns, listCompleteRuns, loadThemeLineage, resolvePair, type CompareRun } from '../../../src/lib/server/lineage.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { readDb } from '../../fixtures/read-db.js';
import { httpErrorOf } from './http-error.js';
import { writeTempDb, type TempDb } from './temp-db.js';

const run = (runId: number): CompareRun => ({ runId, createdAt: '2025-07-01 12:00', nPapers: 24, k: 3 });
const pair = (search: string, runs: CompareRun[]) => {
  const p = resolvePair(new URLSearchParams(search), runs);
  return p && ('same' in p ? p : [p.a.runId, p.b.runId]);
};

describe('resolvePair', () => {
  const runs = [run(5), run(3), run(1)]; // newest first, as listCompleteRuns gives them

  it('defaults to the last two complete runs, and to the run before b or the newest other than a', () => {
    expect(pair('', runs)).toStrictEqual([3, 5]);
    expect(pair('b=3', runs)).toStrictEqual([1, 3]);
    expect(pair('a=1', runs)).toStrictEqual([1, 5]);
    expect(pair('a=5&b=1', runs)).toStrictEqual([5, 1]);
    expect(pair('b=1', runs)).toStrictEqual([5, 1]);
  });

  it('is null with fewer than two complete runs, whatever was picked (the one run in both pickers too)', () => {
    expect(pair('', [run(1)])).toBeNull();
    expect(pair('b=1', [run(1)])).toBeNull();
    expect(pair('a=1&b=1', [run(1)])).toBeNull();
    expect(pair('', [])).toBeNull();
  });

  it('gives the same run twice back as such, for the page to say beside its pickers', async () => {
    expect(resolvePair(new URLSearchParams('a=3&b=3'), runs)).toStrictEqual({ same: run(3) });
    expect(await httpErrorOf(() => resolvePair(new URLSearchParams('a=2&b=2'), runs)))
      .toStrictEqual({ status: 404, message: 'No complete run 2 (a): the complete runs are 5, 3, 1' });
  });

  it('answers 404 for a run that is not complete, 400 for a malformed id', async () => {
    expect(await httpErrorOf(() => resolvePair(new URLSearchParams('a=2&b=5'), runs)))
      .toStrictEqual({ status: 404, message: 'No complete run 2 (a): the complete runs are 5, 3, 1' });
    expect(await httpErrorOf(() => resolvePair(new URLSearchParams('b=0'), runs)))
      .toStrictEqual({ status: 400, message: 'b must be a run number (a positive integer), not “0”' });
    expect(await httpErrorOf(() => resolvePair(new URLSearchParams("a=1;DROP TABLE runs"), runs)))
      .toStrictEqual({ status: 400, message: 'a must be a run number (a positive integer), not “1;DROP TABLE runs”' });
  });
});

describe('compareRuns and loadThemeLineage on stored runs', () => {
  let db: TempDb;
  beforeAll(async () => {
    // Run 1's "long context" is marked as a mixture: both pages must name it "Mixture: long context".
    const first = handMadeRun();
    first.themes[1] = { ...first.themes[1], mixture: true };
    const second = handMadeRun();
    second.clustering.assignments = Int32Array.from(second.papers, (_, i) => (i % 3 < 2 ? 0 : i < 12 ? 1 : 2));
    db = await writeTempDb([first, second]);
  });
  afterAll(() => db.remove());

  it('computes for the last two runs exactly the links the store wrote into theme_lineage', async () => {
    const [b, a] = await listCompleteRuns();
    const c = await compareRuns(a, b);
    const stored = await readDb<Record<string, unknown>>(db.path, `SELECT kind, theme_id AS "themeId", prev_theme_id AS "prevThemeId",
      shared_papers AS "sharedPapers", jaccard, centroid_cosine AS "centroidCosine", theme_papers AS "themePapers",
      prev_theme_papers AS "prevThemePapers" FROM theme_lineage WHERE run_id = 2 ORDER BY theme_id NULLS LAST, prev_theme_id`);
    expect(c.links).toStrictEqual(stored);
    expect(c.sharedPapers).toBe(24);
    expect([c.prevThemes.map((t) => t.label), c.themes.map((t) => t.label)]).toStrictEqual([
      ['model merging, task vectors', 'Mixture: long context', 'gaussian splatting'], ['model merging, task vectors', 'long context', 'gaussian splatting']]);
    expect(c.flows).toStrictEqual([
      { prevThemeId: 0, themeId: 0, papers: 8 }, { prevThemeId: 1, themeId: 0, papers: 8 },
      { prevThemeId: 2, themeId: 1, papers: 4 }, { prevThemeId: 2, themeId: 2, papers: 4 }
    ]);
  });

  it("gives a theme its ancestors in the run before and its descendants in the run after", async () => {
    const merged = await loadThemeLineage(2, 0);
    expect(merged).toMatchObject({ prevRunId: 1, earlierRunId: 1, isNew: false, nextRunId: null, descendants: [], isGone: false });
    expect(merged.ancestors.map((x) => [x.kind, x.runId, x.themeId, x.label])).toStrictEqual([
      ['merged', 1, 0, 'model merging, task vectors'], ['merged', 1, 1, 'Mixture: long context']
    ]);
    const cut = await loadThemeLineage(1, 2);
    expect(cut).toMatchObject({ prevRunId: null, earlierRunId: null, ancestors: [], nextRunId: 2, isGone: false });
    expect(cut.descendants.map((x) => [x.kind, x.runId, x.themeId, x.sharedPapers])).toStrictEqual([['split', 2, 1, 4], ['split', 2, 2, 4]]);
  });

  it('tells a run stored before lineage (no rows) from a database\'s first run', async () => {
    const later = await writeTempDb([handMadeRun(), handMadeRun()], 'DELETE FROM theme_lineage');
    try {
      expect(await loadThemeLineage(2, 0)).toMatchObject({ prevRunId: null, earlierRunId: 1, ancestors: [], isNew: false });
    } finally {
      later.remove();
      process.env.THEMESCOPE_DB = db.path;
    }
  });
});

describe('lineage after curation (workflow audit of 2026-12-03: a merge left a blank ancestor name, and the export disagreed with /runs/compare)', () => {
  let db: TempDb;
  beforeAll(async () => {
    const second = handMadeRun();
    second.clustering.assignments = Int32Array.from(second.papers, (_, i) => (i % 3 < 2 ? 0 : i < 12 ? 1 : 2));
    db = await writeTempDb([handMadeRun(), second]);
    // Run 1's themes 0 and 1 merged into 0 by a lead: run 1 no longer has a theme 1.
    await appendEdits(1, 'Ada', () => [{ kind: 'merge', themeIds: [0, 1], into: 0, name: 'Merged' }]);
  });
  afterAll(() => db.remove());

  it('reads one set of links everywhere: theme_lineage as the dashboard reads it is /runs/compare\'s, between the curated themes', async () => {
    const [b, a] = await listCompleteRuns();
    const c = await compareRuns(a, b);
    const read = await query<Record<string, unknown>>(`SELECT kind, theme_id AS "themeId", prev_theme_id AS "prevThemeId",
      shared_papers AS "sharedPapers", jaccard, centroid_cosine AS "centroidCosine", theme_papers AS "themePapers",
      prev_theme_papers AS "prevThemePapers" FROM theme_lineage WHERE run_id = 2 ORDER BY theme_id NULLS LAST, prev_theme_id`);
    expect(read).toStrictEqual(c.links);
    expect(read.some((l) => l.prevThemeId === 1)).toBe(false);
    // The stored rows stay as the pipeline wrote them (run 1's theme 1 merged into run 2's theme 0).
    const stored = await readDb<{ n: number }>(db.path, 'SELECT count(*)::INTEGER AS n FROM theme_lineage WHERE run_id = 2 AND prev_theme_id = 1');
    expect(stored[0].n).toBeGreaterThan(0);
  });

  it('names every ancestor by its curated theme: run 2\'s theme 0 continues run 1\'s merged theme', async () => {
    const lineage = await loadThemeLineage(2, 0);
    expect(lineage.ancestors.map((x) => [x.kind, x.runId, x.themeId, x.label])).toStrictEqual([['continued', 1, 0, 'Merged']]);
  });
});

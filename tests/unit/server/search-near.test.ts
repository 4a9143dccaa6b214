// The query's words in the order written rank first (dashboard audit of 2026-12-04: "model merging"
// listed "Token Merging for Segment Anything Models" above papers on model merging, and one of them last).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPaperFilter, searchPapers } from '../../../src/lib/server/papers.js';
import { loadThemePapers } from '../../../src/lib/server/theme.js';
import { resolveQuery } from '../../../src/lib/server/search-index.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { buildSearchIndex } from '../../../pipeline/search/index.js';
import { writeTempDb, type TempDb } from './temp-db.js';

const id = (i: number) => `2501.${10000 + i}`;
let db: TempDb;

beforeAll(async () => {
  const run = handMadeRun();
  // Theme 0's papers 0 and 3: both words in a short title, apart (BM25F's favourite), and the phrase deep in a long abstract.
  Object.assign(run.papers[0], { title: 'Merging tokens for a segmentation model', abstract: 'Token reduction in vision transformers (0).' });
  Object.assign(run.papers[3], { title: 'A report on weights', abstract: `${'We study many things at length here. '.repeat(12)}One of them is model merging (3).` });
  run.search = buildSearchIndex(run.papers);
  db = await writeTempDb([run]);
});
afterAll(() => db.remove());

const order = async (q: string) => (await searchPapers(1, await readPaperFilter(new URLSearchParams({ q }), 1), 1, 50)).items.map((p) => p.paperId);

describe('ranking by the order of the words', () => {
  it('puts the papers holding the words in the order written first, whatever BM25F says', async () => {
    // Reversed, the words are in order nowhere: BM25F alone puts the title match (0) before the abstract one (3).
    const bm25 = await order('merging model ');
    expect(bm25.indexOf(id(0))).toBeLessThan(bm25.indexOf(id(3)));
    for (const q of ['model merging ', 'model merging', 'model merg']) {
      const ranked = await order(q);
      expect([q, ranked.indexOf(id(3)) < ranked.indexOf(id(0))]).toStrictEqual([q, true]);
      // Every paper holding the phrase (the other theme-0 titles say "model merging") comes before 0.
      expect(ranked.at(-1)).toBe(id(0));
    }
  });

  it('finds the same papers as before: the order check ranks, it does not filter', async () => {
    expect((await order('model merging ')).sort()).toStrictEqual((await order('merging model ')).sort());
  });

  it('ranks a theme page\'s list the same way', async () => {
    const list = (await loadThemePapers(1, 0, 'model merging', 1, 50)).items.map((p) => p.paperId);
    expect(list.at(-1)).toBe(id(0));
  });

  it('is left out when every word is held by more papers than the bound (NEAR_MAX_PAPERS), or the words are quoted', async () => {
    // "model" and "merging" are each held by 8 papers of the 24 (review of 2026-12-04: the bound was untested).
    const near = async (q: string, nearMax?: number) => (await resolveQuery(1, q, nearMax === undefined ? {} : { nearMax })).nearPattern !== null;
    expect([await near('model merging '), await near('model merging ', 8), await near('model merging ', 7), await near('"model merging"')])
      .toStrictEqual([true, true, false, false]);
  });
});

// The unfiltered papers listing's fast path (papers.ts newestOfRun) when another run's papers are the
// newest in the papers table: the candidates then hold too few of this run's papers, and the page
// must still be this run's newest, as the full query gives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPaperFilter, searchPapers } from '../../../src/lib/server/papers.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { buildSearchIndex } from '../../../pipeline/search/index.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;

beforeAll(async () => {
  // Run 2: other papers (ids 2701.x), every one newer than run 1's (2027).
  const newer = handMadeRun();
  newer.papers.forEach((p, i) => Object.assign(p, { paperId: `2701.${10000 + i}`, published: `2027-01-${String(1 + (i % 28)).padStart(2, '0')}` }));
  newer.search = buildSearchIndex(newer.papers);
  db = await writeTempDb([handMadeRun(), newer]);
});
afterAll(() => db.remove());

const page = async (run: number, n: number, size: number) =>
  (await searchPapers(run, await readPaperFilter(new URLSearchParams(), run), n, size)).items.map((p) => p.paperId);

describe('the unfiltered listing', () => {
  it("lists each run's own papers newest first, whichever run's papers are newest in the table", async () => {
    expect(await page(1, 1, 6)).toStrictEqual([20, 21, 22, 23, 16, 17].map((i) => `2501.${10000 + i}`));
    expect((await page(1, 2, 10)).every((id) => id.startsWith('2501.'))).toBe(true);
    const newest = await page(2, 1, 3);
    expect(newest.every((id) => id.startsWith('2701.'))).toBe(true);
    expect(newest).toHaveLength(3);
  });
});

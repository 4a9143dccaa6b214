// Facets (src/lib/server/facets.ts): a paper counts once per author and per category, however many
// times its record lists them, on the theme page and on /papers alike, and as the author filter counts.
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { loadFacets, loadThemeFacets } from '../../../src/lib/server/facets.js';
import { readPaperFilter, searchPapers } from '../../../src/lib/server/papers.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

// Hand-made run: paper i is in theme i % 3, by "Author i" and "Shared Author", in cs.CL (even i) or cs.CV (odd i).
let db: TempDb;

beforeAll(async () => {
  const run = handMadeRun();
  // Paper 0 (theme 0) lists one author twice, as arXiv's 2602.06052 lists "Yu Wang", and its category twice.
  run.papers[0].authors = ['Shared Author', 'Author 0', 'Shared Author'];
  run.papers[0].categories = ['cs.CL', 'cs.CL'];
  db = await writeTempDb([run]);
});
afterAll(() => db.remove());

const countOf = (facet: { value: string; papers: number }[], value: string) => facet.find((f) => f.value === value)?.papers;

describe('loadThemeFacets', () => {
  it('counts each of the theme’s papers once per author and category it lists', async () => {
    const facets = await loadThemeFacets(1, 0);
    // Theme 0: papers 0, 3, …, 21 (8 papers, 4 in cs.CL); paper 0's repeated names count once.
    expect([countOf(facets.authors, 'Shared Author'), countOf(facets.authors, 'Author 0'), countOf(facets.categories, 'cs.CL')]).toStrictEqual([8, 1, 4]);
  });
});

describe('loadFacets', () => {
  it('counts an author as many papers as the author filter finds', async () => {
    const filter = await readPaperFilter(new URLSearchParams(), 1);
    const facets = await loadFacets(1, filter);
    const byAuthor = await searchPapers(1, await readPaperFilter(new URLSearchParams({ author: 'Shared Author' }), 1), 1, 50);
    expect([countOf(facets.authors, 'Shared Author'), byAuthor.total]).toStrictEqual([24, 24]);
    expect(countOf(facets.categories, 'cs.CL')).toBe(12);
  });
});

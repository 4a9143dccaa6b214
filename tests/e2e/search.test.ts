// Search, paper pages and facets in Chromium: ranking and marked hits, a hostile title shown as text,
// the paper page with its theme and similar papers, author/category filters and theme facets.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../pipeline/search/index.js';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { readDb, writeDb } from './dbs.js';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';

const HOSTILE = '<script>window.__xss = 1</script> Hostile <img src=x onerror="window.__xss = 2"> tokamak';

const { app, open } = useDashboard(async () => {
  const run = handMadeRun();
  // "tokamak": in paper 7's short title, in paper 5's long (hostile) title, once in the abstracts of 2 and 11.
  run.papers[7].title = 'Tokamak plasma control';
  run.papers[2].abstract = 'A study of confinement in a tokamak, with many more words about measurement methods and results.';
  run.papers[11].abstract = 'Mentions a tokamak once, to control plasma shape, among many other words about measurement.';
  run.papers[5].title = HOSTILE;
  run.papers[5].categories = ['physics.plasm-ph', 'cs.LG'];
  run.search = buildSearchIndex(run.papers);
  return writeDb([run]);
});

const ids = async (path: string) => {
  const page = await open(path);
  return page.locator('ol.papers > li .mono').allTextContents().then((t) => t.map((s) => s.replace(' ↗', '')));
};

describe('ranked search', () => {
  it('puts the short title match first (a title word weighs 3 abstract words), and marks the hits', async () => {
    // The hostile title also says "tokamak", but among ten words: length normalisation puts it lower.
    const found = await ids('/papers?q=tokamak');
    expect([found[0], new Set(found)]).toStrictEqual(['2501.10007', new Set(['2501.10007', '2501.10005', '2501.10002', '2501.10011'])]);
    const page = await open('/papers?q=tokamak');
    expect(await page.locator('ol.papers > li').first().locator('h2 mark').allTextContents()).toStrictEqual(['Tokamak']);
    await screenshot(page, 'search-ranked');
  });

  it('orders by date on request', async () => {
    // Published month = floor(i / 4): paper 11 (March), 7 (February), 5 (February), 2 (January).
    expect(await ids('/papers?q=tokamak&sort=date')).toStrictEqual(['2501.10011', '2501.10005', '2501.10007', '2501.10002']);
  });

  it('matches a prefix of the last word and a quoted phrase only in its order', async () => {
    expect(new Set(await ids('/papers?q=tokam'))).toStrictEqual(new Set(await ids('/papers?q=tokamak')));
    expect([await ids('/papers?q=%22plasma+control%22'), await ids('/papers?q=%22control+plasma%22')]).toStrictEqual([
      ['2501.10007'],
      ['2501.10011']
    ]);
  });

  it('shows a hostile title as text: no script runs, no element is made from it', async () => {
    const page = await open('/papers?q=hostile');
    const title = page.locator('ol.papers > li h2');
    expect((await title.textContent())?.trim()).toBe(HOSTILE);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('ol.papers img, ol.papers script').count()).toBe(0);
    const paper = await open('/papers/2501.10005');
    expect(await paper.locator('h1').textContent()).toBe(HOSTILE);
    expect(await paper.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});

describe('the paper page', () => {
  it('shows the paper, its theme with its similarity, and its similar papers from the database', async () => {
    const page = await open('/papers/2501.10004?run=1');
    expect(await page.locator('h1').textContent()).toBe('long context paper 4');
    expect(await page.locator('[data-testid=authors]').textContent()).toContain('Author 4, Shared Author');
    expect(await page.locator('[data-testid=published]').textContent()).toBe('2025-02-10');
    expect(await page.locator('.categories a').allTextContents()).toStrictEqual(['cs.CL']);
    expect(await page.locator('a', { hasText: 'Source' }).getAttribute('href')).toBe('https://arxiv.org/abs/2501.10004');
    const [stored] = await readDb<{ similarity: number; rank_in_theme: number }>(app.db,
      `SELECT similarity, rank_in_theme FROM paper_themes WHERE run_id = 1 AND paper_id = '2501.10004'`);
    expect(await page.locator('[data-testid=theme]').textContent()).toContain(`cosine similarity to the theme’s centre ${stored.similarity.toFixed(3)}`);
    // The hand-made similar papers of paper 4: 7 (0.9) and 10 (0.8).
    const rows = page.locator('table[aria-label="Similar papers"] tbody tr');
    expect(await rows.locator('td:nth-child(2) a').allTextContents()).toStrictEqual(['Tokamak plasma control', 'long context paper 10']);
    expect(await rows.locator('td:last-child').allTextContents()).toStrictEqual(['0.900', '0.800']);
    await screenshot(page, 'paper-page');
    await rows.first().locator('td:nth-child(2) a').click();
    await page.waitForURL(/\/papers\/2501\.10007\?run=1$/);
    expect(await page.locator('h1').textContent()).toBe('Tokamak plasma control');
  });

  it('answers 404 for a paper not in the run', async () => {
    const page = await (await import('./harness.js')).newPage(app.browser);
    const response = await page.goto(`${app.server.url}/papers/9999.99999`);
    expect(response?.status()).toBe(404);
  });

  it('is reached from a search result', async () => {
    const page = await open('/papers?q=tokamak');
    await page.locator('ol.papers > li h2 a').first().click();
    await page.waitForURL(/\/papers\/2501\.10007/);
    expect(await page.locator('h1').textContent()).toBe('Tokamak plasma control');
  });
});

describe('facets', () => {
  it('shows a theme’s top authors and categories with counts from the database', async () => {
    const page = await open('/themes/0');
    const authors = await page.locator('[data-testid=theme-authors] li').allTextContents();
    expect(authors[0].replace(/\s+/g, ' ').trim()).toBe('Shared Author 8');
    expect(authors.length).toBe(9);
    const categories = await page.locator('[data-testid=theme-categories] li').allTextContents();
    expect(categories.map((c) => c.replace(/\s+/g, ' ').trim())).toStrictEqual(['cs.CL 4 of 8', 'cs.CV 4 of 8']);
    await screenshot(page, 'theme-facets');
  });

  it('lists an author’s papers across themes, with the theme mix', async () => {
    const page = await open('/papers?author=Shared+Author');
    expect(await page.locator('[data-testid=total]').textContent()).toBe('24');
    const mix = (await page.locator('[data-testid=facet-themes] li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(mix).toStrictEqual(['model merging, task vectors 8', 'long context 8', 'gaussian splatting 8']);
    await screenshot(page, 'author-facets');
    // A name typed in another case finds the same papers; the exports follow the page and are pinned to its run.
    const lower = await open('/papers?author=shared+author');
    expect(await lower.locator('[data-testid=total]').textContent()).toBe('24');
    expect(await lower.locator('.exports a').first().getAttribute('href')).toMatch(/^\/export\/papers\.csv\?author=shared\+author&run=\d+$/);
  });

  it('filters by category, and answers 400 for a malformed one', async () => {
    expect(await ids('/papers?category=physics.plasm-ph')).toStrictEqual(['2501.10005']);
    const response = await fetch(`${app.server.url}/papers?category=%3Cscript%3E`);
    expect(response.status).toBe(400);
  });
});

// The Papers page in Chromium: totals and pages agree with the database, filters survive paging,
// links go to the paper page, the source, the theme and the export of the current filter.
import { describe, expect, it } from 'vitest';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { readDb, writeDb } from './dbs.js';
import { newPage, screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';

const { app, open } = useDashboard(async () => {
  const run = handMadeRun();
  // Theme 1 (long context) marked as a mixture: the paper list and its facets must say so.
  run.themes[1] = { ...run.themes[1], mixture: true };
  run.papers[5].doi = '10.1234/mdoel';
  return writeDb([run]);
});

const count = async (where: string, params: Record<string, string | number> = {}) =>
  (await readDb<{ n: number }>(app.db, `SELECT count(*)::INTEGER AS n FROM paper_themes pt JOIN papers p USING (paper_id) WHERE pt.run_id = 1 ${where}`, params))[0].n;

describe('the Papers page', () => {
  it('shows every paper of the run with the total from the database', async () => {
    const page = await open('/papers');
    expect(await page.locator('[data-testid=total]').textContent()).toBe(String(await count('')));
    expect(await page.locator('ol.papers > li').count()).toBe(24);
    expect(await page.locator('.summary').textContent()).toContain('page 1 of 1');
    // With no search text, the default order says it is newest first (found by the dashboard review of 2026-12-02).
    expect(await page.locator('#sort option[value=""]').textContent()).toBe('Default (newest)');
    await screenshot(page, 'papers');
  });

  it('searches titles and abstracts from the form, and marks the matches', async () => {
    const page = await open('/papers');
    await page.fill('#q', 'Context Window');
    await page.click('button[type=submit]');
    await page.waitForURL(/q=Context\+Window/);
    expect(new URL(page.url()).search).toBe('?q=Context+Window');
    const expected = await count(`AND contains(lower(p.abstract || ' ' || p.title), 'context window')`);
    expect(expected).toBe(8);
    expect(await page.locator('[data-testid=total]').textContent()).toBe(String(expected));
    // Each word that matched is marked, in the title ("long context paper N") and the excerpt ("long context and context window").
    expect(await page.locator('ol.papers > li').first().locator('mark').allTextContents()).toStrictEqual(['context', 'context', 'context', 'window']);
    expect(await page.locator('.summary').textContent()).toContain('best match first');
    expect(await page.locator('#sort option[value=""]').textContent()).toBe('Relevance');
    await screenshot(page, 'papers-search');
  });

  it('matches words at word starts: a prefix finds papers, a piece inside a word does not', async () => {
    const page = await open('/papers?q=merg');
    expect(await page.locator('[data-testid=total]').textContent()).toBe(String(await count('AND pt.theme_id = 0')));
    const inside = await open('/papers?q=erging');
    expect(await inside.locator('.summary').textContent()).toContain('No papers match.');
  });

  it('offers no other words for a query that names a paper, and names a mixture theme so in the tab (review of 2026-12-05)', async () => {
    const page = await open('/papers?q=10.1234%2Fmdoel');
    expect(await page.getByTestId('named-paper').textContent()).toContain('The paper with this id');
    expect(await page.getByTestId('suggestion').count()).toBe(0);
    const theme = await open('/papers?theme=1');
    expect(await theme.title()).toMatch(/^Papers in Mixture: /);
  });

  it('offers the nearest words the run holds when a word is not in it, and the link finds them (dashboard review of 2026-12-04)', async () => {
    const page = await open('/papers?q=mdoel+merging');
    expect((await page.locator('.summary').textContent())!.replace(/\s+/g, ' ')).toContain('No papers match. Did you mean model merging?');
    await page.getByTestId('suggestion').locator('a').click();
    await page.waitForURL(/q=model\+merging/);
    expect(await page.locator('[data-testid=total]').textContent()).toBe(String(await count('AND pt.theme_id = 0')));
  });

  it('draws every filter field alike: the author and category boxes as tall as the search box, with the same border', async () => {
    const page = await open('/papers');
    const looks = await page.locator('#q, #theme, #from, #author, #category').evaluateAll((els) =>
      els.map((el) => { const s = getComputedStyle(el); return `${el.id}: ${s.height} ${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor} ${s.borderRadius}`; }));
    const q = looks[0].slice(looks[0].indexOf(' '));
    expect(looks).toStrictEqual(['q', 'theme', 'from', 'author', 'category'].map((id) => `${id}:${q}`));
  });

  it('says in the tab title what is listed', async () => {
    expect([await (await open('/papers')).title(), await (await open('/papers?q=merging&theme=0')).title()]).toStrictEqual([
      'Papers · Themescope',
      'Papers matching “merging” in model merging, task vectors · Themescope'
    ]);
  });

  it('filters by theme and dates, and keeps the filter on the next page', async () => {
    const page = await open('/papers?theme=1&from=2025-02-01&limit=2');
    const expected = await count(`AND pt.theme_id = 1 AND p.published >= DATE '2025-02-01'`);
    expect(await page.locator('.summary').textContent()).toContain(`page 1 of ${Math.ceil(expected / 2)}`);
    await page.click('a[rel=next]');
    await page.waitForURL(/page=2/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toStrictEqual({ theme: '1', from: '2025-02-01', limit: '2', page: '2' });
    expect(await page.locator('.summary').textContent()).toContain(`page 2 of ${Math.ceil(expected / 2)}`);
    expect(await page.locator('#theme').inputValue()).toBe('1');
    expect(await page.locator('#from').inputValue()).toBe('2025-02-01');
  });

  it('says when the dates asked for lie outside the run’s papers, and not when they only match nothing', async () => {
    // The hand-made run's papers are dated 2025-01-10 to 2025-06-10.
    const later = await open('/papers?from=2030-01-01');
    expect(await later.locator('[data-testid=outside-dates]').textContent()).toBe(
      'The dates asked for lie outside this run’s papers, dated 2025-01-10 to 2025-06-10.');
    const earlier = await open('/papers?to=2024-12-31');
    expect(await earlier.locator('[data-testid=outside-dates]').count()).toBe(1);
    const gap = await open('/papers?from=2025-01-11&to=2025-01-12');
    expect([await gap.locator('#results-summary').textContent(), await gap.locator('[data-testid=outside-dates]').count()]).toStrictEqual([
      expect.stringContaining('No papers match.'), 0]);
  });

  it('answers a page past the end with a 404 saying how many pages there are and a link to the last page', async () => {
    const page = await newPage(app.browser);
    expect((await page.goto(app.server.url + '/papers?theme=2&limit=3&page=9'))?.status()).toBe(404);
    expect(await page.getByTestId('error-message').textContent()).toBe('Page 9 is past the end: there are 3 pages.');
    expect(await page.locator('main a', { hasText: 'Go to the last page (3)' }).getAttribute('href')).toBe('?theme=2&limit=3&page=3');
    expect(await page.getByRole('search').count()).toBe(1);
  });

  it('links each paper to its page, its arXiv page and its theme in this run', async () => {
    const page = await open('/papers?run=1&theme=2&limit=1');
    const item = page.locator('ol.papers > li').first();
    // Newest first, ties by id: paper 20 (June).
    expect(await item.locator('h2 a').getAttribute('href')).toBe('/papers/2501.10020?run=1');
    expect(await item.locator('a.mono').getAttribute('href')).toBe('https://arxiv.org/abs/2501.10020');
    expect(await item.locator('a.pill').getAttribute('href')).toBe('/themes/2?run=1');
    expect(await item.locator('a.pill').textContent()).toBe('gaussian splatting');
  });

  it('names a mixture theme "Mixture: …" on its papers and in the theme facet, as every other list does', async () => {
    // A filter without a query lists every paper with its facets.
    const page = await open('/papers?from=2025-01-01');
    const pills = await page.locator('ol.papers a.pill[href="/themes/1?run=1"]').allTextContents();
    expect(pills.length).toBeGreaterThan(0);
    expect(new Set(pills)).toStrictEqual(new Set(['Mixture: long context']));
    expect(await page.getByTestId('facet-themes').locator('a[href*="theme=1"]').textContent()).toBe('Mixture: long context');
    // And on the paper page of one of them, its theme and its similar papers' themes.
    const href = await page.locator('ol.papers > li', { has: page.locator('a.pill[href="/themes/1?run=1"]') }).first().locator('h2 a').getAttribute('href');
    const paper = await open(href!);
    expect(await paper.getByTestId('theme').locator('a').textContent()).toBe('Mixture: long context');
    const similar = await paper.locator('table[aria-label="Similar papers"] a[href^="/themes/1"]').allTextContents();
    expect(new Set(similar)).toStrictEqual(new Set(similar.length > 0 ? ['Mixture: long context'] : []));
  });

  it('says on a paper page whether the paper is a weak member and which themes it is also close to (search audit of 2026-12-05)', async () => {
    const [weak] = await readDb<{ paper_id: string }>(app.db, 'SELECT paper_id FROM paper_themes WHERE run_id = 1 AND weak ORDER BY paper_id LIMIT 1');
    const page = await open(`/papers/${weak.paper_id}?run=1`);
    expect(await page.getByTestId('weak').textContent()).toContain('weak member');
    const close = await readDb<{ theme_id: number }>(app.db,
      `SELECT theme_id FROM paper_theme_ranks WHERE run_id = 1 AND paper_id = $p AND rank > 1 ORDER BY rank`, { p: weak.paper_id });
    expect(close.length).toBeGreaterThan(0);
    expect(await page.getByTestId('also-close').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      .toStrictEqual(close.map((t) => `/themes/${t.theme_id}?run=1`));
    const [strong] = await readDb<{ paper_id: string }>(app.db, 'SELECT paper_id FROM paper_themes WHERE run_id = 1 AND NOT weak ORDER BY paper_id LIMIT 1');
    expect(await (await open(`/papers/${strong.paper_id}?run=1`)).getByTestId('weak').count()).toBe(0);
  });

  it('offers the export of the current filter, and its CSV has the listed papers', async () => {
    const page = await open('/papers?q=merging&theme=0');
    const href = await page.locator('a', { hasText: 'CSV' }).getAttribute('href');
    expect(href).toBe('/export/papers.csv?q=merging&theme=0&run=1');
    const csv = await (await fetch(app.server.url + href)).text();
    expect(csv.split('\r\n').length - 2).toBe(Number(await page.locator('[data-testid=total]').textContent()));
  });

  it('offers no export of an empty list, and answers /themes/01 with the canonical /themes/1 (dashboard review of 2026-12-04)', async () => {
    const page = await open('/papers?q=zzqqxxnothing');
    expect(await page.locator('[data-testid=total]').count() === 0 || (await page.locator('[data-testid=total]').textContent()) === '0').toBe(true);
    expect(await page.locator('p.exports').count()).toBe(0);
    const res = await fetch(app.server.url + '/themes/01?run=1', { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toStrictEqual([308, '/themes/1?run=1']);
  });

  it('keeps ?run= in the navigation and shows the run badge', async () => {
    const page = await open('/papers?run=1');
    const hrefs = await page.locator('header nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toStrictEqual(['/?run=1', '/map?run=1', '/papers?run=1', '/runs?run=1', '/curate?run=1']);
    expect(await page.locator('.run-badge').textContent()).toBe('Run 1 · 24 papers · k=3 · 2025-07-01');
    expect(await page.locator('header nav a[aria-current=page]').textContent()).toBe('Papers');
  });

  it('is usable from the keyboard with a visible focus outline', async () => {
    const page = await open('/papers');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent?.trim(), outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused).toStrictEqual({ text: 'Overview', outline: 'solid' });
  });

  it('clears the filters in place: focus goes to the search field (the Clear link is gone), no scroll to the top', async () => {
    const page = await open('/papers?q=model&theme=0');
    await page.setViewportSize({ width: 1280, height: 400 });
    const clear = page.locator('a.button', { hasText: 'Clear' });
    await clear.scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollBy(0, 60));
    const y = await page.evaluate(() => scrollY);
    await clear.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/papers' && u.search === '');
    await clear.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => [document.activeElement?.id, scrollY])).toStrictEqual(['q', y]);
    expect(await page.inputValue('#q')).toBe('');
  });
});

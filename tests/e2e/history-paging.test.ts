// Back and Forward restore every control from the URL (overview, papers, map); paging keeps the reader
// at the list and offers first/last/numbers/jump; past-the-end pages, unknown runs, over-long queries
// and unknown exports answer alike: a 4xx saying what was wrong with the nearest valid choice.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gotoHydrated, newPage, screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { sampleDb } from './sample-db.js';

const { app, open } = useDashboard(async () => sampleDb());

/** Waits until the address shows `pattern` (client-side navigation finished). */
async function urlMatches(page: Page, pattern: RegExp) {
  await page.waitForURL(pattern, { timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

describe('Back and Forward', () => {
  it('put the Overview’s period and measure back as the URL says, with the chart to match', async () => {
    const page = await open('/');
    const period = page.locator('select[name="granularity"]');
    await period.selectOption('quarter');
    await urlMatches(page, /granularity=quarter/);
    await page.getByLabel('Papers', { exact: true }).check();
    await urlMatches(page, /measure=papers/);
    // (The sample holds no complete year, so its Overview offers no year view: month again.)
    expect(await period.locator('option').allTextContents()).not.toContain('Year');
    await period.selectOption('month');
    await urlMatches(page, /^(?!.*granularity=quarter)/);
    const title = () => page.locator('figure.chart svg text').first().textContent();
    await page.goBack();
    await expect.poll(title).toContain('papers per quarter');
    expect(await period.inputValue()).toBe('quarter');
    expect(await page.locator('input[name=measure][value=papers]').isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(title).toContain('share of papers per quarter');
    expect(await page.locator('input[name=measure][value=share]').isChecked()).toBe(true);
    expect(await period.inputValue()).toBe('quarter');
    await page.goForward();
    await page.goForward();
    await expect.poll(title).toContain('papers per month');
    expect(await period.inputValue()).toBe('month');
    expect(await page.locator('input[name=measure][value=papers]').isChecked()).toBe(true);
    await page.close();
  });

  it('put the picked themes back: a box ticked later is unticked again after Back', async () => {
    const [a, b] = (await readDb<{ theme_id: number }>(app.db, `SELECT theme_id FROM themes ORDER BY size DESC LIMIT 2`)).map((t) => String(t.theme_id));
    const page = await open(`/?themes=${a}`);
    const box = (id: string) => page.locator(`details.picker input[name=themes][value="${id}"]`);
    await page.locator('details.picker summary').click();
    await box(b).check();
    await urlMatches(page, new RegExp(`themes=(${a}%2C${b}|${b}%2C${a}|${a}&themes=${b})`));
    await page.goBack();
    await expect.poll(() => page.locator('details.picker summary').textContent()).toContain('Themes shown: 1 of');
    expect([await box(a).isChecked(), await box(b).isChecked()]).toStrictEqual([true, false]);
    await page.close();
  });

  it('put the Papers filters back, so Search after Back searches what is shown', async () => {
    const themes = await readDb<{ theme_id: number }>(app.db, `SELECT theme_id FROM themes ORDER BY size DESC LIMIT 2`);
    const [a, b] = themes.map((t) => String(t.theme_id));
    const page = await open('/papers');
    await page.locator('#theme').selectOption(a);
    await page.getByRole('button', { name: 'Search' }).click();
    await urlMatches(page, new RegExp(`theme=${a}`));
    await page.locator('#theme').selectOption(b);
    await page.getByRole('button', { name: 'Search' }).click();
    await urlMatches(page, new RegExp(`theme=${b}`));
    await page.goBack();
    await urlMatches(page, new RegExp(`theme=${a}$`));
    await expect.poll(() => page.locator('#theme').inputValue()).toBe(a);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('theme')).toBe(a);
    await page.close();
  });

  it('walk back through the map’s searches, and forward again', async () => {
    const page = await open('/map');
    await page.waitForSelector('canvas[data-renderer]:not([data-renderer=""])');
    const box = page.getByLabel('Search papers');
    await box.fill('diffusion');
    await urlMatches(page, /q=diffusion/);
    await box.fill('graph');
    await urlMatches(page, /q=graph/);
    const shown = () => page.getByLabel('Search papers').inputValue();
    await page.goBack();
    await urlMatches(page, /q=diffusion/);
    await expect.poll(shown).toBe('diffusion');
    await page.goBack();
    await urlMatches(page, /\/map$/);
    await expect.poll(shown).toBe('');
    await page.goForward();
    await urlMatches(page, /q=diffusion/);
    await expect.poll(shown).toBe('diffusion');
    await page.locator('#map-search-status', { hasText: 'papers match' }).waitFor();
    await page.close();
  });
});

describe('paging', () => {
  it('keeps the reader at the list: focus on its heading, not the top of the page', async () => {
    const page = await open('/themes/0');
    const pager = page.getByRole('navigation', { name: 'Pages of this theme’s papers' });
    expect(await pager.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Next ›', 'Last »', '2']));
    await pager.getByRole('link', { name: 'Next ›' }).click();
    await urlMatches(page, /page=2/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('all-heading');
    const top = await page.locator('#all-heading').evaluate((h) => h.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(50);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
    expect(await pager.locator('[aria-current="page"]').textContent()).toBe('2');
    await screenshot(page, 'paging-theme-page-2');
    await page.close();
  });

  it('keeps the reader at the list after a search in it, and after Clear: focus in the search field, not the top of the page', async () => {
    const [{ word }] = await readDb<{ word: string }>(app.db,
      `SELECT split_part(keywords[1], ' ', 1) AS word FROM themes WHERE run_id = (SELECT max(run_id) FROM runs) AND theme_id = 0`);
    const page = await open('/themes/0');
    const field = page.locator('#theme-q');
    await field.scrollIntoViewIfNeeded();
    const atList = async () => {
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('theme-q');
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
      const top = await field.evaluate((f) => f.getBoundingClientRect().top);
      expect(top).toBeGreaterThan(0);
      expect(top).toBeLessThan(800);
    };
    await field.fill(word);
    await field.press('Enter');
    await urlMatches(page, new RegExp(`q=${word}`));
    await page.locator('#all-heading ~ p', { hasText: `matching “${word}”` }).waitFor();
    await atList();
    await screenshot(page, 'theme-search-keeps-scroll');
    await page.getByRole('link', { name: 'Clear' }).click();
    await page.waitForURL((url) => !url.searchParams.has('q'), { timeout: 15_000 });
    await page.locator('#all-heading ~ p', { hasText: 'most typical first' }).waitFor();
    await atList();
    expect(await field.inputValue()).toBe('');
    await page.close();
  });

  it('offers first, last, page numbers and a jump to any page on /papers', async () => {
    const page = await open('/papers');
    const pages = Number((await page.locator('#results-summary').textContent())!.match(/page 1 of ([\d,]+)/)![1].replace(/,/g, ''));
    const pager = page.getByRole('navigation', { name: 'Pages of results' });
    expect(await pager.getByRole('link', { name: `Page ${pages}` }).count()).toBe(1);
    await pager.getByLabel('Go to page').fill('7');
    await pager.getByRole('button', { name: 'Go' }).click();
    await urlMatches(page, /page=7/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-summary');
    await pager.getByRole('link', { name: 'Last »' }).click();
    await urlMatches(page, new RegExp(`page=${pages}$`));
    expect(await pager.getByRole('link', { name: '« First' }).getAttribute('href')).toBe('/papers');
    await page.close();
  });
});

describe('edges answer alike', () => {
  async function errorPage(path: string, status: number) {
    const page = await newPage(app.browser);
    const response = await gotoHydrated(page, app.server.url + path);
    expect(response?.status()).toBe(status);
    return page;
  }

  it('a page past the end: 404, how many pages there are, a link to the last page and the search form', async () => {
    for (const [path, last] of [['/themes/0?page=999', /page=\d+$/], ['/papers?q=model&page=99999', /q=model&page=\d+$/]] as const) {
      const page = await errorPage(path, 404);
      expect(await page.getByTestId('error-message').textContent()).toMatch(/^Page \d+ is past the end: there (is 1 page|are \d+ pages)\.$/);
      const nearest = page.getByTestId('nearest');
      const href = (await nearest.getAttribute('href'))!;
      expect(href).toMatch(last);
      expect(await page.getByRole('search').count()).toBe(1);
      // The link navigates in the page (client-side): wait for the new page's title, not for an
      // idle network, which can come before the navigation starts on a loaded machine.
      await nearest.click();
      await page.waitForFunction(() => !document.title.startsWith('404'), undefined, { timeout: 15_000 });
      expect(new URL(page.url()).search).toBe(new URL(href, page.url()).search);
      await page.close();
    }
  });

  it('an unknown run on every page: 404 offering the same page for the newest run', async () => {
    for (const path of ['/', '/map', '/themes/0', '/papers', '/runs']) {
      const page = await errorPage(`${path}?run=999`, 404);
      expect(await page.getByTestId('error-message').textContent()).toContain('No run 999');
      expect(await page.getByTestId('nearest').getAttribute('href')).toBe(path);
      await page.close();
    }
  });

  it('an over-long query: 400 offering the query cut to 200 characters, the form still there', async () => {
    const q = Array.from({ length: 40 }, () => 'language').join(' ');
    const page = await errorPage(`/papers?q=${encodeURIComponent(q)}`, 400);
    expect(await page.getByTestId('error-message').textContent()).toBe(`q: expected at most 200 characters, got ${q.length}`);
    expect(await page.locator('#error-q').inputValue()).toHaveLength(200);
    await page.getByTestId('nearest').click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('q')!.length).toBeLessThanOrEqual(200);
    expect(await page.getByTestId('total').isVisible()).toBe(true);
    await page.close();
  });

  it('an unknown export: JSON 404 listing the valid names', async () => {
    const response = await fetch(`${app.server.url}/export/themes.xlsx`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { message: string; valid: string[] };
    expect(body.message).toBe('No export named “themes.xlsx”');
    expect(body.valid).toEqual(expect.arrayContaining(['themes.csv', 'themes.json', 'themes.parquet', 'papers.csv']));
  });

  it('“C++” finds only papers that mention C++, and punctuation alone finds nothing, saying why', async () => {
    const [{ n }] = await readDb<{ n: number }>(app.db, `SELECT count(*)::INTEGER AS n FROM papers WHERE regexp_matches(title || ' ' || abstract, '(?i)c\\+\\+')`);
    const page = await open('/papers?q=C%2B%2B');
    const total = Number((await page.getByTestId('total').textContent())!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(n);
    await page.goto(`${app.server.url}/papers?q=${encodeURIComponent('++ ?!')}`);
    expect(await page.getByTestId('no-words').textContent()).toContain('has no word to search for');
    expect(await page.getByTestId('total').count()).toBe(0);
    await page.close();
  });
});

// Error pages in Chromium: bad parameters are 400s, unknown things 404s, a missing database a 503,
// each showing status and message and never a stack trace; hostile text in the data stays text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hostileRun, XSS_AUTHOR, XSS_LABEL, XSS_TITLE } from '../fixtures/hostile-run.js';
import { writeDb } from './dbs.js';
import { launchBrowser, newPage, screenshot, startServer, type Server } from './harness.js';

let server: Server;
let missing: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(await writeDb([hostileRun()]));
  missing = await startServer('/nonexistent/themescope-e2e/themes.duckdb');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await missing?.stop();
});

/** Opens `path`; returns the status, the error page's message and whether anything looks like a stack. */
async function visit(base: string, path: string, shot?: string) {
  const page = await newPage(browser);
  const response = await page.goto(base + path);
  const body = (await page.textContent('body')) ?? '';
  if (shot) await screenshot(page, shot);
  const message = (await page.locator('.error-message').count()) ? await page.locator('.error-message').textContent() : null;
  await page.close();
  return { status: response?.status(), message, stack: /\bat .+:\d+:\d+|node_modules|\.js:\d+/.test(body) };
}

describe('error pages', () => {
  it.each([
    ['/papers?page=-1', 'page: expected an integer from 1 to 100000'],
    ['/papers?page=abc', 'page: expected an integer from 1 to 100000'],
    ['/papers?limit=100000', 'limit: expected an integer from 1 to 200'],
    ['/papers?from=2025-13-40', 'from: 2025-13-40 is no calendar date (expected a real date YYYY-MM-DD)'],
    ['/papers?run=1;DROP%20TABLE%20runs', 'run must be a positive integer'],
    ['/runs?run=abc', 'run must be a positive integer'],
    ['/papers?theme=x', 'theme: expected an integer from 0 to 1000000']
  ])('%s is a 400 saying %s', async (path, message) => {
    expect(await visit(server.url, path, path === '/papers?page=-1' ? 'error-400' : undefined)).toStrictEqual({ status: 400, message, stack: false });
  });

  it.each([
    ['/papers?run=99', 'No run 99 in this database — the runs page lists the ones there are'],
    ['/papers?theme=99', 'No theme 99 in run 1'],
    ['/no-such-page', 'Not Found']
  ])('%s is a 404 saying %s', async (path, message) => {
    expect(await visit(server.url, path, path === '/papers?run=99' ? 'error-404' : undefined)).toStrictEqual({ status: 404, message, stack: false });
  });

  it.each(['/papers', '/runs'])('%s is a 503 naming the missing database', async (path) => {
    expect(await visit(missing.url, path, path === '/papers' ? 'error-503' : undefined)).toStrictEqual({
      status: 503,
      message: 'No database at /nonexistent/themescope-e2e/themes.duckdb. Run the pipeline first (npm run pipeline) or set THEMESCOPE_DB.',
      stack: false
    });
  });

  it('answers an export without a database with a 503', async () => {
    expect((await fetch(missing.url + '/export/themes.csv')).status).toBe(503);
  });

  it('never answers a 500 to odd requests', async () => {
    const paths = [
      '/papers?q=%25%27%22%3B--',
      '/papers?q=%00',
      '/papers?page=1&page=abc',
      '/papers?from=2025-02-01&to=2025-01-01',
      '/papers?theme=1&theme=2',
      '/papers?limit=0',
      '/papers?q=' + encodeURIComponent('\\'.repeat(200)),
      '/papers?run=00001',
      '/runs?run=',
      '/export/papers.csv?q=%5C%25_',
      '/export/',
      '/export/%2e%2e'
    ];
    const statuses = await Promise.all(paths.map(async (p) => [p, (await fetch(server.url + p)).status]));
    expect(statuses.filter(([, s]) => (s as number) >= 500)).toStrictEqual([]);
  });
});

describe('hostile text in the data', () => {
  it('renders HTML in titles, labels and authors as text and runs no script', async () => {
    const page = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    expect((await page.goto(server.url + '/papers?to=2025-01-31'))?.status()).toBe(200);
    await page.waitForTimeout(300);
    const first = page.locator('ol.papers > li').first();
    expect(await first.locator('h2').textContent()).toBe(XSS_TITLE);
    expect(await first.locator('.meta').textContent()).toContain(XSS_AUTHOR);
    expect(await page.locator('#theme option[value="1"]').textContent()).toContain(XSS_LABEL);
    expect(await page.locator('main script, main img, main b, main i').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toStrictEqual([]);
    await screenshot(page, 'papers-hostile');
  });

  it('shows a paper whose URL is javascript: without a link', async () => {
    const page = await newPage(browser);
    await page.goto(server.url + '/papers');
    const item = page.locator('ol.papers > li', { hasText: 'gaussian splatting paper 5' });
    // The title links to the paper's own page; the source link is left out.
    expect([await item.locator('h2').textContent(), await item.locator('a.mono').count(), await item.locator('span.mono').count()])
      .toStrictEqual(['gaussian splatting paper 5', 0, 1]);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
  });

  it('renders hostile skipped records on the Runs page as text', async () => {
    const page = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await page.goto(server.url + '/runs');
    await page.click('#run-1 summary:has-text("Skipped records")');
    const cells = await page.locator('#run-1 details:has(summary:has-text("Skipped")) tbody td').evaluateAll((tds) => tds.map((td) => td.textContent));
    expect(cells).toStrictEqual(['<svg onload=alert(5)>.jsonl', '3', 'title', '<script>alert(6)</script>']);
    expect([await page.locator('main svg, main script').count(), dialogs]).toStrictEqual([0, []]);
  });
});

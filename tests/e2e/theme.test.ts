// The Theme page in Chromium: keywords match theme_terms, the trend has one bar per period, typical
// papers come by rank, all papers page and search, neighbours link on, bad ids are 404.
import { describe, expect, it } from 'vitest';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { gotoHydrated, newPage, screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { readDb, writeDb } from './dbs.js';
import { formatWeight } from '../../src/lib/charts/bar-geometry.js';

/** Theme 1's keywords: one that used to lose its first letter to the chart's edge, one far too long to draw whole. */
const LONG_TERMS = ['long-term memory', 'context window', 'retrieval-augmented generation over very long scientific documents', 'rope'];

const { app, open } = useDashboard(async () => {
  const run = handMadeRun();
  run.themes[1].keywords = LONG_TERMS;
  return writeDb([run]);
});

describe('the Theme page', () => {
  it('shows the theme’s keywords in rank order with their weights, as theme_terms holds them', async () => {
    const page = await open('/themes/1?run=1');
    const terms = await readDb<{ term: string; weight: number }>(
      app.db,
      'SELECT term, weight FROM theme_terms WHERE run_id = 1 AND theme_id = 1 ORDER BY rank'
    );
    const bars = page.locator('figure.chart svg g.bar');
    expect(await bars.count()).toBe(terms.length);
    // Each bar: the term (its <title> holds it whole) and the weight.
    const shown = await bars.evaluateAll((gs) =>
      gs.map((g) => [g.querySelector('text title')!.textContent, g.querySelectorAll('text')[1].textContent!.trim()])
    );
    // Three significant digits, trailing zeros kept (0.400, 0.0110), as bar-geometry.ts formatWeight writes them.
    expect(shown).toStrictEqual(terms.map((t) => [t.term, formatWeight(t.weight)]));
    expect(shown.every(([, w]) => /^0\.0*[1-9]\d{2}$|^[1-9]\.\d{2}$/.test(w!))).toBe(true);
    expect(await page.locator('h1').textContent()).toContain('long context');
    await screenshot(page, 'theme');
  });

  it('titles the tab with the theme’s label', async () => {
    expect(await (await open('/themes/0?run=1')).title()).toBe('model merging, task vectors · Themescope');
  });

  it('draws every keyword label whole inside the chart, a long one on two lines and a longer one cut with "…"', async () => {
    const page = await open('/themes/1?run=1');
    const labels = await page.locator('figure.chart').first().evaluate((figure) => {
      const svg = figure.querySelector('svg')!.getBoundingClientRect();
      return [...figure.querySelectorAll('g.bar')].map((g) => {
        const text = g.querySelector('text')!;
        const box = text.getBoundingClientRect();
        const bar = g.querySelector('rect')!.getBoundingClientRect();
        // Its lines (one, or two where one is too short), each inside the chart.
        return { text: [...text.querySelectorAll('tspan')].map((t) => t.textContent!.trim()).join(' / '), inside: box.left >= svg.left && box.right <= bar.left };
      });
    });
    expect(labels).toStrictEqual([
      { text: 'long-term memory', inside: true },
      { text: 'context window', inside: true },
      { text: expect.stringMatching(/^retrieval-augmented .*…$/), inside: true },
      { text: 'rope', inside: true }
    ]);
  });

  it('wraps the keyword chart’s legend inside the chart on a phone, above the bars', async () => {
    const page = await newPage(app.browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, app.server.url + '/themes/1?run=1');
    const chart = page.locator('section[aria-labelledby=kw-heading] figure.chart svg');
    const legend = await chart.locator('g.legend text').evaluate((t) => {
      const box = t.getBoundingClientRect();
      const frame = (t as SVGElement).ownerSVGElement!.getBoundingClientRect();
      const bars = (t as SVGElement).ownerSVGElement!.querySelector('g.bar')!.getBoundingClientRect();
      return { text: [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '), inside: box.right <= frame.right + 0.5, aboveBars: box.bottom <= bars.top };
    });
    expect(legend).toStrictEqual({ text: "weight of the term in this theme (c-TF-IDF × the theme's share of the term)", inside: true, aboveBars: true });
    // At 320 px a keyword takes two lines rather than be cut (the WCAG review: "long-term mem…" on a phone).
    await page.setViewportSize({ width: 320, height: 700 });
    await page.waitForTimeout(200);
    const first = await chart.locator('g.bar').first().locator('text').first().evaluate((t) => {
      const frame = (t as SVGElement).ownerSVGElement!.getBoundingClientRect();
      return { lines: [...t.querySelectorAll('tspan')].map((s) => s.textContent), inside: t.getBoundingClientRect().left >= frame.left };
    });
    expect(first.lines.join(' ')).toBe('long-term memory');
    expect(first.inside).toBe(true);
    await page.close();
  });

  it('draws the trend with one bar per month of the run and labelled axes', async () => {
    const page = await open('/themes/0?run=1');
    const trend = page.locator('figure.chart').nth(1).locator('svg');
    expect(await trend.locator('rect[fill-opacity="0.55"]').count()).toBe(1 + 6); // legend swatch + 6 months
    const text = await trend.textContent();
    for (const t of ['Share', 'Papers', 'Period (month)', 'Jan 2025', 'share of all papers in the period']) expect(text).toContain(t);
  });

  it('lists the most typical papers first, by rank in the theme', async () => {
    const page = await open('/themes/2?run=1');
    const expected = await readDb<{ title: string }>(
      app.db,
      `SELECT p.title FROM paper_themes pt JOIN papers p USING (paper_id)
       WHERE pt.run_id = 1 AND pt.theme_id = 2 ORDER BY pt.rank_in_theme LIMIT 10`
    );
    expect(await page.locator('ol.typical li a').allTextContents()).toStrictEqual(expected.map((r) => r.title));
  });

  it('searches the theme’s papers and keeps run and query in the URL', async () => {
    const page = await open('/themes/0?run=1');
    expect(await page.locator('table.papers tbody tr').count()).toBe(8);
    await page.fill('#theme-q', 'weight averaging');
    await page.click('form.search button[type=submit]');
    await page.waitForURL(/q=weight\+averaging/);
    // Theme 0 (papers 0, 3, …, 21) all say "weight averaging" alike: equal scores, then most typical first.
    expect(await page.locator('table.papers tbody tr td:nth-child(2)').allTextContents()).toStrictEqual(
      [0, 3, 6, 9, 12, 15, 18, 21].map((i) => `model merging, task vectors paper ${i}`)
    );
    expect(new URL(page.url()).searchParams.get('run')).toBe('1');
    // The count and the words after it keep their space, in the server's HTML as in the browser.
    const summary = '8 papers matching “weight averaging”, best match first (BM25) · page 1 of 1';
    expect((await page.locator('#all-heading ~ p[aria-live]').textContent())!.replace(/\s+/g, ' ').trim()).toBe(summary);
    const html = await (await fetch(`${app.server.url}/themes/0?run=1&q=weight+averaging`)).text();
    expect(html.replace(/<!--[^]*?-->/g, '').replace(/\s+/g, ' ')).toContain(summary);
    // Its exports carry the search: the file holds the 8 papers the list shows, best match first.
    const href = '/export/theme-papers.csv?theme=0&q=weight+averaging&run=1';
    expect(await page.locator(`a[href="${href}"]`).count()).toBe(2);
    expect((await page.getByTestId('theme-export').textContent())!.replace(/\s+/g, ' ')).toBe('Export the 8 papers matching “weight averaging”:');
    const csv = (await (await fetch(app.server.url + href)).text()).trim().split('\r\n');
    expect(csv.slice(1).map((line) => line.split(',')[1])).toStrictEqual([0, 3, 6, 9, 12, 15, 18, 21].map((i) => `"2501.${10000 + i}"`));
    await page.fill('#theme-q', 'splatting');
    await page.click('form.search button[type=submit]');
    await page.waitForURL(/q=splatting/);
    expect(await page.locator('table.papers tbody tr').count()).toBe(0);
  });

  it('links the nearest themes with their similarity', async () => {
    const page = await open('/themes/0?run=1');
    const rows = await page.locator('[data-testid=nearest] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('a')!.getAttribute('href'), tr.children[1].textContent])
    );
    expect(rows).toStrictEqual([
      ['/themes/1?run=1', '0.50'],
      ['/themes/2?run=1', '0.25']
    ]);
  });

  it('lists the theme’s own burst first, then its bursting phrases, with period, weight and papers', async () => {
    const page = await open('/themes/1?run=1');
    const rows = await page.locator('#bursts-heading ~ table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim()))
    );
    expect(rows).toStrictEqual([
      ['the theme’s share of all papers', 'since Apr 2025', '2.5', '5'],
      ['“long context”', 'since May 2025', '1.3', '3']
    ]);
    const none = await open('/themes/0?run=1');
    await expect(none.locator('#bursts-heading ~ p').first().textContent()).resolves.toContain('Neither the theme nor any of its distinctive phrases had a burst');
  });

  it('links the export of the theme’s papers, also as BibTeX and RIS for a reference manager', async () => {
    const page = await open('/themes/2?run=1');
    expect(await page.locator('a[href="/export/theme-papers.csv?theme=2&run=1"]').count()).toBe(1);
    for (const [format, type, start] of [['bib', 'application/x-bibtex', '@'], ['ris', 'application/x-research-info-systems', 'TY  - ']]) {
      const href = `/export/theme-papers.${format}?theme=2&run=1`;
      expect(await page.locator(`a[href="${href}"]`).count()).toBe(1);
      const response = await fetch(app.server.url + href);
      expect([response.status, response.headers.get('content-type')?.split(';')[0], (await response.text()).startsWith(start)]).toStrictEqual([200, type, true]);
    }
  });

  it('answers 404 for a theme id that is not a number or not in the run, and for a page past the end', async () => {
    const page = await newPage(app.browser);
    expect((await page.goto(app.server.url + '/themes/abc'))?.status()).toBe(404);
    expect((await page.goto(app.server.url + '/themes/3?run=1'))?.status()).toBe(404);
    expect((await page.goto(app.server.url + '/themes/0?page=2'))?.status()).toBe(404);
    expect((await page.goto(app.server.url + '/themes/0?granularity=week'))?.status()).toBe(400);
  });

  it('keeps the focus and the scroll on a change of granularity: the link clicked stays, marked current', async () => {
    const page = await open('/themes/0');
    await page.setViewportSize({ width: 1280, height: 400 });
    const quarter = page.locator('p.granularity a', { hasText: 'quarter' });
    await quarter.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => scrollY);
    await quarter.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/granularity=quarter/);
    await page.locator('p.granularity a[aria-current="true"]', { hasText: 'quarter' }).waitFor();
    expect(await page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.getAttribute('aria-current'), scrollY]))
      .toStrictEqual(['quarter', 'true', y]);
    await screenshot(page, 'theme-granularity-focus');
  });
});

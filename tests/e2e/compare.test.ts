// /runs/compare in Chromium: the flow of papers between two runs' themes (default the last two complete
// runs), the links table as theme_lineage stores them, parameter errors, the theme page's lineage card
// and the theme-lineage export.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { readDb, writeDb } from './dbs.js';
import { gotoHydrated, newPage, screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { seriousViolations } from './axe.js';

/** The hand-made run re-clustered: old themes 0 and 1 merged into theme 0, old theme 2 cut in two (papers 0-11 / 12-23). */
function reclustered() {
  const run = handMadeRun();
  run.clustering.assignments = Int32Array.from(run.papers, (_, i) => (i % 3 < 2 ? 0 : i < 12 ? 1 : 2));
  return run;
}

// Run 1 → 2: merged and split; run 2 → 3: the same themes again (continued); run 4 failed. Run 3's
// theme 1 is marked as a mixture: the page must name it "Mixture: …" as every other page does. Run 3's
// theme 2 keeps its papers under other keywords (cosine 0): a continued link whose keywords changed.
const { app, open } = useDashboard(() => writeDb([handMadeRun(), reclustered(), reclustered(), handMadeRun()],
  `UPDATE runs SET status = 'failed' WHERE run_id = 4; UPDATE themes SET mixture = true WHERE run_id = 3 AND theme_id = 1;
   UPDATE theme_terms SET term = 'unrelated ' || term WHERE run_id = 3 AND theme_id = 2;
   UPDATE theme_lineage SET centroid_cosine = 0 WHERE run_id = 3 AND theme_id = 2`));
const SHOWN = (t: string) => `CASE WHEN ${t}.mixture THEN 'Mixture: ' || ${t}.label ELSE ${t}.label END`;

/** The table's rows as text, cell by cell. */
const tableRows = (page: Page) => page.locator('table.data tbody tr').evaluateAll((trs) =>
  trs.map((tr) => [...tr.children].map((td) => td.textContent?.trim())));

describe('/runs/compare', () => {
  it('compares the last two complete runs by default, its table being what theme_lineage stores for the later one', async () => {
    const page = await open('/runs/compare');
    expect(await page.locator('h1').textContent()).toBe('Compare run 2 → run 3');
    const stored = await readDb<{ kind: string; prev: string; next: string; shared: number; jaccard: number; cosine: number }>(app.db,
      `SELECT l.kind, ${SHOWN('p')} AS prev, ${SHOWN('t')} AS next, l.shared_papers AS shared, l.jaccard, l.centroid_cosine AS cosine FROM theme_lineage l
       JOIN themes t ON t.run_id = l.run_id AND t.theme_id = l.theme_id JOIN themes p ON p.run_id = l.prev_run_id AND p.theme_id = l.prev_theme_id
       WHERE l.run_id = 3 ORDER BY l.shared_papers DESC, l.theme_id`);
    expect(stored.map((r) => r.kind)).toStrictEqual(['continued', 'continued', 'continued']);
    expect(stored.map((r) => r.next)).toContain('Mixture: long context');
    const rows = await tableRows(page);
    // A continued link whose keywords changed (cosine under 0.25) says so in its row, the summary and the flow.
    const kindText = (r: (typeof stored)[number]) => (r.kind === 'continued' && r.cosine < 0.25 ? 'continued, but its keywords changed' : r.kind);
    expect(rows.map((r) => r.slice(0, 5))).toStrictEqual(stored.map((r) => [kindText(r), r.prev, r.next, String(r.shared), r.jaccard.toFixed(2)]));
    expect(stored.filter((r) => r.cosine < 0.25)).toHaveLength(1);
    expect(await page.getByTestId('lineage-summary').textContent()).toContain('3 continued · 0 split · 0 merged · 0 new · 0 gone');
    expect((await page.getByTestId('changed-count').textContent())!.replace(/\s+/g, ' ')).toBe(
      '· 1 continued link has changed keywords (keyword cosine under 0.25)');
    expect(await page.locator('path.band[data-keywords-changed="true"]').count()).toBe(1);
    expect(await page.locator('g.legend text').allTextContents()).toContain('continued, keywords changed');
    expect(await page.locator('a[href="/export/theme-lineage.csv?run=3"]').count()).toBe(1);
    // The flow diagram names the later run's themes as the table does.
    // (Each label carries its bar's papers, on the side of its bar.)
    expect(await page.locator('figure.chart svg a[href="/themes/1?run=3"] text').textContent()).toMatch(/^\d+Mixture: long context/);
    expect(await page.locator('figure.chart svg a[href="/themes/1?run=2"] text').textContent()).toMatch(/^long context\d+/);
  });

  it('draws the flow of run 1 → run 2: merged and split bands, a legend, an accessible name and labels that do not overlap', async () => {
    const page = await open('/runs/compare?a=1&b=2');
    const svg = page.locator('figure.chart svg');
    expect(await svg.getAttribute('aria-label')).toBe(
      "Papers from run 1's themes (left) to run 2's (right): 24 papers both runs hold, 3 themes before, 3 after. The table below lists every link.");
    expect(await page.locator('path.band').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-kind')).sort()))
      .toStrictEqual(['merged', 'merged', 'split', 'split']);
    expect(await page.locator('g.legend text').allTextContents()).toStrictEqual(
      ['continued', 'split', 'merged', 'shared papers under the link threshold', 'new theme', 'gone theme']);
    const boxes = await svg.locator('a text').evaluateAll((ts) => ts.map((t) => { const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; }));
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]));
    expect(boxes).toHaveLength(6);
    expect(overlapping).toStrictEqual([]);
    expect((await tableRows(page)).map((r) => r.slice(0, 4))).toStrictEqual([
      ['split', 'gaussian splatting', 'long context', '4'], ['split', 'gaussian splatting', 'gaussian splatting', '4'],
      ['merged', 'model merging, task vectors', 'model merging, task vectors', '8'], ['merged', 'long context', 'model merging, task vectors', '8']
    ]);
    // Each link's papers are written on its band (these are all tall enough), so they are read without hovering.
    expect((await page.locator('g.band-counts text').allTextContents()).sort()).toStrictEqual(['4', '4', '8', '8']);
    // Pointing at the earlier "gaussian splatting" fades the two merged bands, which do not touch it.
    const opacities = () => page.locator('path.band').evaluateAll((ps) => ps.map((p) => `${p.getAttribute('data-kind')} ${p.getAttribute('fill-opacity')}`).sort());
    await svg.locator('a[href="/themes/2?run=1"] text').hover();
    expect(await opacities()).toStrictEqual(['merged 0.08', 'merged 0.08', 'split 0.85', 'split 0.85']);
    await page.mouse.move(5, 5);
    expect(await opacities()).toStrictEqual(['merged 0.55', 'merged 0.55', 'split 0.55', 'split 0.55']);
    await screenshot(page, 'compare');
  });

  it('draws the diagram wider than a phone inside its own sideways scroll, saying so, with the page itself no wider', async () => {
    const page = await newPage(app.browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, app.server.url + '/runs/compare?a=1&b=2');
    expect(await page.getByTestId('flow-scroll-hint').textContent()).toContain('scroll it sideways');
    const scroller = page.locator('figure.chart .scroll');
    expect(await scroller.getAttribute('tabindex')).toBe('0');
    const [svgWidth, scrollerWidth] = await scroller.evaluate((e) => [e.querySelector('svg')!.getBoundingClientRect().width, e.clientWidth]);
    expect(svgWidth).toBe(720);
    expect(scrollerWidth).toBeLessThan(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toStrictEqual([]);
    // At 1280 px nothing scrolls and no hint is shown.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('flow-scroll-hint').waitFor({ state: 'detached' });
    expect(await scroller.getAttribute('tabindex')).toBeNull();
    await page.close();
  });

  it('keeps every legend entry inside the diagram on a phone, in rows, above the theme labels', async () => {
    const page = await newPage(app.browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, app.server.url + '/runs/compare?a=1&b=2');
    const svg = page.locator('figure.chart svg');
    const within = await svg.locator('g.legend text').evaluateAll((texts) => texts.map((t) => {
      const box = t.getBoundingClientRect();
      const frame = (t as SVGElement).ownerSVGElement!.getBoundingClientRect();
      return [t.textContent, box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5];
    }));
    expect(within).toStrictEqual(['continued', 'split', 'merged', 'shared papers under the link threshold', 'new theme', 'gone theme'].map((l) => [l, true]));
    const legendBottom = await svg.locator('g.legend').evaluate((g) => g.getBoundingClientRect().bottom);
    const firstLabelTop = await svg.locator('a text').evaluateAll((ts) => Math.min(...ts.map((t) => t.getBoundingClientRect().top)));
    expect(firstLabelTop).toBeGreaterThan(legendBottom);
    await screenshot(page, 'compare-390');
    await page.close();
  });

  it('answers the same run twice with the pickers still there, set to it, and a note to pick another', async () => {
    const page = await newPage(app.browser);
    expect((await page.goto(app.server.url + '/runs/compare?a=2&b=2'))?.status()).toBe(200);
    expect(await page.getByTestId('same-run').textContent()).toContain('Both pickers name run 2');
    expect(await page.locator('select[name=a]').inputValue()).toBe('2');
    expect(await page.locator('select[name=b]').inputValue()).toBe('2');
    expect(await page.getByTestId('lineage-summary').count()).toBe(0);
    expect(await page.getByTestId('same-run').locator('a').getAttribute('href')).toBe('?a=1&b=2');
    await page.close();
  });

  it('answers an unknown or incomplete run with 404, a malformed one with 400, each saying why', async () => {
    const cases: [string, number, string][] = [
      ['/runs/compare?a=9&b=2', 404, 'No complete run 9 (a): the complete runs are 3, 2, 1'],
      ['/runs/compare?a=1&b=4', 404, 'No complete run 4 (b): the complete runs are 3, 2, 1'],
      ['/runs/compare?a=x', 400, 'a must be a run number (a positive integer), not “x”']
    ];
    for (const [path, status, message] of cases) {
      const page = await newPage(app.browser);
      const response = await page.goto(app.server.url + path);
      expect([response?.status(), await page.locator('.error-message').textContent()]).toStrictEqual([status, message]);
      await page.close();
    }
  });

  it('says so when the runs are compared backwards in time, with a link to compare them forwards', async () => {
    const page = await newPage(app.browser);
    expect((await page.goto(app.server.url + '/runs/compare?a=2&b=1'))?.status()).toBe(200);
    const note = page.getByTestId('reversed');
    expect(await note.textContent()).toContain('Run 2 is newer than run 1');
    expect(await note.locator('a').getAttribute('href')).toBe('?a=1&b=2');
    expect((await page.goto(app.server.url + '/runs/compare?a=1&b=2'))?.status()).toBe(200);
    expect(await page.getByTestId('reversed').count()).toBe(0);
    await page.close();
  });

  it('links a theme page to its ancestors in the previous run and its descendants in the next', async () => {
    const page = await open('/themes/0?run=2');
    const card = page.getByTestId('lineage');
    const items = await card.locator('li').evaluateAll((lis) => lis.map((li) => [li.textContent?.replace(/\s+/g, ' ').trim(), li.querySelector('a')?.getAttribute('href')]));
    expect(items).toStrictEqual([
      ['took in model merging, task vectors of run 1 · 8 shared papers · Jaccard 0.50 · keyword cosine 1.00', '/themes/0?run=1'],
      ['took in long context of run 1 · 8 shared papers · Jaccard 0.50 · keyword cosine 0.00', '/themes/1?run=1'],
      ['100% → model merging, task vectors · continued · 16 shared papers · Jaccard 1.00 · keyword cosine 1.00', '/themes/0?run=3']
    ]);
    expect((await card.getByTestId('descendants-reading').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      'Continued as model merging, task vectors in run 3 (100% of its papers).');
    await page.setViewportSize({ width: 1280, height: 800 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'theme-lineage');
    // Run 1's theme 1 went whole into run 2's theme 0: merged, and nothing left over to spread.
    const merged = await open('/themes/1?run=1');
    expect((await merged.getByTestId('descendants-reading').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      'Merged into model merging, task vectors in run 2: 100% of its papers went there, with other themes\' papers (50% of that theme is from this one).');
    await merged.close();
  });

  it('reads an earlier theme that went to two later ones as a split by their shares, and flags a continued link whose keywords changed', async () => {
    // Run 1's theme 2 (papers 2, 5, …, 23) went half to run 2's theme 1 (papers under 12), half to its theme 2.
    const page = await open('/themes/2?run=1');
    const reading = (await page.getByTestId('descendants-reading').textContent())!.replace(/\s+/g, ' ').trim();
    expect(reading).toMatch(/^Split in run 2: 50% → .+, 50% → .+\.$/);
    expect(reading).not.toContain('merged into');
    // Each link read from this theme's side too: no bare "merged" under a split.
    const kinds = await page.getByTestId('lineage').locator('ul.links li').evaluateAll((lis) => lis.map((li) => li.textContent!.replace(/\s+/g, ' ')));
    expect(kinds).toHaveLength(2);
    for (const k of kinds) expect(k).toMatch(/ · (continued|split: a part of it|merged there with other themes) · /);
    await page.close();
    const later = await open('/themes/2?run=3');
    expect((await later.getByTestId('keywords-changed').textContent())!.replace(/\s+/g, ' ')).toBe(', but its keywords changed (keyword cosine 0.00)');
    await later.close();
    const earlier = await open('/themes/2?run=2');
    expect((await earlier.getByTestId('keywords-changed').textContent())!.replace(/\s+/g, ' ')).toBe('continued, but its keywords changed (keyword cosine 0.00)');
    await earlier.close();
  });

  it('exports the stored lineage of a run with both themes\' labels', async () => {
    const csv = await (await fetch(`${app.server.url}/export/theme-lineage.csv?run=2`)).text();
    const [header, first] = csv.split('\r\n');
    expect(header).toBe(['run_id', 'theme_id', 'theme_label', 'prev_run_id', 'prev_theme_id', 'prev_theme_label', 'kind', 'shared_papers',
      'jaccard', 'centroid_cosine', 'theme_papers', 'prev_theme_papers', 'prev_theme_share', 'theme_share', 'keywords_changed', 'reads_as']
      .map((c) => `"${c}"`).join(','));
    // The cosine of two equal keyword profiles is 1 up to rounding.
    const cells = first.replace('"model merging, task vectors"', 'LABEL').replace('"model merging, task vectors"', 'LABEL').split(',');
    expect([...cells.slice(0, 9), ...cells.slice(10)]).toStrictEqual(['2', '0', 'LABEL', '1', '0', 'LABEL', '"merged"', '8', '0.5', '16', '8',
      '1.0', '0.5', 'false', '"merged"']);
    // Run 3's continued link whose keywords changed, in the dashboard's words.
    const run3 = await (await fetch(`${app.server.url}/export/theme-lineage.json?run=3`)).json() as { theme_id: number; keywords_changed: boolean; reads_as: string }[];
    expect(run3.filter((r) => r.keywords_changed).map((r) => [r.theme_id, r.reads_as])).toStrictEqual([[2, 'continued, but its keywords changed (keyword cosine 0.00)']]);
    // Run 3's theme 1, a mixture, is named as /runs/compare names it (the numbers audit: this export alone dropped "Mixture: ").
    const labels = run3 as unknown as { theme_id: number; theme_label: string }[];
    expect(labels.filter((r) => r.theme_id === 1).map((r) => r.theme_label)).toStrictEqual(['Mixture: long context']);
    expect(Number(cells[9])).toBeCloseTo(1, 12);
    const json = await (await fetch(`${app.server.url}/export/theme-lineage.json?run=2`)).json();
    expect(json).toHaveLength(4);
  });
});

// The Overview in Chromium: one stacked series per area by default and a click-through to an area's
// themes, URL-driven controls, the hover read-out, the partial period marked, the mixture mark, run
// facts, export links and the SVG download.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { readDb, writeDb } from './dbs.js';
import { newPage, screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';

/**
 * The hand-made run with its last month (June 2025) marked as covered only in part, theme 2
 * classed emerging and theme 0 fading, and theme 1 marked as a mixture (figures made up for
 * display; the page only shows them).
 */
function runWithPartialJune() {
  const run = handMadeRun();
  run.totals = run.totals.map((t) => (t.period === '2025-06-01' ? { ...t, partial: true } : t));
  run.periods = run.periods.map((p) => (p.period === '2025-06-01' ? { ...p, partial: true } : p));
  const base = run.themes[2].trend;
  run.themes[2].trend = { ...base, direction: 'emerging', emergingScore: 2, shareBefore: 0.25, shareAfter: 0.5, papersBefore: 3, papersAfter: 6, zScore: 2.5, growth: 1 };
  run.themes[1] = { ...run.themes[1], mixture: true, coherence: -0.2 };
  run.themes[0].trend = { ...base, themeId: 0, direction: 'fading', emergingScore: -1, shareBefore: 0.4, shareAfter: 0.3, papersBefore: 4, papersAfter: 3, zScore: -1.25, growth: -0.25 };
  return run;
}

const { app, open } = useDashboard(async () => {
  return writeDb([runWithPartialJune()]);
});

describe('the Overview page', () => {
  it('lists the bursts still running at the last complete month, strongest first, linked to their theme (a mixture named as one)', async () => {
    const page = await open('/');
    const rows = await page.locator('#bursts-heading ~ table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.children[0].textContent!.trim(), tr.querySelector('a')!.getAttribute('href'), tr.children[1].textContent])
    );
    // Theme 1 (long context) is marked as a mixture above.
    expect(rows).toStrictEqual([
      ['Mixture: long context', '/themes/1?run=1', 'since Apr 2025'],
      ['“long context” in Mixture: long context', '/themes/1?run=1', 'since May 2025']
    ]);
  });

  it('draws one stacked series per area by default, each named in the legend, with no Other band', async () => {
    const page = await open('/');
    const areas = await readDb<{ label: string }>(app.db, 'SELECT label FROM areas WHERE run_id = 1 ORDER BY area_id');
    expect(await page.locator('svg path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-series')))).toStrictEqual([
      'area-0',
      'area-1'
    ]);
    const legend = await page.locator('svg g.legend text').allTextContents();
    expect(legend).toContain('Areas (top of the stack first)');
    for (const a of areas) expect(legend).toContain(a.label);
    expect(await page.locator('svg path[data-series]').evaluateAll((ps) => ps.some((p) => p.getAttribute('d')!.includes('NaN')))).toBe(false);
    await screenshot(page, 'overview');
  });

  it('shows every area’s share per period in the read-out, adding up to every paper', async () => {
    const page = await open('/');
    const box = (await page.locator('rect.hover-target').boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    const readout = page.locator('.readout');
    await readout.waitFor();
    // January: papers 0..3 → themes 0, 1, 2, 0 → area 0 holds 3 of 4, area 1 (theme 2) 1 of 4.
    const rows = await readout.locator('tr').evaluateAll((trs) => trs.map((tr) => [1, 2].map((c) => {
      // What the cell shows: its visually-hidden separator (": ", "; ") is for the live region only.
      const cell = tr.children[c].cloneNode(true) as Element;
      cell.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
      return cell.textContent;
    })));
    expect(rows).toStrictEqual([
      ['3d vision', '25.0%'],
      ['language models', '75.0%']
    ]);
    // Spoken from a live region that was on the page already, names whole.
    expect(await page.locator('[data-testid="chart-announce"]').first().textContent()).toBe('Jan 2025: 4 papers in the period; 3d vision: 25.0%; language models: 75.0%');
  });

  it('opens an area’s themes from a click on its band, and goes back to all areas', async () => {
    const page = await open('/');
    await page.locator('rect.hover-target').scrollIntoViewIfNeeded();
    const box = (await page.locator('rect.hover-target').boundingBox())!;
    // The bottom band is area 0 (language models: themes 0 and 1).
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 5);
    await page.waitForURL(/area=0/);
    await page.locator('text=Themes of the area “language models” over time').waitFor();
    expect(await page.locator('svg path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-series')))).toStrictEqual([
      'theme-0',
      'theme-1'
    ]);
    expect(await page.locator('[data-testid=view-note]').textContent()).toContain('the 2 themes of this area');
    await screenshot(page, 'overview-area');
    await page.click('text=← All areas');
    await page.waitForURL((url) => !url.search.includes('area='));
    await page.locator('text=Areas over time — share of papers per month').waitFor();
  });

  it('opens an area’s themes from its legend entry and keeps the other controls', async () => {
    const page = await open('/?measure=papers');
    await page.locator('svg g.legend a', { hasText: '3d vision' }).click();
    await page.waitForURL(/area=1/);
    expect(new URL(page.url()).searchParams.get('measure')).toBe('papers');
    expect(await page.locator('svg path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-series')))).toStrictEqual([
      'theme-2'
    ]);
  });

  it('keeps the place from the legend’s area links: no scroll to the top, focus on the chart’s heading (the link is gone)', async () => {
    const page = await open('/');
    await page.setViewportSize({ width: 1280, height: 500 }); // short, so the chart's legend is scrolled to
    const link = page.locator('svg g.legend a').first();
    await link.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => scrollY);
    expect(y).toBeGreaterThan(0);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]area=\d/);
    await page.locator('#trend-heading', { hasText: 'Area: ' }).waitFor();
    expect(await page.evaluate(() => [document.activeElement?.id, scrollY])).toStrictEqual(['trend-heading', y]);
    // Back to every area from the view note: the same.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('← All areas');
    await page.keyboard.press('Enter');
    await page.locator('#trend-heading', { hasText: 'Areas over time' }).waitFor();
    expect(await page.evaluate(() => [document.activeElement?.id, scrollY])).toStrictEqual(['trend-heading', y]);
    await screenshot(page, 'overview-legend-focus');
  });

  it('refuses a malformed area with 400, an unknown one with 404, and area with themes with 400', async () => {
    const page = await newPage(app.browser);
    expect((await page.goto(app.server.url + '/?area=x'))?.status()).toBe(400);
    expect((await page.goto(app.server.url + '/?area=-1'))?.status()).toBe(400);
    expect((await page.goto(app.server.url + '/?area=9'))?.status()).toBe(404);
    expect((await page.goto(app.server.url + '/?area=0&themes=1'))?.status()).toBe(400);
  });

  it('marks the mixture theme as “Mixture:” with its figures wherever themes are listed', async () => {
    const page = await open('/');
    const row = page.locator('[data-testid=themes-table] tbody[data-area="0"] tr.theme-row', { hasText: 'long context' });
    expect((await row.locator('td').first().textContent())!.trim()).toBe('Mixture: long context');
    // Theme 1: cohesion 1 − 11.5 / 48 = 0.76, coherence −0.2 (made up above).
    expect(await row.locator('.mixture').getAttribute('title')).toContain('(cohesion 0.76)');
    expect(await row.locator('.mixture').getAttribute('title')).toContain('(keyword coherence \u22120.20)');
    await page.click('summary');
    expect(await page.locator('.picker label', { hasText: 'long context' }).textContent()).toContain('Mixture: long context');
  });

  it('lists each area with its themes, their cohesion and keyword coherence', async () => {
    const page = await open('/');
    const table = page.locator('[data-testid=themes-table]');
    expect(await table.locator('tbody[data-area="0"] tr.area-row').textContent()).toContain('Area: language models');
    const cells = await table.locator('tbody[data-area="1"] tr.theme-row td').evaluateAll((tds) => tds.map((td) => td.textContent!.trim()));
    // Theme 2: cohesion 1 − 12.5 / 48, coherence 0.1 (the hand-made run).
    expect(cells.slice(0, 6)).toStrictEqual(['gaussian splatting', 'gaussian splatting, 3dgs, novel view synthesis, rendering', '8', '33.3%', (1 - 12.5 / 48).toFixed(2), '0.10']);
  });

  it('names the run’s themes and papers in the tab title', async () => {
    expect(await (await open('/')).title()).toBe('Overview · 3 themes in 24 papers · Themescope');
  });

  it('labels both axes and marks the partial period', async () => {
    const page = await open('/');
    const text = await page.locator('figure.chart svg').first().textContent();
    expect(text).toContain('Share of the period’s papers');
    expect(text).toContain('Period (month)');
    expect(text).toContain('partial period');
  });

  it('shows the period and every picked theme’s share in the hover read-out', async () => {
    const page = await open('/?themes=0,1,2');
    const target = page.locator('rect.hover-target');
    const box = (await target.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    const readout = page.locator('.readout');
    await readout.waitFor();
    // January: papers 0..3 → themes 0, 1, 2, 0 → shares 2/4, 1/4, 1/4.
    expect(await readout.locator('strong').textContent()).toBe('Jan 2025');
    const rows = await readout.locator('tr').evaluateAll((trs) => trs.map((tr) => [1, 2].map((c) => {
      // What the cell shows: its visually-hidden separator (": ", "; ") is for the live region only.
      const cell = tr.children[c].cloneNode(true) as Element;
      cell.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
      return cell.textContent;
    })));
    expect(rows).toStrictEqual([
      ['gaussian splatting', '25.0%'],
      ['Mixture: long context', '25.0%'],
      ['model merging, task vectors', '50.0%']
    ]);
    await screenshot(page, 'overview-hover');
  });

  it('switches to paper counts from the controls and keeps the choice in the URL', async () => {
    const page = await open('/');
    await page.check('input[name=measure][value=papers]');
    await page.waitForURL(/measure=papers/);
    await page.locator('text=Areas over time — papers per month').waitFor();
    expect(await page.locator('figure.chart svg').first().textContent()).toContain('Papers');
    expect(await page.locator('a[href^="/export/trends.csv"]').getAttribute('href')).toBe(
      '/export/trends.csv?granularity=month&measure=papers&run=1'
    );
  });

  it('draws only the themes picked to compare, the rest left out (no Other band filling the chart)', async () => {
    const page = await open('/?themes=0');
    expect(await page.locator('svg path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-series')))).toStrictEqual(['theme-0']);
    expect(await page.getByTestId('view-note').textContent()).toContain('the other themes are left out');
  });

  it('shows the largest themes from the picker’s “Largest” link, and its help says what is drawn', async () => {
    const page = await open('/?themes=0');
    await page.click('.picker summary');
    // An explicit pick draws only its themes: the help says so, as the note beside the chart does (no Other band).
    expect((await page.getByTestId('picker-help').textContent())!.replace(/\s+/g, ' ')).toContain(
      'Only the ticked themes are drawn, stacked on each other; the others are left out.'
    );
    expect(await page.getByTestId('picker-help').textContent()).not.toContain('Other themes');
    // The run has 3 themes (largest first: 2 and 0 with 8 papers, then 1): “Largest 3” picks them, not the Areas view.
    const sizes = await readDb<{ theme_id: number }>(app.db, 'SELECT theme_id FROM themes WHERE run_id = 1 ORDER BY size DESC, theme_id');
    const largest = page.locator('.picker a', { hasText: /^Largest/ });
    expect(await largest.textContent()).toBe('Largest 3');
    expect(await largest.getAttribute('href')).toBe(`?themes=${sizes.map((t) => t.theme_id).join(',')}`);
    await largest.click();
    await page.waitForURL((u) => u.searchParams.get('themes') === sizes.map((t) => t.theme_id).join(','));
    await page.locator('text=Themes over time — share of papers per month').waitFor();
    expect(await page.locator('svg path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-series')).sort())).toStrictEqual(
      ['theme-0', 'theme-1', 'theme-2']
    );
    expect(await page.locator('.picker summary').textContent()).toContain('Themes shown: 3 of 3');
  });

  it('refuses a malformed theme list with 400 and an unknown theme with 404', async () => {
    const page = await newPage(app.browser);
    expect((await page.goto(app.server.url + '/?themes=x'))?.status()).toBe(400);
    expect((await page.goto(app.server.url + '/?themes=7'))?.status()).toBe(404);
    expect((await page.goto(app.server.url + '/?granularity=week'))?.status()).toBe(400);
  });

  it('lists the emerging and the fading theme with share and papers per month in each window, and a sparkline of the complete months', async () => {
    const page = await open('/');
    const cells = (kind: string) =>
      page.locator(`[data-testid=${kind}-themes] tbody tr td`).evaluateAll((tds) => tds.slice(0, 4).map((td) => td.textContent!.trim()));
    // June is partial, so the windows are Mar–May (after, 3 months) and Jan–Feb (before, 2 months):
    // theme 2 has 3 papers before (1.5 a month) and 6 after (2.0); theme 0 has 4 (2.0) and 3 (1.0).
    expect(await cells('emerging')).toStrictEqual(['gaussian splatting', '25.0% → 50.0%', '1.5 → 2.0', '2.5']);
    expect(await cells('fading')).toStrictEqual(['model merging, task vectors', '40.0% → 30.0%', '2.0 → 1.0', '\u22121.3']);
    // The theme page writes its z the same way: the minus sign U+2212, not a hyphen.
    const theme = await open('/themes/0');
    expect((await theme.locator('main').textContent())!.replace(/\s+/g, ' ')).toContain('(z = \u22121.3)');
    expect(await page.locator('[data-testid=emerging-themes] svg.sparkline').getAttribute('aria-label')).toBe(
      'gaussian splatting: share of all papers 25.0% before → 50.0% after; line: monthly share over Jan 2025 – May 2025 (5 months), the recent window shaded'
    );
    expect((await page.getByTestId('left-out').textContent())?.replace(/\s+/g, ' ')).toContain('Left out of both windows: Jun 2025 (data covers only');
  });

  it('lists the run facts and links to the themes export', async () => {
    const page = await open('/');
    const facts = await page.locator('.facts').textContent();
    for (const fact of ['24', '2025-01-10', '2025-06-10', '42', '0.90', '12 terms']) expect(facts).toContain(fact);
    expect(await page.locator('a[href="/export/themes.csv?run=1"]').count()).toBe(1);
    expect((await page.locator('p.exports').textContent())?.replace(/\s+/g, ' ')).toContain('themes.csv · areas.csv');
  });

  it('downloads the chart as a standalone SVG with its title, axis titles and legend', async () => {
    const page = await open('/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download SVG')]);
    expect(download.suggestedFilename()).toBe('areas-over-time-run1-month-share.svg');
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Areas over time — share of papers per month', 'Period (month)', 'language models']) {
      expect(svg).toContain(text);
    }
    expect(svg).not.toContain('hover-target');
  });

  it('downloads the chart as a PNG', async () => {
    const page = await open('/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download PNG')]);
    expect(download.suggestedFilename()).toBe('areas-over-time-run1-month-share.png');
    const png = readFileSync((await download.path())!);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});

/** The hand-made run as written before areas existed: the Overview's default is then its largest themes, the rest as Other. */
function runWithoutAreas() {
  const run = handMadeRun();
  // No areas stored (the themes' area ids then point at none), as in a run written before them.
  run.areas = [];
  return run;
}

const noAreas = useDashboard(async () => writeDb([runWithoutAreas()]));

describe('the Overview of a run without areas', () => {
  it('stacks its themes by default (all 3: no Other band to speak of), and the picker’s help and the note say what is drawn', async () => {
    const page = await noAreas.open('/');
    expect(await page.locator('svg path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-series')).sort()))
      .toStrictEqual(['theme-0', 'theme-1', 'theme-2']);
    const note = (await page.getByTestId('view-note').textContent())!.replace(/\s+/g, ' ');
    expect(note.trim()).toBe('All 3 themes, each as a share of all papers, stacked on each other.');
    expect(note).not.toContain('Other');
    await page.click('.picker summary');
    expect((await page.getByTestId('picker-help').textContent())!.replace(/\s+/g, ' ')).toContain(
      'Only the ticked themes are drawn, stacked on each other; the others are left out.'
    );
    await screenshot(page, 'overview-no-areas-picker');
  });
});

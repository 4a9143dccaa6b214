// Every page of the dashboard on the shipped sample at 1280×800, 390×844 and 360×740 (and two tablet widths): nothing wider
// than the window, the navigation behind a Menu button on narrow screens, the map as wide as the
// window, and zero serious or critical WCAG 2.2 AA violations (axe-core); plus the accessibility
// points axe cannot see (heading order, current-page marking, chart and canvas names, keyboard).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { gotoHydrated, newPage, screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { sampleDb } from './sample-db.js';

const { app } = useDashboard(async () => sampleDb());

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 360, height: 740 },
  // A tablet held upright and sideways, between the phone layout and the desktop one: width only.
  { width: 800, height: 1100 },
  { width: 1024, height: 768 }
];
/** The sizes axe is run at (each page's WCAG check at a desktop and a phone width). */
const AXE_WIDTHS = [1280, 390];

/** Every page, with its expected status; `paper` is the sample's most typical paper of theme 0. */
const PAGES: [string, string, number][] = [
  ['overview', '/', 200],
  ['overview-papers-quarter', '/?measure=papers&granularity=quarter', 200],
  ['overview-area', '/?area=0', 200],
  ['map', '/map', 200],
  ['theme', '/themes/0', 200],
  ['papers', '/papers?q=model', 200],
  ['paper', 'paper', 200],
  ['runs', '/runs', 200],
  ['curate', '/curate', 200],
  ['past-the-end', '/themes/0?page=999', 404]
];

async function pathOf(path: string): Promise<string> {
  if (path !== 'paper') return path;
  const [{ paper_id }] = await readDb<{ paper_id: string }>(app.db, `SELECT paper_id FROM paper_themes WHERE theme_id = 0 ORDER BY rank_in_theme LIMIT 1`);
  return `/papers/${encodeURIComponent(paper_id)}`;
}

async function openAt(path: string, size: { width: number; height: number }, status: number): Promise<Page> {
  const page = await newPage(app.browser);
  await page.setViewportSize(size);
  const response = await gotoHydrated(page, app.server.url + path);
  expect(response?.status()).toBe(status);
  if (path.startsWith('/map')) await page.waitForSelector('canvas[data-renderer]:not([data-renderer=""])');
  return page;
}

describe.each(PAGES)('the %s page (%s)', (name, where, status) => {
  it('is never wider than the window at 1280, 1024, 800, 390 and 360 px, and has no serious or critical WCAG 2.2 AA violation at 1280 and 390', async () => {
    const path = await pathOf(where);
    const problems: string[] = [];
    for (const size of SIZES) {
      const page = await openAt(path, size, status);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      if (overflow > 0) problems.push(`${size.width}: ${overflow}px wider than the window`);
      if (AXE_WIDTHS.includes(size.width)) {
        for (const v of await seriousViolations(page)) problems.push(`${size.width}: ${v}`);
        await screenshot(page, `any-screen-${name}-${size.width}`);
      }
      await page.close();
    }
    expect(problems).toStrictEqual([]);
  });

  it('keeps heading levels in order: one h1, and no level skipped on the way down', async () => {
    const page = await openAt(await pathOf(where), SIZES[0], status);
    const levels = await page.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName[1])));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((l, i) => expect(i === 0 || l <= levels[i - 1] + 1, `h${levels[i - 1]} then h${l}`).toBe(true));
    await page.close();
  });
});

describe('narrow screens', () => {
  it('fold the navigation behind a Menu button that opens it and closes on Escape', async () => {
    const page = await openAt('/papers', SIZES[1], 200);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await page.getByRole('link', { name: 'Runs' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('link', { name: 'Runs' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Runs' }).isVisible()).toBe(false);
    await page.close();
  });

  it('keep every chart axis title inside its chart on the overview and a theme page', async () => {
    const problems: string[] = [];
    for (const size of SIZES.slice(1)) {
      for (const path of ['/', '/?measure=papers', '/themes/0']) {
        const page = await openAt(path, size, 200);
        const outside = await page.locator('svg .axis-y > text[transform], svg .axis-x text').evaluateAll((texts) =>
          texts.flatMap((t) => {
            const box = t.getBoundingClientRect();
            const svg = (t as SVGElement).ownerSVGElement!.getBoundingClientRect();
            const out = box.left < svg.left - 0.5 || box.right > svg.right + 0.5 || box.top < svg.top - 0.5 || box.bottom > svg.bottom + 0.5;
            return out ? [`${t.textContent} (${Math.round(box.left - svg.left)}..${Math.round(box.right - svg.left)} of ${Math.round(svg.width)})`] : [];
          }));
        problems.push(...outside.map((o) => `${size.width} ${path}: ${o}`));
        await page.close();
      }
    }
    expect(problems).toStrictEqual([]);
  });

  it('give the map the whole width, with the legend below it', async () => {
    const page = await openAt('/map', SIZES[1], 200);
    const map = await page.locator('.topic-map canvas').boundingBox();
    const legend = await page.locator('aside.legend').boundingBox();
    expect(map!.width).toBeGreaterThan(340);
    expect(map!.height).toBeGreaterThan(300);
    expect(legend!.y).toBeGreaterThanOrEqual(map!.y + map!.height);
    await page.close();
  });

  it('give the room of a name column to the titles, not to a rank column before them', async () => {
    const widths: Record<string, number[]> = {};
    for (const [name, path, table] of [['theme', '/themes/0', 'table.data.papers'], ['paper', 'paper', 'table[aria-label="Similar papers"]']]) {
      const page = await openAt(await pathOf(path), SIZES[1], 200);
      // Rank (or #) and the title column of the first row.
      widths[name] = await page.locator(`${table} tbody tr`).first().locator('td').evaluateAll((tds) => tds.slice(0, 2).map((td) => td.getBoundingClientRect().width));
      await screenshot(page, `any-screen-${name}-name-column-390`);
      await page.close();
    }
    for (const [name, [rank, title]] of Object.entries(widths)) {
      expect(rank, `${name}: rank column`).toBeLessThan(80); // a number and its heading, not 9rem
      expect(title, `${name}: title column`).toBeGreaterThanOrEqual(9 * 16 - 16); // 9rem, less the padding
    }
  });

  it('show a mover\'s papers per period, z and supported change on a phone, each under its heading (dashboard review of 2026-12-04)', async () => {
    const page = await openAt('/', SIZES[1], 200);
    const table = page.locator('table.data[data-testid$="-themes"]').first();
    const row = table.locator('tbody tr').first();
    // Every figure of the row is inside the window, not in a sideways scroll, and says what it is.
    const cells = await row.locator('td.num').evaluateAll((tds) => tds.map((td) => {
      const box = td.getBoundingClientRect();
      return { label: getComputedStyle(td, '::before').content, inside: box.left >= 0 && box.right <= window.innerWidth };
    }));
    expect(cells.map((c) => c.label)).toStrictEqual(['"Share before → after"', expect.stringMatching(/^"Papers per \w+ before → after"$/), '"z"', '"Supported change"']);
    expect(cells.every((c) => c.inside)).toBe(true);
    expect(await table.evaluate((t) => t.scrollWidth <= t.clientWidth + 1)).toBe(true);
    // Still a table with its column headers for a screen reader.
    expect(await table.getAttribute('role')).toBe('table');
    expect(await table.locator('thead th').count()).toBe(6);
    await screenshot(page, 'any-screen-movers-390');
    await page.close();
  });

  it('scroll a wide table inside its own box, which takes keyboard focus when nothing in it can', async () => {
    const page = await openAt('/runs', SIZES[1], 200);
    const tables = await page.locator('table.data').evaluateAll((ts) =>
      ts.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => ({ box: getComputedStyle(t).overflowX, focusable: t.tabIndex >= 0 || t.querySelector('a[href], button, input, select') !== null }))
    );
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.every((t) => t.box === 'auto' && t.focusable)).toBe(true);
    await page.close();
  });
});

describe('accessibility beyond axe', () => {
  it('marks only the page itself as current: a theme page marks its section, not the Overview page', async () => {
    const theme = await openAt('/themes/0', SIZES[0], 200);
    expect(await theme.locator('nav[aria-label="Main"] a[aria-current="page"]').count()).toBe(0);
    expect(await theme.locator('nav[aria-label="Main"] a[aria-current="true"]').textContent()).toContain('Overview');
    const overview = await openAt('/', SIZES[0], 200);
    expect(await overview.locator('nav[aria-label="Main"] a[aria-current="page"]').textContent()).toContain('Overview');
    await theme.close();
    await overview.close();
  });

  it('names the map canvas and lets the keyboard read the theme trend chart period by period', async () => {
    const map = await openAt('/map', SIZES[0], 200);
    expect(await map.locator('canvas').getAttribute('aria-label')).toMatch(/^Topic map .* papers as dots coloured by theme/);
    await map.close();
    const page = await openAt('/themes/0?granularity=month', SIZES[0], 200);
    const plot = page.locator('#trend-heading ~ figure .plot');
    // The spoken read-out is a live region on the page before the first key (one that appears with its message is often not read).
    const spoken = page.locator('#trend-heading ~ figure [data-testid="chart-announce"]');
    expect([await spoken.count(), await spoken.textContent(), await spoken.getAttribute('aria-live')]).toStrictEqual([1, '', 'polite']);
    await plot.focus();
    await page.keyboard.press('End');
    const last = await plot.locator('.readout').textContent();
    expect(last).toMatch(/^Jul 2026\s*\(partial\)/);
    expect(await spoken.textContent()).toMatch(/^Jul 2026 \(partial\): \d+ papers, [\d.]+% of all papers$/);
    await page.keyboard.press('ArrowLeft');
    expect(await plot.locator('.readout strong').textContent()).toBe('Jun 2026');
    await page.close();
  });

  it('draws paper titles as visible links and closes the theme picker on Escape', async () => {
    const papers = await openAt('/papers?q=model', SIZES[0], 200);
    expect(await papers.locator('.papers .title a').first().evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('underline');
    await papers.close();
    const page = await openAt('/', SIZES[0], 200);
    await page.locator('details.picker summary').click();
    expect(await page.locator('details.picker').getAttribute('open')).toBe('');
    await page.keyboard.press('Escape');
    expect(await page.locator('details.picker').getAttribute('open')).toBeNull();
    await page.close();
  });
});

// The topic map on a phone (390 × 844, the shipped sample): no sideways scrolling, every control on
// screen and working by touch (zoom, "Select region" then a drag selects), area names that fit —
// in a shorter form when the whole name does not — inside the map, clear of each other and of the
// drawn dots, among their own papers; and zoomed in, theme labels the same.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boxesOverlap } from '../../src/lib/charts/label-placement.js';
import { MIN_SUPPORT } from '../../src/lib/charts/map-anchors.js';
import { areaLabelForms } from '../../src/lib/charts/map-label-text.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { gotoHydrated, screenshot } from './harness.js';
import { drawnDots, drawnLabels, labelSupport, mapScene, type DrawnLabel } from './map-scene.js';
import { sampleDb } from './sample-db.js';

const { app } = useDashboard(async () => sampleDb());

async function openPhone(path = '/map'): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  expect((await gotoHydrated(page, app.server.url + path))?.status()).toBe(200);
  await page.locator('#map-search-status', { hasText: /papers/ }).waitFor();
  await page.waitForTimeout(200);
  return page;
}

/** Every label inside the map's box, none over another or over a drawn dot. */
async function expectLabelsClear(page: Page): Promise<DrawnLabel[]> {
  const svg = page.locator('.topic-map svg[role=group]');
  const [width, height] = [Number(await svg.getAttribute('width')), Number(await svg.getAttribute('height'))];
  const labels = await drawnLabels(page);
  const dots = await drawnDots(page);
  for (const [i, l] of labels.entries()) {
    const name = l.lines.join(' ');
    expect(l.box.left >= 0 && l.box.top >= 0 && l.box.left + l.box.width <= width && l.box.top + l.box.height <= height, `${name} inside the map`).toBe(true);
    for (const other of labels.slice(i + 1)) expect(boxesOverlap(l.box, other.box), `${name} / ${other.lines.join(' ')}`).toBe(false);
    for (const d of dots) expect(boxesOverlap(l.box, d), `${name} over a dot`).toBe(false);
  }
  return labels;
}

describe('the topic map on a 390 × 844 phone', () => {
  it('scrolls no sideways and keeps every control on screen', async () => {
    const page = await openPhone();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
    const controls = await page.locator('.topic-map .toolbar').locator('input, button, a').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.getAttribute('aria-label') ?? e.textContent?.trim() ?? '', left: r.left, right: r.right, width: r.width };
      }));
    expect(controls.length).toBeGreaterThanOrEqual(8);
    for (const c of controls) expect(c.left >= 0 && c.right <= 390 && c.width > 0, c.name).toBe(true);
    const map = (await page.locator('.topic-map svg[role=group]').boundingBox())!;
    expect(map.x >= 0 && map.x + map.width <= 390).toBe(true);
  });

  it('names the areas inside the map, in a form that fits, clear of each other and of the dots, among their papers', async () => {
    const page = await openPhone();
    const s = await mapScene(app, page);
    const areas = await readDb<{ area_id: number; label: string }>(app.db, 'SELECT area_id, label FROM areas WHERE run_id = 1');
    const labels = await expectLabelsClear(page);
    const named = labels.filter((l) => l.kind === 'area');
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const l of named) expect(areaLabelForms(areas.find((a) => a.area_id === l.id)!.label)).toContainEqual(l.lines);
    for (const l of labels) expect(labelSupport(s, l, { k: 1, x: 0, y: 0 }), l.lines.join(' ')).toBeGreaterThanOrEqual(MIN_SUPPORT);
    await screenshot(page, 'map-phone');
  });

  it('zooms in by touch to theme labels that fit the same way', async () => {
    const page = await openPhone();
    for (let i = 0; i < 2; i++) await page.tap('button[aria-label="Zoom in"]');
    await page.waitForURL((url) => url.searchParams.get('z') === '2.56', { timeout: 10_000 });
    const labels = await expectLabelsClear(page);
    expect(labels.filter((l) => l.kind === 'theme').length).toBeGreaterThan(0);
    expect(labels.filter((l) => l.kind === 'area')).toStrictEqual([]);
    await screenshot(page, 'map-phone-zoomed');
  });

  it('selects a region with "Select region" and a drag, no shift key needed', async () => {
    const page = await openPhone();
    await page.tap('button[aria-label="Select region"]');
    expect(await page.getAttribute('button[aria-label="Select region"]', 'aria-pressed')).toBe('true');
    const box = (await page.locator('.topic-map svg[role=group]').boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2, { steps: 4 });
    await page.mouse.up();
    const [{ n }] = await readDb<{ n: number }>(app.db, 'SELECT count(*)::INTEGER AS n FROM paper_themes WHERE run_id = 1');
    await page.locator('section.selection h2', { hasText: `${n.toLocaleString('en-US')} papers selected` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
  });
});

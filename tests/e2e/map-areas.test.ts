// The topic map names the areas while zoomed out when its themes do not all fit (the shipped sample:
// 20 themes, 7 areas at 1280 px), never over a theme label or a theme's dot, and gives way to the
// theme labels once zoomed in.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boxesOverlap, type Box } from '../../src/lib/charts/label-placement.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { screenshot } from './harness.js';
import { sampleDb } from './sample-db.js';

const { app, open } = useDashboard(async () => sampleDb());

async function openMap(): Promise<Page> {
  const page = await open('/map');
  await page.locator('#map-search-status', { hasText: /papers/ }).waitFor();
  await page.waitForTimeout(150);
  return page;
}

const boxes = (page: Page, selector: string): Promise<Box[]> =>
  page.locator(selector).evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  }));

describe('area labels on the topic map', () => {
  it('names the areas zoomed out, in capitals, linked to the overview of each, clear of every theme label and dot', async () => {
    const page = await openMap();
    const areas = await readDb<{ area_id: number; label: string }>(app.db, 'SELECT area_id, label FROM areas ORDER BY area_id');
    const themes = await readDb<{ n: number }>(app.db, 'SELECT count(*)::INTEGER AS n FROM themes');
    expect(await page.locator('a.theme-label').count()).toBeLessThan(themes[0].n); // not every theme fits at this zoom
    const shown = await page.locator('a.area-label').evaluateAll((els) => els.map((e) => [e.getAttribute('data-area-id'), e.querySelector('text')?.textContent?.trim()]));
    expect(shown.length).toBeGreaterThan(0);
    for (const [id, text] of shown) {
      const area = areas.find((a) => String(a.area_id) === id)!;
      expect(text).toBe(area.label.toUpperCase());
      expect(await page.locator(`a.area-label[data-area-id="${id}"]`).getAttribute('href')).toBe(`/?run=1&area=${id}`);
    }
    const areaBoxes = await boxes(page, 'a.area-label text');
    const others = [...(await boxes(page, 'a.theme-label text')), ...(await boxes(page, 'g.labels circle'))];
    for (const a of areaBoxes) for (const o of others) expect(boxesOverlap(a, o)).toBe(false);
    await screenshot(page, 'map-areas');
  });

  it('shows theme labels only once zoomed in', async () => {
    const page = await openMap();
    const before = await page.locator('a.theme-label').count();
    for (let i = 0; i < 2; i++) await page.click('button[aria-label="Zoom in"]');
    await page.waitForTimeout(400);
    expect(await page.locator('a.area-label').count()).toBe(0);
    expect(await page.locator('a.theme-label').count()).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(0);
  });
});

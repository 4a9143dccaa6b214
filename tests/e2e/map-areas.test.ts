// The topic map names the areas while zoomed out when its themes do not all fit (the shipped sample:
// 20 themes, 7 areas at 1280 px), never over a theme label or a drawn theme dot, every label among
// its own papers (not in empty space), and gives way to the theme labels once zoomed in.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boxesOverlap, type Box } from '../../src/lib/charts/label-placement.js';
import { MIN_SUPPORT } from '../../src/lib/charts/map-anchors.js';
import { areaLabelForms } from '../../src/lib/charts/map-label-text.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { screenshot } from './harness.js';
import { drawnLabels, labelSupport, mapScene, nearShare } from './map-scene.js';
import { sampleDb } from './sample-db.js';
import { areaLabelText } from '../../src/lib/charts/map-label-text.js';

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
  it('names the areas zoomed out, in capitals (whole, or shortened to fit), linked to the overview of each, clear of every theme label and dot', async () => {
    const page = await openMap();
    const areas = await readDb<{ area_id: number; label: string }>(app.db, 'SELECT area_id, label FROM areas ORDER BY area_id');
    const themes = await readDb<{ n: number }>(app.db, 'SELECT count(*)::INTEGER AS n FROM themes');
    expect(await page.locator('a.theme-label').count()).toBeLessThan(themes[0].n); // not every theme fits at this zoom
    const shown = (await drawnLabels(page)).filter((l) => l.kind === 'area');
    expect(shown.length).toBeGreaterThan(0);
    for (const { id, lines } of shown) {
      const area = areas.find((a) => a.area_id === id)!;
      // In capitals, whole on one line or two, or its first phrase when the whole name finds no room.
      expect(areaLabelForms(area.label)).toContainEqual(lines);
      expect(await page.locator(`a.area-label[data-area-id="${id}"]`).getAttribute('href')).toBe(`/?run=1&area=${id}`);
    }
    // At this width most are named whole, on one line.
    const whole = shown.filter((l) => l.lines.length === 1 && l.lines[0] === areaLabelText(areas.find((a) => a.area_id === l.id)!.label));
    expect(whole.length).toBeGreaterThanOrEqual(shown.length / 2);
    const areaBoxes = await boxes(page, 'a.area-label text');
    const others = [...(await boxes(page, 'a.theme-label text')), ...(await boxes(page, 'g.labels circle'))];
    for (const a of areaBoxes) for (const o of others) expect(boxesOverlap(a, o)).toBe(false);
    await screenshot(page, 'map-areas');
  });

  it('tints each area\'s territory in the area\'s legend colour, under the points, and says so under the map', async () => {
    const page = await openMap();
    const lands = await page.locator('svg.density path.territory').evaluateAll((els) =>
      els.map((e) => ({ id: Number(e.getAttribute('data-area-id')), fill: e.getAttribute('fill'), d: e.getAttribute('d') ?? '' })));
    expect(lands.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lands.map((l) => l.id)).size).toBe(lands.length); // one path per area
    for (const land of lands) {
      expect(land.d.length).toBeGreaterThan(0);
      const swatch = await page.locator(`h3.area[data-area-id="${land.id}"] .area-swatch`).evaluate((e) => getComputedStyle(e).backgroundColor);
      const fill = await page.evaluate((f) => { const el = document.createElement('span'); el.style.color = f; document.body.append(el);
        const c = getComputedStyle(el).color; el.remove(); return c; }, land.fill!);
      expect(fill).toBe(swatch);
    }
    await expect.poll(() => page.locator('p.note').first().textContent()).toContain('A tint in an area\'s colour marks where its papers are more than half of those around.');
  });

  it('stands every label among its own papers: support ≥ MIN_SUPPORT at its anchor, and many of its papers near it', async () => {
    const page = await openMap();
    const s = await mapScene(app, page);
    const labels = await drawnLabels(page);
    const zoom = { k: 1, x: 0, y: 0 };
    expect(labels.filter((l) => l.kind === 'area').length).toBeGreaterThan(0);
    for (const l of labels) {
      const name = `${l.kind} ${l.lines.join(' ')}`;
      expect(labelSupport(s, l, zoom), name).toBeGreaterThanOrEqual(MIN_SUPPORT);
      // Independently of the grid: within 20 px of the anchor lie at least a quarter as many of its
      // papers as round its most crowded paper.
      expect(nearShare(s, l, zoom, 20), name).toBeGreaterThanOrEqual(0.25);
      // The text is on its anchor (areas) or beside it (themes: the dot stays uncovered).
      const dx = Math.max(l.box.left - l.anchor[0], 0, l.anchor[0] - (l.box.left + l.box.width));
      const dy = Math.max(l.box.top - l.anchor[1], 0, l.anchor[1] - (l.box.top + l.box.height));
      expect(Math.hypot(dx, dy), name).toBeLessThanOrEqual(l.kind === 'area' ? 0 : 30);
    }
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

// Every theme of the shipped sample's run is labelled at some zoom the map's buttons reach: computed
// with the map's own placement (map-labels.ts, themes anchored at the densest spot of their papers:
// map-anchors.ts) for the view centred on each theme at ×1.6ⁿ, then checked in Chromium by opening
// that view from its URL — the label is there, no two labels or a label and a dot overlap, every
// drawn label stands among its own papers, and a theme label is one of its forms (no "…"). Also: the
// map colours every theme as the run's palette says.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { layoutMapLabels } from '../../src/lib/charts/map-labels.js';
import { themeLabelForms } from '../../src/lib/charts/map-label-text.js';
import { MIN_SUPPORT } from '../../src/lib/charts/map-anchors.js';
import { boxesOverlap, type Box } from '../../src/lib/charts/label-placement.js';
import { ZOOM_RANGE } from '../../src/lib/charts/map-url.js';
import { buildPalette } from '../../src/lib/charts/palette.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { screenshot } from './harness.js';
import { drawnLabels, labelSupport, mapScene, type Scene } from './map-scene.js';
import { sampleDb } from './sample-db.js';

const { app, open } = useDashboard(async () => sampleDb());

/** The zoom levels the + button steps through from the whole map: ×1.6 a click, up to the limit. */
const ZOOMS = Array.from({ length: 20 }, (_, n) => 1.6 ** n).filter((k) => k <= ZOOM_RANGE[1]);

async function openMap(path = '/map'): Promise<Page> {
  const page = await open(path);
  await page.locator('#map-search-status', { hasText: /papers/ }).waitFor();
  await page.waitForTimeout(200); // the restored view and one animation frame
  return page;
}

/** The view centred on grid point (cx, cy) at zoom k, as the map restores it from z, cx, cy; at ×1 the whole map. */
function viewAt(s: Scene, k: number, cx: number, cy: number) {
  if (k === 1) return { k: 1, x: 0, y: 0 };
  return { k, x: s.width / 2 - k * (s.base.tx + s.base.k * cx), y: s.height / 2 - k * (s.base.ty + s.base.k * cy) };
}

const boxes = (page: Page, selector: string): Promise<Box[]> =>
  page.locator(selector).evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  }));

describe('theme labels by zoom on the shipped sample', () => {
  it('labels every theme at some zoom the buttons reach (the whole map, or centred on it), and the page shows it there, clear of other labels and dots', async () => {
    const first = await openMap();
    const s = await mapScene(app, first);
    await first.close();
    // The whole map (×1, where a link keeps no centre), then ×1.6ⁿ centred on the theme (as a drag puts it).
    const views = s.themes.map((t, i) => {
      const [cx, cy] = [Math.round(t.gx), Math.round(t.gy)];
      const k = ZOOMS.find((z) => layoutMapLabels(s.themes, s.areas, s.base, viewAt(s, z, cx, cy), s.width, s.height).themes.some((p) => p.id === i));
      return { theme: { ...t, themeId: s.themeIds[i] }, cx, cy, k };
    });
    expect(views.filter((v) => v.k === undefined).map((v) => v.theme.label)).toStrictEqual([]);
    // Each theme has a label within three clicks of +.
    expect(Math.max(...views.map((v) => v.k!))).toBeLessThanOrEqual(1.6 ** 3);
    // One page walks through the views as Back and Forward do: a new address re-creates the map from it.
    const page = await openMap();
    const drawnForms: string[] = [];
    for (const v of views) {
      const path = v.k === 1 ? '/map' : `/map?z=${v.k}&cx=${v.cx}&cy=${v.cy}`;
      const expected = layoutMapLabels(s.themes, s.areas, s.base, viewAt(s, v.k!, v.cx, v.cy), s.width, s.height)
        .themes.map((p) => s.themeIds[p.id]).sort((a, b) => a - b);
      await page.evaluate((path) => {
        history.pushState(history.state, '', path);
        dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
      }, path);
      const ids = () => page.locator('a.theme-label').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-theme-id'))).sort((a, b) => a - b));
      await expect.poll(ids, { timeout: 10_000 }).toStrictEqual(expected);
      expect(await ids(), v.theme.label).toContain(v.theme.themeId);
      const labels = [...(await boxes(page, 'a.theme-label text')), ...(await boxes(page, 'a.area-label text'))];
      const dots = await boxes(page, 'g.labels circle');
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) expect(boxesOverlap(labels[i], labels[j])).toBe(false);
        for (const d of dots) expect(boxesOverlap(labels[i], d)).toBe(false);
      }
      for (const l of await drawnLabels(page)) {
        expect(labelSupport(s, l, viewAt(s, v.k!, v.cx, v.cy)), l.lines.join(' ')).toBeGreaterThanOrEqual(MIN_SUPPORT);
        // A theme is named in one of its forms (its whole name on one line or two, or its first phrase), never cut with "…".
        if (l.kind === 'theme') expect(themeLabelForms(s.themes[s.themeIds.indexOf(l.id)].label, s.width)).toContainEqual(l.lines);
        if (l.kind === 'theme') drawnForms.push(l.lines.join(' ') === s.themes[s.themeIds.indexOf(l.id)].label ? 'whole' : 'first phrase');
        expect(l.lines.join(' ')).not.toContain('…');
      }
      if (v === views.at(-1)) await screenshot(page, 'map-labels-zoomed');
    }
    // Most theme labels drawn are whole names (the map is 860 px wide: room for most of them).
    expect(drawnForms.filter((f) => f === 'whole').length).toBeGreaterThan(drawnForms.length / 2);
  }, 120_000);

  it('colours the legend and the theme dots with the run palette', async () => {
    const page = await openMap();
    const themes = await readDb<{ themeId: number; areaId: number; size: number; x: number; y: number }>(app.db,
      'SELECT theme_id AS "themeId", area_id AS "areaId", size, x, y FROM themes WHERE run_id = 1');
    const areas = await readDb<{ areaId: number; size: number }>(app.db, 'SELECT area_id AS "areaId", size FROM areas WHERE run_id = 1');
    const similar = await readDb<{ themeId: number; neighbourId: number }>(app.db,
      'SELECT theme_id AS "themeId", neighbour_id AS "neighbourId" FROM theme_neighbours WHERE run_id = 1 AND rank = 1');
    const palette = buildPalette({ themes, areas, similar });
    const hex = (rgb: string) => '#' + rgb.match(/\d+/g)!.slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
    const swatches = await page.locator('aside.legend li a').evaluateAll((els) => els.map((a) => [
      a.getAttribute('href'), getComputedStyle(a.querySelector('.swatch')!).backgroundColor
    ]));
    expect(swatches).toHaveLength(themes.length);
    for (const [href, colour] of swatches) expect(hex(colour!)).toBe(palette.themes[Number(/themes\/(\d+)/.exec(href!)![1])]);
    const dots = () => page.locator('g.labels circle').evaluateAll((els) => els.map((c) => c.getAttribute('fill')));
    // Zoomed out, the dots under area labels are not drawn; the others have their theme's colour.
    for (const fill of await dots()) expect(Object.values(palette.themes)).toContain(fill);
    for (let i = 0; i < 2; i++) await page.click('button[aria-label="Zoom in"]');
    await expect.poll(async () => new Set(await dots())).toStrictEqual(new Set(Object.values(palette.themes)));
    const areaSwatches = await page.locator('aside.legend h3.area').evaluateAll((els) => els.map((h) => [
      h.getAttribute('data-area-id'), getComputedStyle(h.querySelector('.swatch')!).backgroundColor
    ]));
    expect(areaSwatches).toHaveLength(areas.length);
    for (const [id, colour] of areaSwatches) expect(hex(colour!)).toBe(palette.areas[Number(id)]);
  });
});

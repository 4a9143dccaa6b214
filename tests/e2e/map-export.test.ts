// The topic map's SVG and PNG export of the current view, on the shipped sample's run: the density
// contours as drawn, the labels exactly as on screen (area names zoomed out, theme names zoomed in)
// and a legend of every area and theme in its colour.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { sampleDb } from './sample-db.js';
import { areaLabelText } from '../../src/lib/charts/map-label-text.js';

const { app, open } = useDashboard(async () => sampleDb());

interface Picture {
  contours: string[];
  transform: string | null;
  /** Texts drawn over the map, sorted. */
  labels: string[];
  legend: string[];
  legendColours: string[];
  image: boolean;
}

async function openMap(): Promise<Page> {
  const page = await open('/map');
  await page.locator('#map-search-status', { hasText: /papers/ }).waitFor();
  await page.waitForTimeout(200);
  return page;
}

/** What the page shows now: its contours and the texts of its placed labels. */
function onScreen(page: Page): Promise<Omit<Picture, 'legend' | 'legendColours' | 'image'>> {
  return page.evaluate(() => ({
    contours: [...document.querySelectorAll('.topic-map svg.density path')].map((p) => p.getAttribute('d')!),
    transform: document.querySelector('.topic-map svg.density g')!.getAttribute('transform'),
    labels: [...document.querySelectorAll('.topic-map g.labels a text')].map((t) => t.textContent!).sort()
  }));
}

/** Downloads the SVG and reads it back with the browser's parser. */
async function exported(page: Page): Promise<{ svg: string; picture: Picture }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download SVG')]);
  expect(download.suggestedFilename()).toMatch(/^topic-map-run\d+\.svg$/);
  const svg = readFileSync((await download.path())!, 'utf8');
  const picture = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const map = doc.querySelector('g.map')!;
    return {
      contours: [...map.querySelectorAll('g.contours path')].map((p) => p.getAttribute('d')!),
      transform: map.querySelector('g.contours')?.getAttribute('transform') ?? null,
      labels: [...map.querySelectorAll('g.labels text')].map((t) => t.textContent!).sort(),
      legend: [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent!),
      legendColours: [...doc.querySelectorAll('g.legend rect, g.legend circle')].map((s) => s.getAttribute('fill')!),
      image: map.querySelector('image')?.getAttribute('href')?.startsWith('data:image/png;base64,') ?? false
    };
  }, svg);
  return { svg, picture };
}

describe('topic map export', () => {
  it('zoomed out: the SVG holds the contours, the area and theme labels shown, and a legend of every area and theme', async () => {
    const page = await openMap();
    const screen = await onScreen(page);
    const areas = await readDb<{ label: string; size: number }>(app.db, 'SELECT label, size FROM areas WHERE run_id = 1 ORDER BY size DESC');
    const themes = await readDb<{ label: string }>(app.db, `SELECT CASE WHEN mixture THEN 'Mixture: ' ELSE '' END || label AS label FROM themes WHERE run_id = 1`);
    expect(await page.locator('a.area-label').count()).toBeGreaterThan(0); // zoomed out, the areas are named
    expect(screen.contours.length).toBeGreaterThanOrEqual(3);
    const { picture } = await exported(page);
    expect(picture.contours).toStrictEqual(screen.contours);
    expect(picture.transform).toBe(screen.transform);
    expect(picture.labels).toStrictEqual(screen.labels);
    expect(picture.image).toBe(true);
    expect(picture.legend[0]).toBe('Areas and themes (papers)');
    // Sizes with thousands separators, as the legend beside the map writes them (the largest area holds over 1,000).
    expect(picture.legend).toContain(`${areaLabelText(areas[0].label)} (${areas[0].size.toLocaleString('en-US')})`);
    expect(picture.legend).toHaveLength(1 + areas.length + themes.length);
    for (const t of themes) expect(picture.legend.some((l) => l.startsWith(t.label.slice(0, 20)))).toBe(true);
    expect(new Set(picture.legendColours).size).toBe(areas.length + themes.length);
  });

  it('zoomed in: the SVG holds the theme labels shown and no area label, over the zoomed contours', async () => {
    const page = await openMap();
    const before = await onScreen(page);
    for (let i = 0; i < 2; i++) await page.click('button[aria-label="Zoom in"]');
    await page.waitForTimeout(500);
    expect(await page.locator('a.area-label').count()).toBe(0);
    const screen = await onScreen(page);
    expect(screen.transform).not.toBe(before.transform);
    expect(screen.labels.length).toBeGreaterThan(0);
    const { svg, picture } = await exported(page);
    expect(picture.contours).toStrictEqual(screen.contours);
    expect(picture.transform).toBe(screen.transform);
    expect(picture.labels).toStrictEqual(screen.labels);
    expect(svg).toContain('Zoom ×2.6.');
  });

  it('downloads the same picture as a PNG at twice the size, contours and points painted', async () => {
    const page = await openMap();
    const { svg } = await exported(page);
    const [width, height] = [/ width="(\d+)"/, / height="(\d+)"/].map((re) => Number(re.exec(svg)![1]));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download PNG')]);
    expect(download.suggestedFilename()).toMatch(/^topic-map-run\d+\.png$/);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toStrictEqual([2 * width, 2 * height]);
    // Read back in the page: inside the map frame, the share of shaded or painted pixels and of
    // point-coloured ones matches the map on screen (the same picture), and is not blank.
    const shares = (base64: string, scale: number, top: number) => page.evaluate(async ([base64, scale, top]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const box = document.querySelector('.topic-map svg[role=group]')!;
      const [w, h] = [Number(box.getAttribute('width')) * scale, Number(box.getAttribute('height')) * scale];
      const data = ctx.getImageData(0, top * scale, w, h).data;
      let [tinted, coloured] = [0, 0];
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (r < 250 || g < 250 || b < 250) tinted++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      }
      return { tinted: tinted / (w * h), coloured: coloured / (w * h) };
    }, [base64, scale, top] as const);
    const stats = await shares(png.toString('base64'), 2, 56);
    const onScreen = await shares((await page.locator('.topic-map svg[role=group]').screenshot()).toString('base64'), 1, 0);
    const seen = JSON.stringify({ png: stats, screen: onScreen });
    expect(Math.abs(stats.tinted - onScreen.tinted), seen).toBeLessThan(0.03);
    expect(Math.abs(stats.coloured - onScreen.coloured), seen).toBeLessThan(0.01);
    expect(stats.tinted, seen).toBeGreaterThan(0.05);
    expect(stats.coloured).toBeGreaterThan(0.01);
  });
});

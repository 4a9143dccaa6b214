// The Topic map in Chromium: the canvas is painted with every point, theme labels do not overlap
// and open theme pages, hovering a dot shows its paper's title, the search dims non-matching dots.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decodePoints, toGrid } from '../../src/lib/charts/map-points.js';
import { extentOf, fitFrame, toScreen } from '../../src/lib/charts/map-view.js';
import { boxesOverlap } from '../../src/lib/charts/label-placement.js';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { launchBrowser, newPage, screenshot, startServer, type Server, gotoHydrated } from './harness.js';
import { readDb, writeDb } from './dbs.js';
import { parseCsv } from '../fixtures/csv.js';

let db: string;
let server: Server;
let browser: Browser;

/** The hand-made run with theme 1 (long context) marked as a mixture: the map must name it "Mixture: long context". */
function runWithMixture() {
  const run = handMadeRun();
  run.themes[1] = { ...run.themes[1], mixture: true };
  return run;
}

beforeAll(async () => {
  db = await writeDb([runWithMixture()]);
  server = await startServer(db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the map and waits until the points are loaded ("24 papers" in the status line). */
async function openMap(path = '/map'): Promise<Page> {
  const page = await newPage(browser);
  expect((await gotoHydrated(page, server.url + path))?.status()).toBe(200);
  await page.locator('#map-search-status', { hasText: /papers/ }).waitFor();
  await page.waitForTimeout(100); // one animation frame for the repaint
  return page;
}

/** The items of the notice about the address's view parameters, as read (whitespace collapsed). */
async function noticeItems(page: Page): Promise<string[]> {
  const items = await page.getByTestId('map-ignored').locator('li').allTextContents();
  return items.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Distinct RGBA colours among the canvas pixels. */
async function canvasColours(page: Page): Promise<Map<string, number>> {
  const counts = await page.locator('.topic-map canvas').evaluate((c: HTMLCanvasElement) => {
    // The map canvas holds a WebGL context (preserveDrawingBuffer), so its pixels are read by
    // drawing it onto a 2-D canvas.
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [c.width, c.height];
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(c, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const out: Record<string, number> = {};
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  });
  return new Map(Object.entries(counts));
}

/** Page coordinates of point `i`, computed the way the map lays points out (identity zoom). */
async function pointOnPage(page: Page, i: number): Promise<[number, number]> {
  const payload = decodePoints(await (await fetch(`${server.url}/map/points?run=1`)).arrayBuffer());
  const themes = await readDb<{ x: number; y: number }>(db, 'SELECT x, y FROM themes WHERE run_id = 1 ORDER BY theme_id');
  const centres = themes.map((t) => toGrid(payload, t.x, t.y));
  const extent = extentOf([...payload.x, ...centres.map((c) => c[0])], [...payload.y, ...centres.map((c) => c[1])]);
  const svg = page.locator('.topic-map svg[role=group]');
  const box = (await svg.boundingBox())!;
  const width = Number(await svg.getAttribute('width'));
  const height = Number(await svg.getAttribute('height'));
  const [sx, sy] = toScreen(fitFrame(extent, width, height, 28), { k: 1, x: 0, y: 0 }, payload.x[i], payload.y[i]);
  return [box.x + sx, box.y + sy];
}

describe('the Topic map', () => {
  it('paints every point on the canvas in the theme colours', async () => {
    const page = await openMap();
    const colours = await canvasColours(page);
    // Transparent background plus one colour per theme (3), at least.
    expect(colours.size).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'map');
  });

  it('draws with WebGL in headless Chromium and paints colour at a point and not in empty space', async () => {
    const page = await openMap();
    expect(await page.locator('.topic-map canvas').getAttribute('data-renderer')).toBe('webgl');
    const [px, py] = await pointOnPage(page, 0);
    const box = (await page.locator('.topic-map canvas').boundingBox())!;
    const alphaAt = (x: number, y: number) => page.locator('.topic-map canvas').evaluate((c: HTMLCanvasElement, [cx, cy]) => {
      const copy = document.createElement('canvas');
      [copy.width, copy.height] = [c.width, c.height];
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const scale = c.width / c.getBoundingClientRect().width;
      return ctx.getImageData(Math.round(cx * scale), Math.round(cy * scale), 1, 1).data[3];
    }, [x, y]);
    expect(await alphaAt(px - box.x, py - box.y)).toBe(255);
    expect(await alphaAt(2, 2)).toBe(0); // the frame's padding holds no point
  });

  it('selects the papers in a shift-dragged rectangle, lists their theme mix and exports them as CSV and Parquet', async () => {
    const page = await openMap();
    const box = (await page.locator('.topic-map svg[role=group]').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const panel = page.locator('section.selection');
    await panel.locator('h2', { hasText: '24 papers selected' }).waitFor();
    // The drag crossed theme labels: none of their text is selected (highlighted) by it.
    expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
    expect(await panel.locator('.mix li').count()).toBe(3);
    expect(await panel.locator('.mix li').first().textContent()).toContain('8 (33%)');
    expect(await panel.locator('.mix li', { hasText: 'long context' }).textContent()).toContain('Mixture: long context');
    await page.waitForURL((url) => /^\d+,\d+,\d+,\d+$/.test(url.searchParams.get('sel') ?? ''));
    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('text=CSV').click()]);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]).toContain('paper_id');
    expect(csv[0].slice(-7)).toStrictEqual(['x', 'y', 'doi', 'added_batch', 'novel', 'venue', 'abstract']);
    expect(csv.length).toBe(25);
    const [parquet] = await Promise.all([page.waitForEvent('download'), panel.locator('text=Parquet').click()]);
    expect(parquet.suggestedFilename()).toMatch(/\.parquet$/);
    const bytes = readFileSync((await parquet.path())!);
    expect([bytes.subarray(0, 4).toString('latin1'), bytes.subarray(-4).toString('latin1')]).toStrictEqual(['PAR1', 'PAR1']);
    await screenshot(page, 'map-selection');
  });

  it('selects only the papers the search marks, within the dates: the panel, its list and its CSV agree with the status', async () => {
    // Theme 2 (gaussian splatting) holds papers 2, 5, …, 23: 8 match "splatting"; March–April (papers 8–15) holds 8, 11 and 14.
    for (const [path, status, heading, n] of [
      ['/map?q=splatting', '8 papers match', '8 papers selected (matching “splatting”)', 8],
      ['/map?q=splatting&from=2025-03-01&to=2025-04-30', '3 papers match in the dates', '3 papers selected (matching “splatting”, in the dates)', 3]
    ] as const) {
      const page = await openMap(path);
      await page.locator('#map-search-status', { hasText: status }).waitFor();
      const box = (await page.locator('.topic-map svg[role=group]').boundingBox())!;
      // Select, then drag over the whole map (the touch screen's way; shift-drag is tested above).
      await page.click('button[aria-label="Select region"]');
      await page.mouse.move(box.x + 3, box.y + 3);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3, { steps: 6 });
      await page.mouse.up();
      const panel = page.locator('section.selection');
      await panel.locator('h2', { hasText: heading }).waitFor();
      // The drag crossed theme labels: none of their text is selected (highlighted) by it.
      expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
      expect(await panel.locator('.mix li').allTextContents()).toStrictEqual([expect.stringContaining(`gaussian splatting — ${n} (100%)`)]);
      await panel.locator('.titles li').nth(n - 1).waitFor();
      const titles = await panel.locator('.titles li').allTextContents();
      expect(titles.length).toBe(n);
      expect(titles.every((t) => t.startsWith('gaussian splatting paper'))).toBe(true);
      const href = new URL((await panel.locator('a', { hasText: 'CSV' }).getAttribute('href'))!, server.url);
      expect(href.searchParams.get('q')).toBe('splatting');
      for (const format of ['JSON', 'Parquet', 'BibTeX', 'RIS']) {
        expect(new URL((await panel.locator('a', { hasText: format }).getAttribute('href'))!, server.url).searchParams.get('q')).toBe('splatting');
      }
      const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('a', { hasText: 'CSV' }).click()]);
      expect(download.suggestedFilename()).toContain('q-splatting');
      const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
      expect(csv.length).toBe(n + 1);
      expect(csv.slice(1).every((row) => row[1].includes('gaussian splatting paper'))).toBe(true);
      if (n === 3) await screenshot(page, 'map-selection-search');
      await page.close();
    }
  });

  it('zooms, pans and selects a region from the keyboard alone (no drag: WCAG 2.1.1 and 2.5.7)', async () => {
    const page = await openMap();
    const press = async (name: string) => {
      await page.focus(`button[aria-label="${name}"], button:text-is("${name}")`);
      await page.keyboard.press('Enter');
    };
    await press('Select view');
    await page.locator('section.selection h2', { hasText: '24 papers selected' }).waitFor();
    // Dates typed the wrong way round select nothing, and the export links (which would answer 400) give way to why.
    await page.fill('input[aria-label="Published from"]', '2025-04-30');
    await page.fill('input[aria-label="Published until"]', '2025-03-01');
    await page.getByTestId('selection-reversed').waitFor();
    expect(await page.locator('section.selection a[download]').count()).toBe(0);
    await page.fill('input[aria-label="Published from"]', '');
    await page.fill('input[aria-label="Published until"]', '');
    await page.locator('section.selection a[download]').first().waitFor();
    await page.click('text=Clear selection');
    for (let i = 0; i < 3; i++) await press('Zoom in');
    await page.waitForURL((url) => url.searchParams.get('z') !== null);
    const centre = () => { const u = new URL(page.url()); return [Number(u.searchParams.get('cx')), Number(u.searchParams.get('cy'))]; };
    const before = centre();
    await press('Pan left');
    await press('Pan up');
    // The view moved left and up (grid y grows downwards on screen): the centre's grid x and y fell.
    await page.waitForURL((url) => Number(url.searchParams.get('cx')) < before[0] && Number(url.searchParams.get('cy')) < before[1]);
    await press('Select view');
    const h2 = page.locator('section.selection h2');
    await h2.waitFor();
    const n = Number((await h2.textContent())!.match(/^(\d+)/)![1]);
    // Zoomed in ×4: the view's rectangle, about a quarter of the map across, and fewer papers than all.
    expect(n).toBeLessThan(24);
    await page.waitForURL((url) => /^\d+,\d+,\d+,\d+$/.test(url.searchParams.get('sel') ?? ''));
    const [x0, y0, x1, y1] = new URL(page.url()).searchParams.get('sel')!.split(',').map(Number);
    expect(x1 - x0).toBeGreaterThan(0);
    expect(x1 - x0).toBeLessThan(65535 / 2);
    expect(y1 - y0).toBeLessThan(65535 / 2);
  });

  it('rejects a map-region export with a missing or reversed rectangle', async () => {
    const get = (q: string) => fetch(`${server.url}/export/map-region.csv?run=1&${q}`);
    expect((await get('x0=0&x1=1&y0=0')).status).toBe(400);
    expect((await get('x0=1&x1=0&y0=0&y1=1')).status).toBe(400);
    expect((await get('x0=abc&x1=0&y0=0&y1=1')).status).toBe(400);
  });

  it('filters by date range and restores zoom, centre, dates and selection from the URL', async () => {
    const page = await openMap('/map?z=2&cx=30000&cy=30000&from=2025-03-01&to=2025-04-30&sel=0,0,65535,65535');
    // 4 papers a month (fixture): March and April hold 8.
    await page.locator('#map-search-status', { hasText: '8 of 24 papers in the dates' }).waitFor();
    await page.locator('section.selection h2', { hasText: '8 papers selected' }).waitFor();
    expect(await page.inputValue('input[aria-label="Published from"]')).toBe('2025-03-01');
    await page.waitForTimeout(400); // the view is reported after 200 ms
    const url = new URL(page.url());
    expect([url.searchParams.get('z'), url.searchParams.get('cx'), url.searchParams.get('cy')]).toStrictEqual(['2', '30000', '30000']);
    expect(url.searchParams.get('from')).toBe('2025-03-01');
    await screenshot(page, 'map-url-view');
  });

  it('swaps a date range whose start is after its end, and says so, naming both dates', async () => {
    const page = await openMap('/map?from=2025-04-30&to=2025-03-01');
    await page.locator('#map-search-status', { hasText: '8 of 24 papers in the dates' }).waitFor();
    expect([await page.inputValue('input[aria-label="Published from"]'), await page.inputValue('input[aria-label="Published until"]')])
      .toStrictEqual(['2025-03-01', '2025-04-30']);
    const said = ['Swapped from=2025-04-30 and to=2025-03-01: expected the start (from) on or before the end (to); the map shows papers from 2025-03-01 to 2025-04-30.'];
    expect(await noticeItems(page)).toStrictEqual(said);
    // The view the map writes into the address (on the next zoom) has the range the right way round;
    // the notice stays until the next address to follow.
    await page.click('button[aria-label="Zoom in"]');
    await page.waitForURL((url) => url.searchParams.get('from') === '2025-03-01' && url.searchParams.get('to') === '2025-04-30', { timeout: 10_000 });
    expect(await noticeItems(page)).toStrictEqual(said);
    await screenshot(page, 'map-swapped-dates');
    await page.close();
  });

  it('takes any date as a bound, before 1970 or long after the last paper, without a notice: every paper lies between', async () => {
    const page = await openMap('/map?from=1969-12-31&to=2150-01-01');
    expect(await noticeItems(page)).toStrictEqual([]);
    expect((await page.locator('#map-search-status').textContent())!.trim()).toBe('24 of 24 papers in the dates');
    expect(await page.inputValue('input[aria-label="Published from"]')).toBe('1969-12-31');
    await page.close();
  });

  it('keeps the toolbar in place at 1280 px however long the status grows: Select view stays on the row of the zoom buttons', async () => {
    const page = await openMap();
    const places = () => page.locator('.toolbar').locator('button, input').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return [e.getAttribute('aria-label') ?? e.textContent!.trim(), Math.round(r.left), Math.round(r.top)];
    }));
    const before = await places();
    const top = (name: string) => before.find(([n]) => n === name)![2];
    expect([top('Select view'), top('Download PNG')]).toStrictEqual([top('Zoom in'), top('Zoom in')]);
    // The longest status the map writes: reversed dates typed in the form.
    await page.fill('input[aria-label="Published from"]', '2025-04-30');
    await page.fill('input[aria-label="Published until"]', '2025-03-01');
    await page.locator('#map-search-status', { hasText: '“From” is after “to”' }).waitFor();
    expect(await places()).toStrictEqual(before);
    // Any longer text wraps and is cut inside the status's own cell.
    await page.locator('#map-search-status').evaluate((e) => void (e.textContent = 'a status far longer than any the map writes '.repeat(20)));
    expect(await places()).toStrictEqual(before);
    const [status, search] = await Promise.all([page.locator('#map-search-status').boundingBox(), page.locator('input[type=search]').boundingBox()]);
    expect(status!.height).toBeLessThanOrEqual(search!.height + 2);
    await page.close();
  });

  it('picks out a theme from the address until "Show every theme", and names one the run lacks (dashboard audit of 2026-12-04)', async () => {
    const page = await openMap('/map?theme=2');
    const picked = page.getByTestId('map-theme');
    expect((await picked.textContent())!.replace(/\s+/g, ' ').trim()).toBe('Picked out: gaussian splatting (8 papers; the others dimmed) Show every theme');
    // Fitted to the theme: the view settles into the address with the theme and a zoom.
    await page.waitForFunction(() => /theme=2/.test(location.search) && /[?&]z=/.test(location.search), undefined, { timeout: 5000 });
    await page.getByRole('button', { name: 'Show every theme' }).click();
    await page.waitForFunction(() => !/theme=/.test(location.search), undefined, { timeout: 5000 });
    expect(await picked.count()).toBe(0);
    const missing = await openMap('/map?theme=99');
    expect(await noticeItems(missing)).toStrictEqual(["Ignored theme=99: expected one of run 1's themes (the legend's); no theme is picked out."]);
    expect(await missing.getByTestId('map-theme').count()).toBe(0);
    await page.close();
    await missing.close();
  });

  it('says which view parameters of the address it ignored and why, instead of dropping them silently', async () => {
    const page = await openMap('/map?z=abc&cx=zz&sel=foo&from=2025-06-01');
    const notice = page.getByRole('status').filter({ hasText: 'Ignored' });
    expect(await noticeItems(page)).toStrictEqual([
      'Ignored z=abc: expected a number from 0.7 to 80 (the zoom; 1 is the whole map); the map opens at zoom 1.',
      'Ignored cx=zz: expected a number from 0 to 65,535 (the view’s centre, in map grid units); the map keeps its own centre.',
      'Ignored sel=foo: expected four numbers x0,y0,x1,y1 from 0 to 65,535, with x0 ≤ x1 and y0 ≤ y1 (a selected region); nothing is selected.'
    ]);
    // The date it could use is used.
    expect(await page.inputValue('input[aria-label="Published from"]')).toBe('2025-06-01');
    await screenshot(page, 'map-ignored-params');
    // The notice is in the server's HTML too, and an address it can use has none.
    const html = await (await fetch(`${server.url}/map?sel=foo`)).text();
    expect(html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ')).toContain('Ignored sel=foo: expected four numbers');
    const clean = await openMap('/map?z=2&cx=30000&cy=30000');
    expect(await clean.getByTestId('map-ignored').textContent()).toBe('');
    await page.close();
    await clean.close();
  });

  it('names the theme count in the tab title', async () => {
    expect(await (await openMap()).title()).toBe('Topic map · 3 themes · Themescope');
  });

  it('places one label per theme with no two labels overlapping', async () => {
    const page = await openMap();
    const labels = page.locator('a.theme-label text');
    expect((await labels.allTextContents()).sort()).toStrictEqual(['Mixture: long context', 'gaussian splatting', 'model merging, task vectors']);
    const boxes = await labels.evaluateAll((ts) =>
      ts.map((t) => {
        const r = t.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      })
    );
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i], boxes[j])).toBe(false);
  });

  it('shows the title of the paper under the pointer', async () => {
    const page = await openMap();
    const [x, y] = await pointOnPage(page, 0);
    await page.mouse.move(x, y);
    const tooltip = page.locator('.tooltip .paper-title');
    await tooltip.filter({ hasText: 'paper' }).waitFor();
    // Point 0 is the most typical paper of theme 0: paper 0 (rank 1).
    expect(await tooltip.textContent()).toBe('model merging, task vectors paper 0');
    await screenshot(page, 'map-hover');
  });

  it('names a mixture theme "Mixture: …" in the hover read-out and on its label, as the legend does', async () => {
    const page = await openMap();
    // Points are stored theme by theme, each by rank: 8 is the most typical paper of theme 1.
    const [x, y] = await pointOnPage(page, 8);
    await page.mouse.move(x, y);
    await page.locator('.tooltip .paper-title').filter({ hasText: 'paper' }).waitFor();
    expect((await page.locator('.tooltip .paper-theme').textContent())!.trim()).toMatch(/^Mixture: long context · /);
    expect(await page.locator('a.theme-label[data-theme-id="1"] title').textContent()).toBe('Mixture: long context — 8 papers');
    expect(await page.locator('.legend a', { hasText: 'long context' }).textContent()).toContain('Mixture: long context');
    await screenshot(page, 'map-hover-mixture');
  });

  it('opens the theme page when a theme label is clicked', async () => {
    const page = await openMap();
    await page.click('a.theme-label[data-theme-id="1"]');
    await page.waitForURL(/\/themes\/1\?run=1$/);
    expect(await page.locator('h1').textContent()).toContain('long context');
  });

  it('opens the paper page of the dot that is clicked', async () => {
    const page = await openMap();
    const [x, y] = await pointOnPage(page, 20);
    const paper = (await (await fetch(`${server.url}/map/points/paper?run=1&i=20`)).json()) as { paperId: string; title: string };
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    await page.waitForURL(`${server.url}/papers/${paper.paperId}?run=1`);
    expect(await page.locator('h1').textContent()).toBe(paper.title);
  });

  it('highlights the papers that match the search and keeps the search in the URL', async () => {
    const page = await openMap();
    const before = await canvasColours(page);
    await page.fill('.topic-map input[type=search]', 'position interp');
    // Theme 1's 8 abstracts say "position interpolation" ("interp" is the word being typed: a prefix).
    await page.locator('#map-search-status', { hasText: '8 papers match' }).waitFor();
    await page.waitForURL(/q=position\+interp/);
    await page.waitForTimeout(100);
    const after = await canvasColours(page);
    // Dimmed dots are light grey (#d6d6d6); no theme colour is grey.
    const grey = (c: string) => {
      const [r, g, b, a] = c.split(',').map(Number);
      return a > 0 && r === g && g === b && r >= 200 && r <= 225;
    };
    expect([...after.keys()].some(grey)).toBe(true);
    expect([...before.keys()].some(grey)).toBe(false);
    await screenshot(page, 'map-search');
    // With dates set too, the count is the matches drawn in the dates, the whole search's beside it.
    await page.fill('.topic-map input[aria-label="Published from"]', '2099-01-01');
    await page.locator('#map-search-status', { hasText: '0 papers match in the dates (8 in all)' }).waitFor();
  });

  it('searches with the index: a prefix finds its theme, a piece inside a word finds nothing', async () => {
    const search = async (q: string) =>
      ((await (await fetch(`${server.url}/map/points/search?run=1&q=${encodeURIComponent(q)}`)).json()) as { indices: number[] }).indices;
    const splatting = await readDb<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM paper_themes WHERE run_id = 1 AND theme_id = 2`);
    expect([(await search('SPLAT')).length, (await search('platting')).length]).toStrictEqual([splatting[0].n, 0]);
  });

  it('downloads the map as a PNG composed of the points, labels and legend', async () => {
    const page = await openMap();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download PNG')]);
    expect(download.suggestedFilename()).toMatch(/^topic-map-run\d+\.png$/);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('text=Download SVG')]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    for (const text of ['Topic map — run 1', 'gaussian splatting', 'Areas and themes (papers)', 'data:image/png;base64,']) {
      expect(svg).toContain(text);
    }
  });
});

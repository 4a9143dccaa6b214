// Screenshots of every page at 1280×800 and 390×844 in Debian's Chromium: `tsx tests/e2e/screenshots.ts DB OUTDIR`
// (NAME.png at 1280 — the README's pictures — and NAME-390.png, full page).
// Used for the README's pictures (on the shipped sample) and for looking at big databases.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import buildDashboard from './global-setup.js';
import { launchBrowser, newPage, startServer } from './harness.js';

const [db = 'data/themes.duckdb', out = 'test-results/screenshots'] = process.argv.slice(2);
const PAGES: [string, string][] = [
  ['overview', '/'],
  ['map', '/map'],
  ['theme', '/themes/0'],
  ['papers', '/papers?q=merging'],
  ['runs', '/runs'],
  ['compare', '/runs/compare']
];

buildDashboard();
mkdirSync(out, { recursive: true });
const server = await startServer(db);
const browser = await launchBrowser();
try {
  for (const [name, path] of PAGES) for (const width of [1280, 390]) {
    const page = await newPage(browser);
    if (width !== 1280) await page.setViewportSize({ width, height: 844 });
    const file = width === 1280 ? name : `${name}-${width}`;
    const t0 = performance.now();
    const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const ms = Math.round(performance.now() - t0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, `${file}.png`), fullPage: width !== 1280 });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    console.log(`${file.padEnd(12)} ${path.padEnd(20)} HTTP ${response?.status()} · loaded in ${ms} ms · overflow ${scroll}px → ${join(out, file)}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

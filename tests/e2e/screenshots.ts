// Screenshots of every page at 1280×800 in Debian's Chromium: `tsx tests/e2e/screenshots.ts DB OUTDIR`.
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
  for (const [name, path] of PAGES) {
    const page = await newPage(browser);
    const t0 = performance.now();
    const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const ms = Math.round(performance.now() - t0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${name.padEnd(9)} ${path.padEnd(20)} HTTP ${response?.status()} · loaded in ${ms} ms → ${join(out, name)}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

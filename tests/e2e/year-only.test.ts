// The Overview and a Theme page of a multi-decade corpus dated YYYY-01-01 with no precision field
// (tests/fixtures/year-only-corpus.ts through the real CLI): they open on years, show the date range
// as years and name the emerging/fading window in years.
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { FIRST_YEAR, LAST_YEAR, writeYearOnlyCorpus } from '../fixtures/year-only-corpus.js';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';

const { app, open } = useDashboard(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'themescope-e2e-years-'));
  const corpus = join(dir, 'year-only.jsonl');
  writeYearOnlyCorpus(corpus);
  const db = join(dir, 'themes.duckdb');
  const r = runCli(['--input', corpus, '--db', db, '--quiet']);
  if (r.code !== 0) throw new Error(`pipeline failed (${r.code}):\n${r.stderr}`);
  return db;
});

describe('the Overview of a year-only corpus', () => {
  it('opens on years: the Year period selected, one point per year, axis and title per year', async () => {
    const page = await open('/');
    expect(await page.locator('select[name="granularity"]').inputValue()).toBe('year');
    const text = await page.locator('figure.chart svg').first().textContent();
    expect(text).toContain('Period (year)');
    expect(text).not.toContain('partial period');
    expect(await page.locator('h2#trend-heading ~ figure, figure.chart').first().locator('svg path[data-series]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="year-note"]').count()).toBe(1);
    expect((await page.locator('[data-testid="year-note"]').textContent())!.replace(/\s+/g, ' ')).toMatch(/^ ?Every dated paper of this run is dated by year only, so its trends are read per year/);
    await screenshot(page, 'overview-year-only');
  });

  it('shows the date range as years', async () => {
    const page = await open('/');
    expect(await page.locator('.facts').textContent()).toContain(`${FIRST_YEAR} – ${LAST_YEAR}`);
    expect(await page.locator('p.lead').textContent()).toContain(`from ${FIRST_YEAR} to ${LAST_YEAR}`);
  });

  it('lists emerging themes over the last 2 years, with yearly sparklines', async () => {
    const page = await open('/');
    const table = page.locator('[data-testid="emerging-themes"]');
    expect(await page.getByTestId('trend-rule').textContent()).toMatch(/after = \d{4} – \d{4} \(2 years\)/);
    expect(await table.locator('thead').textContent()).toContain('Papers per year before → after');
    const emerging = await readDb<{ label: string; mixture: boolean }>(app.db,
      `SELECT label, mixture FROM themes WHERE direction = 'emerging' ORDER BY emerging_score DESC LIMIT 5`);
    expect(emerging.length).toBeGreaterThan(0);
    // A theme marked as a mixture is listed as such.
    expect(await table.locator('tbody tr td:first-child').allTextContents()).toStrictEqual(
      emerging.map((t) => (t.mixture ? `Mixture: ${t.label}` : t.label))
    );
  });

  it('opens a theme page on years and names its window in years', async () => {
    const [theme] = await readDb<{ theme_id: number }>(app.db, `SELECT theme_id FROM themes ORDER BY size DESC LIMIT 1`);
    const page = await open(`/themes/${theme.theme_id}`);
    expect(await page.locator('p.granularity a[aria-current="true"]').textContent()).toBe('year');
    // A finer granularity than its papers' dates is not offered (a month chart of year-dated papers is empty).
    expect(await page.locator('p.granularity a:not([aria-current])').count()).toBe(0);
    expect(await page.getByTestId('theme-trend').textContent()).toMatch(/after =\s+\d{4} – \d{4} \(2 years\)/);
    const published = await page.locator('ol.typical .small').first().textContent();
    expect(published).toMatch(/^(19|20)\d\d · similarity/);
    await screenshot(page, 'theme-year-only');
    // Its paper page gives the year, not a made-up 1 January.
    await Promise.all([page.waitForURL(/\/papers\//), page.locator('ol.typical a').first().click()]);
    expect(await page.getByTestId('published').textContent()).toMatch(/^(19|20)\d\d \(year only\)$/);
  });
});

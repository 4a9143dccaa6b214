// A run whose corpus gains cs.IT in 2026-01 (tests/fixtures/coverage-corpus.ts), then three later
// months added with `npm run assign`, in Chromium: /runs lists the coverage warning of the trends the
// batch recomputed, said to be as of that batch, and the Overview's coverage note tells the same
// figures (found by the review of 2026-12-03: /runs kept the warning of the run as clustered); the
// batch's own warning (a date it could not read) is listed with the batch.
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAssign, runCli } from '../fixtures/cli.js';
import { ODD_DATE, writeCoverageCorpus } from '../fixtures/coverage-corpus.js';
import { categoryName } from '../../pipeline/trends/coverage.js';
import { readDb } from './dbs.js';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';

const { app, open } = useDashboard(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'themescope-e2e-assign-coverage-'));
  const { first, later } = writeCoverageCorpus(dir);
  appendFileSync(later, ODD_DATE + '\n'); // a date the batch cannot read: a warning of the batch's own
  const db = join(dir, 'themes.duckdb');
  const run = runCli(['--input', first, '--k', '3', '--quiet', '--db', db]);
  if (run.code !== 0) throw new Error(run.stderr);
  const assign = runAssign(['--input', later, '--quiet', '--db', db]);
  if (assign.code !== 0) throw new Error(assign.stderr);
  return db;
});

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the coverage warning of a run papers were added to', () => {
  it('is on /runs as the batch recomputed it, said to be as of that batch, and agrees with the Overview', async () => {
    const [{ message }] = await readDb<{ message: string }>(app.db, "SELECT metrics->>'$.warnings[0].message' AS message FROM runs");
    const page = await open('/runs');
    const warnings = page.locator('#run-1 section[aria-label="Warnings of run 1"] li');
    expect(await warnings.count()).toBe(1);
    expect(squash(await warnings.textContent())).toBe(`As of batch 1 (npm run assign): ${message}`);
    expect(message).toContain('cs.IT: 0 papers in 2025-07..2025-12');
    expect(message).toContain('180 papers of the windows set aside');
    await warnings.scrollIntoViewIfNeeded();
    await screenshot(page, 'runs-coverage-as-of-batch');
    const overview = squash(await (await open('/')).getByTestId('coverage-changes').textContent());
    expect(overview).toContain(`${categoryName('cs.IT')}: 0 papers in Jul 2025 – Dec 2025`);
    expect(overview).toContain('(180 papers of the windows set aside)');
  });

  it('leaves the batch\'s own warnings with the batch on /runs', async () => {
    const [{ w }] = await readDb<{ w: string }>(app.db, 'SELECT warnings::VARCHAR AS w FROM assign_batches');
    const [{ message }] = JSON.parse(w) as { message: string }[];
    expect(message).toMatch(/1 date could not be read, so its paper is kept undated/);
    const page = await open('/runs');
    const section = page.getByTestId('batch-warnings');
    expect(squash(await section.locator('h4').textContent())).toBe('Warnings of batch 1');
    expect((await section.locator('li').allTextContents()).map(squash)).toStrictEqual([message]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'runs-batch-warnings');
  });
});

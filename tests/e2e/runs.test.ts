// The Runs page in Chromium: every run newest first with its inputs, counts, timings, k-selection
// curve and skipped-record sample, each as the database holds them, and a link to view each run.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { handMadeRun } from '../fixtures/hand-made-run.js';
import { readDb, writeDb } from './dbs.js';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';

const { app, open } = useDashboard(async () => {
  const second = handMadeRun();
  second.createdAt = new Date('2025-08-02T09:30:00Z');
  second.inputFiles = [
    { path: 'data/arxiv-a.jsonl.gz', format: 'jsonl', sha256: 'c'.repeat(64), records: 20 },
    { path: 'data/extra.csv', format: 'csv', sha256: 'd'.repeat(64), records: 29 }
  ];
  second.skipped = Array.from({ length: 25 }, (_, i) => ({ file: 'data/extra.csv', line: 2 + i, field: 'published', reason: `not a date: "x${i}"` }));
  second.durations = { ingest: 1.5, tokenise: 2.25, cluster: 4 };
  // The chosen k's inertia is the run's (as on the 74.7k corpus: 58574.948…), written alike in both tables.
  second.kSelection = [4, 3, 2].map((k) => ({ k, stability: 0.5 + k / 10, inertia: k === 3 ? 58574.94850823244 : 60000 - k, chosen: k === 3 }));
  second.metrics = { ...second.metrics, inertia: 58574.94850823244 };
  second.params = { k: 'auto', seed: 7, granularity: 'month' };
  // The store adds its own measured duration; pin run 2's durations so the table can be checked exactly.
  return writeDb(
    [handMadeRun(), second, handMadeRun()],
    `UPDATE runs SET status = 'failed' WHERE run_id = 3;
     UPDATE runs SET durations = '{"ingest": 1.5, "tokenise": 2.25, "cluster": 4}' WHERE run_id = 2;`
  );
});

const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent?.trim()));

describe('the Runs page', () => {
  it('lists every run newest first with its status, whatever the status', async () => {
    const page = await open('/runs');
    const rows = await readDb<{ run_id: number; status: string }>(app.db, 'SELECT run_id, status FROM runs ORDER BY run_id DESC');
    const cells = await page.locator('table[aria-label="All runs"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.children[0].textContent?.trim(), tr.children[2].textContent?.trim()])
    );
    expect(cells).toStrictEqual(rows.map((r) => [`Run ${r.run_id}`, r.status]));
    await screenshot(page, 'runs');
  });

  it('counts the runs in the tab title', async () => {
    const runs = await readDb<{ n: number }>(app.db, 'SELECT count(*)::INTEGER AS n FROM runs');
    expect(await (await open('/runs')).title()).toBe(`Runs (${runs[0].n}) · Themescope`);
  });

  it('links each complete run to the dashboard at that run, and not the failed one', async () => {
    const page = await open('/runs');
    expect(await page.locator('#run-2 a.view').getAttribute('href')).toBe('/?run=2');
    expect(await page.locator('#run-3 a.view').count()).toBe(0);
  });

  it('shows the inputs with shortened hashes whose title is the full hash', async () => {
    const page = await open('/runs');
    const hash = page.locator('#run-2 table:has(caption:text("Inputs")) tbody tr').nth(1).locator('td.mono');
    expect([await hash.textContent(), await hash.getAttribute('title')]).toStrictEqual(['dddddddddddd…', 'd'.repeat(64)]);
    expect(await texts(page, '#run-2 table:has(caption:text("Inputs")) tbody td.path')).toStrictEqual(['data/arxiv-a.jsonl.gz', 'data/extra.csv']);
  });

  it('shows counts, per-stage durations and their total', async () => {
    const page = await open('/runs');
    const counts = await page.locator('#run-2 dl.counts div').evaluateAll((divs) =>
      Object.fromEntries(divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]))
    );
    expect(counts).toMatchObject({ Papers: '24', Skipped: '25', Duplicates: '0', Terms: '12', k: '3', Seed: '42', 'Stability (ARI)': '0.900' });
    const stages = await page.locator('#run-2 table:has(caption:text("Stage durations")) tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent))
    );
    expect(stages).toStrictEqual([
      ['ingest', '1.50'],
      ['tokenise', '2.25'],
      ['cluster', '4.00'],
      ['Total', '7.75']
    ]);
  });

  it('shows the k-selection curve and the first 20 skipped records of the database', async () => {
    const page = await open('/runs');
    await page.click('#run-2 summary:has-text("k selection")');
    expect(await page.locator('#run-2 tr.chosen td').first().textContent()).toBe('3');
    const k = await readDb<{ k: number }>(app.db, 'SELECT k FROM k_selection WHERE run_id = 2 ORDER BY k');
    expect(await texts(page, '#run-2 details:has(summary:has-text("k selection")) tbody tr td:first-child')).toStrictEqual(k.map((r) => String(r.k)));

    const summary = page.locator('#run-2 summary:has-text("Skipped records")');
    expect(await summary.textContent()).toBe('Skipped records (first 20 of 25)');
    await summary.click();
    const lines = await texts(page, '#run-2 details:has(summary:has-text("Skipped")) tbody tr td:nth-child(2)');
    expect(lines).toStrictEqual(Array.from({ length: 20 }, (_, i) => String(2 + i)));
    await page.click('#run-2 summary:has-text("Parameters")');
    expect(JSON.parse((await page.locator('#run-2 pre').textContent()) ?? '')).toStrictEqual({ k: 'auto', seed: 7, granularity: 'month' });
    await screenshot(page, 'runs-open');
  });

  it('writes the run’s inertia in Metrics as in its chosen k’s row: one grouped number, one decimal', async () => {
    const page = await open('/runs');
    await page.click('#run-2 summary:has-text("k selection")');
    const metric = await page.locator('#run-2 table:has(caption:text("Metrics")) tr:has(th:text-is("Inertia Σ(1 − cos)")) td').textContent();
    const chosen = await page.locator('#run-2 tr.chosen td').nth(2).textContent();
    expect([metric, chosen]).toStrictEqual(['58,574.9', '58,574.9']);
    expect(await texts(page, '#run-2 details:has(summary:has-text("k selection")) tbody tr td:nth-child(3)')).toStrictEqual(['59,998', '58,574.9', '59,996']);
  });

  it('badges the newest complete run, and the named one with ?run=', async () => {
    const newest = await open('/runs');
    expect(await newest.locator('.run-badge').textContent()).toBe('Run 2 · 24 papers · k=3 · 2025-08-02');
    const named = await open('/runs?run=1');
    expect(await named.locator('.run-badge').textContent()).toBe('Run 1 · 24 papers · k=3 · 2025-07-01');
    expect(await named.locator('header nav a', { hasText: 'Papers' }).getAttribute('href')).toBe('/papers?run=1');
  });
});

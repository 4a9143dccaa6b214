// Papers added after clustering in Chromium: a run on 50 of the three-topics papers, then `npm run
// assign` with the other 10 and two papers on other subjects (novel). The Papers page marks and
// filters them, the paper page says so, and /runs lists the batch, the record it skipped and the novel papers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAssign, runCli, THREE_TOPICS } from '../fixtures/cli.js';
import { parseCsv } from '../fixtures/csv.js';
import { readDb } from './dbs.js';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';

const OFF_TOPIC = [
  { id: 'x-protein', title: 'Protein folding kinetics of small enzymes', published: '2025-06-20', authors: ['A. Chemist'],
    abstract: 'We measure folding kinetics of small enzymes in aqueous solution and relate folding rates to contact order and temperature.' },
  { id: 'x-auction', title: 'Revenue of second-price auctions with reserve prices', published: '2025-06-21', authors: ['B. Economist'],
    abstract: 'We bound the revenue of second-price auctions with reserve prices when bidders have correlated private valuations.' }
];

const { app, open } = useDashboard(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'themescope-e2e-assign-'));
  const db = join(dir, 'themes.duckdb');
  const lines = readFileSync(THREE_TOPICS, 'utf8').trim().split('\n');
  writeFileSync(join(dir, 'first.jsonl'), lines.slice(0, 50).join('\n') + '\n');
  // …and one record without an abstract, which the batch skips.
  writeFileSync(join(dir, 'rest.jsonl'), [...lines.slice(50), ...OFF_TOPIC.map((p) => JSON.stringify(p)),
    JSON.stringify({ id: 'x-empty', title: 'A record without its abstract' })].join('\n') + '\n');
  const run = runCli(['--input', join(dir, 'first.jsonl'), '--k', '3', '--min-df', '2', '--quiet', '--db', db]);
  if (run.code !== 0) throw new Error(run.stderr);
  const assign = runAssign(['--input', join(dir, 'rest.jsonl'), '--quiet', '--db', db]);
  if (assign.code !== 0) throw new Error(assign.stderr);
  return db;
});

const novelIds = async () => (await readDb<{ paper_id: string }>(app.db, 'SELECT paper_id FROM assigned_papers WHERE novel ORDER BY paper_id')).map((r) => r.paper_id);

describe('papers added after clustering', () => {
  it('are twelve, of which the off-topic ones fit least and are novel', async () => {
    // On 50 papers the run's 5th percentile is high, so some on-topic papers at the edge of their theme are novel too.
    expect(await novelIds()).toEqual(expect.arrayContaining(['x-auction', 'x-protein']));
    const least = await readDb<{ paper_id: string }>(app.db,
      'SELECT paper_id FROM assigned_papers JOIN paper_themes USING (run_id, paper_id) ORDER BY similarity, paper_id LIMIT 2');
    expect(least.map((r) => r.paper_id).sort()).toStrictEqual(['x-auction', 'x-protein']);
    const [{ n }] = await readDb<{ n: number }>(app.db, 'SELECT count(*)::INT AS n FROM assigned_papers');
    expect(n).toBe(12);
  });

  it('are marked on the Papers page and filtered by "Added after clustering" and "Novel"', async () => {
    const page = await open('/papers?added=yes');
    expect(await page.locator('[data-testid=total]').textContent()).toBe('12');
    expect(await page.locator('[data-testid=added-badge]').count()).toBe(12);
    expect(await page.locator('[data-testid=novel-badge]').count()).toBe((await novelIds()).length);
    await screenshot(page, 'papers-added');
    const novel = await open('/papers');
    await novel.selectOption('#added', 'novel');
    await novel.click('button[type=submit]');
    await novel.waitForURL(/added=novel/);
    expect(await novel.locator('[data-testid=total]').textContent()).toBe(String((await novelIds()).length));
    expect(await novel.locator('ol.papers > li h2').allTextContents()).toEqual(expect.arrayContaining(OFF_TOPIC.map((p) => p.title)));
    // The whole run: 62 papers, of which the clustered ones carry no badge.
    const all = await open('/papers?limit=100');
    expect([await all.locator('[data-testid=total]').textContent(), await all.locator('[data-testid=added-badge]').count()]).toStrictEqual(['62', 12]);
  });

  it('are marked in the paper exports as in the lists: the batch that added them and whether novel, blank for the run’s own papers', async () => {
    const added = new Set((await readDb<{ paper_id: string }>(app.db, 'SELECT paper_id FROM assigned_papers')).map((r) => r.paper_id));
    const novel = new Set(await novelIds());
    const expected = (id: string) => (added.has(id) ? [1, novel.has(id)] : [null, null]);
    type Row = { paper_id: string; added_batch: number | null; novel: boolean | null };
    const rows: Row[] = await (await fetch(`${app.server.url}/export/papers.json`)).json();
    expect(rows.length).toBe(62);
    expect(rows.map((r) => [r.added_batch, r.novel])).toStrictEqual(rows.map((r) => expected(r.paper_id)));
    const [header, ...lines] = parseCsv(await (await fetch(`${app.server.url}/export/papers.csv?added=novel`)).text());
    expect(header.slice(-5)).toStrictEqual(['doi', 'added_batch', 'novel', 'venue', 'abstract']);
    expect(lines.map((cells) => cells.slice(-4, -2).join(','))).toStrictEqual(lines.map(() => '1,true'));
    expect(lines.length).toBe(novel.size);
  });

  it('are marked in a theme\'s list of papers too, as on the Papers page (review of 2026-12-04: unmarked at the end of the list)', async () => {
    const themes = await readDb<{ theme_id: number; added: number; novel: number }>(app.db, `SELECT pt.theme_id, count(ap.paper_id)::INT AS added,
      count(*) FILTER (WHERE ap.novel)::INT AS novel FROM paper_themes pt LEFT JOIN assigned_papers ap USING (run_id, paper_id) GROUP BY 1 ORDER BY 1`);
    for (const t of themes) {
      const page = await open(`/themes/${t.theme_id}?run=1`);
      expect([await page.locator('table.papers [data-testid=added-badge]').count(), await page.locator('table.papers [data-testid=novel-badge]').count()])
        .toStrictEqual([t.added, t.novel]);
      await page.close();
    }
    expect(themes.reduce((n, t) => n + t.added, 0)).toBe(12);
  });

  it('keep the Novel filter chosen when the page is opened at ?added=novel and a search is sent from it', async () => {
    // The form is re-set from the URL after hydration; a control left out of that came back as "All"
    // and the next search silently dropped the filter.
    const page = await open('/papers?added=novel');
    expect(await page.locator('#added').inputValue()).toBe('novel');
    await page.fill('#q', 'revenue');
    await page.click('button[type=submit]');
    await page.waitForURL(/q=revenue/);
    expect(new URL(page.url()).searchParams.get('added')).toBe('novel');
    expect(await page.locator('#added').inputValue()).toBe('novel');
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    expect(await page.locator('#added').inputValue()).toBe('novel');
  });

  it('are found by search, also by words the run did not have (new search terms, numbered after its own)', async () => {
    const [{ maxOld, auction }] = await readDb<{ maxOld: number; auction: number }>(app.db,
      `SELECT (SELECT max(term_id) FROM search_terms WHERE term < 'auction') AS "maxOld", (SELECT term_id FROM search_terms WHERE term = 'auction') AS auction`);
    expect(auction).toBeGreaterThan(maxOld); // out of key order: the dashboard sorts the dictionary by key
    for (const [q, title] of [['auctions', OFF_TOPIC[1].title], ['folding kinetics', OFF_TOPIC[0].title]]) {
      const page = await open(`/papers?q=${encodeURIComponent(q)}`);
      expect(await page.locator('ol.papers > li h2').allTextContents()).toStrictEqual([title]);
    }
  });

  it('say on the Overview that the run’s themes were made without them', async () => {
    const page = await open('/');
    expect((await page.locator('p.lead').textContent())?.replace(/\s+/g, ' ')).toContain(
      '62 papers from 2025-');
    expect((await page.locator('p.lead').textContent())?.replace(/\s+/g, ' ')).toContain(
      'the themes were made from 50 of them, the other 12 added later (npm run assign).');
    expect((await page.getByTestId('run-added').textContent())?.replace(/\s+/g, ' ').trim()).toBe('50 clustered + 12 added later');
    expect(await page.getByTestId('run-added').locator('a').getAttribute('href')).toBe('/papers?added=yes&run=1');
  });

  it('rejects an unknown value of the added filter with 400', async () => {
    const response = await fetch(`${app.server.url}/papers?added=maybe`);
    expect(response.status).toBe(400);
  });

  it('says on the paper page that a paper was added, and why it is novel', async () => {
    const page = await open('/papers/x-protein');
    expect(await page.locator('[data-testid=added]').textContent()).toContain('Added after clustering (batch 1,');
    const [{ t }] = await readDb<{ t: number }>(app.db, 'SELECT novel_threshold AS t FROM run_models');
    expect((await page.locator('[data-testid=novel]').textContent())!.replace(/\s+/g, ' ')).toContain(`is below ${t.toFixed(3)}`);
    await screenshot(page, 'paper-novel');
    const clustered = await open(`/papers/${encodeURIComponent(JSON.parse(readFileSync(THREE_TOPICS, 'utf8').split('\n')[0]).id)}`);
    expect(await clustered.locator('[data-testid=added]').count()).toBe(0);
  });

  it('lists the batch and the novel papers on /runs, linked to their pages', async () => {
    const page = await open('/runs');
    const section = page.locator('[data-testid=added-papers]');
    // Named by its run: two runs' sections are two landmarks of two names (axe landmark-unique; the WCAG review).
    expect(await section.locator('h3').textContent()).toMatch(/^Added to run \d+ after clustering$/);
    const batches = section.locator('table[aria-label^="Assignment batches"] tbody tr');
    expect(await batches.count()).toBe(1);
    expect(await batches.locator('td').nth(2).textContent()).toBe('12');
    // Skipped: 1, and the record itself with its line and field.
    expect(await batches.locator('td').nth(5).textContent()).toBe('1');
    const skipped = section.locator('[data-testid=batch-skipped]');
    await skipped.locator('summary').click();
    expect(await skipped.locator('tbody tr').count()).toBe(1);
    const cells = await skipped.locator('tbody td').allTextContents();
    expect([cells[0], cells[1].endsWith('rest.jsonl'), cells[2], cells[3]]).toStrictEqual(['1', true, '13', 'abstract']);
    expect(cells[4]).toContain('expected a non-empty string');
    // The run's paper count (62) says how many of them came after clustering.
    expect(await page.locator('[data-testid=run-added]').textContent()).toBe('50 clustered + 12 added later');
    const links = await section.locator('[data-testid=novel-papers] li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // The least fitting first: the two off-topic papers, then the on-topic ones at their themes' edges.
    expect(links).toHaveLength((await novelIds()).length);
    expect(links.slice(0, 2).sort()).toStrictEqual(['/papers/x-auction?run=1', '/papers/x-protein?run=1']);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'runs-added');
  });
});

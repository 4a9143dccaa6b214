// A feed with a few papers dated long before it (a reading list added to the arXiv sample) through the
// real CLI: the Overview and the theme pages chart the feed's months only, and say which papers are
// not charted and where they are.
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { screenshot } from './harness.js';
import { useDashboard } from './dashboard.js';
import { readDb } from './dbs.js';
import { SAMPLE } from './sample-db.js';

// Long before the sample's first day (2025-03-18), each its own straggler: 3 of ~5,000 dates is under 1%.
const OLD_DATES = ['2023-10-02', '2024-02-15', '2024-06-30'];

const { app, open } = useDashboard(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'themescope-e2e-stragglers-'));
  const lines = gunzipSync(readFileSync(SAMPLE)).toString('utf8').split('\n').filter((l) => l.trim() !== '');
  const old = OLD_DATES.map((published, i) => {
    const paper = JSON.parse(lines[i * 100]);
    return JSON.stringify({ ...paper, id: `old.${i}`, title: `${paper.title}: an earlier version`, published });
  });
  const corpus = join(dir, 'feed-and-list.jsonl');
  writeFileSync(corpus, [...lines, ...old].join('\n') + '\n');
  const db = join(dir, 'themes.duckdb');
  const r = runCli(['--input', corpus, '--db', db, '--quiet']);
  if (r.code !== 0) throw new Error(`pipeline failed (${r.code}):\n${r.stderr}`);
  return db;
});

const text = async (page: Awaited<ReturnType<typeof open>>, testId: string) =>
  (await page.getByTestId(testId).textContent())!.replace(/\s+/g, ' ').trim();

describe('a run with a few far-off dates', () => {
  it('charts the feed’s months on the Overview and names the papers left out, linked to them', async () => {
    const [first] = await readDb<{ period: string }>(app.db,
      `SELECT min(period)::VARCHAR AS period FROM period_totals WHERE run_id = 1 AND granularity = 'month'`);
    expect(first.period).toBe('2025-03-01');
    const page = await open('/');
    expect(await text(page, 'outside-note')).toMatch(/^Not charted: 3 papers dated 2023-10-02 … 2024-06-30, far apart from the rest of the run’s dates/);
    const href = await page.getByTestId('outside-note').locator('a').getAttribute('href');
    expect(href).toBe('/papers?run=1&from=2023-10-02&to=2024-06-30');
    const papers = await open(href!);
    expect(await papers.getByTestId('total').textContent()).toBe('3');
  });

  it('says on a theme page which of its papers are not charted, and links them', async () => {
    const themes = await readDb<{ theme_id: number; n: number }>(app.db,
      `SELECT theme_id, count(*)::INTEGER AS n FROM paper_themes WHERE run_id = 1 AND paper_id LIKE 'old.%' GROUP BY theme_id ORDER BY theme_id`);
    const withOld = themes[0];
    const page = await open(`/themes/${withOld.theme_id}`);
    await screenshot(page, 'theme-not-charted');
    const note = await text(page, 'outside-note');
    expect(note).toMatch(withOld.n === 1 ? /^Not charted: 1 paper of this theme dated / : new RegExp(`^Not charted: ${withOld.n} papers of this theme dated `));
    const papers = await open((await page.getByTestId('outside-note').locator('a').getAttribute('href'))!);
    expect(await papers.getByTestId('total').textContent()).toBe(String(withOld.n));
    // A theme holding none of them says nothing of it.
    const [without] = await readDb<{ theme_id: number }>(app.db,
      `SELECT theme_id FROM themes WHERE run_id = 1 AND theme_id NOT IN (SELECT theme_id FROM paper_themes WHERE run_id = 1 AND paper_id LIKE 'old.%') LIMIT 1`);
    expect(await (await open(`/themes/${without.theme_id}`)).getByTestId('outside-note').count()).toBe(0);
  });
});

// A mixed-precision database made through the CLI (a run on day-dated papers, then `npm run assign`
// with off-topic papers, half dated by day in the after window and half by year only): the overview's
// note counts the window's novel papers, and its link (the note's own query string) lists exactly those.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPaperFilter, searchPapers } from '../../src/lib/server/papers.js';
import { resolveRun } from '../../src/lib/server/run.js';
import { afterWindowQuery } from '../../src/lib/trend-wording.js';
import { load as loadOverview } from '../../src/routes/+page.server.js';
import { ROOT, runAssign, runCli, tempDbPath, THREE_TOPICS } from '../fixtures/cli.js';
import { readDb } from '../fixtures/read-db.js';

const db = tempDbPath('themescope-novel-link-');
const batch = join(dirname(db), 'batch.jsonl');

/** 12 papers on codes and games (none of the run's three topics) from the shipped sample, by id. */
function offTopicPapers(): Record<string, unknown>[] {
  const run = new Set(readFileSync(THREE_TOPICS, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id));
  const sample = gunzipSync(readFileSync(join(ROOT, 'data/sample-arxiv.jsonl.gz'))).toString('utf8').trim().split('\n')
    .map((l) => JSON.parse(l) as { id: string; categories: string[] });
  return sample.filter((p) => ['cs.IT', 'cs.GT'].includes(p.categories[0]) && !run.has(p.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, 12)
    // Even ones dated by day in April 2026 (in the after window), odd ones by the year 2026 only.
    .map((p, i) => ({ ...p, published: i % 2 === 0 ? `2026-04-${String(10 + i).padStart(2, '0')}` : '2026' }));
}

beforeAll(() => {
  const r = runCli(['--input', THREE_TOPICS, '--k', '3', '--min-df', '2', '--quiet', '--db', db]);
  if (r.code !== 0) throw new Error(r.stderr);
  writeFileSync(batch, offTopicPapers().map((p) => JSON.stringify(p)).join('\n') + '\n');
  const a = runAssign(['--input', batch, '--db', db, '--quiet']);
  if (a.code !== 0) throw new Error(a.stderr);
  process.env.THEMESCOPE_DB = db;
}, 120_000);

describe('the overview’s novel papers of the after window, in a mixed-precision run', () => {
  it('holds novel papers dated by year only in the window’s year, which no month of the window counts', async () => {
    const rows = await readDb<{ precision: string; novel: number }>(db,
      `SELECT p.date_precision AS precision, count(*)::INTEGER AS novel FROM assigned_papers ap JOIN papers p USING (paper_id)
       WHERE ap.novel GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => r.precision)).toStrictEqual(['day', 'year']);
  });

  it('are as many in the note as in the list its link opens, and the same papers the window’s months count', async () => {
    const url = new URL('http://x/');
    const data = (await loadOverview({ url, params: {}, locals: { run: () => resolveRun(url) } } as never)) as Exclude<Awaited<ReturnType<typeof loadOverview>>, void>;
    expect(data.windows.granularity).toBe('month');
    const note = data.addedAfter;
    expect(note?.novel).toBeGreaterThan(0);
    const link = new URLSearchParams(`added=novel${afterWindowQuery(data.windows)}`);
    const listed = await searchPapers(1, await readPaperFilter(link, 1), 1, 100);
    expect(listed.total).toBe(note!.novel);
    // Each theme's "incl. N novel" link lists N papers too.
    for (const [themeId, n] of Object.entries(note!.novelByTheme)) {
      const themeLink = new URLSearchParams(`theme=${themeId}&added=novel${afterWindowQuery(data.windows)}`);
      expect((await searchPapers(1, await readPaperFilter(themeLink, 1), 1, 100)).total).toBe(n);
    }
    // The window's novel papers by the trends' rule: day or month dates within its months.
    const from = data.windows.after[0];
    const [{ n }] = await readDb<{ n: number }>(db,
      `SELECT count(*)::INTEGER AS n FROM assigned_papers ap JOIN papers p USING (paper_id)
       WHERE ap.novel AND p.date_precision IN ('day', 'month') AND p.published >= $from::DATE AND p.published <= $to::DATE`,
      { from, to: link.get('to')! });
    expect(listed.items.every((p) => p.published !== '2026')).toBe(true);
    expect(listed.total).toBe(n);
  });
});

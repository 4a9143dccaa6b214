// A multi-decade corpus whose dates are written YYYY-01-01 with no precision field (real abstracts
// from the shipped sample, dates spread over 1990..2025, tests/fixtures/year-only-corpus.ts), through
// the CLI: its dates are read as years, it opens on yearly charts with no monthly spikes, and its
// emerging themes are scored over years.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDb as select } from '../fixtures/read-db.js';
import { runCli, tempDbPath } from '../fixtures/cli.js';
import { FIRST_YEAR, LAST_YEAR, writeYearOnlyCorpus } from '../fixtures/year-only-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'themescope-years-'));
const corpus = join(dir, 'year-only.jsonl');
const db = tempDbPath();
let nPapers = 0;
let stdout = '';

beforeAll(() => {
  nPapers = writeYearOnlyCorpus(corpus);
  const r = runCli(['--input', corpus, '--db', db, '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  stdout = r.stdout;
}, 120_000);

describe('a year-only corpus written as YYYY-01-01', () => {
  it('is read as years, with a warning naming the file, the rule and how many dates, in the summary and runs.metrics', async () => {
    // Named by the path it was given as (the README review: the folder was missing); runs.metrics keeps the file's name.
    const warning = `${corpus}: ${nPapers.toLocaleString('en-US')} of ${nPapers.toLocaleString('en-US')} dates written as days are on 1 January (100%;`;
    expect(stdout).toContain(`warning: ${warning}`);
    expect(stdout).toContain(`dates ${FIRST_YEAR} .. ${LAST_YEAR} · trends per year`);
    const [run] = await select<{ metrics: string; default_granularity: string; date_min_precision: string; date_max_precision: string }>(db,
      'SELECT metrics::VARCHAR AS metrics, default_granularity, date_min_precision, date_max_precision FROM runs');
    const metrics = JSON.parse(run.metrics);
    expect(metrics.coarseDates).toMatchObject([{ file: 'year-only.jsonl', rule: 'year', dates: nPapers, of: nPapers }]);
    expect(metrics.datePrecision).toStrictEqual({ day: 0, month: 0, year: nPapers, undated: 0 });
    expect(metrics.warnings.find((w: { code: string }) => w.code === 'coarse-dates').message).toContain(warning);
    expect([run.default_granularity, run.date_min_precision, run.date_max_precision]).toStrictEqual(['year', 'year', 'year']);
    expect(await select(db, `SELECT DISTINCT date_precision FROM papers`)).toStrictEqual([{ date_precision: 'year' }]);
  });

  it('has yearly periods only, none partial: no January spikes at month or quarter', async () => {
    const totals = await select<{ granularity: string; n: number; partial: number; papers: number }>(db,
      `SELECT granularity, count(*)::INT AS n, count(*) FILTER (WHERE partial)::INT AS partial, sum(papers)::INT AS papers
       FROM period_totals GROUP BY granularity`);
    expect(totals).toStrictEqual([{ granularity: 'year', n: LAST_YEAR - FIRST_YEAR + 1, partial: 0, papers: nPapers }]);
  });

  it('scores emerging and fading themes over the last 2 years against the 5 before, and finds some', async () => {
    const windows = await select(db, 'SELECT DISTINCT window_months, window_granularity FROM themes');
    expect(windows).toStrictEqual([{ window_months: 2, window_granularity: 'year' }]);
    const [sums] = await select<{ after: number; before: number; themesAfter: number; themesBefore: number }>(db,
      `SELECT (SELECT sum(papers) FROM period_totals WHERE period >= DATE '2024-01-01')::INT AS after,
              (SELECT sum(papers) FROM period_totals WHERE period BETWEEN DATE '2019-01-01' AND DATE '2023-01-01')::INT AS before,
              (SELECT sum(papers_after) FROM themes)::INT AS "themesAfter", (SELECT sum(papers_before) FROM themes)::INT AS "themesBefore"`);
    expect([sums.themesAfter, sums.themesBefore]).toStrictEqual([sums.after, sums.before]);
    const emerging = await select(db, `SELECT label FROM themes WHERE direction = 'emerging'`);
    expect(emerging.length).toBeGreaterThan(0);
    expect(stdout).toContain('Top emerging (last 2 complete years vs before):');
  });
});

describe('the same corpus with other date forms and overrides', () => {
  it('reads bare years (YYYY) as years without a warning', async () => {
    const bare = join(dir, 'bare-years.jsonl');
    writeYearOnlyCorpus(bare, { form: 'YYYY', every: 4 });
    const out = tempDbPath();
    const r = runCli(['--input', bare, '--db', out, '--k', '6', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('warning:');
    expect(await select(out, 'SELECT default_granularity FROM runs')).toStrictEqual([{ default_granularity: 'year' }]);
  }, 60_000);

  it('keeps YYYY-01-01 as days with --date-precision day: months, with papers in January only', async () => {
    const quarter = join(dir, 'quarter.jsonl');
    writeYearOnlyCorpus(quarter, { every: 4 });
    const out = tempDbPath();
    const r = runCli(['--input', quarter, '--db', out, '--k', '6', '--date-precision', 'day', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('warning:');
    expect(await select(out, 'SELECT default_granularity FROM runs')).toStrictEqual([{ default_granularity: 'month' }]);
    const months = await select(out, `SELECT DISTINCT month(period)::INT AS m FROM period_totals WHERE granularity = 'month' AND papers > 0`);
    expect(months).toStrictEqual([{ m: 1 }]);
  }, 60_000);
});

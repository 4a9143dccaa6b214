// The CLI end to end on real abstracts (tests/fixtures/three-topics.jsonl: 20 arXiv papers each on
// gaussian splatting, speech recognition and jailbreak attacks) into a temporary DuckDB.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDb as select } from '../fixtures/read-db.js';
import { runCli, tempDbPath as tempDb, THREE_TOPICS as FIXTURE } from '../fixtures/cli.js';

const ARGS = ['--input', FIXTURE, '--k', '3', '--seed', '7', '--min-df', '2', '--quiet'];

describe('pipeline CLI', () => {
  it('writes one complete run whose three themes are the three topics of the input', async () => {
    const db = tempDb();
    const r = runCli([...ARGS, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Run 1 complete');
    const [run] = await select(db, 'SELECT status, n_papers, k, seed, n_skipped FROM runs');
    expect(run).toStrictEqual({ status: 'complete', n_papers: 60, k: 3, seed: 7, n_skipped: 0 });
    // Each theme holds the 20 papers of one topic: the topic keyword appears in every title of its theme.
    const themes = await select(
      db,
      `SELECT t.theme_id, t.size, t.label,
         count(*) FILTER (WHERE lower(p.title) SIMILAR TO '.*(gaussian splatting).*')::INT AS gs,
         count(*) FILTER (WHERE lower(p.title) SIMILAR TO '.*(speech recognition|\\basr\\b).*')::INT AS asr,
         count(*) FILTER (WHERE lower(p.title) SIMILAR TO '.*(jailbreak).*')::INT AS jb
       FROM themes t JOIN paper_themes pt USING (run_id, theme_id) JOIN papers p USING (paper_id)
       GROUP BY ALL ORDER BY t.theme_id`
    );
    const purity = themes.map((t) => Math.max(Number(t.gs), Number(t.asr), Number(t.jb)) / Number(t.size));
    expect(purity.every((p) => p >= 0.9)).toBe(true);
    const counts = await select(
      db,
      `SELECT (SELECT count(*) FROM paper_themes)::INT AS pt, (SELECT count(*) FROM theme_terms)::INT > 0 AS terms,
              (SELECT count(DISTINCT granularity) FROM theme_periods)::INT AS granularities,
              (SELECT count(*) FROM theme_neighbours)::INT AS neighbours`
    );
    expect(counts).toStrictEqual([{ pt: 60, terms: true, granularities: 3, neighbours: 6 }]);
  });

  it('stores the external check of its themes against the papers\' primary categories', async () => {
    const db = tempDb();
    expect(runCli([...ARGS, '--db', db]).code).toBe(0);
    const [row] = await select<{ e: string }>(db, `SELECT json_extract(metrics, '$.externalCheck')::VARCHAR AS e FROM runs`);
    const check = JSON.parse(row.e);
    // 60 papers, all with categories (5 distinct primary ones, cs.CV for two of the three topics).
    expect([check.status, check.labelledPapers, check.classes]).toStrictEqual(['done', 60, 5]);
    expect(check.vMeasure).toBeGreaterThan(0);
    expect(check.vMeasure).toBe(check.nmi);
  });

  it('gives identical tables for two runs with one seed', async () => {
    const [a, b] = [tempDb(), tempDb()];
    expect(runCli([...ARGS, '--db', a]).code).toBe(0);
    expect(runCli([...ARGS, '--db', b]).code).toBe(0);
    for (const sql of [
      'SELECT * FROM themes ORDER BY theme_id',
      'SELECT * FROM theme_terms ORDER BY theme_id, rank',
      'SELECT * FROM paper_themes ORDER BY paper_id',
      'SELECT * FROM theme_periods ORDER BY ALL',
      'SELECT * FROM theme_neighbours ORDER BY ALL',
      'SELECT input_sha256, n_papers, n_terms, k, seed, stability, params FROM runs'
    ]) {
      expect(await select(b, sql)).toStrictEqual(await select(a, sql));
    }
  });

  it('exits 2 with a one-line reason for a missing input file', () => {
    const r = runCli(['--input', 'no/such/file.jsonl', '--db', tempDb(), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no/such/file.jsonl');
  });

  it('exits 2 when there are fewer papers than themes', () => {
    const r = runCli(['--input', FIXTURE, '--k', '61', '--db', tempDb(), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fewer papers (60) than themes');
  });

  it('says how many records were skipped, and the first, when the papers left are too few for k', () => {
    const dir = mkdtempSync(join(tmpdir(), 'themescope-skips-'));
    const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n');
    // 58 of the 60 records lose their abstract: 2 papers for k = 3.
    const broken = lines.map((line, i) => (i < 58 ? JSON.stringify({ ...JSON.parse(line), abstract: '' }) : line));
    const file = join(dir, 'mostly-blank.jsonl');
    writeFileSync(file, broken.join('\n'));
    const r = runCli(['--input', file, '--k', '3', '--min-df', '1', '--db', tempDb(), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`themescope: fewer papers (2) than themes (k = 3); lower --k; 58 input records were skipped, the first at ${file} line 1: ` +
      'field "abstract": expected a non-empty string, got an empty string\n');
  });

  it('exits 2 with one line, no stack, when --k auto meets fewer papers than the k range', () => {
    const five = join(mkdtempSync(join(tmpdir(), 'themescope-five-')), 'five.jsonl');
    writeFileSync(five, readFileSync(FIXTURE, 'utf8').split('\n').slice(0, 5).join('\n'));
    const r = runCli(['--input', five, '--k', 'auto', '--min-df', '1', '--db', tempDb(), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'themescope: --k auto: 5 papers are too few for --k-range 10..40 (k must be below the number of papers); ' +
        'give a smaller --k-range or a fixed --k\n'
    );
  });

  it('exits 2 with one line, no stack, when --k auto can measure no k of its range (found by the CLI review of 2026-12-02)', () => {
    const fifteen = join(mkdtempSync(join(tmpdir(), 'themescope-fifteen-')), 'fifteen.jsonl');
    writeFileSync(fifteen, readFileSync(FIXTURE, 'utf8').split('\n').slice(0, 15).join('\n'));
    const r = runCli(['--input', fifteen, '--k', 'auto', '--min-df', '1', '--db', tempDb(), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('themescope: --k auto: no k of --k-range 10..14 can be measured on 15 papers (the stability check splits ' +
      'them in halves that must each hold k papers, so k is at most 7); give a smaller --k-range or a fixed --k\n');
  });

  it('--k auto takes no k that leaves fewer than 10 papers a theme, and says so (found by the CLI audit of 2026-12-03: k = 50 for 100 papers)', () => {
    const r = runCli(['--input', FIXTURE, '--k', 'auto', '--k-range', '2..30', '--min-df', '1', '--db', tempDb()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: --k-range 2..30 cut to 2..6: only 60 papers (a theme needs 10 papers on average to be worth naming)');
    const k = Number(/k = (\d+)/.exec(r.stdout)?.[1]);
    expect(k).toBeGreaterThanOrEqual(2);
    expect(k).toBeLessThanOrEqual(6);
    expect(r.stdout).not.toContain('papers per theme on average');
  });

  it('--k auto tries only the range’s smallest k when even it leaves fewer than 10 papers a theme (the README audit: k = 20 for 49 papers)', () => {
    const r = runCli(['--input', FIXTURE, '--k', 'auto', '--k-range', '8..20', '--min-df', '1', '--db', tempDb()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: --k-range 8..20 cut to 8..8: only 60 papers (a theme needs 10 papers on average to be worth naming: ' +
      '60 papers are too few even for k = 8, the range\'s smallest, which is the only one tried)');
    expect(/k = (\d+)/.exec(r.stdout)?.[1]).toBe('8');
  });

  it('exits 2 with one line, no stack, when there are fewer distinct papers than themes', () => {
    const twins = join(mkdtempSync(join(tmpdir(), 'themescope-twins-')), 'twins.jsonl');
    // Different years: one title in three years is three papers (same title and year would be one, merged).
    const line = (id: string, text: string, year: number) => JSON.stringify({ id, title: text, abstract: `${text} again`, year });
    writeFileSync(twins, [line('a', 'alpha beta', 2023), line('b', 'alpha beta', 2024), line('c', 'alpha beta', 2025), line('d', 'delta', 2025)].join('\n'));
    const r = runCli(['--input', twins, '--k', '3', '--min-df', '1', '--max-df', '1', '--db', tempDb(), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('themescope: only 2 distinct papers with terms for k = 3 themes; choose a smaller k (--k, or --k-range with --k auto)\n');
  });

  it('warns, in the summary and in runs.metrics, when k is more than the papers support', async () => {
    const db = tempDb();
    const r = runCli([...ARGS, '--k', '8', '--db', db]);
    expect(r.code).toBe(0);
    const warning = 'k = 8 for 60 papers leaves 7.5 papers per theme on average (fewer than 10); a smaller --k gives themes worth naming';
    expect(r.stdout).toContain(`  warning: ${warning}`);
    const [row] = await select<{ warnings: string }>(db, `SELECT json_extract(metrics, '$.warnings')::VARCHAR AS warnings FROM runs`);
    expect(JSON.parse(row.warnings)[0]).toStrictEqual({ code: 'k-too-large', message: warning });
  });

  it('exits 2 on a bad option value', () => {
    const r = runCli(['--k', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--k expects an integer');
  });

  it('prints every option with its default under --help', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const option of ['--input', '--db', '--k', '--seed', '--restarts', '--min-df', '--max-df', '--strict']) {
      expect(r.stdout).toContain(option);
    }
  });
});

describe('pipeline CLI summary and stored run', () => {
  let db: string;
  let stdout: string;
  let stored: { durations: string; metrics: string; stability: number | null; k_stability: number | null };
  beforeAll(async () => {
    db = tempDb();
    const r = runCli([...ARGS, '--restarts', '1', '--db', db]);
    expect(r.code).toBe(0);
    stdout = r.stdout;
    [stored] = await select(
      db,
      'SELECT r.durations, r.metrics, r.stability, k.stability AS k_stability FROM runs r JOIN k_selection k USING (run_id)'
    );
  });

  it('prints the store time the database holds', () => {
    const printed = /· store (\d+\.\d\d) s/.exec(stdout)?.[1];
    expect(printed).toBe(JSON.parse(stored.durations).store.toFixed(2));
  });

  it('prints the peak memory the stored metrics hold', () => {
    const peak = JSON.parse(stored.metrics).peakRssMb;
    expect(peak).toBeGreaterThan(0);
    expect(stdout).toContain(`Peak memory: ${peak} MB`);
  });

  it('stores no stability, in runs or k_selection, with --restarts 1', () => {
    expect([stored.stability, stored.k_stability]).toStrictEqual([null, null]);
    expect(stdout).toContain('divisive start (same themes for any seed) · stability (ARI with the themes of a 90% subsample) n/a (--restarts 1)');
  });
});

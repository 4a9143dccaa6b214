// What `npm run assign` says of the corpus's coverage, through the CLI: a run on a corpus that gains
// cs.IT in 2026-01 (tests/fixtures/coverage-corpus.ts), then later months assigned to it. The batch
// recomputes the trends, so the coverage warning the run stored (runs.metrics.warnings, listed on
// /runs) gives way to the one the batch printed — the one the Overview reads — and the run's other
// warnings stay; the batch's own (its input's) are kept with the batch.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDb as select } from '../fixtures/read-db.js';
import { runAssign, runCli, tempDbPath } from '../fixtures/cli.js';
import { ODD_DATE, writeCoverageCorpus } from '../fixtures/coverage-corpus.js';

interface Stored { code: string; message: string; batch?: number }

let base: string;
let later: string;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'themescope-assign-coverage-'));
  const corpus = writeCoverageCorpus(dir);
  later = corpus.later;
  base = join(dir, 'base.duckdb');
  const r = runCli(['--input', corpus.first, '--k', '3', '--quiet', '--db', base]);
  if (r.code !== 0) throw new Error(r.stderr);
});

/** A copy of the run, with an input warning stored before its coverage warning and the cs.IT theme marked as a mixture. */
async function copyOfBase(): Promise<{ db: string; label: string }> {
  const db = tempDbPath('themescope-assign-coverage-');
  copyFileSync(base, db);
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  const [{ warnings }] = (await connection.runAndReadAll("SELECT (metrics->'$.warnings')::VARCHAR AS warnings FROM runs")).getRowObjectsJS() as { warnings: string }[];
  const stored = [{ code: 'input', message: 'first.jsonl: 3 dates could not be read' }, ...(JSON.parse(warnings) as Stored[])];
  await connection.run("UPDATE runs SET metrics = json_merge_patch(metrics, json_object('warnings', $w::JSON))", { w: JSON.stringify(stored) });
  // The theme of the cs.IT papers: the one the warning names as moving only with the coverage change.
  await connection.run(`UPDATE themes SET mixture = theme_id = (SELECT pt.theme_id FROM paper_themes pt JOIN papers p USING (paper_id)
    WHERE p.categories[1] = 'cs.IT' GROUP BY ALL ORDER BY count(*) DESC LIMIT 1)`);
  connection.closeSync();
  instance.closeSync();
  const [{ label }] = await select<{ label: string }>(db, 'SELECT label FROM themes WHERE mixture');
  return { db, label };
}

const storedWarnings = async (db: string) =>
  JSON.parse((await select<{ w: string }>(db, "SELECT (metrics->'$.warnings')::VARCHAR AS w FROM runs"))[0].w) as Stored[];

/** The warning lines a summary printed. */
const printed = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('  warning: ')).map((l) => l.slice('  warning: '.length));

describe('npm run assign on a corpus whose coverage changed', () => {
  it('stores the coverage warning it printed in place of the run\'s, marked with its batch, and keeps the run\'s other warnings', async () => {
    const { db } = await copyOfBase();
    const before = await storedWarnings(db);
    expect(before.map((w) => w.code)).toStrictEqual(['input', 'coverage']);
    expect(before[1].message).toContain('cs.IT: 0 papers in 2025-04..2025-12');
    expect(before[1].message).toContain('120 papers of the windows set aside');
    const r = runAssign(['--input', later, '--db', db, '--quiet']);
    expect(r.code).toBe(0);
    const [coverage] = printed(r.stdout);
    // The windows moved on by the batch's three months: cs.IT is absent from six of them, 6 × 20 of its papers more set aside.
    expect(coverage).toContain('cs.IT: 0 papers in 2025-07..2025-12');
    expect(coverage).toContain('180 papers of the windows set aside');
    expect(await storedWarnings(db)).toStrictEqual([before[0], { code: 'coverage', message: coverage, batch: 1 }]);
    expect(await select(db, 'SELECT warnings::VARCHAR AS w FROM assign_batches')).toStrictEqual([{ w: '[]' }]);
  });

  it('replaces the one an earlier batch stored, so the run keeps one coverage warning, of its latest trends', async () => {
    const { db } = await copyOfBase();
    const lines = readFileSync(later, 'utf8').trim().split('\n');
    const [first, second] = [join(dir, 'jul-aug.jsonl'), join(dir, 'sep.jsonl')];
    writeFileSync(first, lines.filter((l) => !l.includes('"2026-09-')).join('\n') + '\n');
    writeFileSync(second, lines.filter((l) => l.includes('"2026-09-')).join('\n') + '\n');
    expect(runAssign(['--input', first, '--db', db, '--quiet']).code).toBe(0);
    expect((await storedWarnings(db)).map((w) => [w.code, w.batch])).toStrictEqual([['input', undefined], ['coverage', 1]]);
    const r = runAssign(['--input', second, '--db', db, '--quiet']);
    expect(r.code).toBe(0);
    const stored = await storedWarnings(db);
    expect(stored.map((w) => [w.code, w.batch])).toStrictEqual([['input', undefined], ['coverage', 2]]);
    expect(stored[1].message).toBe(printed(r.stdout)[0]);
  });

  it('keeps the batch\'s own warnings, its input\'s, with the batch (assign_batches.warnings), not with the run', async () => {
    const { db } = await copyOfBase();
    const before = await storedWarnings(db);
    const odd = join(dir, 'later-odd.jsonl');
    writeFileSync(odd, readFileSync(later, 'utf8') + ODD_DATE + '\n');
    const r = runAssign(['--input', odd, '--db', db, '--quiet']);
    expect(r.code).toBe(0);
    const [input, coverage] = printed(r.stdout);
    expect(input).toMatch(/later-odd\.jsonl: 1 date could not be read, so its paper is kept undated/);
    // The undated paper is in no window: the coverage reads as without it.
    expect(coverage).toContain('180 papers of the windows set aside');
    const [batch] = await select<{ w: string }>(db, 'SELECT warnings::VARCHAR AS w FROM assign_batches');
    expect(JSON.parse(batch.w)).toStrictEqual([{ code: 'input', message: input }]);
    expect(await storedWarnings(db)).toStrictEqual([before[0], { code: 'coverage', message: coverage, batch: 1 }]);
  });

  it('names a mixture theme "Mixture: …" in the coverage warning it prints and stores, as in its list of themes that moved', async () => {
    const { db, label } = await copyOfBase();
    const r = runAssign(['--input', later, '--db', db, '--quiet']);
    expect(r.code).toBe(0);
    const [coverage] = printed(r.stdout);
    expect(coverage).toMatch(new RegExp(`1 moving only with it \\(.*\\): Mixture: ${label}$`));
    expect(r.stdout).toContain(`\n  Mixture: ${label}: 120 → 180 papers`);
    expect((await storedWarnings(db))[1].message).toBe(coverage);
  });
});

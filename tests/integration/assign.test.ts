// `npm run assign` end to end: a run on 45 of the three-topics papers, then the other 15 assigned to
// it through the CLI; the same file again adds nothing; bad input leaves the database byte for byte.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDb as select } from '../fixtures/read-db.js';
import { runAssign, runCli, tempDbPath, THREE_TOPICS } from '../fixtures/cli.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let base: string;
let rest: string;
beforeAll(() => {
  base = tempDbPath('themescope-assign-');
  const lines = readFileSync(THREE_TOPICS, 'utf8').trim().split('\n');
  const first = join(dirname(base), 'first.jsonl');
  rest = join(dirname(base), 'rest.jsonl');
  // Every fourth paper is held back: 15 papers, five of each topic.
  writeFileSync(first, lines.filter((_, i) => i % 4 !== 3).join('\n') + '\n');
  writeFileSync(rest, lines.filter((_, i) => i % 4 === 3).join('\n') + '\n');
  const r = runCli(['--input', first, '--k', '3', '--seed', '7', '--min-df', '2', '--quiet', '--db', base]);
  if (r.code !== 0) throw new Error(r.stderr);
});

function copyOfBase(): string {
  const db = tempDbPath('themescope-assign-');
  copyFileSync(base, db);
  return db;
}

describe('npm run assign', () => {
  it('adds the held-back papers to the themes of their topics, with ranks, positions, similar papers and a batch row', async () => {
    const db = copyOfBase();
    const r = runAssign(['--input', rest, '--db', db, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Batch 1 added 15 papers to run 1');
    // Each theme's papers share a topic word in the title, clustered and added alike.
    const themes = await select<{ size: number; topics: number; added: number }>(db,
      `SELECT t.theme_id, t.size, count(DISTINCT CASE WHEN lower(p.title) LIKE '%gaussian%' THEN 'gs' WHEN lower(p.title) LIKE '%jailbreak%' THEN 'jb'
         ELSE 'asr' END)::INT AS topics, count(ap.paper_id)::INT AS added
       FROM themes t JOIN paper_themes pt USING (run_id, theme_id) JOIN papers p USING (paper_id)
       LEFT JOIN assigned_papers ap USING (run_id, paper_id) GROUP BY ALL ORDER BY t.theme_id`);
    // The run's themes are its topics (sizes may differ from 15 each); added, each topic is whole again.
    expect(themes.map((t) => t.size)).toStrictEqual([20, 20, 20]);
    expect(themes.map((t) => t.topics)).toStrictEqual([1, 1, 1]);
    expect(themes.reduce((s, t) => s + t.added, 0)).toBe(15);
    const [counts] = await select(db, `SELECT (SELECT n_papers FROM runs) AS n, (SELECT count(*) FROM paper_rows)::INT AS rows_,
      (SELECT count(*) FROM paper_theme_ranks)::INT AS ranks, (SELECT count(DISTINCT (theme_id, rank_in_theme)) FROM paper_themes)::INT AS distinct_ranks,
      (SELECT count(DISTINCT paper_row) FROM similar_papers WHERE paper_row >= 45)::INT AS with_similar,
      (SELECT sum(papers) FROM theme_periods WHERE granularity = 'month')::INT AS in_periods,
      (SELECT list(added || '/' || already_in_run || '/' || skipped) FROM assign_batches) AS batches`);
    expect(counts).toStrictEqual({ n: 60, rows_: 60, ranks: 180, distinct_ranks: 60, with_similar: 15, in_periods: 60, batches: ['15/0/0'] });
  });

  it('keeps the records a batch skipped in skipped_records, marked with the batch, apart from the run\'s own', async () => {
    const db = copyOfBase();
    const withBad = join(dirname(db), 'rest-with-bad.jsonl');
    writeFileSync(withBad, readFileSync(rest, 'utf8') + JSON.stringify({ id: 'no-abstract', title: 'A paper without its abstract' }) + '\n');
    const r = runAssign(['--input', withBad, '--db', db, '--quiet']);
    expect(r.code).toBe(0);
    const rows = await select<{ batch_id: number | null; line: number; field: string }>(db,
      'SELECT batch_id, line, field FROM skipped_records ORDER BY batch_id NULLS FIRST, line');
    expect(rows).toStrictEqual([{ batch_id: 1, line: 16, field: 'abstract' }]);
    const [batch] = await select<{ skipped: number }>(db, 'SELECT skipped FROM assign_batches');
    expect(batch.skipped).toBe(1);
  });

  it('marks a run made before the coverage check as checked once its trends are recomputed, its other metrics kept', async () => {
    const db = copyOfBase();
    expect(await select(db, "SELECT metrics->>'$.coverageChecked' AS checked FROM runs")).toStrictEqual([{ checked: 'true' }]);
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    await connection.run("UPDATE runs SET metrics = json_object('inertia', 1.5, 'iterations', 3)");
    connection.closeSync();
    instance.closeSync();
    expect(runAssign(['--input', rest, '--db', db, '--quiet']).code).toBe(0);
    expect(await select(db, "SELECT metrics->>'$.coverageChecked' AS checked, metrics->>'$.inertia' AS inertia FROM runs"))
      .toStrictEqual([{ checked: 'true', inertia: '1.5' }]);
  });

  it('names a theme marked as a mixture "Mixture: …" in its summary, as the pipeline\'s summary and every page do', async () => {
    const db = copyOfBase();
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    await connection.run('UPDATE themes SET mixture = (theme_id = 0)');
    connection.closeSync();
    instance.closeSync();
    const [{ label }] = await select<{ label: string }>(db, 'SELECT label FROM themes WHERE theme_id = 0');
    const r = runAssign(['--input', rest, '--db', db, '--quiet']);
    expect(r.code).toBe(0);
    // Every theme grows by its five papers, so each has a line under "moved most"; the others keep their label alone.
    const moved = r.stdout.split('\n').flatMap((line) => /^ {2}(.*): \d+ → \d+ papers, score /.exec(line)?.[1] ?? []);
    expect(moved).toHaveLength(3);
    expect(moved.filter((name) => name.startsWith('Mixture: '))).toStrictEqual([`Mixture: ${label}`]);
  });

  it('finds an added paper by a word of its title through the search index', async () => {
    const db = copyOfBase();
    expect(runAssign(['--input', rest, '--db', db, '--quiet']).code).toBe(0);
    const [paper] = await select<{ paper_id: string; title: string }>(db,
      'SELECT paper_id, title FROM assigned_papers JOIN papers USING (paper_id) ORDER BY paper_id LIMIT 1');
    const [hit] = await select<{ n: number }>(db, `SELECT count(*)::INT AS n FROM search_postings sp
      JOIN search_terms st USING (run_id, term_id) JOIN paper_rows pr USING (run_id, paper_row)
      WHERE pr.paper_id = $id AND st.term = 'jailbreak' OR (pr.paper_id = $id AND st.term = 'splat') OR (pr.paper_id = $id AND st.term = 'speech')`,
    { id: paper.paper_id });
    expect(hit.n).toBeGreaterThan(0);
  });

  it('adds nothing and leaves the database byte for byte when every paper is already in the run', () => {
    const db = copyOfBase();
    expect(runAssign(['--input', rest, '--db', db, '--quiet']).code).toBe(0);
    const before = sha(db);
    const again = runAssign(['--input', rest, '--db', db, '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing added to run 1');
    expect(sha(db)).toBe(before);
  });

  it('exits 2 with a one-line message on a bad input file and leaves the database byte for byte', () => {
    const db = copyOfBase();
    const before = sha(db);
    const bad = join(dirname(db), 'bad.jsonl');
    writeFileSync(bad, '{"id": "x1", "title": "A title", "abstract": "An abstract"}\n{"id": "x2", "title": \n');
    const r = runAssign(['--input', bad, '--db', db, '--strict', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^themescope assign: .*bad\.jsonl.*line 2/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
    const missing = runAssign(['--input', join(dirname(db), 'missing.jsonl'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(sha(db)).toBe(before);
    const noThreads = runAssign(['--input', rest, '--db', db, '--workers', '0']);
    expect(noThreads.code).toBe(2);
    expect(noThreads.stderr).toContain('--workers expects an integer from 1 to 16, got "0"');
    expect(sha(db)).toBe(before);
  });

  it('exits 3 when another writer holds the database, and 2 for a run stored without its model', async () => {
    const db = copyOfBase();
    writeFileSync(`${db}.lock`, String(process.pid)); // a live process holds the lock
    const busy = runAssign(['--input', rest, '--db', db, '--lock-wait', '0']);
    expect(busy.code).toBe(3);
    expect(busy.stderr).toContain(`another writer (npm run pipeline or assign, pid ${process.pid}) is writing this database`);
    rmSync(`${db}.lock`);
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    await connection.run('DELETE FROM run_models');
    connection.closeSync();
    instance.closeSync();
    const old = runAssign(['--input', rest, '--db', db]);
    expect([old.code, old.stderr.trim()]).toStrictEqual([2,
      `themescope assign: run 1 of ${db} was made before runs stored their vocabulary and centroids; make a new run to add papers to`]);
  });

  it('exits 2 on an unknown run, naming it', () => {
    const db = copyOfBase();
    const r = runAssign(['--input', rest, '--db', db, '--run', '9']);
    expect([r.code, r.stderr.trim()]).toStrictEqual([2, `themescope assign: ${db} has no run 9`]);
  });
});

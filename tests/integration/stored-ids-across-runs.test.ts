// A paper keeps its id from run to run when its export changes (store/stored-ids.ts): last month's
// arXiv listing keyed the seed papers by arXiv id, this month's OpenAlex export keys them by W-id
// (some with a journal DOI in another case, some with only arXiv's DOI). The new run must hold the same papers, so
// its lineage finds them all in the run before, as if the export had not changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../fixtures/cli.js';
import { readDb } from '../fixtures/read-db.js';

const dir = mkdtempSync(join(tmpdir(), 'themescope-stored-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Seed = { id: string; title: string; abstract: string; doi?: string | null } & Record<string, unknown>;
/** The seed papers, each with an arXiv id (those without one get one of their own). */
const seeds = readFileSync(join(ROOT, 'data/seed-papers.jsonl'), 'utf8').trim().split('\n').map((l, i) => {
  const p = JSON.parse(l) as Seed;
  return { ...p, id: /^\d{4}\.\d{5}$/.test(p.id ?? '') ? p.id : `2501.${10000 + i}` };
});
const write = (name: string, papers: Record<string, unknown>[]) => {
  writeFileSync(join(dir, name), papers.map((p) => JSON.stringify(p)).join('\n') + '\n');
  return join(dir, name);
};
/** Even papers carry a journal DOI, odd ones none (so their export has arXiv's DOI only). */
const journalDoi = (i: number) => (i % 2 === 0 ? `10.5555/seed.${i}` : null);

describe('a paper under a new id keeps the id an earlier run stored it under', () => {
  it('matches by DOI and by arXiv DOI, and the lineage then shares every paper', async () => {
    const db = join(dir, 'runs.duckdb');
    const options = ['--quiet', '--k', '4', '--seed', '42', '--min-df', '2', '--workers', '1', '--db', db];
    const arxiv = write('arxiv.jsonl', seeds.map((p, i) => ({ ...p, doi: journalDoi(i) })));
    expect(runCli([...options, '--input', arxiv]).code).toBe(0);
    // The OpenAlex-like export: W-ids, a journal DOI or arXiv's DOI. One paper (the first) has no DOI:
    // its title and year say which paper it is.
    const openalex = write('openalex.jsonl', seeds.map((p, i) => (i === 0 ? { ...p, id: 'W900000', doi: null }
      : { ...p, id: `W${100000 + i}`, doi: (i % 4 === 0 ? journalDoi(i)?.toUpperCase() : journalDoi(i)) ?? `10.48550/arXiv.${p.id}` })));
    const second = runCli([...options, '--input', openalex]);
    expect(second.code).toBe(0);
    // The 24 with a journal DOI (any case) and the one by title; the 24 with arXiv's DOI are read as their arXiv ids already.
    expect(second.stdout).toContain('25 papers came under ids no run had stored but are papers an earlier run stored (same DOI, arXiv id, ' +
      `or title and year); they keep their stored ids so runs can be compared: "W100002" is ${seeds[2].id}`);
    const ids = (run: number) => readDb<{ paper_id: string }>(db, `SELECT paper_id FROM paper_rows WHERE run_id = ${run} ORDER BY paper_id`);
    const run2 = (await ids(2)).map((r) => r.paper_id);
    expect(run2).toStrictEqual(seeds.map((p) => p.id).sort());
    // One row per paper: the 49 of run 1, updated in place.
    expect(await readDb(db, 'SELECT count(*)::INTEGER AS n FROM papers')).toStrictEqual([{ n: 49 }]);
    const shared = await readDb<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM paper_themes a JOIN paper_themes b
      ON b.paper_id = a.paper_id AND b.run_id = 2 WHERE a.run_id = 1`);
    expect(shared).toStrictEqual([{ n: 49 }]);
    // The updated row is the new export's: its DOI as written there.
    expect(await readDb(db, `SELECT doi FROM papers WHERE paper_id = '${seeds[4].id}'`)).toStrictEqual([{ doi: '10.5555/SEED.4' }]);
    expect((await readDb(db, "SELECT metrics->>'$.lineage.prevRunId' AS prev FROM runs WHERE run_id = 2"))).toStrictEqual([{ prev: '1' }]);
  }, 120_000);

  it('matches by title and year a list without ids and the same papers under citation keys', async () => {
    const db = join(dir, 'keys.duckdb');
    const options = ['--quiet', '--k', '3', '--seed', '42', '--min-df', '2', '--workers', '1', '--db', db];
    const dated = seeds.map((p, i) => ({ title: p.title, abstract: p.abstract, published: `2024-${String((i % 12) + 1).padStart(2, '0')}-15` }));
    // A spreadsheet without ids (t: ids, from the title), then a BibTeX-like export under citation keys,
    // one title in another case and punctuation, one paper of another year (not the same paper).
    const sheet = write('sheet.jsonl', dated);
    expect(runCli([...options, '--input', sheet]).code).toBe(0);
    const keyed = write('keyed.jsonl', dated.map((p, i) => ({ ...p, id: `key${i}`,
      title: i === 3 ? `${p.title.toUpperCase()}.` : p.title, published: i === 5 ? '2023-05-15' : p.published })));
    const second = runCli([...options, '--input', keyed]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('48 papers came under ids no run had stored but are papers an earlier run stored (same DOI, arXiv id, or title and year)');
    const [run1, run2] = [await readDb<{ paper_id: string }>(db, 'SELECT paper_id FROM paper_rows WHERE run_id = 1 ORDER BY paper_row'),
      await readDb<{ paper_id: string }>(db, 'SELECT paper_id FROM paper_rows WHERE run_id = 2 ORDER BY paper_row')];
    expect(run2.filter((r) => r.paper_id === 'key5')).toHaveLength(1);
    expect(new Set(run1.map((r) => r.paper_id)).size - new Set(run2.map((r) => r.paper_id).filter((id) => run1.some((r) => r.paper_id === id))).size).toBe(1);
    expect(second.stdout).toMatch(/Lineage to run 1, \d+ links: \d+ continued/);
    expect(second.stdout).not.toMatch(/ [1-9]\d* new,/);
  }, 120_000);
});

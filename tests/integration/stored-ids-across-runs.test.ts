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

type Seed = { id: string; doi?: string | null } & Record<string, unknown>;
/** The seed papers, each with an arXiv id (those without one get one of their own). */
const seeds = readFileSync(join(ROOT, 'data/seed-papers.jsonl'), 'utf8').trim().split('\n').map((l, i) => {
  const p = JSON.parse(l) as Seed;
  return { ...p, id: /^\d{4}\.\d{5}$/.test(p.id ?? '') ? p.id : `2501.${10000 + i}` };
});
const write = (name: string, papers: Seed[]) => {
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
    // The OpenAlex-like export: W-ids, a journal DOI or arXiv's DOI. One paper (the first) keeps an id
    // no run stored with no DOI: it stays a paper of its own.
    const openalex = write('openalex.jsonl', seeds.map((p, i) => (i === 0 ? { ...p, id: 'W900000', doi: null }
      : { ...p, id: `W${100000 + i}`, doi: (i % 4 === 0 ? journalDoi(i)?.toUpperCase() : journalDoi(i)) ?? `10.48550/arXiv.${p.id}` })));
    const second = runCli([...options, '--input', openalex]);
    expect(second.code).toBe(0);
    // The 24 with a journal DOI (any case); the 24 with arXiv's DOI are read as their arXiv ids already.
    expect(second.stdout).toContain(`24 papers came under a new id but have the DOI or arXiv id of a paper an earlier run stored, ` +
      `and keep their stored ids so runs can be compared: "W100002" is ${seeds[2].id}`);
    const ids = (run: number) => readDb<{ paper_id: string }>(db, `SELECT paper_id FROM paper_rows WHERE run_id = ${run} ORDER BY paper_id`);
    const run2 = (await ids(2)).map((r) => r.paper_id);
    expect(run2).toStrictEqual(['W900000', ...seeds.slice(1).map((p) => p.id)].sort());
    // One row per paper: the 49 of run 1 (updated in place) and W900000.
    expect(await readDb(db, 'SELECT count(*)::INTEGER AS n FROM papers')).toStrictEqual([{ n: 50 }]);
    const shared = await readDb<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM paper_themes a JOIN paper_themes b
      ON b.paper_id = a.paper_id AND b.run_id = 2 WHERE a.run_id = 1`);
    expect(shared).toStrictEqual([{ n: 48 }]);
    // The updated row is the new export's: its DOI as written there.
    expect(await readDb(db, `SELECT doi FROM papers WHERE paper_id = '${seeds[4].id}'`)).toStrictEqual([{ doi: '10.5555/SEED.4' }]);
    expect((await readDb(db, "SELECT metrics->>'$.lineage.prevRunId' AS prev FROM runs WHERE run_id = 2"))).toStrictEqual([{ prev: '1' }]);
  }, 120_000);
});

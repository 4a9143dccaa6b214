// `npm run assign` knows a paper the run already holds by the pipeline's duplicate rule (ingest/merge.ts):
// the same id, DOI in any case or URL form, arXiv id, or title and year — not by id alone, so next
// week's export from another tool adds only what is new. Found by the CLI review of 2026-12-02.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localIdOf } from '../../pipeline/ingest/merge.js';
import { runAssign, runCli } from '../fixtures/cli.js';
import { readDb } from '../fixtures/read-db.js';

const dir = mkdtempSync(join(tmpdir(), 'themescope-assign-dup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assign recognises papers already in the run as the pipeline does', () => {
  it('by DOI (any case, URL form), by an arXiv DOI and by title + year, not only by id', async () => {
    const db = join(dir, 'assign-dup.duckdb');
    writeFileSync(join(dir, 'week1.jsonl'), [
      { id: 'p1', title: 'Graph Neural Networks for Molecules', abstract: 'Graph neural networks learn molecular representations from atoms and bonds.', doi: '10.1000/ABC.123', published: '2021-05-01' },
      { id: 'p2', title: 'Reinforcement learning for robot control', abstract: 'Robots learn control policies by reinforcement learning in simulation.', doi: '10.1000/xyz.9', published: '2020-03-01' },
      { id: 'p3', title: 'Transformers: long documents!', abstract: 'Transformers struggle with long documents because attention is quadratic.', published: '2023-02-01' },
      { id: '2401.01234', title: 'Sparse attention for speech', abstract: 'Sparse attention makes speech transformers faster on long audio.', published: '2024-01-03' },
      { id: 'ed1', title: 'Editorial', abstract: 'This issue collects papers on graph neural networks for molecules.', doi: '10.1000/ed.1', published: '2024-05-01' }
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    // The same four papers from another export (ids from its DOI column, or none), and two new papers:
    // one whose title is a run paper's but of another year, one with a run paper's title and year but
    // another DOI, and one unlike any.
    writeFileSync(join(dir, 'week2.csv'), 'Title,Abstract,DOI,Date\n' +
      'graph neural networks for molecules,Graph neural networks learn molecular representations.,10.1000/abc.123,2021-05-03\n' +
      'Reinforcement Learning for Robot Control,Robots learn control policies.,https://doi.org/10.1000/XYZ.9,2020-07-01\n' +
      '"Transformers — Long Documents",Transformers struggle with long documents.,,2023-02-10\n' +
      'Sparse attention for speech (v2),Sparse attention makes speech transformers faster.,10.48550/arXiv.2401.01234,2024-02-01\n' +
      'Transformers: long documents,Transformers and long documents again in a later year.,,2025-02-10\n' +
      'Editorial,Welcome to the special issue on robot learning and control.,10.2000/ed.7,2024-06-01\n' +
      'Speech recognition at scale,Large speech recognition models trained on weakly supervised audio.,,2022-12-06\n');
    expect(runCli(['--quiet', '--k', '2', '--min-df', '1', '--workers', '1', '--input', join(dir, 'week1.jsonl'), '--db', db]).code).toBe(0);
    const r = runAssign(['--quiet', '--input', join(dir, 'week2.csv'), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 already in the run');
    const [{ n }] = await readDb<{ n: number }>(db, 'SELECT n_papers AS n FROM runs WHERE run_id = 1');
    expect(n).toBe(8);
    const added = await readDb<{ title: string }>(db, `SELECT p.title FROM assigned_papers a JOIN papers p USING (paper_id)
      WHERE a.run_id = 1 ORDER BY p.title`);
    expect(added.map((a) => a.title)).toStrictEqual(['Editorial', 'Speech recognition at scale', 'Transformers: long documents']);
  }, 120_000);

  it('adds a paper whose local id names a run paper of another title under an id of its own, which the next batch then finds', async () => {
    const db = join(dir, 'assign-local.duckdb');
    writeFileSync(join(dir, 'sheet1.csv'), 'id,title,abstract,date\n' +
      '1,Graph neural networks for molecules,Graph neural networks learn molecular representations from atoms.,2021-05-01\n' +
      '2,Reinforcement learning for robot control,Robots learn control policies by reinforcement learning.,2020-03-01\n' +
      '3,Transformers and long documents,Transformers struggle with long documents because attention is quadratic.,2023-02-01\n');
    // Next week's sheet numbers its rows from 1 again: row 1 is a new paper, row 2 the same paper as before.
    writeFileSync(join(dir, 'sheet2.csv'), 'id,title,abstract,date\n' +
      '1,Protein folding with diffusion,Diffusion models fold proteins from sequences.,2024-04-01\n' +
      '2,Reinforcement learning for robot control,Robots learn control policies.,2020-03-01\n');
    expect(runCli(['--quiet', '--k', '2', '--min-df', '1', '--workers', '1', '--input', join(dir, 'sheet1.csv'), '--db', db]).code).toBe(0);
    const first = runAssign(['--quiet', '--input', join(dir, 'sheet2.csv'), '--db', db]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1 already in the run');
    const keptAs = localIdOf({ paperId: '1', title: 'Protein folding with diffusion', abstract: 'Diffusion models fold proteins from sequences.' });
    expect(first.stdout).toContain(`1 paper had the id of a run paper with another title (a citation key or row number used twice) and was added under an id of its own: "1" is ${keptAs}`);
    const added = await readDb<{ paper_id: string; title: string }>(db, `SELECT paper_id, p.title FROM assigned_papers a JOIN papers p USING (paper_id) WHERE a.run_id = 1`);
    expect(added).toStrictEqual([{ paper_id: keptAs, title: 'Protein folding with diffusion' }]);
    const [{ title }] = await readDb<{ title: string }>(db, "SELECT title FROM papers WHERE paper_id = '1'");
    expect(title).toBe('Graph neural networks for molecules');
    const again = runAssign(['--quiet', '--input', join(dir, 'sheet2.csv'), '--db', db]);
    expect([again.code, again.stdout]).toStrictEqual([0, expect.stringContaining('already in it')]);
    // Next week's export of the same sheet with row 3's title typo fixed: the same paper, not a new one.
    writeFileSync(join(dir, 'sheet3.csv'), 'id,title,abstract,date\n' +
      '3,Transformers and long documents (extended version),Transformers struggle with long documents because attention is quadratic.,2023-02-01\n');
    const fixed = runAssign(['--quiet', '--input', join(dir, 'sheet3.csv'), '--db', db]);
    expect([fixed.code, fixed.stdout]).toStrictEqual([0, expect.stringContaining('already in it')]);
  }, 120_000);

  it('gives a new paper that another run stored under another id that stored id, so one paper is one row', async () => {
    const db = join(dir, 'assign-adopt.duckdb');
    const paper = (id: string, title: string, abstract: string, published: string, doi?: string) => ({ id, title, abstract, published, ...(doi ? { doi } : {}) });
    const graphs = paper('2401.00001', 'Graph neural networks for molecules', 'Graph neural networks learn molecular representations from atoms and bonds.', '2024-01-02', '10.1000/graphs.1');
    const robots = paper('2401.00002', 'Reinforcement learning for robot control', 'Robots learn control policies by reinforcement learning in simulation.', '2024-01-03');
    const speech = paper('2401.00003', 'Speech recognition at scale', 'Large speech recognition models trained on weakly supervised audio.', '2024-01-04');
    const protein = paper('2401.00004', 'Protein folding with diffusion', 'Diffusion models fold proteins from their sequences.', '2024-01-05');
    const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
    writeFileSync(join(dir, 'adopt1.jsonl'), lines([graphs, robots, speech, protein]));
    writeFileSync(join(dir, 'adopt2.jsonl'), lines([robots, speech, protein]));
    // This week's export from another tool: W-ids; the graphs paper (run 1's, not run 2's) by its DOI in
    // another case, the speech paper (run 2's) by title and year, and one paper no run has.
    writeFileSync(join(dir, 'adopt-week.jsonl'), lines([
      { ...graphs, id: 'W1', doi: '10.1000/GRAPHS.1' }, { ...speech, id: 'W3' },
      paper('W9', 'Video generation with transformers', 'Transformers generate long videos frame by frame.', '2024-02-01')]));
    const options = ['--quiet', '--k', '2', '--min-df', '1', '--workers', '1', '--db', db];
    expect(runCli([...options, '--input', join(dir, 'adopt1.jsonl')]).code).toBe(0);
    expect(runCli([...options, '--input', join(dir, 'adopt2.jsonl')]).code).toBe(0);
    const batch = runAssign(['--quiet', '--input', join(dir, 'adopt-week.jsonl'), '--db', db]);
    expect([batch.code, batch.stdout]).toStrictEqual([0, expect.stringContaining('1 already in the run')]);
    expect(batch.stdout).toContain('1 paper came under an id no run had stored but is a paper an earlier run stored (same DOI, arXiv id, ' +
      'or title and year); it keeps its stored id so runs can be compared: "W1" is 2401.00001');
    const added = await readDb<{ paper_id: string }>(db, 'SELECT paper_id FROM assigned_papers WHERE run_id = 2 ORDER BY paper_id');
    expect(added.map((r) => r.paper_id)).toStrictEqual(['2401.00001', 'W9']);
    // One row per paper, the graphs paper's updated in place from the new export.
    expect(await readDb(db, 'SELECT count(*)::INTEGER AS n FROM papers')).toStrictEqual([{ n: 5 }]);
    expect(await readDb(db, "SELECT doi FROM papers WHERE paper_id = '2401.00001'")).toStrictEqual([{ doi: '10.1000/GRAPHS.1' }]);
    // The run's k and theme-size warnings are said again of the run as it now is (5 papers, not 3), marked with the batch.
    const [{ w }] = await readDb<{ w: string }>(db, "SELECT (metrics->'$.warnings')::VARCHAR AS w FROM runs WHERE run_id = 2");
    const stored = (JSON.parse(w) as { code: string; message: string; batch?: number }[]).filter((x) => x.code === 'k-too-large' || x.code === 'small-themes');
    expect(stored.map((x) => [x.code, x.batch])).toStrictEqual([['k-too-large', 1], ['small-themes', 1]]);
    expect(stored[0].message).toContain('k = 2 for 5 papers');
    const sizes = [...stored[1].message.matchAll(/\((\d+)\)/g)].map((m) => Number(m[1]));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
  }, 120_000);

  it('keeps papers of one generic title and year but different abstracts apart, in the run, in assign and across runs', async () => {
    const db = join(dir, 'assign-generic.duckdb');
    const intro = (abstract: string) => ({ title: 'Introduction', abstract, published: '2024-05-01' });
    const graphs = 'This special issue gathers six papers on graph neural networks for molecular property prediction.';
    const robots = 'This volume collects the invited papers of the workshop on robot learning and control in the real world.';
    const speech = 'The chapters that follow survey speech recognition with large weakly supervised models and their evaluation.';
    writeFileSync(join(dir, 'generic1.jsonl'), [
      intro(graphs), intro(robots), { ...intro(graphs), title: 'INTRODUCTION.' }, // the first again, from another list
      { id: 'g1', title: 'Graph neural networks for molecules', abstract: 'Graph neural networks learn molecular representations from atoms and bonds.', published: '2024-01-01' },
      { id: 'g2', title: 'Reinforcement learning for robot control', abstract: 'Robots learn control policies by reinforcement learning in simulation.', published: '2024-02-01' }
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    writeFileSync(join(dir, 'generic2.jsonl'), [intro(robots), intro(speech)].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const options = ['--quiet', '--k', '2', '--min-df', '1', '--workers', '1', '--db', db];
    const first = runCli([...options, '--input', join(dir, 'generic1.jsonl')]);
    expect([first.code, first.stdout]).toStrictEqual([0, expect.stringContaining('Papers: 4 read into themes, 0 skipped, 1 duplicate merged')]);
    const batch = runAssign(['--quiet', '--input', join(dir, 'generic2.jsonl'), '--db', db]);
    expect([batch.code, batch.stdout]).toStrictEqual([0, expect.stringContaining('1 already in the run')]);
    const introductions = `SELECT p.paper_id, p.abstract FROM paper_rows pr JOIN papers p USING (paper_id) WHERE pr.run_id = $run AND p.title = 'Introduction' ORDER BY p.abstract`;
    const inRun1 = await readDb<{ paper_id: string; abstract: string }>(db, introductions, { run: 1 });
    expect(inRun1.map((r) => r.abstract)).toStrictEqual([speech, graphs, robots]);
    expect(new Set(inRun1.map((r) => r.paper_id)).size).toBe(3);
    // The same input in a second run keys its papers by the same ids: one row each in the shared papers table.
    expect(runCli([...options, '--input', join(dir, 'generic1.jsonl')]).code).toBe(0);
    const inRun2 = await readDb<{ paper_id: string }>(db, introductions, { run: 2 });
    expect(inRun2.map((r) => r.paper_id)).toStrictEqual(inRun1.slice(1).map((r) => r.paper_id));
    const [{ n }] = await readDb<{ n: number }>(db, "SELECT count(*)::INTEGER AS n FROM papers WHERE title = 'Introduction'");
    expect(n).toBe(3);
  }, 120_000);
});

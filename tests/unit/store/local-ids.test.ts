// The one rule for a paper whose id a stored paper already holds (store/local-ids.ts readTakenIds):
// a new run (keepLocalIdsApart) and `npm run assign` (newPapers) both take it from here, against the
// same stored papers, so a citation key or row number means one thing to either.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIdOf } from '../../../pipeline/ingest/merge.js';
import { keepLocalIdsApart, readTakenIds } from '../../../pipeline/store/local-ids.js';
import type { Paper } from '../../../pipeline/types.js';

const EDITORIAL = 'This special issue gathers six papers on graph neural networks for molecular property prediction.';
const OTHER_EDITORIAL = 'This volume collects the invited papers of the workshop on robot learning and control in the real world.';
// Longer than the 300 characters the rule reads of a stored abstract: all of its first 200 letters and digits count.
const LONG_DOCUMENTS = 'Transformers struggle with long documents because attention is quadratic in their length. We compare sparse, ' +
  'linear and recurrent alternatives on book-length inputs, and find that a sliding window with a few global tokens keeps most ' +
  'of the quality at a fraction of the memory, while the recurrent models lose track of entities introduced early in the text.';

// Stored papers: run 1 holds "1", "3" and an arXiv id; run 2 (another project) "2", "5" and a "k9" editorial.
const STORED = [
  { id: '1', title: 'Graph neural networks for molecules', doi: null, abstract: 'Graph neural networks learn molecular representations.', run: 1 },
  { id: '3', title: 'Transformers and long documents', doi: null, abstract: LONG_DOCUMENTS, run: 1 },
  { id: '2401.01234', title: 'Sparse attention for speech', doi: null, abstract: 'Sparse attention makes speech transformers faster.', run: 1 },
  { id: '2', title: 'Reinforcement learning for robot control', doi: null, abstract: 'Robots learn control policies.', run: 2 },
  { id: '5', title: 'Enzyme design', doi: '10.1000/enz.5', abstract: 'Generative models design enzymes.', run: 2 },
  { id: 'k9', title: 'Editorial', doi: null, abstract: EDITORIAL, run: 2 }
];

function paper(paperId: string, title: string, abstract: string, doi: string | null = null): Paper {
  return { paperId, title, abstract, doi, published: '2024-04-01', datePrecision: 'day', venue: null, authors: [], categories: [], url: null, source: 'in.csv' };
}

/** The input, one paper per case; index i is the row's i. */
const input = () => [
  paper('1', 'Protein folding with diffusion', 'Diffusion models fold proteins.'), // 0: run 1's "1" is another paper
  paper('2', 'Protein language models', 'Language models read protein sequences.'), // 1: run 2's "2" is another paper
  paper('3', 'Transformers and long documents (extended version)', LONG_DOCUMENTS), // 2: run 1's "3", its title corrected
  paper('2401.01234', 'Sparse attention for speech, v2', 'Another abstract.'), // 3: a global id is never another paper
  paper('k9', 'Editorial', OTHER_EDITORIAL), // 4: one generic title, another abstract: another paper
  paper('new', 'A paper no run stored', 'Nothing like it.'), // 5: no stored paper under its id
  paper('5', 'Enzyme design with generative models', 'Models design enzymes.', '10.1000/ENZ.5') // 6: another title, one DOI: one paper
];

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run('CREATE TABLE papers (paper_id VARCHAR PRIMARY KEY, title VARCHAR, doi VARCHAR, abstract VARCHAR)');
  await connection.run('CREATE TABLE paper_rows (run_id INTEGER, paper_row INTEGER, paper_id VARCHAR)');
  for (const [row, s] of STORED.entries()) {
    await connection.run('INSERT INTO papers VALUES ($id, $title, $doi, $abstract)', { id: s.id, title: s.title, doi: s.doi, abstract: s.abstract });
    await connection.run('INSERT INTO paper_rows VALUES ($run, $row, $id)', { run: s.run, row, id: s.id });
  }
  const papers = input();
  await connection.run('CREATE TEMP TABLE input (i INTEGER, paper_id VARCHAR)');
  for (const [i, p] of papers.entries()) await connection.run('INSERT INTO input VALUES ($i, $id)', { i, id: p.paperId });
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('a paper whose id a stored paper holds', () => {
  it('is another paper only when a local id names a stored paper of another title that neither the DOI nor the abstract makes one', async () => {
    expect(await readTakenIds(connection, 'input', input(), 1)).toStrictEqual([
      { i: 0, clash: true, inRun: true },
      { i: 1, clash: true, inRun: false },
      { i: 2, clash: false, inRun: true },
      { i: 3, clash: false, inRun: true },
      { i: 4, clash: true, inRun: false },
      { i: 6, clash: false, inRun: false }
    ]);
  });

  it('is judged the same whichever run asks, or none (a new run): only whether the run holds it changes', async () => {
    const clashes = async (runId: number | null) => (await readTakenIds(connection, 'input', input(), runId)).map(({ i, clash }) => [i, clash]);
    const inRun = async (runId: number | null) => (await readTakenIds(connection, 'input', input(), runId)).filter((t) => t.inRun).map((t) => t.i);
    expect([await clashes(2), await clashes(null)]).toStrictEqual([await clashes(1), await clashes(1)]);
    expect([await inRun(1), await inRun(2), await inRun(null)]).toStrictEqual([[0, 2, 3], [1, 4, 6], []]);
  });

  it('is kept apart by a new run under localIdOf, in place, and the ids it is given name no stored paper', async () => {
    const papers = input();
    const want = [0, 1, 4].map((i) => ({ from: input()[i].paperId, to: localIdOf(input()[i]) }));
    const kept = await keepLocalIdsApart(connection, papers);
    expect(kept.map((k) => ({ from: k.from, to: k.paper.paperId }))).toStrictEqual(want);
    expect(papers.map((p) => p.paperId)).toStrictEqual([want[0].to, want[1].to, '3', '2401.01234', want[2].to, 'new', '5']);
    expect(await keepLocalIdsApart(connection, papers)).toStrictEqual([]);
  });
});

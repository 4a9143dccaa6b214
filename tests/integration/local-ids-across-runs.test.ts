// `papers` is shared by runs: a later run or batch whose local id (a row number, a citation key)
// names another paper must not rewrite the paper an earlier run stored under that id. Found by the
// CLI review of 2026-12-02 ("a later run rewrites an earlier run's papers").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localIdOf } from '../../pipeline/ingest/merge.js';
import { runAssign, runCli } from '../fixtures/cli.js';
import { readDb } from '../fixtures/read-db.js';

const dir = mkdtempSync(join(tmpdir(), 'themescope-local-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'id,title,abstract,date\n';

describe('a local id never takes over a paper another run stored', () => {
  it('keeps run 1 reading its own papers after a run and a batch on sheets numbered from 1 again', async () => {
    const db = join(dir, 'two-sheets.duckdb');
    writeFileSync(join(dir, 'robots.csv'), HEADER +
      '1,Reinforcement learning for robot control,Robots learn control policies by reinforcement learning in simulation.,2020-03-01\n' +
      '2,Grasping with tactile sensors,Robot hands grasp objects using tactile sensing and learned policies.,2021-06-01\n' +
      '3,Legged locomotion from simulation,Legged robots learn to walk in simulation and transfer the policy.,2022-01-01\n' +
      '4,Graph neural networks for molecules,Graph neural networks learn molecular representations from atoms and bonds.,2021-05-01\n');
    // Another project's sheet in the same database: rows 1 and 2 are other papers, row 4 the same paper.
    writeFileSync(join(dir, 'proteins.csv'), HEADER +
      '1,Protein folding with diffusion,Diffusion models fold proteins from their amino acid sequences.,2024-04-01\n' +
      '2,Protein language models,Language models trained on protein sequences predict structure and function.,2023-09-01\n' +
      '4,Graph Neural Networks for Molecules,Graph neural networks learn molecular representations from atoms.,2021-05-01\n' +
      '5,Enzyme design with generative models,Generative models design enzymes with new catalytic functions.,2024-01-01\n');
    writeFileSync(join(dir, 'proteins-week2.csv'), HEADER +
      '3,Antibody structure prediction,Deep networks predict antibody structures from sequence alone.,2024-06-01\n');
    const options = ['--quiet', '--k', '2', '--min-df', '1', '--workers', '1', '--db', db];
    expect(runCli([...options, '--input', join(dir, 'robots.csv')]).code).toBe(0);
    const second = runCli([...options, '--input', join(dir, 'proteins.csv')]);
    expect(second.code).toBe(0);
    const folding = localIdOf({ paperId: '1', title: 'Protein folding with diffusion', abstract: 'Diffusion models fold proteins from their amino acid sequences.' });
    const plms = localIdOf({ paperId: '2', title: 'Protein language models', abstract: 'Language models trained on protein sequences predict structure and function.' });
    expect(second.stdout).toContain(`2 papers had the id of a paper an earlier run stored with another title (a citation key or row number used twice) ` +
      `and were stored under an id of their own: "1" is ${folding}`);
    const antibody = localIdOf({ paperId: '3', title: 'Antibody structure prediction', abstract: 'Deep networks predict antibody structures from sequence alone.' });
    const batch = runAssign(['--quiet', '--input', join(dir, 'proteins-week2.csv'), '--db', db]);
    expect(batch.code).toBe(0);
    expect(batch.stdout).toContain(`1 paper had the id of a paper another run stored with another title`);
    expect(batch.stdout).toContain(`"3" is ${antibody}`);

    const titles = (run: number) => readDb<{ paper_id: string; title: string }>(db, `SELECT paper_id, p.title FROM paper_themes
      JOIN papers p USING (paper_id) WHERE run_id = ${run} ORDER BY paper_id`);
    expect(await titles(1)).toStrictEqual([
      { paper_id: '1', title: 'Reinforcement learning for robot control' },
      { paper_id: '2', title: 'Grasping with tactile sensors' },
      { paper_id: '3', title: 'Legged locomotion from simulation' },
      // One paper in both sheets (same id, same title but for case): one row, the later run's text.
      { paper_id: '4', title: 'Graph Neural Networks for Molecules' }
    ]);
    expect(await titles(2)).toStrictEqual([
      { paper_id: folding, title: 'Protein folding with diffusion' },
      { paper_id: plms, title: 'Protein language models' },
      { paper_id: antibody, title: 'Antibody structure prediction' },
      { paper_id: '4', title: 'Graph Neural Networks for Molecules' },
      { paper_id: '5', title: 'Enzyme design with generative models' }
    ].sort((a, b) => (a.paper_id < b.paper_id ? -1 : 1)));
  }, 120_000);
});

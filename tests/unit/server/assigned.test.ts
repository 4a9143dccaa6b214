import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addedMajorityFrom, countAddedInWindow } from '../../../src/lib/server/assigned.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

// The hand-made run: 24 papers, four a month from 2025-01-10 to 2025-06-10, paper i in theme i % 3.
// Papers 16–23 (May and June) are marked as added after clustering; 20 (theme 2) and 21 (theme 0) novel.
const ADDED = Array.from({ length: 8 }, (_, j) => 16 + j);
let db: TempDb;

beforeAll(async () => {
  const rows = ADDED.map((i) => `(1, '2501.${10000 + i}', 1, ${i === 20 || i === 21})`).join(', ');
  db = await writeTempDb([handMadeRun()], `INSERT INTO assigned_papers VALUES ${rows}`);
});
afterAll(() => db.remove());

describe('countAddedInWindow', () => {
  it('counts the window’s papers, those added after clustering and the novel ones, per theme', async () => {
    expect(await countAddedInWindow(1, '2025-06-01', '2025-06-30', 'month')).toStrictEqual({
      papers: 4, added: 4, novel: 2, novelByTheme: { 0: 1, 2: 1 }
    });
  });

  it('leaves out papers dated outside the window, and counts clustered papers in it as not added', async () => {
    expect(await countAddedInWindow(1, '2025-04-01', '2025-05-31', 'month')).toStrictEqual({
      papers: 8, added: 4, novel: 0, novelByTheme: {}
    });
  });
});

describe('countAddedInWindow for one theme', () => {
  it('counts only that theme’s papers', async () => {
    // June: papers 20 (theme 2, novel), 21 (theme 0, novel), 22 (theme 1), 23 (theme 2).
    expect(await countAddedInWindow(1, '2025-06-01', '2025-06-30', 'month', 2)).toStrictEqual({
      papers: 2, added: 2, novel: 1, novelByTheme: { 2: 1 }
    });
  });
});

describe('addedMajorityFrom', () => {
  it('is the first period from which papers added later are at least half of every period: May (months), 2025-04-01 (quarters: Q2 is 8 of 12)', async () => {
    expect([await addedMajorityFrom(1, 'month'), await addedMajorityFrom(1, 'quarter'), await addedMajorityFrom(1, 'year')])
      .toStrictEqual(['2025-05-01', '2025-04-01', null]);
  });
});

// The overview's "Bursting now" (bursts.ts loadOngoingBursts): the bursts running at the last
// complete period, strongest first; not one that only starts in a partial period after it
// (workflow audit of 2026-12-03: a burst of the partial month was listed as still running).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOngoingBursts } from '../../../src/lib/server/bursts.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

describe('loadOngoingBursts', () => {
  let db: TempDb;
  beforeAll(async () => {
    const run = handMadeRun();
    // A partial July after the six complete months, and three bursts: one ended in April, one running
    // from May into July, one that starts in the partial July.
    run.totals = [...run.totals, { period: '2025-07-01', granularity: 'month', papers: 1, partial: true }];
    const burst = { granularity: 'month' as const, term: null, papers: 4 };
    run.bursts = [
      { ...burst, themeId: 0, start: '2025-02-01', end: '2025-04-01', weight: 9 },
      { ...burst, themeId: 1, start: '2025-05-01', end: '2025-07-01', weight: 5 },
      { ...burst, themeId: 2, start: '2025-07-01', end: '2025-07-01', weight: 7 }
    ];
    db = await writeTempDb([run]);
  });
  afterAll(() => db.remove());

  it('lists the bursts running at the last complete period, not one that starts in a partial period after it', async () => {
    expect((await loadOngoingBursts(1, 10)).map((b) => [b.themeId, b.startPeriod, b.ongoing])).toStrictEqual([[1, '2025-05-01', true]]);
  });
});

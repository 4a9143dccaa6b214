import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmUp } from '../../../src/lib/server/warm-up.js';
import { cacheStats } from '../../../src/lib/server/run-cache.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;

beforeAll(async () => {
  db = await writeTempDb([handMadeRun()]);
});
afterAll(() => db.remove());

describe('warmUp', () => {
  it('fills the newest run\'s caches once per file: palette, search dictionary, map points and offsets, theme facets', async () => {
    const before = cacheStats().entries;
    const first = warmUp();
    expect(warmUp()).toBe(first);
    await first;
    // Palette, dictionary, point offsets (the encoded points have a cache of their own), and the
    // top authors and categories of each of the run's 3 themes.
    expect(cacheStats().entries - before).toBe(3 + 3);
  });

  it('does nothing, and does not fail, without a database', async () => {
    process.env.THEMESCOPE_DB = `${db.path}.missing`;
    try {
      await expect(warmUp()).resolves.toBeUndefined();
    } finally {
      process.env.THEMESCOPE_DB = db.path;
    }
  });
});

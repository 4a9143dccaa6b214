import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMapPaper, loadMapPoints, pointOffsets, searchMapPapers } from '../../../src/lib/server/map.js';
import { NO_DAY } from '../../../src/lib/charts/map-points.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { httpErrorOf } from './http-error.js';
import { writeTempDb, type TempDb } from './temp-db.js';

// The same run twice: as written (each theme ranks its papers 1..n: point indices are arithmetic) and
// with every rank moved up by one (the same order, but not 1..n: the queries number the points in SQL).
let written: TempDb;
let shifted: TempDb;

beforeAll(async () => {
  written = await writeTempDb([handMadeRun()]);
  shifted = await writeTempDb([handMadeRun()], 'UPDATE paper_themes SET rank_in_theme = rank_in_theme + 1');
});
afterAll(() => {
  written.remove();
  shifted.remove();
});

/** `read` on the database at `db`. */
async function on<T>(db: TempDb, read: () => Promise<T>): Promise<T> {
  process.env.THEMESCOPE_DB = db.path;
  return read();
}

describe('map points', () => {
  it('finds the point offsets only where every theme ranks its papers 1..n', async () => {
    expect(await on(written, () => pointOffsets(1))).toStrictEqual({ themes: [0, 1, 2], starts: [0, 8, 16], count: 24 });
    expect(await on(shifted, () => pointOffsets(1))).toBeNull();
  });

  it('gives the same points, in (theme, rank, paper) order, by arithmetic as by numbering them in SQL', async () => {
    const fast = await on(written, () => loadMapPoints(1));
    expect(fast.count).toBe(24);
    expect(Array.from(fast.theme)).toStrictEqual([...Array(8).fill(0), ...Array(8).fill(1), ...Array(8).fill(2)]);
    expect(Math.max(...fast.x, ...fast.y)).toBe(65535);
    expect(await on(shifted, () => loadMapPoints(1))).toStrictEqual(fast);
  });

  it('counts the points\' days from the run\'s earliest date, so a paper of 1955 is dated on the map (it was undated before 1970)', async () => {
    const early = await writeTempDb([handMadeRun()], "UPDATE papers SET published = DATE '1955-03-01', date_precision = 'day' WHERE paper_id = (SELECT min(paper_id) FROM papers)");
    const earlyShifted = await writeTempDb([handMadeRun()], "UPDATE papers SET published = DATE '1955-03-01', date_precision = 'day' WHERE paper_id = (SELECT min(paper_id) FROM papers); " +
      'UPDATE paper_themes SET rank_in_theme = rank_in_theme + 1');
    try {
      const points = await on(early, () => loadMapPoints(1));
      expect(points.dayOrigin).toBe(Date.UTC(1955, 2, 1) / 86_400_000);
      expect(Array.from(points.day).filter((d) => d === 0)).toHaveLength(1);
      const normal = await on(written, () => loadMapPoints(1));
      // Point by point (the same order), every other paper's date is the same day as before, counted from the new origin.
      const absolute = (p: typeof points) => Array.from(p.day, (d) => p.dayOrigin + d);
      const changed = absolute(points).flatMap((d, i) => (d === absolute(normal)[i] ? [] : [d]));
      expect(changed).toStrictEqual([points.dayOrigin]);
      expect(await on(earlyShifted, () => loadMapPoints(1))).toStrictEqual(points);
    } finally {
      early.remove();
      earlyShifted.remove();
    }
  });

  it('keeps the dates of the many when one paper is centuries older (a 1665 reprint, a typed 1019): only that one is undated on the map', async () => {
    const outlier = await writeTempDb([handMadeRun()], "UPDATE papers SET published = DATE '1665-03-06', date_precision = 'day' WHERE paper_id = (SELECT min(paper_id) FROM papers)");
    try {
      const points = await on(outlier, () => loadMapPoints(1));
      const normal = await on(written, () => loadMapPoints(1));
      expect(points.dayOrigin).toBe(normal.dayOrigin);
      expect(Array.from(points.day).filter((d) => d === NO_DAY)).toHaveLength(1);
    } finally {
      outlier.remove();
    }
  });

  it('finds the paper behind every point, and 404 past the last', async () => {
    const all = (db: TempDb) => on(db, () => Promise.all(Array.from({ length: 24 }, (_, i) => findMapPaper(1, i))));
    const papers = await all(written);
    expect(papers.map((p) => p.index)).toStrictEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(new Set(papers.map((p) => p.paperId)).size).toBe(24);
    expect(await all(shifted)).toStrictEqual(papers);
    for (const db of [written, shifted]) {
      expect(await on(db, () => httpErrorOf(() => findMapPaper(1, 24)))).toStrictEqual({ status: 404, message: 'No point 24 in run 1' });
    }
  }, 30_000);

  it('gives the points of the papers a search matches, ascending, the same either way', async () => {
    const fast = await on(written, () => searchMapPapers(1, 'merging'));
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toStrictEqual([...fast].sort((a, b) => a - b));
    expect(await on(shifted, () => searchMapPapers(1, 'merging'))).toStrictEqual(fast);
    for (const i of fast) expect((await on(written, () => findMapPaper(1, i))).themeId).toBe(0);
  });
});

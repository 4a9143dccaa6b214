// The trend notes' count of a window's novel papers and the Papers list their link opens agree in a
// mixed-precision run: one rule (date-window.ts) says which papers a window holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAddedInWindow } from '../../../src/lib/server/assigned.js';
import { dateWindowClauses } from '../../../src/lib/server/date-window.js';
import { countCoarseDated, readPaperFilter, searchPapers } from '../../../src/lib/server/papers.js';
import { afterWindowQuery } from '../../../src/lib/trend-wording.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

// The hand-made run: 24 papers, four a month from 2025-01-10 to 2025-06-10, paper i in theme i % 3.
// Papers 16–23 (May and June) were added after clustering; 20, 21 (June) and 17 (May) are novel, and
// 17 and 20 are dated by year only (2025): in the year's periods, in no month's.
const ADDED = Array.from({ length: 8 }, (_, j) => 16 + j);
const NOVEL = [17, 20, 21];
const id = (i: number) => `2501.${10000 + i}`;
let db: TempDb;

beforeAll(async () => {
  const rows = ADDED.map((i) => `(1, '${id(i)}', 1, ${NOVEL.includes(i)})`).join(', ');
  db = await writeTempDb([handMadeRun()], `INSERT INTO assigned_papers VALUES ${rows};
    UPDATE papers SET published = DATE '2025-01-01', date_precision = 'year' WHERE paper_id IN ('${id(17)}', '${id(20)}')`);
});
afterAll(() => db.remove());

/** The novel papers the note's link lists: the window's own query string, as the page writes it. */
async function linkedNovel(after: string[], granularity: 'month' | 'quarter' | 'year'): Promise<string[]> {
  const search = new URLSearchParams(`added=novel${afterWindowQuery({ after, granularity })}`);
  const page = await searchPapers(1, await readPaperFilter(search, 1), 1, 50);
  return page.items.map((p) => p.paperId).sort();
}

describe('a window’s novel papers, counted and linked', () => {
  it('link with the window’s unit, so the list is read by the rule the count uses', () => {
    expect(afterWindowQuery({ after: ['2025-05-01', '2025-06-01'], granularity: 'month' })).toBe('&from=2025-05-01&to=2025-06-30&granularity=month');
    expect(afterWindowQuery({ after: [], granularity: 'month' })).toBe('');
  });

  it('agree at month: the year-only novel papers of 2025 are in neither, though their year meets the window', async () => {
    const counted = await countAddedInWindow(1, '2025-05-01', '2025-06-30', 'month');
    expect(counted.novel).toBe(1);
    expect(await linkedNovel(['2025-05-01', '2025-06-01'], 'month')).toStrictEqual([id(21)]);
  });

  it('agree at quarter and at year, where the year-only papers count', async () => {
    expect((await countAddedInWindow(1, '2025-04-01', '2025-06-30', 'quarter')).novel).toBe(1);
    expect(await linkedNovel(['2025-04-01'], 'quarter')).toStrictEqual([id(21)]);
    expect((await countAddedInWindow(1, '2025-01-01', '2025-12-31', 'year')).novel).toBe(3);
    expect(await linkedNovel(['2025-01-01'], 'year')).toStrictEqual(NOVEL.map(id).sort());
  });

  it('without the unit, a list keeps every paper whose period meets the range (a year-only 2025 paper is in June 2025)', async () => {
    const search = new URLSearchParams('added=novel&from=2025-05-01&to=2025-06-30');
    const page = await searchPapers(1, await readPaperFilter(search, 1), 1, 50);
    expect(page.items.map((p) => p.paperId).sort()).toStrictEqual(NOVEL.map(id).sort());
  });
});

describe('dateWindowClauses', () => {
  it('keeps day and month dates for months and quarters, year dates too for years, and binds the range', () => {
    const params = {};
    expect(dateWindowClauses({ from: null, to: '2025-06-30', granularity: 'quarter' }, params)).toStrictEqual([
      "p.date_precision IN ('day', 'month')", 'p.published <= $to::DATE']);
    expect(params).toStrictEqual({ to: '2025-06-30' });
    expect(dateWindowClauses({ from: null, to: null, granularity: 'year' }, {})).toStrictEqual(["p.date_precision IN ('day', 'month', 'year')"]);
    expect(dateWindowClauses({ from: null, to: null, granularity: null }, {})).toStrictEqual([]);
  });
});

describe('the papers a date range holds by a coarser date (dashboard audit of 2026-12-03)', () => {
  const coarse = async (query: string) => countCoarseDated(1, await readPaperFilter(new URLSearchParams(query), 1));
  it('counts the year-only papers whose year the dates do not wholly hold, and none when they hold it or a granularity leaves them out', async () => {
    // 17 and 20 are dated 2025 (year only): a range inside 2025 lists them, and says so.
    expect(await coarse('from=2025-03-01&to=2025-03-31')).toStrictEqual({ year: 2, month: 0 });
    expect(await coarse('from=2025-01-01&to=2025-12-31')).toStrictEqual({ year: 0, month: 0 });
    expect(await coarse('from=2025-03-01')).toStrictEqual({ year: 2, month: 0 });
    expect(await Promise.all([coarse('from=2025-03-01&to=2025-03-31&granularity=month'), coarse('theme=1')])).toStrictEqual([null, null]);
    // And the list does hold them: the note is about papers it shows.
    const listed = await searchPapers(1, await readPaperFilter(new URLSearchParams('from=2025-03-01&to=2025-03-31'), 1), 1, 50);
    expect(listed.items.map((p) => p.paperId)).toEqual(expect.arrayContaining([id(17), id(20)]));
  });
});

// A record whose date cannot be read is kept undated (counted in one warning per file), a "no date
// yet" word is a blank date, more date column names are read, and a file with no date column says so.
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { expectIngestError, makeTempInputs } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const LOOKED_FOR = 'published, date, publication date, date published, published date, pub date, issued, date issued, cover date, ' +
  'update date, year, publication year, year published, pub year, PY, in any case and spacing';
const dates = async (paths: string[]) => {
  const result = await ingestFiles(paths, { strict: false });
  return { dates: result.papers.map((p) => [p.title, p.published, p.datePrecision]), skipped: result.skipped, warnings: result.warnings };
};

describe('a date that reads either way (5/1/2024) is read in the order the file\'s other dates show (inputs audit of 2026-12-05)', () => {
  // US Excel dates: 5 of them can only be month first (a day over 12), 3 read either way.
  const us = ['title,abstract,published', 'A,x,12/24/2024', 'B,x,5/1/2024', 'C,x,1/13/2025', 'D,x,3/30/2025', 'E,x,2/3/2025 2:30 PM',
    'F,x,11/15/2024', 'G,x,7/20/2025', 'H,x,6/6/2025', 'I,x,4/2/2025', ''].join('\n');
  it('dates them month first when every other such date is month first, and says so', async () => {
    const path = temp.write('us-dates.csv', us);
    const { dates: got, warnings } = await dates([path]);
    expect(got).toStrictEqual([['A', '2024-12-24', 'day'], ['B', '2024-05-01', 'day'], ['C', '2025-01-13', 'day'], ['D', '2025-03-30', 'day'],
      ['E', '2025-02-03', 'day'], ['F', '2024-11-15', 'day'], ['G', '2025-07-20', 'day'], ['H', '2025-06-06', 'day'], ['I', '2025-04-02', 'day']]);
    expect(warnings).toStrictEqual([`${path}: 3 dates such as "5/1/2024" (line 3) could be read day first or month first; every other date of the file ` +
      'written so (5) is month first (m/d/yyyy), so they were read month first (m/d/yyyy)']);
  });
  it('dates them day first in a day-first file', async () => {
    const path = temp.write('uk-dates.csv', ['title,abstract,published', 'A,x,24/12/2024', 'B,x,5/1/2024', 'C,x,13/1/2025', 'D,x,30/3/2025',
      'E,x,15/11/2024', 'F,x,20/7/2025', ''].join('\n'));
    expect((await dates([path])).dates.slice(0, 2)).toStrictEqual([['A', '2024-12-24', 'day'], ['B', '2024-01-05', 'day']]);
  });
  it('leaves them undated when the file shows both orders, or too few dates to tell', async () => {
    const mixed = temp.write('mixed-dates.csv', us.replace('12/24/2024', '24/12/2024'));
    expect((await dates([mixed])).dates.filter(([, published]) => published === null).map(([t]) => t)).toStrictEqual(['B', 'E', 'I']);
    const few = temp.write('few-dates.csv', ['title,abstract,published', 'A,x,12/24/2024', 'B,x,5/1/2024', ''].join('\n'));
    const { dates: got, warnings } = await dates([few]);
    expect(got).toStrictEqual([['A', '2024-12-24', 'day'], ['B', null, null]]);
    expect(warnings[0]).toContain('1 date could not be read');
  });
});

describe('a date that cannot be read leaves its paper undated, with a warning', () => {
  const csv = ['title,abstract,published', 'A,x,sometime', 'B,x,2024-3-5', 'C,x,in press', 'D,x,05/03/2024', 'E,x,2025-02-30', 'F,x,45356', ''].join('\n');
  it('keeps the paper, counts the unreadable dates of the file and names the first', async () => {
    const path = temp.write('unreadable.csv', csv);
    expect(await dates([path])).toStrictEqual({
      dates: [['A', null, null], ['B', '2024-03-05', 'day'], ['C', null, null], ['D', null, null], ['F', '2024-03-05', 'day']],
      skipped: [{ file: path, line: 6, field: 'published', reason: 'expected a real date in 1000..2100, got "2025-02-30" (2025-02 has 28 days)' }],
      warnings: [`${path}: 2 dates could not be read, so their papers are kept undated (first: line 2: field "published": ` +
        'expected a date like 2025-03-18, 2025-03, 2025 or "Mon, 2 Apr 2007 19:18:42 GMT", got "sometime")']
    });
  });
  it('stops at the first under --strict, as before', async () => {
    const path = temp.write('unreadable-strict.csv', csv);
    await expectIngestError(ingestFiles([path], { strict: true }),
      `${path} line 2: field "published": expected a date like 2025-03-18, 2025-03, 2025 or "Mon, 2 Apr 2007 19:18:42 GMT", got "sometime"`);
  });
  it('reads the next date field when the first cannot be read or says "in press"', async () => {
    const path = temp.write('fallback.jsonl', [
      JSON.stringify({ title: 'A', abstract: 'x', published: 'in press', year: 2024 }),
      JSON.stringify({ title: 'B', abstract: 'x', date: 'Frühsommer', year: '2023' }),
      JSON.stringify({ title: 'C', abstract: 'x', published: 'n.d.' }),
      ''].join('\n'));
    expect(await dates([path])).toStrictEqual({
      dates: [['A', '2024-01-01', 'year'], ['B', '2023-01-01', 'year'], ['C', null, null]], skipped: [], warnings: []
    });
  });
  it('reads a 5-digit number as an Excel day only in a spreadsheet', async () => {
    const path = temp.write('serial.jsonl', `${JSON.stringify({ title: 'A', abstract: 'x', published: '45356' })}\n`);
    expect((await dates([path])).dates).toStrictEqual([['A', null, null]]);
  });
});

describe('date columns by their common names', () => {
  it.each(['Date Published', 'Publication Date', 'Published Date', 'Pub Date', 'Issued', 'Cover Date'])('reads "%s" as the date', async (name) => {
    const path = temp.write(`named-${name.replace(' ', '-')}.csv`, `Title,Abstract,${name}\nA,x,2024-03-05\n`);
    expect(await dates([path])).toStrictEqual({ dates: [['A', '2024-03-05', 'day']], skipped: [], warnings: [] });
  });
  it.each(['Year Published', 'Pub Year', 'PY'])('reads "%s" as a year', async (name) => {
    const path = temp.write(`year-${name.replace(' ', '-')}.csv`, `Title,Abstract,${name}\nA,x,2024\n`);
    expect(await dates([path])).toStrictEqual({ dates: [['A', '2024-01-01', 'year']], skipped: [], warnings: [] });
  });
  it('keeps the first names first: "published" wins over "Date Published", "Date Published" over "Year"', async () => {
    const path = temp.write('both.csv', 'title,abstract,published,Date Published,Year\nA,x,2024-01-02,2024-03-05,2024\nB,x,,2024-03-05,2024\n');
    expect((await dates([path])).dates).toStrictEqual([['A', '2024-01-02', 'day'], ['B', '2024-03-05', 'day']]);
  });
  it('warns when a file has no date column, naming the names looked for', async () => {
    const path = temp.write('no-date.csv', 'title,abstract,When\nA,x,2024-03-05\nB,y,2024-03-06\n');
    expect(await dates([path])).toStrictEqual({
      dates: [['A', null, null], ['B', null, null]], skipped: [],
      warnings: [`${path}: no date column or field (looked for ${LOOKED_FOR}), so its 2 papers are undated and in no trend; ` +
        'rename the date column to one of these']
    });
  });
  it('does not warn when the date column is there but empty', async () => {
    const path = temp.write('blank-dates.csv', 'title,abstract,date\nA,x,\nB,y,\n');
    expect((await dates([path])).warnings).toStrictEqual([]);
  });
});

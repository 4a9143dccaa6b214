// A record whose date cannot be read is kept undated (counted in one warning per file), and a "no
// date yet" word is a blank date.
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { expectIngestError, makeTempInputs } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const dates = async (paths: string[]) => {
  const result = await ingestFiles(paths, { strict: false });
  return { dates: result.papers.map((p) => [p.title, p.published, p.datePrecision]), skipped: result.skipped, warnings: result.warnings };
};

describe('a date that cannot be read leaves its paper undated, with a warning', () => {
  const csv = ['title,abstract,published', 'A,x,sometime', 'B,x,2024-3-5', 'C,x,in press', 'D,x,05/03/2024', 'E,x,2025-02-30', 'F,x,45356', ''].join('\n');
  it('keeps the paper, counts the unreadable dates of the file and names the first', async () => {
    const path = temp.write('unreadable.csv', csv);
    expect(await dates([path])).toStrictEqual({
      dates: [['A', null, null], ['B', '2024-03-05', 'day'], ['C', null, null], ['D', null, null], ['F', '2024-03-05', 'day']],
      skipped: [{ file: path, line: 6, field: 'published', reason: 'expected a real date in 1900..2100, got "2025-02-30" (2025-02 has 28 days)' }],
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

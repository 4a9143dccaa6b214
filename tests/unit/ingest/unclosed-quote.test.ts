// A quote opened in a CSV row and never closed there swallowed the next rows into one field without
// a word; now that row is skipped as "unclosed quote" and the rows it took are read.
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { expectIngestError, makeTempInputs } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const HEADER = 'id,title,abstract,published';
const read = async (name: string, lines: string[]) => {
  const path = temp.write(name, [...lines, ''].join('\n'));
  const result = await ingestFiles([path], { strict: false });
  return { path, rows: result.papers.map((p) => [p.paperId, p.title, p.abstract, p.published]), skipped: result.skipped, records: result.files[0].records };
};
const rescued = (taken: number) => `unclosed quote: a quoted field opens on this line and is not closed on it, so the next ${taken} ` +
  `${taken === 1 ? 'line was' : 'lines were'} read into it; this row is skipped and ${taken === 1 ? 'that line is read as a row' : 'those lines are read as rows'} ` +
  '(close the quote, or write a quote inside a field as "")';

describe('a CSV row with an unclosed quote', () => {
  it('is skipped with its line, and the rows it took are read', async () => {
    const { path, rows, skipped, records } = await read('unclosed.csv', [HEADER,
      'a,"Broken quote paper,abstract one,2024-01-01',
      'b,Second,abstract two,2024-02-01',
      'c,"Third, with a comma","abstract three",2024-03-01',
      'd,Fourth,abstract four,2024-04-01']);
    expect(rows).toStrictEqual([
      ['b', 'Second', 'abstract two', '2024-02-01'],
      ['c', 'Third, with a comma', 'abstract three', '2024-03-01'],
      ['d', 'Fourth', 'abstract four', '2024-04-01']
    ]);
    expect(skipped).toStrictEqual([{ file: path, line: 2, field: '(line)', reason: rescued(2) }]);
    expect(records).toBe(4);
  });
  it('in the last column, ended by a quoted date further down', async () => {
    const { path, rows, skipped } = await read('unclosed-last.csv', [HEADER,
      'a,Broken,"abstract one,2024-01-01',
      'b,Second,abstract two,2024-02-01',
      'c,Third,abstract three,"2024-03-01"',
      'd,Fourth,"abstract four,\nover two lines",2024-04-01']);
    expect(rows).toStrictEqual([
      ['b', 'Second', 'abstract two', '2024-02-01'],
      ['c', 'Third', 'abstract three', '2024-03-01'],
      ['d', 'Fourth', 'abstract four, over two lines', '2024-04-01']
    ]);
    expect(skipped).toStrictEqual([{ file: path, line: 2, field: '(line)', reason: rescued(2) }]);
  });
  it('takes the lines it swallowed with it when they are not whole rows', async () => {
    const { path, rows, skipped } = await read('unclosed-short.csv', [HEADER,
      'a,"Broken quote paper,abstract one,2024-01-01',
      'b,Second,2024-02-01',
      'c,"Third","abstract three",2024-03-01',
      'd,Fourth,abstract four,2024-04-01']);
    expect(rows).toStrictEqual([['d', 'Fourth', 'abstract four', '2024-04-01']]);
    expect(skipped).toStrictEqual([{ file: path, line: 2, field: '(line)', reason: 'unclosed quote: a quoted field opens on this line and is not ' +
      'closed on it, so the next 2 lines were read into it; this row and those lines are skipped (close the quote, or write a quote inside a field as "")' }]);
  });
  it('stops a --strict run at its line', async () => {
    const path = temp.write('unclosed-strict.csv', [HEADER, 'a,"Broken,abstract one,2024-01-01', 'b,"Second",abstract two,2024-02-01', ''].join('\n'));
    await expectIngestError(ingestFiles([path], { strict: true }), `${path} line 2: ${rescued(1)}`);
  });
  it('leaves real multi-line fields alone, also one that starts with a doubled quote', async () => {
    const { rows, skipped } = await read('multi-line.csv', [HEADER,
      'a,"T","para one, with, commas\npara two, x, y, z",2024-01-01',
      'b,"""Q"" t","""Quoted"" start\nmore, a, b",2024-02-01',
      'c,Third,abstract three,2024-03-01']);
    expect(rows).toStrictEqual([
      ['a', 'T', 'para one, with, commas para two, x, y, z', '2024-01-01'],
      ['b', '"Q" t', '"Quoted" start more, a, b', '2024-02-01'],
      ['c', 'Third', 'abstract three', '2024-03-01']
    ]);
    expect(skipped).toStrictEqual([]);
  });
});

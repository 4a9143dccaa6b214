import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { csvCopyOptions, csvHeader, csvValueSql, type CsvColumn } from '../../../src/lib/server/csv.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  dir = mkdtempSync(join(tmpdir(), 'themescope-csv-test-'));
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const text = (sql: string): CsvColumn => ({ name: 'v', sql, text: true });
const value = (sql: string): CsvColumn => ({ name: 'v', sql, text: false });

let files = 0;

/** The CSV file an export writes for `columns` over `from` (header from csvHeader, rows from COPY). */
async function csvOf(columns: CsvColumn[], from = ''): Promise<string> {
  const file = join(dir, `out-${files++}.csv`);
  const select = columns.map((c) => `${csvValueSql(c)} AS ${c.name}`).join(', ');
  await connection.run(`COPY (SELECT ${select} ${from}) TO '${file}' (${csvCopyOptions(columns)})`);
  return csvHeader(columns) + readFileSync(file, 'utf8');
}

/** The one cell a single-column, single-row export holds. */
async function cell(column: CsvColumn): Promise<string> {
  return (await csvOf([column])).slice('"v"\r\n'.length, -2);
}

/** The cells of several one-cell exports, one after another (one connection, one COPY at a time). */
async function cells(columns: CsvColumn[]): Promise<string[]> {
  const out: string[] = [];
  for (const column of columns) out.push(await cell(column));
  return out;
}

describe('CSV cells', () => {
  it('quotes every text and doubles embedded quotes', async () => {
    expect(await cell(text(`'say "hi", ok'`))).toBe('"say ""hi"", ok"');
  });

  it('keeps commas, CR and LF inside a quoted cell', async () => {
    expect(await cell(text(`e'a,b\\nc\\r\\nd'`))).toBe('"a,b\nc\r\nd"');
  });

  it('writes numbers bare as DuckDB prints them (shortest round-trip; a DOUBLE keeps its .0) and booleans as true/false', async () => {
    expect(await cells([value('3'), value('-0.25::DOUBLE'), value('1 / 3'), value('0::DOUBLE'), value('true')])).toStrictEqual([
      '3',
      '-0.25',
      String(1 / 3),
      '0.0',
      'true'
    ]);
  });

  it('writes NULL and non-finite numbers as empty cells, and an empty text as ""', async () => {
    const empty = [value('NULL::DOUBLE'), value(`'nan'::DOUBLE`), value(`'-inf'::DOUBLE`), text('NULL::VARCHAR'), text(`''`)];
    expect(await cells(empty)).toStrictEqual(['', '', '', '', '""']);
  });

  it('prefixes a quote to texts that start like a formula', async () => {
    const starts = [`'=1+1'`, `'+1'`, `'-1'`, `'@SUM(A1)'`, `chr(9) || 'x'`, `chr(13) || 'x'`];
    expect(await cells(starts.map(text))).toStrictEqual([`"'=1+1"`, `"'+1"`, `"'-1"`, `"'@SUM(A1)"`, `"'\tx"`, `"'\rx"`]);
  });

  it('neutralises a formula and doubles its quotes', async () => {
    expect(await cell(text(`'=HYPERLINK("http://x")'`))).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it('leaves a formula character that is not first alone', async () => {
    expect(await cell(text(`'a=b'`))).toBe('"a=b"');
  });

  it('writes a date as quoted YYYY-MM-DD text', async () => {
    expect(await cell(text(`DATE '2025-06-10'`))).toBe('"2025-06-10"');
  });

  it('keeps non-ASCII text as is', async () => {
    expect(await cell(text(`'Müller — 東京'`))).toBe('"Müller — 東京"');
  });
});

describe('CSV files', () => {
  it('writes a quoted header and one row per result row in order, with CRLF line ends', async () => {
    const columns = [{ name: 'id', sql: 'id', text: false }, { name: 'name', sql: 'name', text: true }, { name: 'score', sql: 'score', text: false }];
    const csv = await csvOf(columns, `FROM (VALUES (1, 'x', -2), (2, '-y', NULL)) t(id, name, score) ORDER BY id`);
    expect(csv).toBe('"id","name","score"\r\n1,"x",-2\r\n2,"\'-y",\r\n');
  });

  it('writes only the header for no rows', async () => {
    expect(await csvOf([text(`'a'`)], 'WHERE false')).toBe('"v"\r\n');
  });
});

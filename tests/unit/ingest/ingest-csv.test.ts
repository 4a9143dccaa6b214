import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { contentId } from '../../../pipeline/ingest/merge.js';
import { expectIngestError, makeTempInputs, paper } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const QUOTED = [
  'id,title,abstract,published,authors,categories',
  '2501.00001,"Commas, in a title","An abstract with ""quotes""',
  'and a second line, in quotes.",2025-01,"Ada Lovelace, Alan Turing",cs.CL cs.AI',
  '',
  '2501.00002,Plain,Plain abstract.,2025,,',
  ''
].join('\n');

describe('ingestFiles reads CSV', () => {
  it('reads quoted commas, doubled quotes and newlines inside fields', async () => {
    const path = temp.write('quoted.csv', QUOTED);
    const result = await ingestFiles([path], { strict: false });
    expect(result).toStrictEqual({
      papers: [
        paper({
          paperId: '2501.00001',
          title: 'Commas, in a title',
          abstract: 'An abstract with "quotes" and a second line, in quotes.',
          published: '2025-01-01',
          datePrecision: 'month',
          authors: ['Ada Lovelace', 'Alan Turing'],
          categories: ['cs.CL', 'cs.AI'],
          url: 'https://arxiv.org/abs/2501.00001',
          source: 'quoted.csv'
        }),
        paper({ paperId: '2501.00002', title: 'Plain', abstract: 'Plain abstract.', published: '2025-01-01', datePrecision: 'year', url: 'https://arxiv.org/abs/2501.00002', source: 'quoted.csv' })
      ],
      skipped: [],
      duplicates: 0,
      files: [{ path, format: 'csv', sha256: sha256(readFileSync(path)), records: 2 }],
      inputSha256: sha256(Buffer.from(sha256(readFileSync(path)))),
      warnings: []
    });
  });
  it('reads gzipped CSV with CRLF line ends and a byte-order mark', async () => {
    const path = temp.write('quoted.csv.gz', '\uFEFF' + QUOTED.replaceAll('\n', '\r\n'));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => [p.paperId, p.abstract])).toStrictEqual([
      ['2501.00001', 'An abstract with "quotes" and a second line, in quotes.'],
      ['2501.00002', 'Plain abstract.']
    ]);
    expect(result.files).toStrictEqual([{ path, format: 'csv', sha256: sha256(readFileSync(path)), records: 2 }]);
  });
  it('reports the physical line where a record starts, after a record spanning lines', async () => {
    const text = 'title,abstract\n"A","one\n\ntwo\nthree"\n\nB,\n"C",""\nD,four,extra\n';
    const path = temp.write('lines.csv', text);
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([paper({ paperId: contentId({ title: 'A', abstract: 'one two three' }), title: 'A', abstract: 'one two three', source: 'lines.csv' })]);
    expect(result.skipped).toStrictEqual([
      { file: path, line: 7, field: 'abstract', reason: 'expected a non-empty string, got an empty string' },
      { file: path, line: 8, field: 'abstract', reason: 'expected a non-empty string, got an empty string' },
      { file: path, line: 9, field: '(line)', reason: 'expected 2 columns as in the header, got 3' }
    ]);
  });
  it('reads a Zotero export: Key, Author "Last, First; ...", Abstract Note, Date, Url, DOI, Publication Title and Manual Tags columns', async () => {
    const path = join(import.meta.dirname, '../../fixtures/ingest/zotero-export.csv');
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([
      paper({
        paperId: 'ABCD1234',
        title: 'Editing models with task arithmetic',
        abstract: 'We propose a new paradigm for steering the behavior of neural networks, centered around "task vectors".',
        published: '2023-02-01',
        datePrecision: 'day',
        authors: ['Jane Smith', 'John Doe'],
        categories: ['merging', 'editing'], keywordsOnly: true,
        venue: 'ICLR',
        url: 'https://openreview.net/forum?id=6t0Kwf8-jrj',
        source: 'zotero-export.csv'
      }),
      paper({
        paperId: '2402.00001',
        title: 'Long context, made cheap',
        abstract: 'Two lines of abstract, with a comma.',
        published: '2024-01-01',
        datePrecision: 'year',
        authors: ['Richard Roe'],
        doi: '10.48550/arXiv.2402.00001',
        url: 'https://arxiv.org/abs/2402.00001',
        source: 'zotero-export.csv'
      })
    ]);
    expect(result.skipped).toStrictEqual([]);
  });
  it('skips a record with bytes that are not valid UTF-8 in a file that is UTF-8 (a multi-byte character came first)', async () => {
    const bytes = Buffer.concat([Buffer.from('title,abstract\nGood,Finé\n"Caf'), Buffer.from([0xe9]), Buffer.from('","multi\nline"\nAlso good,Fine too\n')]);
    const path = temp.write('latin1.csv', bytes);
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => p.title)).toStrictEqual(['Good', 'Also good']);
    expect(result.skipped).toStrictEqual([{ file: path, line: 3, field: '(line)', reason: 'not valid UTF-8' }]);
  });
  it('reads a CSV whose first non-UTF-8 line comes before any UTF-8 character as Windows-1252, with a warning', async () => {
    const bytes = Buffer.concat([Buffer.from('title,abstract\nGood,Fine\n"Caf'), Buffer.from([0xe9, 0x20, 0x80]), Buffer.from('","multi\nline"\n')]);
    const path = temp.write('cp1252.csv', bytes);
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => p.title)).toStrictEqual(['Good', 'Café €']);
    // (The other warning: the file has no date column.)
    expect(result.warnings.filter((w) => !w.includes('no date column'))).toStrictEqual([`${path} is not UTF-8: read as Windows-1252 (Excel's "CSV"); save it as "CSV UTF-8" to be sure of accented letters`]);
  });
  it('stops with an IngestError naming the expected columns when there is no abstract column', async () => {
    const path = temp.write('no-abstract.csv', 'Title,Year\nA,2024\n');
    await expectIngestError(
      ingestFiles([path], { strict: false }),
      `${path} line 1: no abstract column (expected one of "abstract", "summary", "abstractnote"); the header, split at ",", has "Title", "Year"; rename the columns (case and spaces do not matter) or name the format with --format`
    );
  });
  it('names both missing columns when the header has neither title nor abstract', async () => {
    const path = temp.write('no-columns.csv', 'name,text\nA,B\n');
    await expectIngestError(
      ingestFiles([path], { strict: false }),
      `${path} line 1: no title column (expected one of "title", "articletitle") and no abstract column (expected one of "abstract", "summary", "abstractnote"); the header, split at ",", has "name", "text"; rename the columns (case and spaces do not matter) or name the format with --format`
    );
  });
  it('stops with an IngestError when a quote is never closed', async () => {
    const path = temp.write('open-quote.csv', 'title,abstract\nA,B\n"C,never closed\nD,E\n');
    await expectIngestError(ingestFiles([path], { strict: false }), `${path} line 3: invalid CSV: a quoted field is not closed before the end of the file (expected a closing " for the quote that opens this record); close it, or remove the stray quote`);
  });
  it('names the line of a quote left open after many batches of rows', async () => {
    // 3,000 rows of ~40 characters pass csv-parse in several 64 KiB batches before the bad one.
    const rows = Array.from({ length: 3000 }, (_, i) => `Title ${i + 1},"Abstract ${i + 1}, quoted"`);
    const path = temp.write('late-quote.csv', ['title,abstract', ...rows, 'Last,"never closed', 'x,y', ''].join('\n'));
    await expectIngestError(ingestFiles([path], { strict: false }), `${path} line 3002: invalid CSV: a quoted field is not closed before the end of the file (expected a closing " for the quote that opens this record); close it, or remove the stray quote`);
  });
  it('stops with an IngestError when a file has a header row and no records', async () => {
    const path = temp.write('header-only.csv', 'title,abstract\n\n');
    await expectIngestError(ingestFiles([path], { strict: false }), `${path} has a header row but no records`);
  });

  it("passes over a row of empty cells (what Excel leaves where rows were deleted: ';;;'), as over a blank line, neither a record nor a skip", async () => {
    const path = temp.write('blank-rows.csv', '\uFEFFTitle;Abstract;Year\r\nDrones;Drone swarms coordinate.;2022\r\n;;\r\n ; ;\r\n');
    const result = await ingestFiles([path], { strict: true });
    expect([result.papers.map((p) => p.title), result.skipped, result.files[0].records]).toStrictEqual([['Drones'], [], 1]);
    await expectIngestError(ingestFiles([temp.write('only-blank-rows.csv', 'title,abstract\n,\n,\n')], { strict: false }),
      `${temp.dir}/only-blank-rows.csv has a header row but no records`);
  });
});

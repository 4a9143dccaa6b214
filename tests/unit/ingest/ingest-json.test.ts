import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { expectIngestError, jsonLines, makeTempInputs, paper, parseMessage } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const one = { id: '2501.00001', title: 'First', abstract: 'One.', published: '2025-01-02', categories: ['cs.CL'], authors: ['Ada'] };
const two = { id: '2501.00002', title: 'Second', abstract: 'Two.' };
const paperOne = (source: string) =>
  paper({ paperId: '2501.00001', title: 'First', abstract: 'One.', published: '2025-01-02', datePrecision: 'day', authors: ['Ada'], categories: ['cs.CL'], url: 'https://arxiv.org/abs/2501.00001', source });
const paperTwo = (source: string) => paper({ paperId: '2501.00002', title: 'Second', abstract: 'Two.', url: 'https://arxiv.org/abs/2501.00002', source });

describe('ingestFiles reads JSON Lines', () => {
  it('reads each line as a paper and records the file', async () => {
    const path = temp.write('plain.jsonl', jsonLines(one, two));
    const result = await ingestFiles([path], { strict: false });
    expect(result).toStrictEqual({
      papers: [paperOne('plain.jsonl'), paperTwo('plain.jsonl')],
      skipped: [],
      duplicates: 0,
      files: [{ path, format: 'jsonl', sha256: sha256(readFileSync(path)), records: 2 }],
      inputSha256: sha256(Buffer.from(sha256(readFileSync(path)))),
      warnings: []
    });
  });
  it('reads gzipped JSON Lines, hashing the compressed bytes', async () => {
    const path = temp.write('zipped.jsonl.gz', jsonLines(one, two));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([paperOne('zipped.jsonl.gz'), paperTwo('zipped.jsonl.gz')]);
    expect(result.files).toStrictEqual([{ path, format: 'jsonl', sha256: sha256(readFileSync(path)), records: 2 }]);
  });
  it('reads .ndjson and a .json file whose first character is "{" as JSON Lines', async () => {
    const nd = temp.write('lines.ndjson', jsonLines(one));
    const json = temp.write('lines.json', '\n  ' + jsonLines(two));
    const result = await ingestFiles([nd, json], { strict: false });
    expect(result.papers).toStrictEqual([paperOne('lines.ndjson'), paperTwo('lines.json')]);
    expect(result.files.map((f) => f.format)).toStrictEqual(['jsonl', 'jsonl']);
  });
  it('skips blank lines, ignores a leading byte-order mark and reads CRLF line ends', async () => {
    const path = temp.write('bom.jsonl', '\uFEFF' + JSON.stringify(one) + '\r\n\r\n  \r\n' + JSON.stringify(two) + '\r\n');
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([paperOne('bom.jsonl'), paperTwo('bom.jsonl')]);
    expect(result.files[0].records).toBe(2);
  });
  it('skips a malformed line with the parser message and its line number', async () => {
    const path = temp.write('bad.jsonl', `${JSON.stringify(one)}\n\n{"title": "x", abstract}\n${JSON.stringify(two)}\n[1, 2]\n`);
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([paperOne('bad.jsonl'), paperTwo('bad.jsonl')]);
    expect(result.skipped).toStrictEqual([
      { file: path, line: 3, field: '(line)', reason: `invalid JSON: ${parseMessage('{"title": "x", abstract}')}` },
      { file: path, line: 5, field: '(record)', reason: 'expected a JSON object, got an array' }
    ]);
    expect(result.files[0].records).toBe(4);
  });
  it('skips a line that is not valid UTF-8 and reads the lines around it', async () => {
    const bad = Buffer.concat([Buffer.from('{"title": "Caf'), Buffer.from([0xe9]), Buffer.from('", "abstract": "x"}\n')]);
    const path = temp.write('latin1.jsonl', Buffer.concat([Buffer.from(jsonLines(one)), bad, Buffer.from(jsonLines(two))]));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([paperOne('latin1.jsonl'), paperTwo('latin1.jsonl')]);
    expect(result.skipped).toStrictEqual([{ file: path, line: 2, field: '(line)', reason: 'not valid UTF-8' }]);
  });
  it('counts lines across 1 MiB read chunks, with a bad byte deep inside the file', async () => {
    // 3,000 lines of ~600 bytes span two chunks; line 2,500 carries an invalid byte.
    const lines = Array.from({ length: 3000 }, (_, i) => Buffer.from(JSON.stringify({ id: `k${i + 1}`, title: `T${i + 1}`, abstract: 'a'.repeat(550) }) + '\n'));
    lines[2499] = Buffer.concat([Buffer.from('{"id":"k2500","title":"\xff'), Buffer.from([0xff]), Buffer.from('","abstract":"a"}\n')]);
    const path = temp.write('chunks.jsonl', Buffer.concat(lines));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.length).toBe(2999);
    expect(result.papers[2998].paperId).toBe('k3000');
    expect(result.skipped).toStrictEqual([{ file: path, line: 2500, field: '(line)', reason: 'not valid UTF-8' }]);
  });
  it('reads a 1 MB abstract on one line (longer than a read chunk) and cuts it to 20,000 characters', async () => {
    const path = temp.write('long.jsonl', jsonLines({ ...two, abstract: 'y'.repeat(1_048_576) }, one));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([{ ...paperTwo('long.jsonl'), abstract: 'y'.repeat(20_000) }, paperOne('long.jsonl')]);
  });
  it('reads an arXiv metadata snapshot, skipping the line with unexpected types', async () => {
    const path = join(import.meta.dirname, '../../fixtures/ingest/arxiv-snapshot.jsonl');
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([
      paper({
        paperId: '0704.0001',
        title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
        abstract: 'A fully differential calculation in perturbative quantum chromodynamics is presented for the production of massive photon pairs at hadron colliders.',
        published: '2007-04-02',
        datePrecision: 'day',
        authors: ['C. Bal\u00e1zs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan'],
        categories: ['hep-ph'],
        url: 'https://arxiv.org/abs/0704.0001',
        doi: '10.1103/PhysRevD.76.013009',
        source: 'arxiv-snapshot.jsonl'
      }),
      paper({
        paperId: 'cs/0112017',
        title: 'An old-style identifier',
        abstract: 'Old ids keep their archive prefix.',
        published: '2001-12-14',
        datePrecision: 'day',
        authors: ['A. Person', 'B. Person'],
        categories: ['cs.CL', 'cs.AI'],
        url: 'https://arxiv.org/abs/cs/0112017',
        source: 'arxiv-snapshot.jsonl'
      })
    ]);
    expect(result.skipped).toStrictEqual([
      { file: path, line: 3, field: 'categories', reason: 'expected a string or an array of strings, got number 42' }
    ]);
  });
});

describe('ingestFiles reads JSON arrays', () => {
  it('reads each element with the line it starts on', async () => {
    const text = `[\n  ${JSON.stringify(one)},\n  {"id": "2501.00002",\n   "title": "Second", "abstract": "Two."}, 7,\n  {"title": }\n]\n`;
    const path = temp.write('array.json', text);
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([paperOne('array.json'), paperTwo('array.json')]);
    expect(result.skipped).toStrictEqual([
      { file: path, line: 4, field: '(record)', reason: 'expected a JSON object, got number 7' },
      { file: path, line: 5, field: '(line)', reason: `invalid JSON: ${parseMessage('{"title": }')}` }
    ]);
    expect(result.files).toStrictEqual([{ path, format: 'json', sha256: sha256(Buffer.from(text)), records: 4 }]);
  });
  it('reads a one-line array whose strings hold brackets, commas and escaped quotes', async () => {
    const tricky = { title: 'A [bracketed], "quoted" {title}', abstract: 'Ends with a backslash \\' };
    const path = temp.write('one-line.json.gz', JSON.stringify([tricky, two]));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => p.title)).toStrictEqual(['A [bracketed], "quoted" {title}', 'Second']);
    expect(result.papers[0].abstract).toBe('Ends with a backslash \\');
  });
  it('stops with an IngestError naming the last line when the array is cut short', async () => {
    const path = temp.write('cut.json', `[\n${JSON.stringify(one)},\n${JSON.stringify(two).slice(0, 20)}`);
    await expectIngestError(ingestFiles([path], { strict: false }), `${path} line 3: JSON array cut short: expected "]" before the end of the file`);
  });
  it('stops with an IngestError when text follows the closing bracket', async () => {
    const path = temp.write('after.json', `[${JSON.stringify(one)}]\n]\n`);
    await expectIngestError(ingestFiles([path], { strict: false }), `${path} line 2: unexpected text after the closing "]" of the JSON array`);
  });
  it('stops with an IngestError when a .json file holds neither an array nor objects', async () => {
    const path = temp.write('scalar.json', '"just a string"\n');
    await expectIngestError(ingestFiles([path], { strict: false }), `${path} line 1: expected a JSON array starting with "[", got """`);
  });
  it('stops with an IngestError at a line of a JSON array that is not valid UTF-8', async () => {
    const path = temp.write('latin1.json', Buffer.concat([Buffer.from('[\n{"title": "Caf'), Buffer.from([0xe9]), Buffer.from('", "abstract": "x"}\n]\n')]));
    await expectIngestError(ingestFiles([path], { strict: false }), `${path} line 2: not valid UTF-8`);
  });
});

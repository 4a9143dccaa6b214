import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { localIdOf } from '../../../pipeline/ingest/merge.js';
import { titleId } from '../../../pipeline/ingest/text.js';
import { expectIngestError, jsonLines, makeTempInputs, paper, parseMessage } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const ok = { title: 'Fine', abstract: 'Fine.' };

describe('ingestFiles stops with a one-line IngestError on unusable input files', () => {
  it('names a missing file', async () => {
    const path = join(temp.dir, 'nope.jsonl');
    await expectIngestError(ingestFiles([path], { strict: false }), `${path}: no such file`);
  });
  it('names a folder with no input files in it', async () => {
    const path = join(temp.dir, 'folder.jsonl');
    mkdirSync(path);
    await expectIngestError(ingestFiles([path], { strict: false }), `${path}: no input files in this folder (expected .jsonl, .ndjson, .json, .csv, .tsv, .tab, .bib, .bibtex, .ris, .ciw, .txt files)`);
  });
  it('names an empty file', async () => {
    const path = temp.write('empty.jsonl', '');
    await expectIngestError(ingestFiles([path], { strict: false }), `${path} is empty`);
  });
  it('names a file of blank lines, and a gzip of nothing, as empty; a blank CSV or BibTeX file too, not as a bad header or a file without entries', async () => {
    const blank = temp.write('blank.jsonl', '\n  \n\n');
    await expectIngestError(ingestFiles([blank], { strict: false }), `${blank} is empty`);
    const nothing = temp.write('nothing.jsonl.gz', '');
    await expectIngestError(ingestFiles([nothing], { strict: false }), `${nothing} is empty`);
    for (const [name, text] of [['blank.csv', '   \n\n'], ['blank.bib', '\n \n']]) {
      const path = temp.write(name, text);
      await expectIngestError(ingestFiles([path], { strict: false }), `${path} is empty`);
    }
  });
  it('names a file whose extension is no known format', async () => {
    const path = temp.write('papers.xml', jsonLines(ok));
    await expectIngestError(
      ingestFiles([path], { strict: false }),
      `${path}: unknown format: expected .jsonl, .ndjson, .json, .csv, .tsv, .tab, .bib, .bibtex, .ris, .ciw, .txt (each optionally .gz), or name it with --format`
    );
  });
  it('names a .gz file that is not gzip', async () => {
    const path = temp.writeRaw('plain.jsonl.gz', Buffer.from(jsonLines(ok)));
    await expectIngestError(ingestFiles([path], { strict: false }), `${path}: not a readable gzip file (incorrect header check)`);
  });
  it('reads a gzip file whose name lacks .gz as gzip, by its first bytes', async () => {
    const path = temp.writeRaw('saved-without-gz.jsonl', gzipSync(Buffer.from(jsonLines({ id: 'g1', ...ok }))));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => p.paperId)).toStrictEqual(['g1']);
  });
  it('names a gzip file that is cut short', async () => {
    const zipped = gzipSync(Buffer.from(jsonLines(ok, ok, ok)));
    const path = temp.writeRaw('cut.jsonl.gz', zipped.subarray(0, zipped.length - 10));
    await expectIngestError(ingestFiles([path], { strict: false }), `${path}: not a readable gzip file (unexpected end of file)`);
  });
  it('names a file with no valid paper, counting its skips and quoting the first', async () => {
    const path = temp.write('none.jsonl', jsonLines({ title: 'T', abstract: null }, { abstract: 'x' }));
    await expectIngestError(
      ingestFiles([path], { strict: false }),
      `no valid papers in ${path} (2 records skipped; first: line 1: field "abstract": expected a non-empty string, got null)`
    );
  });
  it('fails on a file with no valid paper even when earlier files had some', async () => {
    const good = temp.write('good.jsonl', jsonLines(ok));
    const bad = temp.write('bad.jsonl', '{oops\n');
    await expectIngestError(
      ingestFiles([good, bad], { strict: false }),
      `no valid papers in ${bad} (1 record skipped; first: line 1: invalid JSON: ${parseMessage('{oops')})`
    );
  });
});

describe('ingestFiles in strict mode', () => {
  it('stops at the first bad record with its file, line, field and reason', async () => {
    const path = temp.write('strict.jsonl', jsonLines(ok, ok, { abstract: 'no title' }, { title: 'T', abstract: ' ' }));
    const error = await expectIngestError(
      ingestFiles([path], { strict: true }),
      `${path} line 3: field "title": expected a non-empty string, got nothing (field missing)`
    );
    expect(error.issue).toStrictEqual({ file: path, line: 3, field: 'title', reason: 'expected a non-empty string, got nothing (field missing)' });
  });
  it('stops at a non-UTF-8 line that lenient mode would skip', async () => {
    const path = temp.write('strict-bytes.jsonl', Buffer.concat([Buffer.from(jsonLines(ok)), Buffer.from([0xc3, 0x28, 0x0a])]));
    await expectIngestError(ingestFiles([path], { strict: true }), `${path} line 2: not valid UTF-8`);
  });
  it('reads files without bad records exactly as lenient mode does', async () => {
    const path = temp.write('clean.jsonl', jsonLines(ok, { ...ok, title: 'Other' }));
    expect(await ingestFiles([path], { strict: true })).toStrictEqual(await ingestFiles([path], { strict: false }));
  });
});

describe('ingestFiles merges duplicates by id', () => {
  it('keeps the more complete of two records with one id, fills what it lacks from the others and counts them', async () => {
    const first = temp.write('first.jsonl', jsonLines(
      { id: '2407.02880', title: 'Knowledge composition', abstract: 'First abstract.' },
      { id: '2407.02880v2', title: 'Knowledge composition (v2)', abstract: 'Second abstract.', published: '2024-07-03', authors: ['A. Author'], url: 'https://example.org/v2' }
    ));
    const second = temp.write('second.csv', 'id,title,abstract,categories,published\n2407.02880v3,Again,Third abstract.,cs.CV,2024-07\n');
    const result = await ingestFiles([first, second], { strict: false });
    expect(result.papers).toStrictEqual([
      paper({
        paperId: '2407.02880',
        title: 'Knowledge composition (v2)',
        abstract: 'Second abstract.',
        published: '2024-07-03',
        datePrecision: 'day',
        authors: ['A. Author'],
        categories: ['cs.CV'],
        url: 'https://example.org/v2',
        source: 'first.jsonl'
      })
    ]);
    expect(result.duplicates).toBe(2);
    expect(result.files.map((f) => f.records)).toStrictEqual([2, 1]);
  });
  it('keeps the id that names the paper beyond the file, whichever record is the more complete', async () => {
    const arxiv = temp.write('arxiv.jsonl', jsonLines({ id: '2407.02880', title: 'Knowledge composition with task vectors', abstract: 'A.', published: '2024' }));
    const fuller = temp.write('fuller.jsonl', jsonLines({ title: 'Knowledge Composition with Task Vectors', abstract: 'A.', published: '2024-07-03',
      authors: ['A. Author'], categories: ['cs.LG'], url: 'https://example.org/a', venue: 'ICML' }));
    const keyed = temp.write('keyed.csv', 'id,title,abstract,published,authors,categories\nseed4,Sparse Upcycling of Experts,B.,2023,B. Author,cs.CL\n');
    const bare = temp.write('bare.jsonl', jsonLines({ title: 'Sparse upcycling of experts', abstract: 'B.', published: '2023-05-01', authors: ['B. Author'],
      categories: ['cs.CL'], url: 'https://example.org/b' }));
    const result = await ingestFiles([arxiv, fuller, keyed, bare], { strict: false });
    // The fuller records give their fields; the arXiv id and the citation key stay.
    expect(result.papers.map((p) => [p.paperId, p.published, p.venue])).toStrictEqual([['2407.02880', '2024-07-03', 'ICML'], ['seed4', '2023-05-01', null]]);
    expect(result.duplicates).toBe(2);
    // A key whose record merged into the arXiv id still names that paper: a later record under it is a duplicate.
    const key = temp.write('key.csv', 'id,title,abstract,published\nsmith24,Knowledge Composition with Task Vectors,A.,2024\n');
    const extended = temp.write('extended.csv', 'id,title,abstract,published\nsmith24,Knowledge composition with task vectors (extended),A.,2025\n');
    const again = await ingestFiles([arxiv, key, extended], { strict: false });
    expect([again.papers.map((p) => p.paperId), again.duplicates]).toStrictEqual([['2407.02880'], 2]);
  });
  it('merges records without ids whose titles differ only in case and spacing', async () => {
    const path = temp.write('titles.jsonl', jsonLines(
      { title: 'Model  Merging of Language Models', abstract: 'One.' },
      { title: 'model merging of language models', abstract: 'Two.', year: 2024 },
      { title: 'Model Merging of Language Models 2', abstract: 'Three.' }
    ));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([
      // The dated record is the more complete one (same title, and no year against 2024 is no conflict: same id).
      paper({ paperId: titleId('Model Merging of Language Models'), title: 'model merging of language models', abstract: 'Two.', published: '2024-01-01',
        datePrecision: 'year', datePrecisionDeclared: true, source: 'titles.jsonl' }),
      paper({ paperId: titleId('Model Merging of Language Models 2'), title: 'Model Merging of Language Models 2', abstract: 'Three.', source: 'titles.jsonl' })
    ]);
    expect(result.duplicates).toBe(1);
  });
  it('keeps two records with the same title and year apart when their DOIs differ, and merges them when only one has a DOI', async () => {
    const path = temp.write('editorials.jsonl', jsonLines(
      { id: 'e1', title: 'Editorial', abstract: 'This issue collects papers on graph neural networks.', doi: '10.1000/chem.ed.2020', published: '2020-03-01' },
      { id: 'e2', title: 'Editorial', abstract: 'Welcome to the special issue on robot learning.', doi: '10.2000/robot.ed.2020', published: '2020-06-01' },
      { id: 'e3', title: 'editorial', abstract: 'This issue collects papers on graph neural networks.', published: '2020-03-01' }
    ));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => [p.paperId, p.doi])).toStrictEqual([['e1', '10.1000/chem.ed.2020'], ['e2', '10.2000/robot.ed.2020']]);
    expect(result.duplicates).toBe(1);
  });
});

describe('ingestFiles merges a preprint and its journal version (the same title and abstract; inputs audit of 2026-12-05)', () => {
  const abstract = 'We route tokens to experts in constant time with a hashing scheme and show that sparse mixture-of-experts models ' +
    'keep their accuracy while the router costs nothing; experiments on language modelling confirm it.';
  it('whatever the year, and with LaTeX in one title only', async () => {
    const arxiv = temp.write('preprint.jsonl', jsonLines(
      { id: '2412.01234', title: 'Sparse Mixture-of-Experts for $\\mathcal{O}(1)$ Routing in LLMs', abstract, published: '2024-12-20' }));
    const scopus = temp.write('journal.csv', 'Title,Abstract,Year,DOI,Source title\n' +
      `Sparse mixture-of-experts for O(1) routing in LLMs,"${abstract}",2025,10.1016/j.neunet.2025.1,Neural Networks\n`);
    const result = await ingestFiles([arxiv, scopus], { strict: false });
    expect([result.papers.length, result.duplicates]).toStrictEqual([1, 1]);
    expect([result.papers[0].paperId, result.papers[0].doi, result.papers[0].venue]).toStrictEqual(['2412.01234', '10.1016/j.neunet.2025.1', 'Neural Networks']);
  });
  it('but not two published versions with different DOIs, nor papers with a short shared abstract', async () => {
    const path = temp.write('two-dois.jsonl', jsonLines(
      { id: 'a', title: 'Sparse routing', abstract, doi: '10.1000/conf.2024.1', published: '2024-05-01' },
      { id: 'b', title: 'Sparse routing', abstract, doi: '10.2000/journal.2025.7', published: '2025-05-01' },
      { id: 'c', title: 'Poster', abstract: 'See the poster for details of the work.', published: '2024-05-01' },
      { id: 'd', title: 'Poster', abstract: 'See the poster for details of the work.', published: '2025-05-01' }));
    expect((await ingestFiles([path], { strict: false })).papers.map((p) => p.paperId)).toStrictEqual(['a', 'b', 'c', 'd']);
  });
});

describe('ingestFiles leaves out an empty file among other inputs (an export folder often holds one)', () => {
  function folderWith(name: string, files: Record<string, string>): string {
    const folder = join(temp.dir, name);
    mkdirSync(folder);
    for (const [file, text] of Object.entries(files)) temp.write(join(name, file), text);
    return folder;
  }
  it('reads the other files and names each empty one, and what it held, in one warning', async () => {
    const folder = folderWith('export', {
      'a.jsonl': jsonLines({ id: 'a1', ...ok, published: '2024' }), 'b.jsonl': '', 'c.csv': '  \r\n\n', 'd.csv': 'Title,Abstract,Year\r\n', 'e.bib': '\n', 'f.json': '[]\n'
    });
    const result = await ingestFiles([folder], { strict: false });
    expect(result.papers.map((p) => p.paperId)).toStrictEqual(['a1']);
    expect(result.files.map((f) => f.path)).toStrictEqual([join(folder, 'a.jsonl')]);
    expect(result.skipped).toStrictEqual([]);
    const path = (file: string) => join(folder, file);
    expect(result.warnings).toStrictEqual([`5 empty input files left out (the other inputs were read): ${path('b.jsonl')} (0 bytes), ` +
      `${path('c.csv')} (only whitespace), ${path('d.csv')} (a header row and no records), ${path('e.bib')} (only whitespace), ${path('f.json')} (no records)`]);
  });
  it('does so for files named one by one, and under --strict (an empty file has no bad record)', async () => {
    const good = temp.write('given.jsonl', jsonLines({ id: 'g1', ...ok, published: '2024' }));
    const blank = temp.write('given-blank.csv', '\n');
    const result = await ingestFiles([blank, good], { strict: true });
    expect([result.papers.map((p) => p.paperId), result.warnings]).toStrictEqual([['g1'], [`1 empty input file left out (the other inputs were read): ${blank} (only whitespace)`]]);
  });
  it('reads a file given twice, or also inside a folder given, once, with a warning; passes hidden files over (CLI audit of 2026-12-03)', async () => {
    const folder = folderWith('twice', { 'a.jsonl': jsonLines({ id: 't1', ...ok, published: '2024' }), '.DS_Store': 'binary' });
    const inside = join(folder, 'a.jsonl');
    const result = await ingestFiles([inside, folder, inside], { strict: false });
    expect([result.papers.map((p) => p.paperId), result.duplicates, result.files.map((f) => f.path)]).toStrictEqual([['t1'], 0, [inside]]);
    expect(result.warnings).toStrictEqual([`2 input files were given more than once and read once: ${inside}, ${inside}`]);
  });
  it('stops when every input is empty, naming each', async () => {
    const folder = folderWith('all-empty', { 'a.jsonl': '', 'b.csv': 'title,abstract\n' });
    await expectIngestError(ingestFiles([folder], { strict: false }),
      `every input file is empty: ${join(folder, 'a.jsonl')} (0 bytes), ${join(folder, 'b.csv')} (a header row and no records)`);
  });
  it('still stops at a file with text but no record of its format, among others', async () => {
    const good = temp.write('with-notes.jsonl', jsonLines(ok));
    const notes = temp.write('notes.bib', '% only a comment\n');
    await expectIngestError(ingestFiles([good, notes], { strict: false }),
      `${notes}: no BibTeX entries (expected entries like @article{key, title = {…}, abstract = {…}})`);
  });
});

describe('ingestFiles keeps apart papers that share only a local id', () => {
  it('two libraries\' "smith2023" of different titles, and two spreadsheets\' row ids, stay two papers each, with a warning', async () => {
    const a = temp.write('libA.bib', '@article{smith2023, title = {Graph networks for molecules}, abstract = {Graphs.}, year = {2023}}\n');
    const b = temp.write('libB.bib', '@article{smith2023, title = {Soil microbiome diversity under drought}, abstract = {Soil.}, year = {2023}}\n' +
      '@article{jones2022, title = {Graph Networks for Molecules}, abstract = {The same paper as libA\'s smith2023, under another key.}, year = {2023}}\n');
    const c = temp.write('sheet1.csv', 'id,title,abstract\n1,Robot control,Robots.\n2,Speech at scale,Speech.\n');
    const d = temp.write('sheet2.csv', 'id,title,abstract\n1,Protein folding,Proteins.\n2,Speech at scale,Speech again.\n');
    const result = await ingestFiles([a, b, c, d], { strict: false });
    expect(result.papers.map((p) => [p.paperId, p.title])).toStrictEqual([
      ['smith2023', 'Graph networks for molecules'],
      [`smith2023~${titleId('Soil microbiome diversity under drought').slice(2, 10)}`, 'Soil microbiome diversity under drought'],
      ['1', 'Robot control'], ['2', 'Speech at scale'],
      [localIdOf({ paperId: '1', title: 'Protein folding', abstract: 'Proteins.' }), 'Protein folding']
    ]);
    expect(result.duplicates).toBe(2); // jones2022 by title + year, sheet2's row 2 by id and title
    expect(result.warnings.filter((w) => w.includes('kept apart'))).toStrictEqual([`2 records had the id of another paper with another title (a citation key or row number used twice) and were ` +
      `kept apart under an id of their own: "smith2023" in libB.bib is smith2023~${titleId('Soil microbiome diversity under drought').slice(2, 10)}`]);
  });
  it('says so when a global id names two papers of different titles and abstracts (CLI review of 2026-12-04: one vanished as "1 duplicate merged")', async () => {
    const a = temp.write('feed.jsonl', jsonLines(
      { id: '2501.00001', title: 'Graph networks for molecules', abstract: 'Graphs of atoms and bonds.', published: '2025-01-02' },
      { id: '2501.00002', title: 'Speech at scale', abstract: 'Speech.', published: '2025-01-02' },
      { id: '2501.00001', title: 'Soil microbiome diversity under drought', abstract: 'Soil, water and microbes.', published: '2025-01-03',
        authors: ['A. Author'] },
      // A new version of the same paper (the title corrected, the abstract the same) is no clash.
      { id: '2501.00002v2', title: 'Speech recognition at scale', abstract: 'Speech.', published: '2025-01-02' }
    ));
    const result = await ingestFiles([a], { strict: false });
    expect([result.papers.length, result.duplicates]).toStrictEqual([2, 2]);
    expect(result.warnings.filter((w) => w.includes('mistyped'))).toStrictEqual(['1 record had the id of another paper with another title and abstract ' +
      '(a mistyped or reused id) and was merged into it by the id, the more complete record kept: "2501.00001" in feed.jsonl is ' +
      '"Soil microbiome diversity under drought", not "Graph networks for molecules"']);
  });
  it('merges one key whose title was corrected but whose abstract is the same (found by the CLI review of 2026-12-02)', async () => {
    const abstract = 'Graph neural networks learn molecular representations from atoms and bonds and we show how.';
    const a = temp.write('week1.csv', `Key,Title,Abstract Note\nZK1,Graph netwroks for molecules,${abstract}\n`);
    const b = temp.write('week2.csv', `Key,Title,Abstract Note\nZK1,Graph networks for molecules (extended version),${abstract}\n`);
    const result = await ingestFiles([a, b], { strict: false });
    expect([result.papers.map((p) => p.paperId), result.duplicates, result.warnings.filter((w) => w.includes('kept apart'))]).toStrictEqual([['ZK1'], 1, []]);
  });
  it('still merges records of one arXiv id or DOI whose titles differ (a revised title)', async () => {
    const path = temp.write('revised.jsonl', jsonLines(
      { id: '2401.00001', title: 'First title', abstract: 'One.' }, { id: '2401.00001v2', title: 'Revised title', abstract: 'Two.' },
      { id: '10.1000/x.1', title: 'Old', abstract: 'Three.' }, { id: '10.1000/X.1', title: 'New', abstract: 'Four.' }
    ));
    const result = await ingestFiles([path], { strict: false });
    expect([result.papers.length, result.duplicates, result.warnings.filter((w) => w.includes('kept apart'))]).toStrictEqual([2, 2, []]);
  });
});

describe('ingestFiles accounts for its input', () => {
  it('hashes each file as raw bytes and the run input as the sha256 of the hex digests in order', async () => {
    const a = temp.write('a.jsonl', jsonLines(ok));
    const b = temp.write('b.csv.gz', 'title,abstract\nB,Bee.\n');
    const result = await ingestFiles([a, b], { strict: false });
    const digests = [sha256(readFileSync(a)), sha256(readFileSync(b))];
    expect(result.files).toStrictEqual([
      { path: a, format: 'jsonl', sha256: digests[0], records: 1 },
      { path: b, format: 'csv', sha256: digests[1], records: 1 }
    ]);
    expect(result.inputSha256).toBe(sha256(digests[0] + digests[1]));
    const reversed = await ingestFiles([b, a], { strict: false });
    expect(reversed.inputSha256).toBe(sha256(digests[1] + digests[0]));
  });
  it('keeps papers in file order and each paper names the basename of its file', async () => {
    const a = temp.write('order-a.jsonl', jsonLines({ title: 'A1', abstract: 'x' }, { title: 'A2', abstract: 'x' }));
    const b = temp.write('order-b.jsonl', jsonLines({ title: 'B1', abstract: 'x' }));
    const result = await ingestFiles([b, a], { strict: false });
    expect(result.papers.map((p) => [p.title, p.source])).toStrictEqual([
      ['B1', 'order-b.jsonl'],
      ['A1', 'order-a.jsonl'],
      ['A2', 'order-a.jsonl']
    ]);
  });
  it('says how many abstracts were cut at 20,000 characters, and where the first was (found by the CLI review of 2026-12-02)', async () => {
    const long = 'word '.repeat(4_100);
    const path = temp.write('long.jsonl', jsonLines({ title: 'Short', abstract: 'x' }, { title: 'A whole paper', abstract: long }, { title: 'Another', abstract: long }));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => p.abstract.length)).toStrictEqual([1, 19_999, 19_999]);
    expect(result.warnings.filter((w) => w.includes('cut'))).toStrictEqual([`${path}: 2 abstracts were longer than 20,000 characters and were cut there (first: line 2); ` +
      "a whole paper in the abstract field weighs its words far more than an abstract's"]);
  });
  it('collects the skipped records of every file with their lines', async () => {
    const a = temp.write('skips-a.jsonl', jsonLines(ok, { title: 'Bad date', abstract: 'x', published: '2025-02-30' }));
    const b = temp.write('skips-b.csv', 'title,abstract,year\nZero,x,0\nGood,x,2020\n');
    const result = await ingestFiles([a, b], { strict: false });
    expect(result.skipped).toStrictEqual([
      { file: a, line: 2, field: 'published', reason: 'expected a real date in 1000..2100, got "2025-02-30" (2025-02 has 28 days)' },
      { file: b, line: 2, field: 'year', reason: 'expected a real date in 1000..2100, got "0" (year 0 is out of range)' }
    ]);
  });
});

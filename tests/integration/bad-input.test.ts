// The bad-input catalogue through the real CLI: each case is either a one-line message naming the
// file (and line and field where there is one) with exit code 2, or a counted skip in a complete run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDb as select } from '../fixtures/read-db.js';
import { runAssign, runCli, THREE_TOPICS } from '../fixtures/cli.js';

const GOOD = readFileSync(THREE_TOPICS, 'utf8').trimEnd().split('\n');
let dir: string;

function cli(args: string[]) {
  return runCli(['--quiet', '--k', '3', '--min-df', '2', ...args]);
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'themescope-bad-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fatal inputs stop the run with exit code 2 and one line naming the file', () => {
  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => file('empty.jsonl', ''), /empty\.jsonl.*empty/],
    ['a folder with no input files', () => (mkdirSync(join(dir, 'folder.jsonl'), { recursive: true }), join(dir, 'folder.jsonl')), /folder\.jsonl: no input files in this folder/],
    ['a missing file', () => join(dir, 'missing.jsonl'), /missing\.jsonl: no such file/],
    ['a JSON array cut short', () => file('cut.json', '[' + GOOD.slice(0, 3).join(',') + ',{"id": "x", "title": "T'), /cut\.json.*line \d+/],
    ['a CSV without an abstract column', () => file('noabs.csv', 'id,title\n1,A title\n'), /noabs\.csv.*abstract/],
    // Found by the CLI audit of 2026-12-03: every row was skipped as "an empty string".
    ['a Scopus export without its Abstract column', () => file('scopus-noabs.csv', 'Authors,Title,Year,Source title,EID\n"Li J.",A title,2024,J,2-s2.0-1\n'),
      /scopus-noabs\.csv line 1: no abstract column \(expected one of "abstract"\)/],
    ['a file with no valid record', () => file('junk.jsonl', 'not json\n{"title": 5}\n'), /no valid papers in .*junk\.jsonl/]
  ];
  it.each(cases)('%s', (_name, make, message) => {
    const r = cli(['--input', make(), '--db', join(dir, 'never.duckdb')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('stops at the first bad record under --strict, naming file, line and field', () => {
    const path = file('strict.jsonl', [...GOOD.slice(0, 5), '{"id": "b1", "title": "No abstract"}', ...GOOD.slice(5)].join('\n'));
    const r = cli(['--input', path, '--strict', '--db', join(dir, 'never.duckdb')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/strict\.jsonl line 6: field "abstract"/);
  });
});

describe('a bad --db or a negative number stops the pipeline and assign with exit 2 and a line saying what to change', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['--db in a folder that does not exist', () => ['--db', join(dir, 'no-such-folder', 'x.duckdb')], /--db .*x\.duckdb: the folder .*no-such-folder does not exist/],
    ['--db that is a folder', () => ['--db', dir], /--db .* is a folder; give the database file/],
    ['--db that is some other file', () => ['--db', file('not-a-db.duckdb', 'just text')], /not-a-db\.duckdb is not a DuckDB database/],
    // Found by the CLI audit of 2026-12-03: the lock file's EACCES was an internal error, after the run's work.
    ['--db in a folder where no file can be made', () => ['--db', '/proc/themescope-test.duckdb'], /--db .*: cannot write in the folder \/proc/],
    ['a negative --lock-wait', () => ['--db', join(dir, 'never.duckdb'), '--lock-wait', '-1'], /--lock-wait expects an integer .*got "-1"/],
    // Found by the README audit of 2026-12-04: "yes" was read as an input file ("yes: no such file").
    ['a value after a flag that takes none', () => ['--db', join(dir, 'never.duckdb'), '--strict', 'yes'], /--strict takes no value, got "yes" \(input files follow --input\)/]
  ];
  it.each(cases)('%s', (_name, args, message) => {
    for (const r of [cli(['--input', THREE_TOPICS, ...args()]), runAssign(['--quiet', '--input', THREE_TOPICS, ...args()])]) {
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|ambiguous/);
    }
  });
  it('refuses a DuckDB file of another program before any work, and leaves it as it was (CLI audit of 2026-12-03)', async () => {
    const path = join(dir, 'sales.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE sales (id INTEGER); INSERT INTO sales VALUES (1)');
    connection.closeSync();
    instance.closeSync();
    const before = readFileSync(path);
    for (const r of [cli(['--input', THREE_TOPICS, '--db', path]), runAssign(['--quiet', '--input', THREE_TOPICS, '--db', path])]) {
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/sales\.duckdb is a DuckDB database of another program \(its tables: sales; no Themescope runs table\)/);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);
  it('takes a 0-byte --db as a new database, as the README says (the README audit: the run did its work, then the store could not open it)', async () => {
    const path = file('empty.duckdb', '');
    const r = cli(['--input', THREE_TOPICS, '--k', '3', '--min-df', '2', '--quiet', '--db', path]);
    expect(r.code).toBe(0);
    expect(await select<{ run_id: number; status: string }>(path, 'SELECT run_id, status FROM runs')).toStrictEqual([{ run_id: 1, status: 'complete' }]);
  }, 60_000);
  it('answers --k -1 and --seed -1 with the option\'s own range', () => {
    expect(cli(['--input', THREE_TOPICS, '--k', '-1']).stderr).toMatch(/^themescope: --k expects an integer between 2 and 500 or auto, got "-1"/);
    expect(cli(['--input', THREE_TOPICS, '--seed', '-1']).stderr).toMatch(/^themescope: --seed expects an integer between 0 and 2147483647, got "-1"/);
  });
});

describe('an empty file among the inputs is left out with a warning, and the run and assign go on (found by the ingest review of 2026-12)', () => {
  it('runs on a folder holding an empty file, a blank one and a header-only sheet, and stops only when every input is empty', async () => {
    const folder = join(dir, 'export-folder');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a-papers.jsonl'), GOOD.slice(0, 50).join('\n') + '\n');
    writeFileSync(join(folder, 'b-empty.jsonl'), '');
    writeFileSync(join(folder, 'c-blank.csv'), '  \r\n');
    writeFileSync(join(folder, 'd-header.csv'), 'Title,Abstract,Year\r\n');
    const left = `3 empty input files left out (the other inputs were read): ${join(folder, 'b-empty.jsonl')} (0 bytes), ` +
      `${join(folder, 'c-blank.csv')} (only whitespace), ${join(folder, 'd-header.csv')} (a header row and no records)`;
    const db = join(dir, 'empty-files.duckdb');
    const r = cli(['--input', folder, '--db', db]);
    expect([r.code, r.stderr]).toStrictEqual([0, '']);
    expect(r.stdout).toContain('Papers: 50 read into themes, 0 skipped');
    expect(r.stdout).toContain(`  warning: ${left}`);
    const [{ warnings }] = await select<{ warnings: string }>(db, "SELECT CAST(metrics->'warnings' AS VARCHAR) AS warnings FROM runs");
    expect(JSON.parse(warnings)).toContainEqual({ code: 'input', message: left });
    // npm run assign reads its input the same way: the folder's last 10 papers, beside the same empty files.
    writeFileSync(join(folder, 'a-papers.jsonl'), GOOD.slice(50).join('\n') + '\n');
    const a = runAssign(['--quiet', '--input', folder, '--db', db]);
    expect([a.code, a.stderr]).toStrictEqual([0, '']);
    expect(a.stdout).toContain(`warning: ${left}`);
    const [{ n }] = await select<{ n: number }>(db, 'SELECT n_papers AS n FROM runs');
    expect(n).toBe(60);
    rmSync(join(folder, 'a-papers.jsonl'));
    for (const stopped of [cli(['--input', folder, '--db', db]), runAssign(['--quiet', '--input', folder, '--db', db])]) {
      expect(stopped.code).toBe(2);
      expect(stopped.stderr.trim().split('\n')).toHaveLength(1);
      expect(stopped.stderr).toMatch(/^themescope( assign)?: every input file is empty: /);
      expect(stopped.stderr.trim().endsWith(left.slice(left.indexOf(': ') + 2))).toBe(true);
    }
  }, 120_000);
});

describe('bad records are skipped, counted and listed, and the run completes', () => {
  it('skips each bad record of a JSON Lines file with its line and field, and merges duplicates', async () => {
    const bad = [
      '{"id": "b1", "title": "Malformed", "abstract": ',
      '{"id": "b2", "title": "No abstract"}',
      '{"id": "b3", "title": "Empty abstract", "abstract": ""}',
      '{"id": "b4", "title": "Blank abstract", "abstract": "   \\t  "}',
      '{"id": "b5", "abstract": "An abstract without a title."}',
      '{"id": "b6", "title": "Impossible date", "abstract": "Text.", "published": "2025-13-40"}',
      '{"id": "b7", "title": "Year zero", "abstract": "Text.", "published": "0000-01-01"}',
      '{"id": "b8", "title": "Wrong types", "abstract": "Text.", "categories": 5}'
    ];
    const duplicate = JSON.stringify({ ...JSON.parse(GOOD[0]), abstract: 'A different abstract for the same id.' });
    const huge = JSON.stringify({ id: 'big1', title: 'A very long abstract', abstract: 'word '.repeat(200_000) });
    const lines = [...GOOD.slice(0, 30), ...bad, duplicate, huge, ...GOOD.slice(30)];
    const latin1 = Buffer.from('{"id": "l1", "title": "caf\xe9", "abstract": "Latin-1 byte."}\n', 'latin1');
    const path = file('mixed.jsonl', Buffer.concat([Buffer.from('\ufeff' + lines.join('\n') + '\n'), latin1]));
    const db = join(dir, 'mixed.duckdb');
    const r = cli(['--input', path, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('61 read into themes, 9 skipped, 1 duplicate merged');
    const [run] = await select(db, 'SELECT status, n_papers, n_skipped, n_duplicates FROM runs');
    expect(run).toStrictEqual({ status: 'complete', n_papers: 61, n_skipped: 9, n_duplicates: 1 });
    const skipped = await select(db, 'SELECT line, field FROM skipped_records ORDER BY line');
    expect(skipped).toStrictEqual([
      { line: 31, field: '(line)' },
      { line: 32, field: 'abstract' },
      { line: 33, field: 'abstract' },
      { line: 34, field: 'abstract' },
      { line: 35, field: 'title' },
      { line: 36, field: 'published' },
      { line: 37, field: 'published' },
      { line: 38, field: 'categories' },
      { line: 71, field: '(line)' }
    ]);
    const [big] = await select(db, "SELECT length(abstract)::INT AS n FROM papers WHERE paper_id = 'big1'");
    expect(big.n).toBeLessThanOrEqual(20_000);
  });

  it('reads quoted commas and newlines in CSV and skips a row with the wrong number of columns', async () => {
    const rows = GOOD.slice(0, 30).map((l) => JSON.parse(l));
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = [
      'id,title,abstract,published',
      ...rows.map((p, i) =>
        [p.id, quote(p.title), quote(i === 0 ? p.abstract.replace('. ', '.\n') : p.abstract), p.published].join(',')
      ),
      'short,row'
    ].join('\n');
    const db = join(dir, 'csv.duckdb');
    const r = cli(['--input', file('papers.csv', csv), '--db', db]);
    expect(r.code).toBe(0);
    const [run] = await select(db, 'SELECT n_papers, n_skipped FROM runs');
    expect(run).toStrictEqual({ n_papers: 30, n_skipped: 1 });
    const [first] = await select(db, 'SELECT abstract FROM papers WHERE paper_id = $id', { id: rows[0].id });
    expect(first.abstract).toBe(rows[0].abstract.replace(/\s+/g, ' '));
  });
});

describe('the export formats: bad files stop with one line, bad records are skipped and listed', () => {
  const rows = GOOD.map((line) => JSON.parse(line) as { id: string; title: string; abstract: string; published: string; authors?: string[] });
  const bib = (p: (typeof rows)[number], i: number) =>
    `@article{p${i},\n  title = {${p.title}},\n  year = {${p.published.slice(0, 4)}},\n  abstract = {${p.abstract}}\n}\n`;

  it('stops on a .bib file with no entries, a .ris file with no records, an OpenAlex page without results, an unknown --format and a folder without inputs', () => {
    const emptyFolder = join(dir, 'no-inputs');
    mkdirSync(emptyFolder, { recursive: true });
    writeFileSync(join(emptyFolder, 'notes.md'), '# notes\n');
    const cases: [string[], RegExp][] = [
      [['--input', file('comments.bib', '% only a comment\n')], /comments\.bib: no BibTeX entries \(expected entries like @article/],
      [['--input', file('notes.ris', 'Provider: nobody\n')], /notes\.ris: no RIS records/],
      [['--input', file('page.json', '{\n  "meta": {"count": 0}\n}\n')], /page\.json line 3: expected a "results" array/],
      [['--input', emptyFolder], /no-inputs: no input files in this folder/],
      [['--input', THREE_TOPICS, '--format', 'endnote'], /--format expects one of jsonl, json, csv, bibtex, ris, csl-json, openalex, scopus, wos, got "endnote"/]
    ];
    for (const [args, message] of cases) {
      const r = cli([...args, '--db', join(dir, 'never.duckdb')]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(message);
    }
  });

  it('skips a BibTeX entry that loses a brace, one without an abstract and one with an unknown @string, and reads the rest', async () => {
    const text = [
      ...rows.slice(0, 30).map(bib), '@article{lost,\n  title = {Lost {brace},\n  abstract = {x}\n', // no closing brace
      '@misc{noabs, title = {No abstract}}\n', '@article{macro, title = {T}, journal = nosuch, abstract = {A.}}\n',
      ...rows.slice(30).map((p, i) => bib(p, i + 30))
    ].join('\n');
    const db = join(dir, 'bib.duckdb');
    const r = cli(['--input', file('library.bib', text), '--db', db]);
    expect(r.code).toBe(0);
    const skipped = await select(db, 'SELECT field, reason FROM skipped_records ORDER BY line');
    expect(skipped.map((s) => s.field)).toStrictEqual(['(record)', 'abstract', 'journal']);
    const [run] = await select(db, 'SELECT n_papers, n_skipped FROM runs');
    expect(run).toStrictEqual({ n_papers: 60, n_skipped: 3 });
  });

  it('skips an RIS record cut short by the next TY and one without an abstract, under --strict stops at the first', async () => {
    const ris = (p: (typeof rows)[number]) => `TY  - JOUR\r\nTI  - ${p.title}\r\nPY  - ${p.published.slice(0, 4)}\r\nAB  - ${p.abstract}\r\nER  - \r\n`;
    const text = [...rows.slice(0, 30).map(ris), 'TY  - JOUR\r\nTI  - Cut short\r\n', 'TY  - JOUR\r\nTI  - No abstract\r\nER  - \r\n', ...rows.slice(30).map(ris)].join('');
    const path = file('export.ris', text);
    const db = join(dir, 'ris.duckdb');
    expect(cli(['--input', path, '--db', db]).code).toBe(0);
    const skipped = await select(db, 'SELECT line, field FROM skipped_records ORDER BY line');
    expect(skipped).toStrictEqual([{ line: 151, field: '(record)' }, { line: 153, field: 'AB' }]);
    const strict = cli(['--input', path, '--strict', '--db', join(dir, 'never.duckdb')]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/export\.ris line 151: RIS record not closed: expected "ER {2}- " before the next "TY {2}- "/);
  });

  it('reads a semicolon CSV saved by Excel in Windows-1252 with a warning, and skips Scopus rows without an abstract', async () => {
    const cp1252 = Buffer.from(['Title;Abstract;Year', ...rows.map((p) => `"${p.title.replace(/"/g, '""')} \u2013 caf\u00e9";"${p.abstract.replace(/"/g, '""')}";2025`)].join('\r\n'), 'latin1');
    // Buffer 'latin1' writes U+2013 as 0x13; put the real Windows-1252 byte for the en dash (0x96) there.
    for (let i = 0; i < cp1252.length; i++) if (cp1252[i] === 0x13) cp1252[i] = 0x96;
    const db = join(dir, 'cp1252.duckdb');
    const r = cli(['--input', file('excel.csv', cp1252), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning: .*excel\.csv is not UTF-8: read as Windows-1252/);
    const [first] = await select(db, 'SELECT title FROM papers ORDER BY title LIMIT 1');
    expect(first.title).toMatch(/ \u2013 caf\u00e9$/);

    const scopus = ['Title,Abstract,Year,EID', ...rows.map((p, i) => `"${p.title.replace(/"/g, '""')}","${p.abstract.replace(/"/g, '""')}",2025,2-s2.0-${i}`), '"Untitled",[No abstract available],2025,2-s2.0-x'].join('\n');
    const db2 = join(dir, 'scopus.duckdb');
    expect(cli(['--input', file('scopus.csv', scopus), '--db', db2]).code).toBe(0);
    expect(await select(db2, 'SELECT line, field FROM skipped_records')).toStrictEqual([{ line: 62, field: 'Abstract' }]);
  });
});

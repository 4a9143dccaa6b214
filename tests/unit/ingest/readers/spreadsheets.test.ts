import { afterAll, describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../../../pipeline/ingest/csv-records.js';
import { ingestFiles } from '../../../../pipeline/ingest/index.js';
import { datedByItself, wosDate, wosPublished } from '../../../../pipeline/ingest/readers/wos.js';
import { expectIngestError, makeTempInputs, paper } from '../../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);

const SCOPUS = [
  '\ufeff"Authors","Author full names","Title","Year","Source title","DOI","Link","Abstract","Author Keywords","EID"',
  '"Müller J.; Ng A.","Müller, Jürgen (57000000001); Ng, Andrew (57000000002)","Scopus title","2022","Pattern Recognition","10.1016/j.patcog.2022.1","https://www.scopus.com/x","An abstract. © 2022 Elsevier Ltd. All rights reserved.","graphs; networks","2-s2.0-85000000001"',
  '"Doe J.","","No abstract","2021","","","","[No abstract available]","","2-s2.0-85000000002"', ''
].join('\r\n');

describe('Scopus CSV', () => {
  it('is known by its EID column and read with full author names, keywords, source title and without the copyright notice', async () => {
    const path = temp.write('scopus.csv', SCOPUS);
    const result = await ingestFiles([path], { strict: false });
    expect(result.files[0].format).toBe('scopus');
    expect(result.papers).toStrictEqual([paper({
      paperId: '2-s2.0-85000000001', title: 'Scopus title', abstract: 'An abstract.', published: '2022-01-01', datePrecision: 'year',
      authors: ['Jürgen Müller', 'Andrew Ng'], categories: ['graphs', 'networks'], keywordsOnly: true, url: 'https://www.scopus.com/x', source: 'scopus.csv',
      doi: '10.1016/j.patcog.2022.1', venue: 'Pattern Recognition'
    })]);
    expect(result.skipped).toStrictEqual([{ file: path, line: 3, field: 'Abstract', reason: 'expected an abstract, got the placeholder "[No abstract available]"' }]);
  });

  it('splits an older export\'s Authors column (no Author full names) into its authors, whichever way it is parted, initials first (interop audit of 2026-12-04)', async () => {
    const old = [
      'Authors,Title,Year,Abstract,EID',
      '"Chaduvula S., Ho J., Exem A.V., Santamaria-Pang A.",Comma parted,2026,First.,2-s2.0-85000000011',
      '"Li J.; Deng Q.",Semicolon parted,2025,Second.,2-s2.0-85000000012',
      '"Smith, J., Doe, A.",Pairs,2024,Third.,2-s2.0-85000000013',
      'van der Berg J.-P.,One author,2023,Fourth.,2-s2.0-85000000014', ''
    ].join('\r\n');
    const result = await ingestFiles([temp.write('scopus-old.csv', old)], { strict: false });
    expect(result.files[0].format).toBe('scopus');
    expect(result.papers.map((p) => p.authors)).toStrictEqual([
      ['S. Chaduvula', 'J. Ho', 'A.V. Exem', 'A. Santamaria-Pang'], ['J. Li', 'Q. Deng'], ['J. Smith', 'A. Doe'], ['J.-P. van der Berg']
    ]);
  });

  it('reads "[No author name available]", which Scopus writes for an anonymous paper, as no author (audit 2026-12-05: it was every such paper\'s author, and top author of an editorials theme)', async () => {
    const rows = [
      'Authors,Author full names,Title,Year,Abstract,EID',
      '[No author name available],[No author name available],Editorial one,2024,First editorial text.,2-s2.0-85000000021',
      '[No author name available],,Editorial two,2024,Second editorial text.,2-s2.0-85000000022', ''
    ].join('\r\n');
    const result = await ingestFiles([temp.write('scopus-anonymous.csv', rows)], { strict: true });
    expect(result.papers.map((p) => p.authors)).toStrictEqual([[], []]);
  });
});

const WOS = [
  'PT\tAU\tAF\tTI\tSO\tDE\tWC\tAB\tPD\tPY\tDI\tUT\t',
  'J\tKowalski, L; Smith, J\tKowalski, Łukasz; Smith, John\t"Quoted" start of a title\tNATURE\tgraphs; networks\t\tWoS abstract.\tMAY 12\t2023\t10.1038/x\tWOS:000000000000001\t',
  'J\tDoe, J\tDoe, Jane\tSeason only\tSCIENCE\t\tMultidisciplinary Sciences\tSecond.\tSPR\t2021\t\tWOS:000000000000002\t', ''
].join('\r\n');

describe('Web of Science tab-delimited', () => {
  const expected = (source: string) => [
    paper({ paperId: 'WOS:000000000000001', title: '"Quoted" start of a title', abstract: 'WoS abstract.', published: '2023-05-12', datePrecision: 'day',
      authors: ['Łukasz Kowalski', 'John Smith'], categories: ['graphs', 'networks'], keywordsOnly: true, source, doi: '10.1038/x', venue: 'NATURE' }),
    // WC, Web of Science's categories, is the paper's category field (its primary category: trends/coverage.ts).
    paper({ paperId: 'WOS:000000000000002', title: 'Season only', abstract: 'Second.', published: '2021-01-01', datePrecision: 'year',
      authors: ['Jane Doe'], categories: ['Multidisciplinary Sciences'], source, venue: 'SCIENCE' })
  ];
  it('reads UTF-16 LE with a BOM (as Web of Science saves it), unquoted, trailing tab and all', async () => {
    const path = temp.write('savedrecs.txt', utf16le(WOS));
    const result = await ingestFiles([path], { strict: false });
    expect(result.files[0].format).toBe('wos');
    expect(result.papers).toStrictEqual(expected('savedrecs.txt'));
  });
  it('reads UTF-16 BE and UTF-8 with a BOM alike', async () => {
    expect((await ingestFiles([temp.write('be.txt', utf16be(WOS))], { strict: false })).papers).toStrictEqual(expected('be.txt'));
    expect((await ingestFiles([temp.write('bom.txt', '\ufeff' + WOS)], { strict: false })).papers).toStrictEqual(expected('bom.txt'));
  });
  it('refines PY with PD when PD names a month', () => {
    expect(wosDate('2023', 'MAY 12')).toBe('2023-05-12');
    expect(wosDate('2023', 'MAY-JUN')).toBe('2023-05');
    expect(wosDate('2023', 'FAL')).toBe('2023');
  });
});

/** Records as Web of Science dates them (PD, PY, EA) and the date each must get from any of its exports. */
const DATED = [
  { pd: 'MAR 2025', py: '2025', ea: '', published: '2025-03-01', datePrecision: 'month' },
  { pd: '2025 MAR 18', py: '2025', ea: '', published: '2025-03-18', datePrecision: 'day' },
  { pd: 'MAR 18 2025', py: '2025', ea: '', published: '2025-03-18', datePrecision: 'day' },
  { pd: 'MAY', py: '2024', ea: '', published: '2024-05-01', datePrecision: 'month' },
  { pd: '', py: '', ea: 'JAN 2025', published: '2025-01-01', datePrecision: 'month' }, // early access: no issue yet
  { pd: 'MAR 18 2025', py: '', ea: 'JAN 2025', published: '2025-03-18', datePrecision: 'day' },
  { pd: 'DEC 2024', py: '2025', ea: '', published: '2025-01-01', datePrecision: 'year' } // PD of another year: its month is not 2025's
] as const;
const dated = DATED.map((d, i) => ({ ...d, ut: `WOS:00100000000000${i}`, title: `Dated paper number ${i}`, abstract: `Abstract of paper ${i}, with a comma.` }));

describe("Web of Science's Excel export saved as CSV (fields spelled out)", () => {
  const csv = (cells: string[]) => cells.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
  const SHEET = [
    csv(['Publication Type', 'Authors', 'Author Full Names', 'Article Title', 'Source Title', 'Author Keywords', 'Abstract', 'Publication Date',
      'Publication Year', 'Early Access Date', 'DOI', 'UT (Unique WOS ID)']),
    ...dated.map((d) => csv(['J', 'Kowalski, L', 'Kowalski, Łukasz', d.title, 'NATURE', 'graphs; networks', d.abstract, d.pd, d.py, d.ea, '', d.ut])), ''
  ].join('\r\n');
  const TAGGED = ['PT\tAU\tAF\tTI\tSO\tDE\tAB\tPD\tPY\tEA\tDI\tUT',
    ...dated.map((d) => ['J', 'Kowalski, L', 'Kowalski, Łukasz', d.title, 'NATURE', 'graphs; networks', d.abstract, d.pd, d.py, d.ea, '', d.ut].join('\t')), ''].join('\r\n');
  const tag = (name: string, value: string) => (value === '' ? [] : [`${name} ${value}`]);
  const PLAIN = ['FN Clarivate Analytics Web of Science', 'VR 1.0', ...dated.flatMap((d) => ['PT J', 'AU Kowalski, L', 'AF Kowalski, Łukasz',
    `TI ${d.title}`, 'SO NATURE', 'DE graphs; networks', `AB ${d.abstract}`, ...tag('PD', d.pd), ...tag('PY', d.py), ...tag('EA', d.ea), `UT ${d.ut}`, 'ER', '']), 'EF', ''].join('\n');
  const expected = (source: string) => dated.map((d) => paper({ paperId: d.ut, title: d.title, abstract: d.abstract, published: d.published,
    datePrecision: d.datePrecision, authors: ['Łukasz Kowalski'], categories: ['graphs', 'networks'], keywordsOnly: true, source, venue: 'NATURE' }));

  it('is read as Web of Science, PY refined by "Publication Date", else dated by a PD with its own year or by "Early Access Date"', async () => {
    const result = await ingestFiles([temp.write('savedrecs.csv', '\ufeff' + SHEET)], { strict: false });
    expect(result.files[0].format).toBe('wos');
    expect(result.papers).toStrictEqual(expected('savedrecs.csv'));
  });
  it('gives the same papers as the tab-delimited and the plain-text export of the same records', async () => {
    expect((await ingestFiles([temp.write('tagged.txt', TAGGED)], { strict: false })).papers).toStrictEqual(expected('tagged.txt'));
    expect((await ingestFiles([temp.write('plain.txt', PLAIN)], { strict: false })).papers).toStrictEqual(expected('plain.txt'));
  });
  it('keeps its quotes under --format wos (only the tab-delimited export is unquoted)', async () => {
    expect((await ingestFiles([temp.write('forced.csv', SHEET)], { strict: false, format: 'wos' })).papers).toStrictEqual(expected('forced.csv'));
  });
  it('reads the date rule from PY, PD and EA alone', () => {
    expect(DATED.map((d) => wosPublished(d.py, d.pd, d.ea))).toStrictEqual(['2025-03', '2025-03-18', '2025-03-18', '2024-05', '2025-01', '2025-03-18', '2025']);
    expect([datedByItself('JAN 2025'), datedByItself('2025 JAN 15'), datedByItself('JAN'), datedByItself('SPR 2025'), datedByItself('')])
      .toStrictEqual(['2025-01', '2025-01-15', '', '', '']);
  });
});

describe('CSV as spreadsheets write it', () => {
  it('sniffs the delimiter from the header, outside quotes', () => {
    expect(sniffDelimiter('Title;Abstract;Year')).toBe(';');
    expect(sniffDelimiter('"Title, long";"Abstract"')).toBe(';');
    expect(sniffDelimiter('Title\tAbstract')).toBe('\t');
    expect(sniffDelimiter('Title,Abstract')).toBe(',');
  });
  it('reads a semicolon CSV from a European Excel, with a BOM, CRLF, a decimal comma and header names in any case and spacing', async () => {
    const path = temp.write('excel.csv', '\ufeffTITLE ; Abstract;Publication_Year;Authors\r\n"Semi; colon";"0,5 is a half";2024;"Ana Ruiz; Bo Li"\r\n');
    const result = await ingestFiles([path], { strict: false });
    expect(result.files[0].format).toBe('csv');
    expect(result.papers).toStrictEqual([paper({
      paperId: expect.stringMatching(/^t:/) as unknown as string, title: 'Semi; colon', abstract: '0,5 is a half', published: '2024-01-01', datePrecision: 'year',
      // A year from a year-only column is a year as declared: per-file date detection leaves it be.
      datePrecisionDeclared: true, authors: ['Ana Ruiz', 'Bo Li'], source: 'excel.csv'
    })]);
  });
  it('reads Excel\'s "Unicode text": UTF-16 LE, tab-delimited', async () => {
    const path = temp.write('unicode.txt', utf16le('Title\tAbstract\r\nÉtude\tRésumé.\r\n'));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => [p.title, p.abstract])).toStrictEqual([['Étude', 'Résumé.']]);
  });
  it('keeps a stray quote inside an unquoted field as text', async () => {
    const path = temp.write('stray.csv', 'title;abstract\nA 12" record;An "odd" abstract\n');
    expect((await ingestFiles([path], { strict: false })).papers.map((p) => p.title)).toStrictEqual(['A 12" record']);
  });
  it('names the file, line, the columns found with the delimiter used, and what to do when there is no title column', async () => {
    const path = temp.write('wrong.csv', 'Name;Text\nA;B\n');
    await expectIngestError(ingestFiles([path], { strict: false }),
      `${path} line 1: no title column (expected one of "title", "articletitle") and no abstract column (expected one of "abstract", "summary", "abstractnote"); the header, split at ";", has "Name", "Text"; rename the columns (case and spaces do not matter) or name the format with --format`);
  });
});

describe('--format for delimited files', () => {
  it('finds a Web of Science export saved as .csv by its header, and reads a Scopus export as plain CSV under --format csv', async () => {
    expect((await ingestFiles([temp.write('wos.csv', WOS)], { strict: false })).files[0].format).toBe('wos');
    const plain = await ingestFiles([temp.write('plain.csv', SCOPUS)], { strict: false, format: 'csv' });
    expect(plain.files[0].format).toBe('csv');
    expect(plain.papers[0].abstract).toBe('An abstract. © 2022 Elsevier Ltd. All rights reserved.');
  });
  it('reads a tab-delimited file as Web of Science under --format wos, whatever its name', async () => {
    const result = await ingestFiles([temp.write('export.dat', WOS)], { strict: false, format: 'wos' });
    expect(result.papers.map((p) => p.paperId)).toStrictEqual(['WOS:000000000000001', 'WOS:000000000000002']);
  });
});

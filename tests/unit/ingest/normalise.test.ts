import { describe, expect, it } from 'vitest';
import { fieldName, normaliseRecord, type Problem } from '../../../pipeline/ingest/normalise.js';
import { titleId } from '../../../pipeline/ingest/text.js';
import { paper } from '../../fixtures/ingest/temp-inputs.js';

const base = { id: '2501.00001', title: 'A title', abstract: 'An abstract.' };
const expected = { paperId: '2501.00001', title: 'A title', abstract: 'An abstract.', url: 'https://arxiv.org/abs/2501.00001', source: 'in.jsonl' };

function normalise(record: Record<string, unknown>) {
  return normaliseRecord(record, 'in.jsonl');
}

describe('normaliseRecord reads the fields of a record', () => {
  it('keeps a minimal record, deriving its url from the arXiv id', () => {
    expect(normalise(base)).toStrictEqual(paper(expected));
  });
  it('derives the id from the cleaned, lower-cased title when there is none', () => {
    expect(normalise({ title: ' Model  Merging of Language Models ', abstract: 'x' })).toStrictEqual(
      paper({ paperId: titleId('Model Merging of Language Models'), title: 'Model Merging of Language Models', abstract: 'x', source: 'in.jsonl' })
    );
  });
  it('keeps a non-arXiv id trimmed, with no url', () => {
    expect(normalise({ ...base, id: ' 10.1000/xyz ' })).toStrictEqual(paper({ ...expected, paperId: '10.1000/xyz', url: null, doi: '10.1000/xyz' }));
  });
  it('reads an id written as a DOI link (a DOI column read as the id) as the DOI', () => {
    expect(normalise({ ...base, id: undefined, DOI: 'https://dx.doi.org/10.1000/XYZ.9' })).toStrictEqual(
      paper({ ...expected, paperId: '10.1000/XYZ.9', url: null, doi: '10.1000/XYZ.9' }));
    expect(normalise({ ...base, id: 'doi:10.1000/abc' })).toStrictEqual(paper({ ...expected, paperId: '10.1000/abc', url: null, doi: '10.1000/abc' }));
  });
  it('strips the version of an arXiv id so versions merge', () => {
    expect(normalise({ ...base, id: '2501.00001v3' })).toStrictEqual(paper(expected));
  });
  it('prefers a given url (or abs, link) over the arXiv one', () => {
    expect(normalise({ ...base, abs: 'https://example.org/p' })).toStrictEqual(paper({ ...expected, url: 'https://example.org/p' }));
  });
  it('reads authors and categories given as arrays', () => {
    expect(normalise({ ...base, authors: [' Ada  Lovelace', '', 'Alan Turing'], categories: ['cs.CL', 'cs.AI'] })).toStrictEqual(
      paper({ ...expected, authors: ['Ada Lovelace', 'Alan Turing'], categories: ['cs.CL', 'cs.AI'] })
    );
  });
  it('gives "Last, First" names of an array as "First Last", as it gives a string\'s', () => {
    expect(normalise({ ...base, authors: ['Smith, Jane', "O'Brien, Seán", 'Bill and Melinda Gates Foundation', 'Anthropic, PBC', 'Smith, S.A.', 'Lee, K.K.'] }))
      .toStrictEqual(paper({ ...expected, authors: ['Jane Smith', "Seán O'Brien", 'Bill and Melinda Gates Foundation', 'Anthropic, PBC', 'S.A. Smith', 'K.K. Lee'] }));
    expect(normalise({ ...base, author: ['Smith, Jane'] })).toStrictEqual(paper({ ...expected, authors: ['Jane Smith'] }));
  });
  it('reads authors given as {name} objects', () => {
    expect(normalise({ ...base, authors: [{ name: 'Ada Lovelace' }] })).toStrictEqual(paper({ ...expected, authors: ['Ada Lovelace'] }));
  });
  it('cuts an abstract of 1 MB to 20,000 characters', () => {
    expect(normalise({ ...base, abstract: 'x'.repeat(1_000_000) })).toStrictEqual(paper({ ...expected, abstract: 'x'.repeat(20_000) }));
  });
  it('keeps a record without any date, with null date and precision', () => {
    const result = normalise({ ...base, published: null, date: '' });
    expect(result).toStrictEqual(paper(expected));
  });
});

describe('normaliseRecord accepts the common aliases, case-insensitively', () => {
  it.each([
    ['summary', { id: 'k1', title: 'T', summary: 'S' }],
    ['abstractNote (Zotero JSON)', { key: 'k1', title: 'T', abstractNote: 'S' }],
    ['Abstract Note (Zotero CSV)', { Key: 'k1', Title: 'T', 'Abstract Note': 'S' }],
    ['paper_id', { paper_id: 'k1', TITLE: 'T', ABSTRACT: 'S' }],
    ['arxiv_id', { arxiv_id: 'k1', title: 'T', abstract: 'S' }],
    ['doi', { DOI: 'k1', title: 'T', abstract: 'S' }]
  ])('reads %s', (_name, record) => {
    expect(normalise(record)).toStrictEqual(paper({ paperId: 'k1', title: 'T', abstract: 'S', source: 'in.jsonl' }));
  });
  it.each([
    ['published', { published: '2025-03-18' }, '2025-03-18', 'day'],
    ['date', { date: '2025-03' }, '2025-03-01', 'month'],
    ['publication_date', { publication_date: '2025-03-18T10:00:00Z' }, '2025-03-18', 'day'],
    ['update_date', { update_date: '2008-11-13' }, '2008-11-13', 'day'],
    ['the most precise of date and year', { year: 2024, date: '2024-05-06' }, '2024-05-06', 'day']
  ] as const)('reads the date from %s', (_name, fields, iso, precision) => {
    expect(normalise({ ...base, ...fields })).toStrictEqual(paper({ ...expected, published: iso, datePrecision: precision }));
  });
  it.each([
    ['year', { year: 2024 }, '2024-01-01'],
    ['Publication Year', { 'Publication Year': '2023' }, '2023-01-01']
  ] as const)('reads the date from %s as a declared year', (_name, fields, iso) => {
    expect(normalise({ ...base, ...fields })).toStrictEqual(
      paper({ ...expected, published: iso, datePrecision: 'year', datePrecisionDeclared: true })
    );
  });
  it('prefers the first non-blank alias', () => {
    expect(normalise({ ...base, abstract: null, summary: 'From summary' })).toStrictEqual(paper({ ...expected, abstract: 'From summary' }));
  });
});

describe('normaliseRecord reads arXiv metadata snapshot lines', () => {
  const snapshot = {
    id: '0704.0001',
    authors: "C. Bal\u00e1zs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
    title: 'Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies',
    doi: '10.1103/PhysRevD.76.013009',
    categories: 'hep-ph',
    abstract: '  A fully differential calculation in perturbative quantum chromodynamics is\npresented.\n',
    versions: [
      { version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' },
      { version: 'v2', created: 'Tue, 24 Jul 2007 20:10:27 GMT' }
    ],
    update_date: '2008-11-13',
    authors_parsed: [['Bal\u00e1zs', 'C.', ''], ['Berger', 'E. L.', ''], ['Nadolsky', 'P. M.', ''], ['Yuan', 'C. -P.', '']]
  };
  const snapshotPaper = paper({
    paperId: '0704.0001',
    doi: '10.1103/PhysRevD.76.013009',
    title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
    abstract: 'A fully differential calculation in perturbative quantum chromodynamics is presented.',
    published: '2007-04-02',
    datePrecision: 'day',
    authors: ['C. Bal\u00e1zs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan'],
    categories: ['hep-ph'],
    url: 'https://arxiv.org/abs/0704.0001',
    source: 'in.jsonl'
  });

  it('takes the date of versions[0], names from authors_parsed and categories from the string', () => {
    expect(normalise(snapshot)).toStrictEqual(snapshotPaper);
  });
  it('falls back to update_date and the authors string', () => {
    const { versions: _v, authors_parsed: _a, ...rest } = snapshot;
    expect(normalise(rest)).toStrictEqual(
      paper({ ...snapshotPaper, published: '2008-11-13', authors: ['C. Bal\u00e1zs', 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan'] })
    );
  });
  it('puts a suffix after the name', () => {
    expect(normalise({ ...snapshot, authors_parsed: [['King', 'Martin Luther', 'Jr']] })).toStrictEqual(
      paper({ ...snapshotPaper, authors: ['Martin Luther King Jr'] })
    );
  });
  it.each([
    ['versions not an array', { versions: 'v1' }, 'versions', 'expected an array of {version, created} objects, got "v1"'],
    ['versions of strings', { versions: ['v1'] }, 'versions', 'expected an array of {version, created} objects, got an array containing "v1"'],
    ['versions[0].created a boolean', { versions: [{ created: true }] }, 'versions', 'expected a date string or a year number, got boolean true'],
    ['authors_parsed a string', { authors_parsed: 'Yuan' }, 'authors_parsed', 'expected an array of [last, first, suffix] arrays, got "Yuan"'],
    ['authors_parsed with numbers', { authors_parsed: [[1, 'C.']] }, 'authors_parsed', 'expected an array of [last, first, suffix] arrays, got an array'],
    ['categories a number', { categories: 5 }, 'categories', 'expected a string or an array of strings, got number 5'],
    ['title an object', { title: { text: 'x' } }, 'title', 'expected a non-empty string, got an object'],
    ['abstract an array', { abstract: ['x'] }, 'abstract', 'expected a non-empty string, got an array'],
    ['id a boolean', { id: true }, 'id', 'expected a string, got boolean true']
  ])('skips a line with %s', (_name, fields, field, reason) => {
    expect(reported({ ...snapshot, ...fields })).toStrictEqual({ field, reason });
  });
});

describe('normaliseRecord skips records that cannot be papers', () => {
  it.each([
    ['no title', { id: 'a', abstract: 'x' }, 'title', 'expected a non-empty string, got nothing (field missing)'],
    ['a whitespace title', { title: ' \n ', abstract: 'x' }, 'title', 'expected a non-empty string, got only whitespace'],
    ['no abstract', { title: 'T' }, 'abstract', 'expected a non-empty string, got nothing (field missing)'],
    ['a null abstract', { title: 'T', abstract: null }, 'abstract', 'expected a non-empty string, got null'],
    ['an empty abstract', { title: 'T', abstract: '' }, 'abstract', 'expected a non-empty string, got an empty string'],
    ['a whitespace abstract', { title: 'T', abstract: '\t \n' }, 'abstract', 'expected a non-empty string, got only whitespace'],
    ['an "N/A" abstract', { title: 'T', abstract: ' N/A ' }, 'abstract', 'expected an abstract, got the placeholder "N/A"'],
    ['a "No abstract available." abstract', { title: 'T', abstract: 'No abstract available.' }, 'abstract', 'expected an abstract, got the placeholder "No abstract available."'],
    ['a "[Abstract not available]" abstract', { title: 'T', abstract: '[Abstract not available]' }, 'abstract', 'expected an abstract, got the placeholder "[Abstract not available]"'],
    ['an impossible date', { title: 'T', abstract: 'x', published: '2025-13-40' }, 'published', 'expected a real date in 1000..2100, got "2025-13-40" (there is no month 13)'],
    ['year 0', { title: 'T', abstract: 'x', year: 0 }, 'year', 'expected a real date in 1000..2100, got number 0 (year 0 is out of range)'],
    ['authors with a number', { title: 'T', abstract: 'x', authors: ['A', 3] }, 'authors', 'expected a string or an array of strings, got an array containing number 3'],
    ['a url object', { title: 'T', abstract: 'x', url: {} }, 'url', 'expected a string, got an object']
  ])('skips a record with %s', (_name, record, field, reason) => {
    expect(reported(record)).toStrictEqual({ field, reason });
  });

  it("names the file's own column, the one the value was read from (found by the CLI review of 2026-12-02)", () => {
    const sheet = { Title: 'T', 'Abstract Note': '', 'Publication Year': '20x20', Date: '' };
    expect(reported(sheet)).toStrictEqual({ field: 'Abstract Note', reason: 'expected a non-empty string, got an empty string' });
    const row = { Title: 'T', 'Abstract Note': 'x', Date: '', 'Publication Year': 'Summer', PY: '2025-13-01' };
    expect(reported(row)).toStrictEqual({ field: 'PY', reason: 'expected a real date in 1000..2100, got "2025-13-01" (there is no month 13)' });
    // No column at all: Themescope's own name.
    expect(reported({ Abstract: 'x' })).toStrictEqual({ field: 'title', reason: 'expected a non-empty string, got nothing (field missing)' });
  });

  it('reads five digits in a year column as a mistyped year, not as an Excel day (CLI review of 2026-12-04: 20255 became 1955)', () => {
    const sheet = (row: Record<string, unknown>) => {
      const context = { sheet: true, unreadableDate: null, dateField: false, cut: false };
      const problem = normaliseRecord(row, 'in.csv', false, context) as Problem;
      return 'reason' in problem ? { field: fieldName(row, problem), reason: problem.reason } : problem;
    };
    expect(sheet({ Title: 'T', Abstract: 'x', Year: '20255' })).toStrictEqual({ field: 'Year', reason: 'expected a year in 1000..2100, got "20255"' });
    expect(sheet({ Title: 'T', Abstract: 'x', PY: ' 45356 ' })).toStrictEqual({ field: 'PY', reason: 'expected a year in 1000..2100, got "45356"' });
    // A date column of a sheet still reads Excel's day numbers.
    expect((sheet({ Title: 'T', Abstract: 'x', Date: '45356' }) as unknown as { published: string }).published).toBe('2024-03-05');
  });
});

/** The problem as a message reports it: the record's own field name and the reason. */
function reported(record: Record<string, unknown>): { field: string; reason: string } {
  const problem = normalise(record) as Problem;
  return { field: fieldName(record, problem), reason: problem.reason };
}

describe('normaliseRecord keeps abstracts that only start like a placeholder', () => {
  it('reads "None of the methods…" and "NA-rich soils…" as abstracts', () => {
    for (const abstract of ['None of the methods converge.', 'NA-rich soils hold water.']) {
      expect((normalise({ title: 'T', abstract }) as { abstract: string }).abstract).toBe(abstract);
    }
  });
});

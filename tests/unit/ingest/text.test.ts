import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { arxivId, cleanText, firstLast, initialsFirst, lastFirst, splitAuthors, splitCategories, splitLastFirstAuthors, titleId, truncate } from '../../../pipeline/ingest/text.js';

describe('cleanText', () => {
  it('collapses newlines, tabs, no-break spaces and double spaces into one space and trims', () => {
    expect(cleanText('  Large\n  language\tmodels\u00a0as  judges \r\n')).toBe('Large language models as judges');
  });
  it('NFC-normalises a decomposed accent into one code point', () => {
    expect(cleanText('Bal\u0061\u0301zs')).toBe('Bal\u00e1zs');
  });
  it('replaces a lone surrogate by U+FFFD, as UTF-8 would, and keeps surrogate pairs', () => {
    expect(cleanText('Deep\ud835 learning \udc00x \u{1D400}')).toBe('Deep\ufffd learning \ufffdx \u{1D400}');
    expect(Buffer.from(cleanText('a\ud800b'), 'utf8').toString('utf8')).toBe(cleanText('a\ud800b'));
  });
  it('drops control characters that are no whitespace (NUL, BEL, ESC, DEL, C1), every time', () => {
    for (let i = 0; i < 3; i++) expect(cleanText('Graph\u0000 net\u0007works\u001b[0m for\u007f\u0085 all\tof us')).toBe('Graph networks[0m for all of us');
  });
  it('returns clean ASCII unchanged', () => {
    expect(cleanText('Task vectors (TV) merge models.')).toBe('Task vectors (TV) merge models.');
  });
});

describe('truncate', () => {
  it('keeps text at or under the limit', () => {
    expect(truncate('abcde', 5)).toBe('abcde');
  });
  it('cuts to the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abcd');
  });
  it('never splits a surrogate pair at the cut', () => {
    expect(truncate('ab\u{1F600}cd', 3)).toBe('ab');
  });
});

describe('arxivId', () => {
  it('reads an abs or pdf link (found by the CLI review of 2026-12-02)', () => {
    expect(['https://arxiv.org/abs/2507.12466v3', 'http://arxiv.org/pdf/2507.12763.pdf', 'https://export.arxiv.org/abs/cs/0112017',
      'https://arxiv.org/abs/2507.12466/', 'https://example.org/abs/2507.12466'].map(arxivId))
      .toStrictEqual(['2507.12466', '2507.12763', 'cs/0112017', '2507.12466', null]);
  });
  it('strips the version suffix of a new-style id', () => {
    expect(arxivId('2407.02880v2')).toBe('2407.02880');
  });
  it('keeps a new-style id without version', () => {
    expect(arxivId('2407.02880')).toBe('2407.02880');
    expect(arxivId('0704.0001')).toBe('0704.0001');
  });
  it('reads old-style ids with and without subject class and version', () => {
    expect(arxivId('cs/0112017')).toBe('cs/0112017');
    expect(arxivId('math.GT/0309136v1')).toBe('math.GT/0309136');
    expect(arxivId('hep-th/9901001')).toBe('hep-th/9901001');
  });
  it('drops an "arXiv:" prefix', () => {
    expect(arxivId('arXiv:2407.02880v1')).toBe('2407.02880');
  });
  it("reads arXiv's own DOIs as the id", () => {
    expect(arxivId('10.48550/arXiv.2402.00001')).toBe('2402.00001');
  });
  it('is null for DOIs, keys and near misses', () => {
    expect(arxivId('10.1103/PhysRevD.76.013009')).toBe(null);
    expect(arxivId('ABCD1234')).toBe(null);
    expect(arxivId('2407.028')).toBe(null);
  });
});

describe('titleId', () => {
  it('is "t:" and the first 16 hex digits of sha1 of the lower-cased title', () => {
    const sha1 = createHash('sha1').update('model merging with task vectors').digest('hex');
    expect(titleId('Model Merging with Task Vectors')).toBe(`t:${sha1.slice(0, 16)}`);
  });
});

describe('splitAuthors', () => {
  it('splits on commas and "and"', () => {
    expect(splitAuthors('A. One, B. Two and C. Three')).toStrictEqual(['A. One', 'B. Two', 'C. Three']);
  });
  it('splits an Oxford-comma list', () => {
    expect(splitAuthors('A. One, B. Two, and C. Three')).toStrictEqual(['A. One', 'B. Two', 'C. Three']);
  });
  it('splits on semicolons only when there are any, keeping "Last, First" names whole (as "First Last")', () => {
    expect(splitAuthors('Smith, Jane; Doe, John;')).toStrictEqual(['Jane Smith', 'John Doe']);
  });
  it('keeps one "Last, First" name whole, and pairs surnames with initials (found by the CLI review of 2026-12-02)', () => {
    expect(splitAuthors('Smith, Jane')).toStrictEqual(['Jane Smith']);
    expect(splitAuthors('Smith, J., Doe, A. R.')).toStrictEqual(['J. Smith', 'A. R. Doe']);
    expect(splitAuthors('Smith, J., & Doe, A.-R.')).toStrictEqual(['J. Smith', 'A.-R. Doe']);
    expect(splitAuthors('Jane Smith, John Doe')).toStrictEqual(['Jane Smith', 'John Doe']);
    expect(splitAuthors('Jane Smith & John Doe')).toStrictEqual(['Jane Smith', 'John Doe']);
    expect(splitAuthors('Hinton, LeCun, Bengio, Sutskever')).toStrictEqual(['Hinton', 'LeCun', 'Bengio', 'Sutskever']);
    expect(splitAuthors('van der Berg, Jan')).toStrictEqual(['Jan van der Berg']);
    expect(splitAuthors('de la Cruz, M., al-Khwarizmi, M.')).toStrictEqual(['M. de la Cruz', 'M. al-Khwarizmi']);
    expect(splitAuthors('Jan van der Berg, Maria de la Cruz')).toStrictEqual(['Jan van der Berg', 'Maria de la Cruz']);
  });
});

describe('splitLastFirstAuthors', () => {
  it('keeps a single "Last, First" name whole, as "First Last"', () => {
    expect(splitLastFirstAuthors('Roe, Richard')).toStrictEqual(['Richard Roe']);
  });
  it('splits on semicolons (Zotero), else on "and" (BibTeX)', () => {
    expect(splitLastFirstAuthors('Smith, Jane and Doe, John and Roe, R.')).toStrictEqual(['Jane Smith', 'John Doe', 'R. Roe']);
    expect(splitLastFirstAuthors('Smith, Jane; Doe, John')).toStrictEqual(['Jane Smith', 'John Doe']);
  });
  it('keeps a group\'s " and " inside a semicolon list whole (interop audit of 2026-12-04)', () => {
    expect(splitLastFirstAuthors('Bill and Melinda Gates Foundation; Park, Jungyeon; Barnes and Noble, Inc.'))
      .toStrictEqual(['Bill and Melinda Gates Foundation', 'Jungyeon Park', 'Barnes and Noble, Inc.']);
    expect(splitLastFirstAuthors('Bill and Melinda Gates Foundation')).toStrictEqual(['Bill and Melinda Gates Foundation']);
    expect(splitLastFirstAuthors('Smith, Jane; Doe, John and Roe, R.')).toStrictEqual(['Jane Smith', 'John Doe', 'R. Roe']);
  });
});

describe('initialsFirst', () => {
  it('turns Scopus\'s "Surname Initials" about and leaves other names as they are', () => {
    expect(['Nie W.', 'Chen E.M.', 'van der Berg J.-P.', 'Ivanov Yu.A.', 'Müller Th.', 'Jane Smith', 'W. Nie', 'Ruth Center', 'Kumar V', 'Plato'].map(initialsFirst))
      .toStrictEqual(['W. Nie', 'E.M. Chen', 'J.-P. van der Berg', 'Yu.A. Ivanov', 'Th. Müller', 'Jane Smith', 'W. Nie', 'Ruth Center', 'Kumar V', 'Plato']);
  });
});

describe('splitCategories', () => {
  it('splits on spaces and semicolons', () => {
    expect(splitCategories(' cs.CL  cs.AI;stat.ML ')).toStrictEqual(['cs.CL', 'cs.AI', 'stat.ML']);
  });

  it("keeps a multi-word category whole in a ';' list, as Themescope's own papers.csv and papers.json write categories (audit 2026-12-05: re-read, 'mixture of experts' became three categories)", () => {
    expect(splitCategories('Computer Science - Machine Learning; mixture of experts; cs.LG')).toStrictEqual(['Computer Science - Machine Learning', 'mixture of experts', 'cs.LG']);
    expect(splitCategories('cs.CV; cs.AI; I.2.10; I.4.6')).toStrictEqual(['cs.CV', 'cs.AI', 'I.2.10', 'I.4.6']);
    expect(splitCategories('q-bio.NC; cs.CV; 92B20, 68T07')).toStrictEqual(['q-bio.NC', 'cs.CV', '92B20, 68T07']);
    expect(splitCategories('Computer Science, Artificial Intelligence; Robotics')).toStrictEqual(['Computer Science, Artificial Intelligence', 'Robotics']);
    expect(splitCategories('hep-th gr-qc; cs.LG, stat.ML')).toStrictEqual(['hep-th', 'gr-qc', 'cs.LG', 'stat.ML']);
  });
});

describe('lastFirst and firstLast', () => {
  const NAMES: [string, string][] = [
    ['Ada Lovelace', 'Lovelace, Ada'], ['Jürgen Müller', 'Müller, Jürgen'], ['Ludwig van Beethoven', 'van Beethoven, Ludwig'],
    ['Jean-Pierre de la Fontaine', 'de la Fontaine, Jean-Pierre'], ['Martin Luther King Jr.', 'King, Martin Luther, Jr.'],
    ['J. R. R. Tolkien', 'Tolkien, J. R. R.'], ['Plato', 'Plato'], ['The CMS Collaboration', 'The CMS Collaboration'],
    ['Barnes and Noble, Inc.', 'Barnes and Noble, Inc.'], ['King Jr.', 'King Jr.'], ['Anil Kumar V', 'V, Anil Kumar'], ['Ruth Center', 'Center, Ruth'],
    ['Moreno D\'Incà', 'D\'Incà, Moreno'] // "Inc" ends no word here: à is a letter (the weekly-use review of 2026-12-04)
  ];
  it('write a stored "First Last" name as RIS wants it: surname (with its particles) first, a suffix last; groups and one word as they are', () => {
    expect(NAMES.map(([name]) => lastFirst(name))).toStrictEqual(NAMES.map(([, ris]) => ris));
  });
  it('read each person\'s name back as it was stored, the suffix in RIS\'s order or BibTeX\'s', () => {
    const people = NAMES.filter(([name, ris]) => name !== ris);
    expect(people.map(([, ris]) => firstLast(ris))).toStrictEqual(people.map(([name]) => name));
    expect(firstLast('Stark, Jr., Tony')).toBe('Tony Stark Jr.');
    // Names kept as written: a group with its suffix reads back whole; a person's "Bo Li, Jr." as the same name.
    expect(firstLast(lastFirst('Barnes and Noble, Inc.'))).toBe('Barnes and Noble, Inc.');
    expect([lastFirst('Bo Li, Jr.'), firstLast(lastFirst('Bo Li, Jr.'))]).toStrictEqual(['Li, Bo, Jr.', 'Bo Li Jr.']);
  });
});

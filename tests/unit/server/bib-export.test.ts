import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { BibKeys, bibtexEntry, bibValue, isProceedings, protectCapitals, risRecord, verbatimValue, type BibPaper } from '../../../src/lib/server/bib-export.js';
import { buildExport, exportNames, parseExportName } from '../../../src/lib/server/exports.js';
import { resolveRun } from '../../../src/lib/server/run.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { readDb } from '../../fixtures/read-db.js';
import { writeTempDb, type TempDb } from './temp-db.js';

const PAPER: BibPaper = {
  paper_id: '2503.12345', title: 'Scaling $O(n)$ merging: Q&A for 100% of {LLMs}', abstract: 'We study\nmodel merging.',
  published: '2025-03-18', date_precision: 'day', authors: ['Ada Lovelace', 'Alan Turing'], categories: ['cs.CL', 'cs.LG'],
  doi: null, venue: null, url: 'https://arxiv.org/abs/2503.12345'
};

describe('bibtexEntry and risRecord', () => {
  it('write an arXiv preprint as @misc with eprint, BibLaTeX date, year, month macro and escaped & and %', () => {
    expect(bibtexEntry(PAPER)).toBe([
      '@misc{2503.12345,',
      '  title = {Scaling $O(n)$ merging: Q\\&A for 100\\% of {LLMs}},',
      '  author = {Lovelace, Ada and Turing, Alan},',
      '  date = {2025-03-18},',
      '  year = {2025},',
      '  month = mar,',
      '  eprint = {2503.12345},',
      '  archiveprefix = {arXiv},',
      '  url = {https://arxiv.org/abs/2503.12345},',
      '  keywords = {cs.CL, cs.LG},',
      '  abstract = {We study model merging.}',
      '}', '', ''
    ].join('\n'));
  });

  it('write a journal paper dated by month as an RIS JOUR record, one value per line', () => {
    const paper = { ...PAPER, paper_id: 'doi-x', published: '2024-05-01', date_precision: 'month' as const, venue: 'J. Merging', doi: '10.1/x' };
    expect(risRecord(paper).split('\r\n')).toStrictEqual([
      'TY  - JOUR', 'ID  - doi-x', 'TI  - Scaling $O(n)$ merging: Q&A for 100% of {LLMs}', 'AU  - Lovelace, Ada', 'AU  - Turing, Alan',
      'PY  - 2024', 'DA  - 2024/05//', 'T2  - J. Merging', 'DO  - 10.1/x', 'UR  - https://arxiv.org/abs/2503.12345',
      'KW  - cs.CL', 'KW  - cs.LG', 'AB  - We study model merging.', 'ER  - ', '', ''
    ]);
  });

  it('say in an annotation (BibTeX annote, which no standard style prints; RIS N1) when the paper was added after clustering, and whether it is novel', () => {
    expect([bibtexEntry({ ...PAPER, added_batch: 3, novel: true }).split('\n').at(-4), risRecord({ ...PAPER, added_batch: 3, novel: false }).split('\r\n').at(-4),
      bibtexEntry({ ...PAPER, added_batch: null, novel: null }).includes('annote')]).toStrictEqual([
      '  annote = {Added after clustering (npm run assign, batch 3); novel: fits no theme well}', 'N1  - Added after clustering (npm run assign, batch 3)', false]);
    expect(bibtexEntry({ ...PAPER, added_batch: 3, novel: true })).not.toMatch(/^\s*note = /m);
  });

  it('type a conference named by its acronym alone as proceedings, and a journal that carries one as an article', () => {
    expect(['NAACL', 'NeurIPS 2024', "CHI '25", 'Findings of EMNLP', 'ACL', 'Proc. of the VLDB Endowment'].map(isProceedings)).toStrictEqual([true, true, true, true, true, true]);
    expect(['TACL', 'Transactions of the ACL', 'ACM Computing Surveys', 'Chinese Journal of Electronics', 'ACLU Law Review', 'Nature'].map(isProceedings))
      .toStrictEqual([false, false, false, false, false, false]);
  });

  it('write a brace that pairs with none as a command (BibTeX counts braces whatever the backslash), and escape underscores outside math', () => {
    expect([bibValue('a } b {'), bibValue('Closing } brace first'), bibValue('Set \\{x\\} only opens \\{ here'), bibValue('kept {LLMs} \\{x\\}'),
      bibValue('snake_case'), bibValue('$x_i$ and y_j')]).toStrictEqual(['a \\textbraceright{} b \\textbraceleft{}', 'Closing \\textbraceright{} brace first',
      'Set \\{x\\} only opens \\textbraceleft{} here', 'kept {LLMs} \\{x\\}', 'snake\\_case', '$x_i$ and y\\_j']);
  });

  it('write a literal backslash, ^, ~ and an unpaired $ as commands outside math, and keep LaTeX commands, control spaces and math', () => {
    expect([bibValue('Title ending with backslash \\'), bibValue('Backslash \\ and math $\\alpha$-divergence'), bibValue('tilde ~ and caret ^ in 10^6, $x^2$'),
      bibValue('e.g.\\ crop, \\emph{x}, 50\\%, espa\\~nol, \\^{o}'), bibValue('costs $5'), bibValue('\\3) step'), bibValue('\\(a^2\\) and \\[b_1\\] or \\\\')])
      .toStrictEqual(['Title ending with backslash \\textbackslash{}', 'Backslash \\textbackslash{} and math $\\alpha$-divergence',
        'tilde \\~{} and caret \\^{} in 10\\^{}6, $x^2$', 'e.g.\\ crop, \\emph{x}, 50\\%, espa\\~nol, \\^{o}', 'costs \\$5', '\\textbackslash{}3) step',
        '\\(a^2\\) and \\[b_1\\] or \\\\']);
  });

  it('write a literal backslash before letters as \\textbackslash{} unless it starts a command the reader reads (\\emph{x}, \\LaTeX, \\c c)', () => {
    expect([bibValue('Paths like C:\\new and C:\\Users\\data'), bibValue('The \\alpha parameter, not $\\alpha$'), bibValue('Our \\ours method'),
      bibValue('UNC \\\\server\\share'), bibValue('Keep \\emph{x}, \\underline {y}, \\LaTeX, Fran\\c cois and \\v{s}')]).toStrictEqual([
      'Paths like C:\\textbackslash{}new and C:\\textbackslash{}Users\\textbackslash{}data', 'The \\textbackslash{}alpha parameter, not $\\alpha$',
      'Our \\textbackslash{}ours method', 'UNC \\\\server\\textbackslash{}share', 'Keep \\emph{x}, \\underline {y}, \\LaTeX, Fran\\c cois and \\v{s}']);
  });

  it('write url and doi as they are, not as LaTeX, a backslash and braces that do not pair percent-encoded', () => {
    const paper = { ...PAPER, doi: '10.1002/(SICI)1097-4571_x#1', url: 'https://x.org/a_b?c=1&d=50%25~e#f' };
    expect(bibtexEntry(paper)).toContain('  doi = {10.1002/(SICI)1097-4571_x#1},\n');
    expect(bibtexEntry(paper)).toContain('  url = {https://x.org/a_b?c=1&d=50%25~e#f},\n');
    expect([verbatimValue('https://x.org/{a}'), verbatimValue('https://x.org/a}{b'), verbatimValue('https://x.org/a\\')])
      .toStrictEqual(['https://x.org/{a}', 'https://x.org/a%7D%7Bb', 'https://x.org/a%5C']);
  });

  it('read back by the pipeline give the same titles, urls and dois, backslashes, ^, ~, $ and braces included', async () => {
    const titles = ['Title ending with backslash for graph neural networks \\', 'Backslash \\ and math $\\alpha$-divergence for BERT',
      'Percent 100% & hash #1 and under_score with tilde ~ and caret ^ in 10^6', 'Costs $5 and \\3) in C:\\',
      'Reading C:\\new and C:\\Users\\data\\train.csv with \\alpha written as text', 'Our \\ours model, \\eg on \\\\server\\share, \\t and \\n escapes',
      'Line \\\\ break and a \\ b, "quotes" and 50% of GPUs kept'];
    const papers = titles.map((title, i): BibPaper => ({ ...PAPER, paper_id: `n${i}`, title, doi: `10.9999/N${i}_a~b`, url: `https://x.org/n${i}?a=1&b=c--d%20{e}` }));
    const dir = mkdtempSync(join(tmpdir(), 'themescope-bib-specials-'));
    try {
      const path = join(dir, 'specials.bib');
      writeFileSync(path, papers.map((p) => bibtexEntry(p)).join(''));
      const read = await ingestFiles([path], { strict: true });
      expect(read.papers.map((p) => [p.title, p.doi, p.url])).toStrictEqual(papers.map((p) => [p.title, p.doi, p.url]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['bib', 'ris'])('keep global ids and a local id without a DOI on a round trip through the pipeline\'s reader (%s)', async (format) => {
    const ids = ['WOS:001200000000250', '2-s2.0-85200000000', '2503.12345', '10.1145/3292500.3330701', 't:0123456789abcdef', 'W2741809807', 'mueller2024~c8672824'];
    const papers = ids.map((id, i): BibPaper => ({ ...PAPER, paper_id: id, title: `Paper ${i}`, doi: id === 'mueller2024~c8672824' ? null : id.startsWith('10.') ? id : `10.9999/R${i}` }));
    const bib = papers.map((p) => (format === 'bib' ? bibtexEntry(p) : risRecord(p))).join('');
    if (format === 'bib') expect(bib).toContain('@misc{mueller2024_c8672824,\n  title = {Paper 6},\n  themescope-id = {mueller2024~c8672824},\n');
    const dir = mkdtempSync(join(tmpdir(), 'themescope-bib-ids-'));
    try {
      const path = join(dir, `ids.${format}`);
      writeFileSync(path, bib);
      const read = await ingestFiles([path], { strict: true });
      expect(read.papers.map((p) => [p.paperId, p.doi])).toStrictEqual(papers.map((p) => [p.paper_id, p.doi]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pair escaped braces with escaped ones and bare with bare, a brace after a line break (\\\\) being bare', () => {
    expect([bibValue('Set \\{a, b} is'), bibValue('A {b \\} c'), bibValue('line\\\\{ x'), bibValue('\\{ { \\} }')]).toStrictEqual([
      'Set \\textbraceleft{}a, b\\textbraceright{} is', 'A \\textbraceleft{}b \\textbraceright{} c', 'line\\\\\\textbraceleft{} x', '\\{ { \\} }']);
  });

  it('brace a name holding " and " or a comma whole, and read every value back as written', async () => {
    const odd: BibPaper = { ...PAPER, paper_id: 'odd1', title: 'Closing } brace, then \\{ one {LLMs}', authors: ['Bill and Melinda Gates Foundation', 'Barnes and Noble, Inc.', 'Jane Doe'],
      abstract: 'The \\LaTeX{} Companion, et al.\\ results.' };
    expect(bibtexEntry(odd)).toContain('author = {{Bill and Melinda Gates Foundation} and {Barnes and Noble, Inc.} and Doe, Jane}');
    const dir = mkdtempSync(join(tmpdir(), 'themescope-bib-odd-'));
    try {
      const path = join(dir, 'odd.bib');
      writeFileSync(path, bibtexEntry(odd) + bibtexEntry(PAPER));
      const { papers } = await ingestFiles([path], { strict: true });
      expect(papers.map((p) => [p.title, p.authors, p.abstract])).toStrictEqual([
        ['Closing } brace, then { one LLMs', ['Bill and Melinda Gates Foundation', 'Barnes and Noble, Inc.', 'Jane Doe'], 'The LaTeX Companion, et al. results.'],
        ['Scaling $O(n)$ merging: Q&A for 100% of LLMs', ['Ada Lovelace', 'Alan Turing'], 'We study model merging.']
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what reference managers read (interop audit of 2026-12-04)', () => {
  const roundTrip = async (papers: BibPaper[], format: 'bib' | 'ris') => {
    const keys = new BibKeys();
    const dir = mkdtempSync(join(tmpdir(), 'themescope-bib-interop-'));
    try {
      writeFileSync(join(dir, `x.${format}`), papers.map((p) => (format === 'bib' ? bibtexEntry(p, { key: keys.key(p.paper_id) }) : risRecord(p))).join(''));
      return (await ingestFiles([join(dir, `x.${format}`)], { strict: true })).papers;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('gives every entry of a file its own key, BibTeX comparing keys without case, and reads each id back', async () => {
    const ids = ['10.1000/x.y_z', '10.1000/x.y/z', 'dup/key', 'dup_key', 'Dup_Key', 'solo'];
    const keys = new BibKeys();
    expect(ids.map((id) => keys.key(id))).toStrictEqual(['10.1000_x.y_z', '10.1000_x.y_z_2', 'dup_key', 'dup_key_2', 'Dup_Key_3', 'solo']);
    const papers = ids.map((id, i): BibPaper => ({ ...PAPER, paper_id: id, title: `Paper ${i}`, doi: null }));
    expect((await roundTrip(papers, 'bib')).map((p) => p.paperId)).toStrictEqual(ids);
  });

  it('writes names surname first, a suffix after it and a group braced whole, and reads them back as stored', async () => {
    const authors = ['Martin Luther King Jr.', 'The CMS Collaboration', 'Ludwig van Beethoven', 'Bo Li, Jr.', 'Plato', 'Barnes and Noble, Inc.'];
    const paper: BibPaper = { ...PAPER, authors };
    expect(bibtexEntry(paper)).toContain(
      '  author = {King, Jr., Martin Luther and {The CMS Collaboration} and van Beethoven, Ludwig and Li, Jr., Bo and Plato and {Barnes and Noble, Inc.}},');
    expect((await roundTrip([paper], 'bib'))[0].authors).toStrictEqual(['Martin Luther King Jr.', 'The CMS Collaboration', 'Ludwig van Beethoven', 'Bo Li Jr.', 'Plato', 'Barnes and Noble, Inc.']);
  });

  it('parts keywords by ", " as biblatex does, and by "; " when a category holds a comma, the first one (the primary) whole', async () => {
    const papers = [{ ...PAPER, paper_id: 'c1', title: 'One', categories: ['q-bio.NC', 'cs.CV', '92B20, 68T07'] }, { ...PAPER, paper_id: 'c2', title: 'Two', categories: ['92B20, 68T07'] }];
    expect(bibtexEntry(papers[0])).toContain('  keywords = {q-bio.NC; cs.CV; 92B20, 68T07},');
    for (const format of ['bib', 'ris'] as const) {
      expect((await roundTrip(papers, format)).map((p) => p.categories)).toStrictEqual([['q-bio.NC', 'cs.CV', '92B20, 68T07'], ['92B20, 68T07']]);
    }
  });

  it('keeps the primary category whole when a category holds a semicolon (arXiv ACM classes "I.2.10; I.4.6"), as the RIS file does', async () => {
    const papers = [{ ...PAPER, paper_id: 's1', title: 'One', categories: ['cs.CV', 'cs.AI', 'I.2.10; I.4.6'] }];
    expect(bibtexEntry(papers[0])).toContain('  keywords = {cs.CV; cs.AI; I.2.10; I.4.6},');
    for (const format of ['bib', 'ris'] as const) {
      expect((await roundTrip(papers, format)).map((p) => p.categories)).toStrictEqual([['cs.CV', 'cs.AI', 'I.2.10', 'I.4.6']]);
    }
  });

  it('braces a name that starts or ends with "and" (arXiv\'s "and Wen Tong"), which BibTeX would part into two people', async () => {
    const paper: BibPaper = { ...PAPER, authors: ['Jun Wang', 'and Wen Tong', 'Smith and'] };
    expect(bibtexEntry(paper)).toContain('  author = {Wang, Jun and {and Wen Tong} and {Smith and}},');
    expect((await roundTrip([paper], 'bib'))[0].authors).toStrictEqual(['Jun Wang', 'and Wen Tong', 'Smith and']);
  });

  it('writes a paper whose venue is a preprint server as a preprint (@misc with howpublished, RIS UNPB), and reads the venue back', async () => {
    const papers = ['arXiv (Cornell University)', 'bioRxiv', 'SSRN Electronic Journal', 'Nature', 'https://www.biorxiv.org'].map((venue, i) => ({ ...PAPER, paper_id: `v${i}`, title: `Paper ${i}`, venue }));
    expect(papers.map((p) => bibtexEntry(p).split('{')[0])).toStrictEqual(['@misc', '@misc', '@misc', '@article', '@article']);
    expect(papers.map((p) => risRecord(p).split('\r\n')[0])).toStrictEqual(['TY  - UNPB', 'TY  - UNPB', 'TY  - UNPB', 'TY  - JOUR', 'TY  - JOUR']);
    expect(bibtexEntry(papers[0])).toContain('  howpublished = {arXiv (Cornell University)},');
    expect((await roundTrip(papers, 'bib')).map((p) => p.venue)).toStrictEqual(papers.map((p) => p.venue));
  });

  it('braces a title\'s words with inner capitals, so sentence-case styles keep them, and the reader drops the braces', async () => {
    expect(protectCapitals('InfiniVerse: RLVR with the 3D {LLMs} and CR-Seg, $O(N)$ \\emph{DeepSeek} Q\\&A')).toBe(
      '{InfiniVerse}: {RLVR} with the {3D} {LLMs} and {CR-Seg}, $O(N)$ \\emph{DeepSeek} Q\\&A');
    expect(protectCapitals('A \\(ReLU\\) and \\[GeLU\\] study')).toBe('A \\(ReLU\\) and \\[GeLU\\] study');
    const paper = { ...PAPER, title: 'InfiniVerse: RLVR for 3D LLMs' };
    expect((await roundTrip([paper], 'bib'))[0].title).toBe(paper.title);
  });
});

describe('a paper in a conference\'s proceedings (CLI audit of 2026-12-03: it was @article with journal = {Proc. of NeurIPS})', () => {
  it('is @inproceedings with booktitle and RIS CONF, a journal paper stays @article and JOUR, and the venue reads back', async () => {
    const venues = ['Proc. of NeurIPS', 'Proceedings of the 41st International Conference on Machine Learning', 'ICLR 2025 Workshop on Agents',
      'Journal of Machine Learning Research', 'Transactions on Machine Learning Research'];
    const papers = venues.map((venue, i) => ({ ...PAPER, paper_id: `p${i}`, title: `Paper ${i} on merging`, venue }));
    expect(papers.map((p) => bibtexEntry(p).split('{')[0])).toStrictEqual(['@inproceedings', '@inproceedings', '@inproceedings', '@article', '@article']);
    expect(papers.map((p) => risRecord(p).split('\r\n')[0])).toStrictEqual(['TY  - CONF', 'TY  - CONF', 'TY  - CONF', 'TY  - JOUR', 'TY  - JOUR']);
    expect(bibtexEntry(papers[0])).toContain('  booktitle = {Proc. of NeurIPS},');
    const dir = mkdtempSync(join(tmpdir(), 'themescope-bib-conf-'));
    try {
      for (const [name, text] of [['conf.bib', papers.map((p) => bibtexEntry(p)).join('')], ['conf.ris', papers.map(risRecord).join('')]]) {
        writeFileSync(join(dir, name), text);
        const read = await ingestFiles([join(dir, name)], { strict: true });
        expect(read.papers.map((p) => p.venue)).toStrictEqual(venues);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('papers.bib and papers.ris', () => {
  let db: TempDb;
  let dir: string;
  beforeAll(async () => {
    // Papers 19 and 22 (theme 1) were added after clustering (npm run assign), 22 novel: their records say so in a note.
    db = await writeTempDb([handMadeRun()], `INSERT INTO assigned_papers VALUES (1, '2501.10019', 1, false), (1, '2501.10022', 1, true)`);
    dir = mkdtempSync(join(tmpdir(), 'themescope-bib-'));
  });
  afterAll(() => {
    db.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are listed for the paper lists only', () => {
    expect(exportNames().filter((n) => /\.(bib|ris)$/.test(n))).toStrictEqual(
      ['papers.bib', 'papers.ris', 'theme-papers.bib', 'theme-papers.ris', 'map-region.bib', 'map-region.ris']);
    expect(parseExportName('themes.bib')).toBeNull();
  });

  it.each(['bib', 'ris'])('read back by the pipeline give the theme’s papers: ids, titles, authors and dates (%s)', async (format) => {
    const url = new URL(`http://x/export/theme-papers.${format}?theme=1`);
    const response = await buildExport(parseExportName(`theme-papers.${format}`)!, await resolveRun(url), url.searchParams);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="themescope-run1-theme1-papers.${format}"`);
    const file = join(dir, `theme1.${format}`);
    writeFileSync(file, await response.text());
    const text = await (await buildExport(parseExportName(`theme-papers.${format}`)!, await resolveRun(url), url.searchParams)).text();
    const notes = text.match(format === 'bib' ? /note = \{[^}]*\}/g : /^N1 {2}- .*$/gm) ?? [];
    expect(notes.map((n) => n.replace(/^note = \{|\}$|^N1 {2}- |\r$/g, ''))).toStrictEqual(
      ['Added after clustering (npm run assign, batch 1)', 'Added after clustering (npm run assign, batch 1); novel: fits no theme well']);
    const read = await ingestFiles([file], { strict: true });
    const stored = await readDb<{ paper_id: string; title: string; published: string; authors: string[] }>(db.path,
      `SELECT p.paper_id, p.title, p.published::VARCHAR AS published, p.authors FROM paper_themes pt JOIN papers p USING (paper_id)
       WHERE pt.run_id = 1 AND pt.theme_id = 1 ORDER BY pt.rank_in_theme, p.paper_id`);
    expect([read.papers.length, read.skipped.length]).toStrictEqual([8, 0]);
    expect(read.papers.map((p) => [p.paperId, p.title, p.published, p.datePrecision, p.authors])).toStrictEqual(
      stored.map((p) => [p.paper_id, p.title, p.published, 'day', p.authors]));
  });
});

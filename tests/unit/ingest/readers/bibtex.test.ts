import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../../pipeline/ingest/index.js';
import { bibtexDate, splitAnd, verbatim, verbatimDoi } from '../../../../pipeline/ingest/readers/bibtex.js';
import { latexToText, readsAsCommand } from '../../../../pipeline/ingest/readers/latex-text.js';
import { normaliseText } from '../../../../pipeline/tokenise/normalise-text.js';
import { makeTempInputs, paper } from '../../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const LIBRARY = String.raw`% A Zotero/Better BibTeX export, hand-made
@preamble{"\newcommand{\noop}[1]{}"}
@string{icml = "International Conference on Machine Learning"}
@comment{jabref-meta: databaseType:bibtex;}

@inproceedings{goedel2024,
  title     = {{G}{\"o}del's {Task Vectors}: \emph{merging} without \textbf{retraining}},
  author    = {G{\"o}del, Kurt and M\"{u}ller, J{\"u}rgen and {Barnes and Noble, Inc.}},
  booktitle = icml # " 2024",
  year      = 2024,
  month     = jul,
  doi       = {10.48550/arXiv.2407.02880},
  keywords  = {model merging, task arithmetic},
  abstract  = {Task vectors \{escaped braces\} compose
               across lines; 50\% fewer \cite{x} parameters --- na\"{\i}vely.}
}

@article(quoted,
  title = "A {"}quoted{"} title",
  author = "Ng, Andrew",
  journal = "JMLR",
  year = "2023",
  abstract = "Quoted abstract with {braces}."
)

@misc{noabstract, title = {No abstract here}, year = {2022}}
`;

describe('the BibTeX reader', () => {
  it('reads entries with braces and quotes, nested and escaped braces, @string, accents and multi-line values', async () => {
    const path = temp.write('library.bib', LIBRARY);
    const result = await ingestFiles([path], { strict: false });
    expect(result.files[0].format).toBe('bibtex');
    expect(result.papers).toStrictEqual([
      paper({
        paperId: '2407.02880', title: "Gödel's Task Vectors: merging without retraining",
        abstract: 'Task vectors {escaped braces} compose across lines; 50% fewer parameters — naïvely.',
        published: '2024-07-01', datePrecision: 'month', authors: ['Kurt Gödel', 'Jürgen Müller', 'Barnes and Noble, Inc.'],
        categories: ['model merging', 'task arithmetic'], keywordsOnly: true, url: 'https://arxiv.org/abs/2407.02880', source: 'library.bib',
        doi: '10.48550/arXiv.2407.02880', venue: 'International Conference on Machine Learning 2024'
      }),
      paper({
        paperId: 'quoted', title: 'A "quoted" title', abstract: 'Quoted abstract with braces.', published: '2023-01-01',
        datePrecision: 'year', authors: ['Andrew Ng'], source: 'library.bib', venue: 'JMLR'
      })
    ]);
    expect(result.skipped).toStrictEqual([{ file: path, line: 26, field: 'abstract', reason: 'expected a non-empty string, got nothing (field missing)' }]);
  });
  it('skips an entry that loses a brace and reads the next one', async () => {
    const path = temp.write('broken.bib', '@article{a,\n title = {Open {brace},\n abstract = {x}\n\n@article{b, title = {Fine}, abstract = {Fine.}}\n');
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => p.title)).toStrictEqual(['Fine']);
    expect(result.skipped).toStrictEqual([{ file: path, line: 1, field: '(record)', reason: 'BibTeX entry not closed: expected a closing "}" before the next entry (a brace too few?)' }]);
  });
  it('passes over a field commented out with "%" between fields, as biber does (audit 2026-12-05: the entry was skipped, field "%")', async () => {
    const text = '@article{a,\n  title = {Kept 95\\% {T}itle},\n  % note = {commented out},\n  %volume = {7},\n  abstract = {A. 50% off}, % trailing remark\n  year = {2024}\n}\n';
    const result = await ingestFiles([temp.write('percent.bib', text)], { strict: true });
    expect(result.papers.map((p) => [p.title, p.abstract, p.published])).toStrictEqual([['Kept 95% Title', 'A. 50% off', '2024-01-01']]);
  });
  it('names the field of a value it cannot read', async () => {
    const path = temp.write('macro.bib', '@article{a, title = {T}, journal = nosuchmacro, abstract = {A.}}\n@article{b, title = {Fine}, abstract = {Fine.}}\n');
    const result = await ingestFiles([path], { strict: false });
    expect(result.skipped).toStrictEqual([{ file: path, line: 1, field: 'journal', reason: 'unknown @string name "nosuchmacro"' }]);
  });
  it('names the line the problem is on, not the entry\'s first (interop audit of 2026-12-04)', async () => {
    const path = temp.write('stray.bib', '@article{b, title = {Fine}, abstract = {Fine.}}\n\n@article{a,\n  title = {T},\n  abstract = {One\n    two}{three},\n  year = 2024\n}\n');
    const result = await ingestFiles([path], { strict: false });
    expect(result.skipped).toStrictEqual([{ file: path, line: 6, field: 'abstract', reason: 'expected "," after the value, got "{"' }]);
  });
  it('turns LaTeX accents, letters, escapes and text commands into text', () => {
    expect(latexToText(String.raw`Erd\H{o}s, \v{S}ilhav\'y, {\c c}a, Stra\ss e, \o{}rsted, \textit{et al.}, A \& B`))
      .toBe('Erdős, Šilhavý, ça, Straße, ørsted, et al., A & B');
  });
  it('reads a control space as a space, but not the second backslash of a line break, nor inside math', () => {
    expect([latexToText(String.raw`et al.\ results`), latexToText(String.raw`first line\\ second`), latexToText(String.raw`$a\ b$ c`),
      latexToText(String.raw`The \LaTeX{} Companion, \textbraceleft{}x\textbraceright{}`)])
      .toStrictEqual(['et al. results', String.raw`first line\\ second`, String.raw`$a\ b$ c`, 'The LaTeX Companion, {x}']);
  });
  it('reads \\textbackslash{}, \\^{} and \\~{} (how the export writes a literal \\, ^ and ~) back to the character', () => {
    expect(latexToText(String.raw`A \textbackslash{} b, ends \textbackslash{}, x\^{}2, \~{}10 ms, ma\~{}nana, espa\~nol, \^{o}`))
      .toBe('A \\ b, ends \\, x^2, ~10 ms, ma~nana, español, ô');
  });
  it('reads a line break (\\\\) as one token: the backslash after it starts no command and escapes no brace', () => {
    expect([latexToText(String.raw`UNC path \\server\textbackslash{}share`), latexToText(String.raw`line\\{x} and \\\{y\}`)])
      .toStrictEqual([String.raw`UNC path \\server\share`, String.raw`line\\x and \\{y}`]);
  });
  it('reads LaTeX quotes `` and \'\' as " whether or not the value also holds a command', () => {
    expect([latexToText("``Plain'' title"), latexToText("``With'' \\emph{x}")]).toStrictEqual(['"Plain" title', '"With" x']);
  });
  it('says which commands it reads as markup, the rule the BibTeX export keeps commands by', () => {
    expect([readsAsCommand('LaTeX', ' and'), readsAsCommand('emph', '{x}'), readsAsCommand('underline', ' {x}'), readsAsCommand('c', ' c'),
      readsAsCommand('new', ' folder'), readsAsCommand('alpha', ' parameter'), readsAsCommand('b', 'in'), readsAsCommand('ours', '')])
      .toStrictEqual([true, true, true, true, false, false, false, false]);
  });
  it('reads a url or doi as written, not as LaTeX: a tie, a dash and braces stay; only an escaped special loses its backslash', () => {
    expect([verbatim(' https://x.org/~a/b--c?d={1} '), verbatim(String.raw`https://x.org/a\_b\%20c\&d`), verbatim(undefined)])
      .toStrictEqual(['https://x.org/~a/b--c?d={1}', 'https://x.org/a_b%20c&d', '']);
  });
  it('unwraps braces round a whole url or doi ({{10.1000/ABC}}, as JabRef protects a value), and decodes what the export percent-encodes in a doi', () => {
    expect([verbatim('{{https://x.org/a}}'), verbatim('{10.1000/ABC}'), verbatim('{a}{b}')]).toStrictEqual(['https://x.org/a', '10.1000/ABC', '{a}{b}']);
    expect(verbatimDoi('{{10.1000/A%5CB%7Bc}}')).toBe('10.1000/A\\B{c');
  });

  it('leaves math as it is, commands and braces included, so the tokeniser drops it and keeps the words around it', () => {
    expect(latexToText(String.raw`We prove $\alpha$-smooth losses converge for every {learning rate} and $\beta_{i}$-strong \emph{convexity}, \(\mathcal{O}(n)\) and $$\sum_i x$$.`))
      .toBe(String.raw`We prove $\alpha$-smooth losses converge for every learning rate and $\beta_{i}$-strong convexity, \(\mathcal{O}(n)\) and $$\sum_i x$$.`);
    // Before, \alpha went and "$$-smooth … $$" read as display math took the words between with it.
    expect(normaliseText('T', latexToText(String.raw`We prove $\alpha$-smooth losses converge for every learning rate schedule and $\beta$-strong convexity.`)))
      .toContain('smooth losses converge for every learning rate schedule and');
  });
  it('keeps a global key (an EID, a WoS UT) or a themescope-id as the paper id over the DOI; a DOI wins over a citation key', async () => {
    const entry = (key: string, i: number, extra = '') => `@article{${key},\n  title = {Paper ${i}},\n  abstract = {Abstract ${i}.},\n  year = {2024},\n  doi = {10.1000/key.${i}},${extra}\n}\n`;
    const path = temp.write('keys.bib', entry('2-s2.0-85200000000', 0) + entry('WOS:001200000000250', 1) + entry('smith2024', 2) +
      entry('mueller2024_c8672824', 3, '\n  themescope-id = {WOS:001200000000252},') + '@misc{mueller2024_c8672825,\n  themescope-id = {mueller2024~c8672825},\n  title = {Paper 4},\n  abstract = {Abstract 4.}\n}\n');
    const { papers } = await ingestFiles([path], { strict: true });
    expect(papers.map((p) => [p.paperId, p.doi])).toStrictEqual([['2-s2.0-85200000000', '10.1000/key.0'], ['WOS:001200000000250', '10.1000/key.1'],
      ['10.1000/key.2', '10.1000/key.2'], ['WOS:001200000000252', '10.1000/key.3'], ['mueller2024~c8672825', null]]);
  });
  it('reads year and month as a month, a BibLaTeX date as it is, and a year alone as a year', () => {
    expect(bibtexDate('', '2024', 'July')).toBe('2024-07');
    expect(bibtexDate('', '2024', '3')).toBe('2024-03');
    expect(bibtexDate('2024-03-18', '2024', '')).toBe('2024-03-18');
    expect(bibtexDate('', '2024', '')).toBe('2024');
  });
  it('splits authors at "and" outside braces only', () => {
    expect(splitAnd('A, B and {C and D} AND E')).toStrictEqual(['A, B', '{C and D}', 'E']);
    expect(splitAnd('Smith, J. and Jones, K. and others')).toStrictEqual(['Smith, J.', 'Jones, K.']);
  });
});

describe('a BibTeX file saved as Latin-1 (JabRef\'s ISO-8859-1; inputs audit of 2026-12-05)', () => {
  it('is read as Windows-1252 with a warning, not skipped entry by entry as "not valid UTF-8"', async () => {
    const entry = (key: string, author: string) => Buffer.concat([Buffer.from(`@article{${key},\n  author = {`), Buffer.from(author, 'latin1'),
      Buffer.from(`},\n  title = {Title ${key}},\n  abstract = {An abstract of ${key}.},\n  year = {2024}\n}\n`)]);
    const path = temp.write('jabref-latin1.bib', Buffer.concat([Buffer.from('% Encoding: ISO-8859-1\n\n'), entry('a', 'Jürgen Müller'), entry('b', 'José Núñez')]));
    const result = await ingestFiles([path], { strict: false });
    expect([result.papers.map((p) => p.authors), result.skipped]).toStrictEqual([[['Jürgen Müller'], ['José Núñez']], []]);
    expect(result.warnings).toStrictEqual([`${path} is not UTF-8: read as Windows-1252 (Latin-1, as JabRef and older reference managers save); ` +
      'save or export it as UTF-8 to be sure of accented letters']);
  });
});

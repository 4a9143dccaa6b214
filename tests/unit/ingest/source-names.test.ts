// A skipped record names the field as its file writes it, in every format (CLI review of 2026-12-04:
// Scopus's Year, BibTeX's year, RIS's DA, CSL's issued were all reported as "published").
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { makeTempInputs } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const ok = 'An abstract long enough to be one.';
const skippedFields = async (name: string, text: string) =>
  (await ingestFiles([temp.write(name, text)], { strict: false, format: null })).skipped.map((s) => [s.field, s.reason.replace(/ \(.*\)$/, '')]);

describe('the field a skipped record is named by', () => {
  it("is RIS's own tag: DA, or PY when that is the date given; AB for a missing abstract", async () => {
    const ris = ['TY  - JOUR', 'TI  - Fine', `AB  - ${ok}`, 'PY  - 2023', 'ER  - ',
      'TY  - JOUR', 'TI  - Bad day', `AB  - ${ok}`, 'DA  - 2023/13/01/', 'ER  - ',
      'TY  - JOUR', 'TI  - Bad year', `AB  - ${ok}`, 'PY  - 3023', 'ER  - ',
      'TY  - JOUR', 'TI  - No abstract', 'PY  - 2020', 'ER  - ', ''].join('\n');
    expect(await skippedFields('a.ris', ris)).toStrictEqual([['DA', 'expected a real date in 1000..2100, got "2023-13-01"'],
      ['PY', 'expected a real date in 1000..2100, got "3023"'], ['AB', 'expected a non-empty string, got nothing']]);
  });

  it("is BibTeX's year or date, whichever the entry gives", async () => {
    const bib = `@article{a, title = {Fine}, abstract = {${ok}}, year = {2023}}\n@article{b, title = {Bad year}, abstract = {${ok}}, year = {3023}}\n` +
      `@article{c, title = {Bad date}, abstract = {${ok}}, date = {2023-02-30}}\n`;
    expect(await skippedFields('a.bib', bib)).toStrictEqual([['year', 'expected a real date in 1000..2100, got "3023"'],
      ['date', 'expected a real date in 1000..2100, got "2023-02-30"']]);
  });

  it("is Scopus's column as its header writes it", async () => {
    const csv = `Authors,Title,Year,Source title,DOI,Abstract,EID\nA B.,Fine,2023,J,,${ok},2-s2.0-1\nA B.,Bad year,3025,J,,${ok},2-s2.0-2\n` +
      'A B.,No abstract,2023,J,,[No abstract available],2-s2.0-3\n';
    expect(await skippedFields('scopus.csv', csv)).toStrictEqual([['Year', 'expected a real date in 1000..2100, got "3025"'],
      ['Abstract', 'expected an abstract, got the placeholder "[No abstract available]"']]);
  });

  it("is CSL-JSON's issued and OpenAlex's abstract_inverted_index", async () => {
    const csl = JSON.stringify([{ id: 'a', type: 'article', title: 'Fine', abstract: ok, issued: { 'date-parts': [[2023]] } },
      { id: 'b', type: 'article', title: 'Bad year', abstract: ok, issued: { 'date-parts': [[3023]] } }]);
    expect((await skippedFields('csl.json', csl)).map(([field]) => field)).toStrictEqual(['issued']);
    const works = JSON.stringify({ results: [{ id: 'https://openalex.org/W1', title: 'Fine', abstract_inverted_index: { Fine: [0] }, publication_year: 2023 },
      { id: 'https://openalex.org/W2', title: 'No abstract', abstract_inverted_index: null, publication_year: 2023 }] });
    expect((await skippedFields('works.json', works)).map(([field]) => field)).toStrictEqual(['abstract_inverted_index']);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../../pipeline/ingest/index.js';
import { cslDate } from '../../../../pipeline/ingest/readers/csl-json.js';
import { stripMarkup } from '../../../../pipeline/ingest/readers/markup.js';
import { rebuildAbstract } from '../../../../pipeline/ingest/readers/openalex.js';
import { jsonLines, makeTempInputs, paper } from '../../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const CSL = [
  { id: 'http://zotero.org/users/1/items/ABC', type: 'article-journal', title: 'CSL with a full date', 'container-title': 'Nature',
    author: [{ family: 'Dvořák', given: 'Antonín' }, { literal: 'The Consortium' }, { family: 'Weijer', given: 'Joost', 'non-dropping-particle': 'van de' },
      { family: 'Gogh', given: 'Vincent', 'dropping-particle': 'van' }, { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }], issued: { 'date-parts': [[2024, 3, 18]] },
    DOI: '10.1000/csl.1', URL: 'https://example.org/csl1', keyword: 'graphs, networks', abstract: 'First.' },
  { id: 'b', type: 'book', title: 'Better CSL JSON: string date parts', 'citation-key': 'b2020', issued: { 'date-parts': [['2020']] }, abstract: 'Second.' },
  { id: 'c', type: 'article', title: 'No abstract', issued: { 'date-parts': [[2019]] } }
];

describe('the CSL-JSON reader', () => {
  it('reads title, abstract, issued date-parts, family/given/literal authors (particles and suffixes kept: interop audit of 2026-12-04), DOI, URL, keyword and container-title', async () => {
    const text = JSON.stringify(CSL, null, 2);
    const path = temp.write('zotero.json', text);
    const lineOfC = text.split('\n').findIndex((line) => line.includes('"id": "c"')); // 0-based: the "{" before it
    const result = await ingestFiles([path], { strict: false });
    expect(result.files[0].format).toBe('csl-json');
    expect(result.papers).toStrictEqual([
      paper({ paperId: '10.1000/csl.1', title: 'CSL with a full date', abstract: 'First.', published: '2024-03-18', datePrecision: 'day',
        authors: ['Antonín Dvořák', 'The Consortium', 'Joost van de Weijer', 'Vincent van Gogh', 'Martin Luther King Jr.'], categories: ['graphs', 'networks'], keywordsOnly: true, url: 'https://example.org/csl1', source: 'zotero.json',
        doi: '10.1000/csl.1', venue: 'Nature' }),
      paper({ paperId: 'b', title: 'Better CSL JSON: string date parts', abstract: 'Second.', published: '2020-01-01', datePrecision: 'year', source: 'zotero.json' })
    ]);
    expect(result.skipped).toStrictEqual([{ file: path, line: lineOfC, field: 'abstract', reason: 'expected a non-empty string, got nothing (field missing)' }]);
  });
  it('reads issued as date-parts, raw or a plain string', () => {
    expect(cslDate({ 'date-parts': [[2024, 3]] })).toBe('2024-03');
    expect(cslDate({ raw: '2024-03-18' })).toBe('2024-03-18');
    expect(cslDate('2021')).toBe('2021');
  });
});

const work = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `https://openalex.org/W${n}`, doi: `https://doi.org/10.1000/oa.${n}`, title: `Work ${n}`, publication_date: '2024-05-06', publication_year: 2024,
  authorships: [{ author: { display_name: 'José Núñez' } }], primary_topic: { display_name: 'Graph Neural Networks' },
  concepts: [{ display_name: 'Computer science', score: 0.9 }, { display_name: 'Biology', score: 0.1 }],
  primary_location: { source: { display_name: 'NeurIPS' }, landing_page_url: `https://example.org/${n}` },
  abstract_inverted_index: { Graphs: [0], are: [1, 4], everywhere: [2], and: [3], fun: [5] }, ...extra
});
const expected = (n: number, source: string) => paper({
  paperId: `10.1000/oa.${n}`, title: `Work ${n}`, abstract: 'Graphs are everywhere and are fun', published: '2024-05-06', datePrecision: 'day',
  authors: ['José Núñez'], categories: ['Graph Neural Networks', 'Computer science'], url: `https://example.org/${n}`, source,
  doi: `10.1000/oa.${n}`, venue: 'NeurIPS'
});

describe('Crossref markup in CSL-JSON and OpenAlex titles and abstracts', () => {
  it('takes out JATS, MathML and inline HTML tags and decodes entities, and leaves any other "<" as written', () => {
    expect(stripMarkup('<jats:title>Abstract</jats:title><jats:p>Graphs &amp; networks of <jats:italic>E. coli</jats:italic>.</jats:p><jats:p>Second paragraph, x<sub>i</sub> &lt; 1&#x2009;mm.</jats:p>'))
      .toBe('Graphs & networks of E. coli.  Second paragraph, xi < 1\u2009mm.');
    expect(stripMarkup('A <i>molecule</i> with <mml:math><mml:mi>α</mml:mi></mml:math>-helices')).toBe('A molecule with α-helices');
    expect(stripMarkup('We insert <think> tokens when p < 0.05 & more')).toBe('We insert <think> tokens when p < 0.05 & more');
    expect(stripMarkup(42)).toBe(42);
  });
  it('reads a Zotero CSL item\'s title without its markup: the same paper as an OpenAlex work of that title', async () => {
    const csl = temp.write('jats.json', JSON.stringify([{ id: 'z1', type: 'article-journal', title: 'A <i>molecule</i> model', issued: { 'date-parts': [[2021, 5]] },
      abstract: '<jats:title>Abstract</jats:title><jats:p>Molecules &amp; graphs.</jats:p>' }]));
    const alex = temp.write('works.jsonl', jsonLines({ id: 'https://openalex.org/W1', title: 'A molecule model', publication_date: '2021-05-03',
      abstract_inverted_index: { Molecules: [0], and: [1], 'graphs.': [2] } }));
    const result = await ingestFiles([csl, alex], { strict: false });
    // One paper: the OpenAlex record, dated to the day, is the more complete one and is kept.
    expect(result.papers.map((p) => [p.title, p.abstract])).toStrictEqual([['A molecule model', 'Molecules and graphs.']]);
    expect(result.duplicates).toBe(1);
    const alone = await ingestFiles([csl], { strict: false });
    expect(alone.papers.map((p) => [p.title, p.abstract])).toStrictEqual([['A molecule model', 'Molecules & graphs.']]);
  });
});

describe('the OpenAlex reader', () => {
  it('reads a pretty-printed API page: the abstract rebuilt from its inverted index, authorships, topic and concepts, DOI', async () => {
    const path = temp.write('page.json', JSON.stringify({ meta: { count: 3 }, results: [work(1), work(2, { abstract_inverted_index: null }), work(3)], group_by: [] }, null, 2));
    const result = await ingestFiles([path], { strict: false });
    expect(result.files[0].format).toBe('openalex');
    expect(result.papers).toStrictEqual([expected(1, 'page.json'), expected(3, 'page.json')]);
    expect(result.skipped.map((s) => [s.field, s.reason])).toStrictEqual([['abstract_inverted_index', 'expected a non-empty string, got null']]);
  });
  it('reads works as JSON Lines, and a one-line API page as its works', async () => {
    const path = temp.write('works.jsonl', jsonLines(work(1), { meta: {}, results: [work(2)] }));
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers).toStrictEqual([expected(1, 'works.jsonl'), expected(2, 'works.jsonl')]);
  });
  it('tells apart the skipped works of a compact, one-line page by their place in it (CLI audit of 2026-12-03: each was "line 1")', async () => {
    const results = [work(1), work(2, { abstract_inverted_index: null }), work(3), work(4, { abstract_inverted_index: null })];
    const page = temp.write('compact.json', JSON.stringify({ meta: { count: 4 }, results }));
    const array = temp.write('compact-array.json', JSON.stringify(results));
    for (const [path, kind] of [[page, 'page'], [array, 'array']] as const) {
      const result = await ingestFiles([path], { strict: false });
      expect(result.papers.map((p) => p.title)).toStrictEqual([expected(1, 'x').title, expected(3, 'x').title]);
      expect(result.skipped.map((s) => [s.line, s.reason])).toStrictEqual([
        [1, `record 2 of the ${kind}: expected a non-empty string, got null`], [1, `record 4 of the ${kind}: expected a non-empty string, got null`]]);
    }
  });
  it('rebuilds an abstract in position order', () => {
    expect(rebuildAbstract({ b: [1], a: [0, 2] })).toBe('a b a');
  });
  it('stops on a page without a results array', async () => {
    const path = temp.write('nopage.json', '{\n  "meta": {}\n}\n');
    await expect(ingestFiles([path], { strict: false })).rejects.toThrow(`${path} line 3: expected a "results" array (an OpenAlex API page) or an "items" array (a Better BibTeX JSON export) in the JSON object, found neither`);
  });
});

// `npm run assign` reads each new paper's text once for its TF-IDF row and its search words
// (pipeline/assign/vocabulary-tokeniser.ts): the words must be exactly those search/index.ts
// indexes, and the rows exactly those the tfidf stage gives, on tricky texts and the shipped sample.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { vectorisePapers, vectoriseWithWords } from '../../../pipeline/assign/vectorise.js';
import { fieldTf } from '../../../pipeline/search/bm25.js';
import { buildSearchIndex, type IndexText, type SearchIndex } from '../../../pipeline/search/index.js';
import { buildTfidf } from '../../../pipeline/tfidf/index.js';
import { tokenisePapers } from '../../../pipeline/tokenise/index.js';
import { CHUNK_PAPERS, TextPassHelper } from '../../../pipeline/assign/text-pass-threads.js';
import type { SearchStem } from '../../../pipeline/tokenise/search-tokens.js';

/** A run's search keys: inflection stems since 2026-12-04, full Porter in the runs before (assign adds to both). */
const STEMS: SearchStem[] = ['inflection', 'porter'];

/** The index search/index.ts would build, from the one-pass words (own mean lengths, key order). */
function indexOfWords(papers: readonly IndexText[], terms: string[], idf: Float64Array, stem: SearchStem): SearchIndex {
  const { words, keyText } = vectoriseWithWords(papers, terms, idf, 3, stem);
  const keys = [...new Set(words.key)];
  const texts = keys.map(keyText).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Map(texts.map((t, i) => [t, i]));
  const mean = (a: Int32Array) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
  const [avgTitle, avgAbstract] = [mean(words.titleLength), mean(words.abstractLength)];
  const postings = Array.from(words.key, (key, i) => ({ term: idOf.get(keyText(key))!, row: words.row[i],
    tf: fieldTf(words.tfTitle[i], words.titleLength[words.row[i]], avgTitle, words.tfAbstract[i], words.abstractLength[words.row[i]], avgAbstract) }))
    .sort((a, b) => a.term - b.term || a.row - b.row);
  const df = new Uint32Array(texts.length);
  for (const p of postings) df[p.term]++;
  return { terms: texts, df, postingTerm: Int32Array.from(postings, (p) => p.term), postingRow: Int32Array.from(postings, (p) => p.row),
    postingTf: Float64Array.from(postings, (p) => p.tf), titleLength: words.titleLength, abstractLength: words.abstractLength, stem };
}

const TRICKY: IndexText[] = [
  { title: 'C++ and C# for F# users', abstract: 'We port c++ code; the ab++ operator and x# are kept whole. Long-context LLMs.' },
  { title: 'Self-Supervised Long-Context Models', abstract: 'State-of-the-art text-to-image (T2I) models, GPT-4.5 and Qwen2.5 on ViT-B/16.' },
  { title: 'ΟΔΟΣ and Σigma: Greek títles', abstract: 'Naïve café ﬁne\u2010tuning at Straße; ＦＵＬＬＷＩＤＴＨ text.' },
  { title: 'Math $x^2$ and \\emph{emphasis}', abstract: 'See https://github.com/org/repo and www.example.com, mail {a,b}@uni.edu. computa- tion.' },
  { title: 'İstanbul DOTTED capital', abstract: 'The İ lower-cases to two characters; (cid:173)soft\u00adhyphen words.' },
  { title: 'Numbers 2024 and 3.5 and 0.5-1.0', abstract: 'the of and a an is -- --- 12 ab a-b-c x-1 re-run re-runs.' },
  { title: '', abstract: 'An abstract whose title is empty.' },
  { title: 'Only a title', abstract: 'x' }
];

function samplePapers(): IndexText[] {
  const lines = gunzipSync(readFileSync('data/sample-arxiv.jsonl.gz')).toString('utf8').trimEnd().split('\n');
  return lines.map((line) => {
    const { title, abstract } = JSON.parse(line) as IndexText;
    return { title, abstract };
  });
}

/** Objects of typed arrays (and plain values) compared byte for byte: toStrictEqual walks millions of elements slowly. */
function expectSame(actual: object, expected: object) {
  const bytes = (v: unknown) => (ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') + v.constructor.name : v);
  const flat = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, bytes(v)]));
  expect(flat(actual)).toStrictEqual(flat(expected));
}

describe('one pass over a new paper\'s text', () => {
  it('gives the search words search/index.ts indexes, on tricky texts', () => {
    for (const stem of STEMS) expect(indexOfWords(TRICKY, [], new Float64Array(0), stem)).toStrictEqual(buildSearchIndex(TRICKY, undefined, 0, stem));
  }, 60_000);

  it('gives the search words and the TF-IDF rows of the pipeline on the shipped sample', async () => {
    const papers = samplePapers();
    const corpus = await tokenisePapers(papers, { ngramMax: 3, workers: 1 });
    const { matrix, vocabulary } = buildTfidf(corpus, { minDf: 2, maxDf: 0.5, maxTerms: 20_000 });
    expectSame(vectorisePapers(papers, vocabulary.terms, vocabulary.idf, 3), matrix);
    expectSame(vectoriseWithWords(papers, vocabulary.terms, vocabulary.idf, 3).rows, matrix);
    for (const stem of STEMS) expectSame(indexOfWords(papers, vocabulary.terms, vocabulary.idf, stem), buildSearchIndex(papers, undefined, 0, stem));
  }, 120_000);

  it('gives the same rows and words on two threads as on one (chunks in paper order, keys renumbered)', async () => {
    const papers = [...samplePapers(), ...TRICKY];
    expect(papers.length).toBeGreaterThan(4 * CHUNK_PAPERS);
    const corpus = await tokenisePapers(papers, { ngramMax: 3, workers: 1 });
    const { vocabulary } = buildTfidf(corpus, { minDf: 2, maxDf: 0.5, maxTerms: 20_000 });
    const one = vectoriseWithWords(papers, vocabulary.terms, vocabulary.idf, 3);
    const helper = new TextPassHelper(2);
    let two;
    try {
      await helper.ready();
      helper.start(papers, vocabulary.terms, vocabulary.idf, 3, 'inflection');
      two = await helper.finish();
      expect(helper.workerChunks).toBeGreaterThan(0);
    } finally {
      await helper.close();
    }
    expectSame(two.rows, one.rows);
    const { key: keyOne, ...restOne } = one.words;
    const { key: keyTwo, ...restTwo } = two.words;
    expectSame(restTwo, restOne);
    expect(Array.from(keyTwo, two.keyText)).toStrictEqual(Array.from(keyOne, one.keyText));
  }, 120_000);
});

describe('the text pass on this thread alone', () => {
  it('gives the same rows and words taken a chunk at a time between other work as in one run', async () => {
    const papers = [...samplePapers(), ...TRICKY];
    const corpus = await tokenisePapers(papers, { ngramMax: 3, workers: 1 });
    const { vocabulary } = buildTfidf(corpus, { minDf: 2, maxDf: 0.5, maxTerms: 20_000 });
    const one = vectoriseWithWords(papers, vocabulary.terms, vocabulary.idf, 3);
    const helper = new TextPassHelper(1);
    let alone;
    try {
      helper.start(papers, vocabulary.terms, vocabulary.idf, 3, 'inflection');
      // Some chunks are taken in the background while this awaits, the rest by finish().
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      alone = await helper.finish();
    } finally {
      await helper.close();
    }
    expect(helper.workerChunks).toBe(0);
    expectSame(alone.rows, one.rows);
    const { key: keyOne, ...restOne } = one.words;
    const { key: keyAlone, ...restAlone } = alone.words;
    expectSame(restAlone, restOne);
    expect(Array.from(keyAlone, alone.keyText)).toStrictEqual(Array.from(keyOne, one.keyText));
  }, 120_000);
});

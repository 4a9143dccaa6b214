import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { B, K1, TITLE_WEIGHT, fieldTf, idf, termScore } from '../../../pipeline/search/bm25.js';
import { buildSearchIndex } from '../../../pipeline/search/index.js';
import { query } from '../../../src/lib/server/db.js';
import { lowerBound, matchSql, resolveQuery, termsForWord } from '../../../src/lib/server/search-index.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from '../server/temp-db.js';

// Three hand-made papers (the rest of the 24-paper run says none of these words).
const DOCS = [
  { title: 'Graph networks', abstract: 'Graph learning on graphs.' }, // graph: title 1, abstract 2
  { title: 'Learning to rank', abstract: 'Ranking with graph features and more words here.' }, // graph: abstract 1
  { title: 'Vision', abstract: 'Pixels.' }
];

describe('BM25 formulas', () => {
  it('computes idf as ln(1 + (N − df + 0.5) / (df + 0.5))', () => {
    expect(idf(24, 2)).toBe(Math.log(1 + 22.5 / 2.5));
  });

  it('weighs the title TITLE_WEIGHT times and normalises each field by its own average length', () => {
    expect([K1, B, TITLE_WEIGHT]).toStrictEqual([1.2, 0.75, 3]);
    // tf_title 1 in a title of 2 words (average 1), tf_abstract 2 in 4 words (average 8).
    expect(fieldTf(1, 2, 1, 2, 4, 8)).toBe((3 * 1) / (0.25 + 0.75 * 2) + 2 / (0.25 + 0.75 * 0.5));
    expect(termScore(2, 1.5)).toBe((1.5 * 2 * 2.2) / (2 + 1.2));
  });
});

describe('buildSearchIndex', () => {
  it('gives sorted terms, their document frequencies, and postings by term then row', () => {
    const index = buildSearchIndex(DOCS);
    expect(index.terms).toStrictEqual(['featur', 'graph', 'learn', 'network', 'pixel', 'rank', 'vision', 'word']);
    expect(Array.from(index.df)).toStrictEqual([1, 2, 2, 1, 1, 1, 1, 1]);
    expect([Array.from(index.titleLength), Array.from(index.abstractLength)]).toStrictEqual([[2, 2, 1], [3, 4, 1]]);
    expect(Array.from(index.postingTerm)).toStrictEqual([0, 1, 1, 2, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(index.postingRow)).toStrictEqual([1, 0, 1, 0, 1, 0, 2, 1, 2, 1]);
    const [avgTitle, avgAbstract] = [5 / 3, 8 / 3];
    expect(index.postingTf[1]).toBe(fieldTf(1, 2, avgTitle, 2, 3, avgAbstract)); // graph in paper 0
    expect(index.postingTf[2]).toBe(fieldTf(0, 2, avgTitle, 1, 4, avgAbstract)); // graph in paper 1
  });
});

describe('ranked search in DuckDB', () => {
  let db: TempDb;
  beforeAll(async () => {
    const run = handMadeRun();
    DOCS.forEach((d, i) => Object.assign(run.papers[i], d));
    run.search = buildSearchIndex(run.papers);
    db = await writeTempDb([run]);
  });
  afterAll(() => db.remove());

  it('scores each paper Σ idf · tf′ · (K1 + 1) / (tf′ + K1) over the matched terms', async () => {
    const resolved = await resolveQuery(1, 'graph');
    const { sql, params } = matchSql(1, resolved);
    const rows = await query<{ paper_id: string; score: number }>(`${sql} ORDER BY score DESC`, params);
    // Run-wide averages over the 24 papers (the other 21 hand-made papers count too).
    const index = buildSearchIndex((await query<{ title: string; abstract: string }>(
      `SELECT p.title, p.abstract FROM paper_rows r JOIN papers p USING (paper_id) WHERE r.run_id = 1 ORDER BY r.paper_row`)));
    const g = index.terms.indexOf('graph');
    const expected = [0, 1].map((row) => {
      const at = index.postingTerm.findIndex((t, i) => t === g && index.postingRow[i] === row);
      return termScore(index.postingTf[at], Math.log(1 + (24 - 2 + 0.5) / (2 + 0.5)));
    });
    expect(rows.map((r) => r.paper_id)).toStrictEqual(['2501.10000', '2501.10001']);
    expect(rows[0].score).toBeCloseTo(expected[0], 12);
    expect(rows[1].score).toBeCloseTo(expected[1], 12);
  });

  it('needs every word (AND) and expands the last word as a prefix', async () => {
    const matches = async (q: string) => {
      const { sql, params } = matchSql(1, await resolveQuery(1, q));
      return (await query<{ paper_id: string }>(`${sql} ORDER BY paper_id`, params)).map((r) => r.paper_id);
    };
    expect([await matches('graph learning'), await matches('graph rank'), await matches('graph pix'), await matches('vis')])
      .toStrictEqual([['2501.10000', '2501.10001'], ['2501.10001'], [], ['2501.10002']]);
    // A word with a leading minus leaves out the papers holding it; one the run lacks leaves out none.
    expect([await matches('graph -rank'), await matches('graph -zebra ')]).toStrictEqual([['2501.10000'], ['2501.10000', '2501.10001']]);
  });

  it('finds term ids by binary search, a prefix as a contiguous range', () => {
    const dict = { terms: ['a', 'graph', 'graphic', 'grid', 'merg', 'vi', 'view'], df: Int32Array.from([1, 5, 2, 9, 3, 1, 4]), nDocs: 10 };
    expect([lowerBound(dict.terms, 'graph'), lowerBound(dict.terms, 'h')]).toStrictEqual([1, 4]);
    expect([termsForWord(dict, 'graph', null), termsForWord(dict, 'graph', 'graph'), termsForWord(dict, 'gr', 'gr')]).toStrictEqual([[1], [1, 2], [1, 2, 3]]);
    // "mergi" (on its way to "merging") reaches the stem "merg"; "vis" is not widened to its stem "vi".
    expect([termsForWord(dict, 'mergi', 'mergi'), termsForWord(dict, 'vi', 'vis')]).toStrictEqual([[4], [5]]);
    // A whole word the run holds is not widened back to a shorter key ("transformers" found every "transform" paper, the review of 2026-12-04).
    const words = { terms: ['transform', 'transformer', 'transformers-x'], df: Int32Array.from([7, 5, 1]), nDocs: 10 };
    expect([termsForWord(words, 'transformer', 'transformers'), termsForWord(words, 'transforme', 'transforme')]).toStrictEqual([[1, 2], [0, 1, 2]]);
 
    // A hyphenated word being typed widens within its last part only: "gpt-4" is no "gpt", "long-conte" reaches "long-cont".
    const hyphens = { terms: ['gpt', 'gpt-4', 'gpt-4o', 'gpt-5', 'long', 'long-cont', 'long-context'], df: Int32Array.from([9, 3, 5, 2, 8, 1, 4]), nDocs: 10 };
    expect([termsForWord(hyphens, 'gpt-4', 'gpt-4'), termsForWord(hyphens, 'long-cont', 'long-conte')]).toStrictEqual([[1, 2], [5, 6]]);
  });
});

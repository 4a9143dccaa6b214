import { describe, it, expect } from 'vitest';
import { buildTfidf } from '../../../pipeline/tfidf/index.js';
import { fromSpelledOut, spellOut, tokeniseCorpus, tokenisePapers } from '../../../pipeline/tokenise/index.js';
import type { CsrMatrix } from '../../../pipeline/types.js';

// Three documents over four terms (ids in first-occurrence order, keys not in that order):
//   d0 = gamma gamma alpha, d1 = gamma delta, d2 = alpha beta beta
// df: gamma 2, alpha 2, delta 1, beta 1; n = 3.
const corpus = fromSpelledOut({
  terms: ['gamma', 'alpha', 'delta', 'beta'],
  surfaces: ['Gamma', 'Alpha', 'Delta', 'Beta'],
  docs: [Uint32Array.from([0, 0, 1]), Uint32Array.from([0, 2]), Uint32Array.from([1, 3, 3])]
});
const ALL = { minDf: 1, maxDf: 1, maxTerms: 100 };

const idf = (df: number, n = 3): number => Math.log((1 + n) / (1 + df)) + 1;
/** Row of weights w = (1 + ln tf) · idf, divided by their L2 norm, as float32. */
function normalised(weights: number[]): Float32Array {
  const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0));
  return Float32Array.from(weights, (w) => w / norm);
}
const row = (m: CsrMatrix, r: number) => ({
  indices: [...m.indices.subarray(m.indptr[r], m.indptr[r + 1])],
  values: m.values.subarray(m.indptr[r], m.indptr[r + 1])
});

describe('buildTfidf: weights', () => {
  it('orders columns by term key and reports df, smoothed idf and surfaces per column', () => {
    const { vocabulary } = buildTfidf(corpus, ALL);
    expect(vocabulary).toStrictEqual({
      terms: ['alpha', 'beta', 'delta', 'gamma'],
      surfaces: ['Alpha', 'Beta', 'Delta', 'Gamma'],
      df: Uint32Array.from([2, 1, 1, 2]),
      idf: Float64Array.from([Math.log(4 / 3) + 1, Math.log(4 / 2) + 1, Math.log(4 / 2) + 1, Math.log(4 / 3) + 1])
    });
  });

  it('weighs (1 + ln tf) · (ln((1 + n) / (1 + df)) + 1) and divides each row by its L2 norm', () => {
    const { matrix } = buildTfidf(corpus, ALL);
    // Columns: alpha 0, beta 1, delta 2, gamma 3.
    expect(row(matrix, 0)).toStrictEqual({ indices: [0, 3], values: normalised([idf(2), (1 + Math.log(2)) * (Math.log(4 / 3) + 1)]) });
    expect(row(matrix, 1)).toStrictEqual({ indices: [2, 3], values: normalised([idf(1), idf(2)]) });
    expect(row(matrix, 2)).toStrictEqual({ indices: [0, 1], values: normalised([idf(2), (1 + Math.log(2)) * idf(1)]) });
  });

  it('fills the CSR arrays with one entry per distinct kept term of each row', () => {
    const { matrix, emptyRows } = buildTfidf(corpus, ALL);
    expect([matrix.nRows, matrix.nCols, [...matrix.indptr], [...matrix.indices], emptyRows]).toStrictEqual([3, 4, [0, 2, 4, 6], [0, 3, 2, 3, 0, 1], 0]);
  });

  it('gives every non-empty row L2 norm 1 and sorted columns on a tokenised corpus', () => {
    const abstracts = ['Gaussian splatting renders 3D scenes in real time.', 'Gaussian splatting meets neural radiance fields.', 'Neural radiance fields for 3D scenes.', 'Long context LLMs.', 'LLMs with long context windows.'];
    const { matrix } = buildTfidf(fromSpelledOut(tokeniseCorpus(abstracts.map((abstract) => ({ title: '', abstract })), { ngramMax: 3 })), { minDf: 2, maxDf: 1, maxTerms: 1000 });
    for (let r = 0; r < matrix.nRows; r++) {
      const { indices, values } = row(matrix, r);
      expect(Math.abs(Math.hypot(...values) - 1)).toBeLessThan(1e-6);
      expect(indices).toStrictEqual([...indices].sort((a, b) => a - b));
    }
    expect(matrix.indptr[matrix.nRows]).toBeGreaterThan(0);
  });
});

describe('buildTfidf: pruning', () => {
  it('drops terms in fewer than minDf documents', () => {
    expect(buildTfidf(corpus, { ...ALL, minDf: 2 }).vocabulary.terms).toStrictEqual(['alpha', 'gamma']);
  });

  it('drops terms in more than maxDf of the documents', () => {
    expect(buildTfidf(corpus, { ...ALL, maxDf: 0.5 }).vocabulary.terms).toStrictEqual(['beta', 'delta']);
  });

  it('keeps a term whose df equals maxDf · n exactly', () => {
    expect(buildTfidf(corpus, { ...ALL, maxDf: 2 / 3 }).vocabulary.terms).toStrictEqual(['alpha', 'beta', 'delta', 'gamma']);
  });

  it('keeps the maxTerms terms of highest df, breaking df ties by term key', () => {
    expect(buildTfidf(corpus, { ...ALL, maxTerms: 1 }).vocabulary.terms).toStrictEqual(['alpha']);
    expect(buildTfidf(corpus, { ...ALL, maxTerms: 3 }).vocabulary.terms).toStrictEqual(['alpha', 'beta', 'gamma']);
  });

  it('leaves a document with no kept term as an empty row and counts it', () => {
    const { matrix, emptyRows } = buildTfidf(corpus, { ...ALL, minDf: 2 });
    expect([[...matrix.indptr], [...matrix.indices], emptyRows]).toStrictEqual([[0, 2, 3, 4], [0, 1, 1, 0], 0]);
    const sparse = buildTfidf(corpus, { ...ALL, maxDf: 0.5 });
    expect([[...sparse.matrix.indptr], sparse.emptyRows]).toStrictEqual([[0, 0, 1, 2], 1]);
  });

  it('rejects options outside their ranges', () => {
    expect(() => buildTfidf(corpus, { ...ALL, minDf: 0 })).toThrow(RangeError);
    expect(() => buildTfidf(corpus, { ...ALL, maxDf: 0 })).toThrow(RangeError);
    expect(() => buildTfidf(corpus, { ...ALL, maxDf: 1.5 })).toThrow(RangeError);
    expect(() => buildTfidf(corpus, { ...ALL, maxTerms: 0 })).toThrow(RangeError);
  });
});

describe('buildTfidf: the interned hand-off', () => {
  it('keeps the same columns, surfaces and weights as from the spelt-out corpus, ties at the cut by key', async () => {
    // df: graph 4, kernel 3, graph kernel 2, molecul 2, then seven terms at df 1 for the fifth column.
    const abstracts = ['Graph kernels for molecules.', 'Kernels on graph data.', 'Graph neural networks.', 'Molecules and graph kernels.'];
    const interned = await tokenisePapers(abstracts.map((abstract) => ({ title: '', abstract })), { ngramMax: 3, workers: 2, minCharsPerThread: 0 });
    const options = { minDf: 1, maxDf: 1, maxTerms: 5 };
    const build = buildTfidf(interned, options);
    expect([build.vocabulary.terms, build.vocabulary.surfaces]).toStrictEqual([
      ['data', 'graph', 'graph kernel', 'kernel', 'molecul'],
      ['data', 'graph', 'graph kernels', 'kernels', 'molecules']
    ]);
    expect(build).toStrictEqual(buildTfidf(fromSpelledOut(spellOut(interned)), options));
  });
});

describe('buildTfidf: determinism', () => {
  it('gives identical output for the same corpus twice', () => {
    expect(buildTfidf(corpus, ALL)).toStrictEqual(buildTfidf(corpus, ALL));
  });
});

// The pieces of `npm run assign` on hand-made inputs: nearest centroids, the novel threshold, the
// stored vocabulary's tokeniser against the pipeline's, and map positions from nearest papers.
import { describe, expect, it } from 'vitest';
import { asBlock, blockRowsOf, novelThreshold, quantile } from '../../../pipeline/assign/model.js';
import { bestThemes, fitThemes } from '../../../pipeline/assign/nearest-themes.js';
import { bestCandidates, NeighbourSearch, TopTermIndex, topTermsOf } from '../../../pipeline/assign/neighbours.js';
import { placeAndFindSimilar } from '../../../pipeline/assign/place.js';
import { areaPeriods, burstColumns } from '../../../pipeline/assign/retrend.js';
import { computeTrends } from '../../../pipeline/trends/index.js';
import { vectorisePapers } from '../../../pipeline/assign/vectorise.js';
import { buildTfidf } from '../../../pipeline/tfidf/index.js';
import { tokenisePapers } from '../../../pipeline/tokenise/index.js';
import type { CsrMatrix } from '../../../pipeline/types.js';

/** CSR from dense rows. */
function csr(rows: number[][]): CsrMatrix {
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.forEach((v, c) => v !== 0 && (indices.push(c), values.push(v)));
    indptr.push(indices.length);
  }
  return { nRows: rows.length, nCols: rows[0].length, indptr: Uint32Array.from(indptr), indices: Uint32Array.from(indices), values: Float32Array.from(values) };
}

describe('nearest centroids', () => {
  // Four unit centroids over four terms; theme 3 = theme 2.
  const centroids = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
  const cohesion = [0.9, 0.9, 0.9, 0.9];

  it('ranks the three closest themes by cosine, ties to the lower id', () => {
    const fit = fitThemes(csr([[0.6, 0, 0.8, 0], [0.8, 0.6, 0, 0]]), centroids, 4, 0.2, cohesion);
    expect(Array.from(fit.themes)).toStrictEqual([2, 3, 0, 0, 1, 2]);
    expect(Array.from(fit.similarity)).toStrictEqual([0.8, 0.8, 0.6, 0.8, 0.6, 0].map(Math.fround));
    expect(bestThemes(Float64Array.from([0.1, 0.5, 0.5, 0.9]), 3)).toStrictEqual([3, 1, 2]);
  });

  it('marks a paper novel below the threshold, an empty row always, and weak below 0.6 × cohesion', () => {
    const fit = fitThemes(csr([[0.3, 0, 0, 0.954], [0, 0, 0, 0], [1, 0, 0, 0]]), centroids, 4, 0.35, cohesion);
    expect(Array.from(fit.novel)).toStrictEqual([1, 1, 0]);
    expect(Array.from(fit.weak)).toStrictEqual([1, 1, 0]);
    expect(Array.from(fit.themes.subarray(3, 6))).toStrictEqual([0, 1, 2]);
  });
});

describe('nearest centroids, against a plain dense product', () => {
  it.each([7, 13])('gives the same cosines bit for bit and the same top three, for k = %i (themes 8 and 4 at a time, then one) and with ties', (k) => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const [nRows, nCols] = [60, 30];
    const rows = csr(Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => (random() < 0.3 ? Math.fround(random()) : 0))));
    const centroids = Float32Array.from({ length: k * nCols }, () => (random() < 0.5 ? random() : 0));
    centroids.copyWithin(5 * nCols, 2 * nCols, 3 * nCols); // theme 5 = theme 2: ties
    const fit = fitThemes(rows, centroids, k, 0.5, new Float64Array(k).fill(1));
    for (let i = 0; i < nRows; i++) {
      const scores = Float64Array.from({ length: k }, (_, c) => {
        let s = 0;
        for (let p = rows.indptr[i]; p < rows.indptr[i + 1]; p++) s += rows.values[p] * centroids[c * nCols + rows.indices[p]];
        return s;
      });
      const ranked = Array.from({ length: k }, (_, c) => c).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, 3);
      expect(Array.from(fit.themes.subarray(3 * i, 3 * i + 3))).toStrictEqual(ranked);
      expect(Array.from(fit.similarity.subarray(3 * i, 3 * i + 3))).toStrictEqual(ranked.map((c) => Math.fround(scores[c])));
    }
    expect(bestThemes(Float64Array.from([0.5, 0.5]), 3)).toStrictEqual([0, 1]);
  });
});

describe('the novel threshold', () => {
  it('is the 5th percentile of the clustered papers\' cosine to their centroid, by linear interpolation', () => {
    expect(quantile(Float64Array.from([1, 2, 3, 4, 5]), 0.05)).toBeCloseTo(1.2, 12);
    expect(quantile(new Float64Array(0), 0.05)).toBe(0);
    // 21 papers with cosines 0.00, 0.05, …, 1.00: position 0.05 · 20 = 1 → 0.05.
    const similarity = Float32Array.from({ length: 21 }, (_, i) => i / 20);
    const rows = { nRows: 21, indptr: Uint32Array.from({ length: 22 }, (_, i) => i) };
    expect(novelThreshold(similarity, rows)).toBeCloseTo(0.05, 6);
  });

  it('leaves out papers with empty rows', () => {
    // Rows 0 and 1 empty: the quantile is over 0.5, 0.6, 0.7 → 0.5 + 0.1 · 0.1.
    const rows = { nRows: 5, indptr: Uint32Array.from([0, 0, 0, 1, 2, 3]) };
    expect(novelThreshold(Float32Array.from([0, 0, 0.5, 0.6, 0.7]), rows)).toBeCloseTo(0.51, 6);
  });
});

describe('vectorising against a stored vocabulary', () => {
  const papers = [
    { title: 'Model merging of fine-tuned models', abstract: 'Model merging combines task vectors. Merging works without training.' },
    { title: 'Long context language models', abstract: 'Long context windows: position interpolation extends the context window of language models.' },
    { title: 'Gaussian splatting', abstract: '3D Gaussian splatting renders novel views; splatting is fast. Model merging is not used.' },
    { title: 'Task vectors for model merging', abstract: 'Task vectors add and subtract; language models merge.' }
  ];

  it('gives exactly the rows the tfidf stage gave for the same papers', async () => {
    const corpus = await tokenisePapers(papers, { ngramMax: 3, workers: 1 });
    const { matrix, vocabulary } = buildTfidf(corpus, { minDf: 1, maxDf: 1, maxTerms: 1000 });
    const again = vectorisePapers(papers, vocabulary.terms, vocabulary.idf, 3);
    expect(again).toStrictEqual(matrix);
  });

  it('counts only the vocabulary\'s terms in a new text, phrases included', async () => {
    const corpus = await tokenisePapers(papers, { ngramMax: 3, workers: 1 });
    const { vocabulary } = buildTfidf(corpus, { minDf: 2, maxDf: 1, maxTerms: 1000 });
    const row = vectorisePapers([{ title: 'Model merging', abstract: 'Unseen words around model merging.' }], vocabulary.terms, vocabulary.idf, 3);
    const terms = Array.from(row.indices, (c) => vocabulary.terms[c]);
    expect(terms).toStrictEqual(['merg', 'model', 'model merg']);
    // tf 2 each, so the weights are idf-proportional and of unit length.
    const idf = ['merg', 'model', 'model merg'].map((t) => vocabulary.idf[vocabulary.terms.indexOf(t)]);
    const norm = Math.hypot(...idf);
    expect(Array.from(row.values)).toStrictEqual(idf.map((x) => Math.fround(x / norm)));
  });
});

describe('map positions of new papers', () => {
  it('are the cosine-weighted mean of the nearest papers of their own theme', () => {
    // Placed: rows 0-2 (theme 0 at x = 0, 2, 10; row 2 shares no term with the new row), row 3 (theme 1). New: row 4 (theme 0), row 5 (theme 1, no shared term).
    const placed = csr([[1, 0, 0, 0], [0.6, 0.8, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]);
    const added = csr([[0.8, 0.6, 0, 0], [0, 0, 0, 1]]);
    const matrix = blockRowsOf([asBlock(placed), asBlock(added)], 4);
    const { xy, similar } = placeAndFindSimilar(matrix, topTermsOf(matrix, 10), 4, Int32Array.from([0, 0, 0, 1, 0, 1]), 2,
      Float64Array.from([0, 0, 2, 4, 10, 10, 7, 7]), Float64Array.from([1, 1, 5, 6]));
    const [c0, c1] = [Math.fround(0.8), Math.fround(0.6) * Math.fround(0.8) + Math.fround(0.8) * Math.fround(0.6)];
    expect(xy[0]).toBeCloseTo((c1 * 2) / (c0 + c1), 6);
    expect(xy[1]).toBeCloseTo((c1 * 4) / (c0 + c1), 6);
    // No neighbour in its theme shares a term: the theme's position.
    expect([xy[2], xy[3]]).toStrictEqual([5, 6]);
    // Similar papers among all rows, whatever their theme: row 4 is most like row 1, then rows 0 and 3 (a tie, lower row first).
    expect(Array.from(similar.row)).toStrictEqual([4, 4, 4]);
    expect(Array.from(similar.rank)).toStrictEqual([1, 2, 3]);
    expect(Array.from(similar.similar)).toStrictEqual([1, 0, 3]);
    expect(Array.from(similar.similarity)).toStrictEqual([c1, c0, c0]);
  });

  it('reads rows where their blocks lie, 16-bit stored terms beside a new 32-bit block', () => {
    const stored = { ends: Uint32Array.from([2, 3]), terms: Uint16Array.from([0, 2, 1]), weights: Float32Array.from([0.6, 0.8, 1]) };
    const rows = blockRowsOf([stored, asBlock(csr([[0, 0, 0, 1]]))], 4);
    expect([rows.nRows, Array.from(rows.part), Array.from(rows.from), Array.from(rows.to)]).toStrictEqual([3, [0, 0, 1], [0, 2, 0], [2, 3, 1]]);
    const tops = topTermsOf(rows, 1);
    expect([Array.from(tops.cols), Array.from(tops.vals)]).toStrictEqual([[2, 1, 3], [0.8, 1, 1].map(Math.fround)]);
  });

  it('indexes a set of rows by their heaviest terms, each list cut to the heaviest rows (ties: lower row), and forgets the last set', () => {
    // Rows 0-4 all have term 0 at the top; rows 1 and 3 tie.
    const matrix = blockRowsOf([asBlock(csr([[0.9, 0.1], [0.5, 0], [0.7, 0.2], [0.5, 0.1], [0.2, 0], [0, 1]]))], 2);
    const tops = topTermsOf(matrix, 2);
    const index = new TopTermIndex(2, 12, 3);
    const list = (c: number) => Array.from(index.rows.subarray(index.start[c], index.end[c])).sort();
    const wanted = Uint8Array.of(1, 1);
    index.build(tops, Int32Array.from([0, 1, 2, 3, 4]), 0, 5, wanted);
    expect([list(0), list(1)]).toStrictEqual([[0, 1, 2], [0, 2, 3]]);
    index.build(tops, Int32Array.from([4, 5]), 0, 2, wanted);
    expect([list(0), list(1)]).toStrictEqual([[4], [5]]);
    index.build(tops, Int32Array.from([1, 4]), 0, 2, wanted);
    expect([list(0), list(1)]).toStrictEqual([[1, 4], []]);
    // Only the wanted columns' lists are made.
    index.build(tops, Int32Array.from([0, 1, 2, 3, 4]), 0, 5, Uint8Array.of(0, 1));
    expect([list(0), list(1)]).toStrictEqual([[], [0, 2, 3]]);
    index.build(tops, Int32Array.from([1, 4]), 0, 2, wanted);
    // A query row's cosines are the same whichever index found the candidate.
    const search = new NeighbourSearch(matrix, tops, { candidates: 3 }, 3);
    const all = new TopTermIndex(2, 12, 6).build(tops, Int32Array.from([0, 1, 2, 3, 4, 5]), 0, 6, wanted);
    const first = search.nearest(0, all, 3);
    const [rows, cosines] = [Array.from(first.rows.subarray(0, first.count)), Array.from(first.cosines.subarray(0, first.count))];
    expect(rows).toStrictEqual([2, 3, 1]);
    expect(cosines).toStrictEqual([Math.fround(0.9) * Math.fround(0.7) + Math.fround(0.1) * Math.fround(0.2),
      Math.fround(0.9) * Math.fround(0.5) + Math.fround(0.1) * Math.fround(0.1), Math.fround(0.9) * Math.fround(0.5)]);
    const again = search.nearest(0, index, 3);
    expect([again.count, again.rows[0], again.cosines[0]]).toStrictEqual([2, 1, cosines[2]]);
  });

  it('finds the candidates and nearest rows a plain scan would, with lists long enough to grow its score table', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const [nRows, nCols, t, listCap, candidates] = [3000, 10, 4, 2000, 25];
    const dense = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => (random() < 0.6 ? Math.fround(random()) : 0)));
    const matrix = blockRowsOf([asBlock(csr(dense))], nCols);
    const tops = topTermsOf(matrix, t);
    const index = new TopTermIndex(nCols, nRows * t, listCap).build(tops, Int32Array.from({ length: nRows }, (_, i) => i), 0, nRows,
      new Uint8Array(nCols).fill(1));
    const search = new NeighbourSearch(matrix, tops, { candidates }, 10);
    for (const p of [0, 17, 2999]) {
      // The plain scan: Σ over p's top terms of its weight × each row's weight in its own list.
      const score = new Float64Array(nRows);
      const touched: number[] = [];
      let entries = 0;
      for (let x = p * t; x < p * t + t && tops.cols[x] >= 0; x++) {
        const c = tops.cols[x];
        entries += index.end[c] - index.start[c];
        for (let j = index.start[c]; j < index.end[c]; j++) {
          const q = index.rows[j];
          if (q === p) continue;
          if (score[q] === 0) touched.push(q);
          score[q] += tops.vals[x] * index.weights[j];
        }
      }
      // More entries than half the table's first 4,096 slots: it grows.
      expect(entries).toBeGreaterThan(2048);
      const cosine = (q: number) => dense[q].reduce((s, w, c) => s + Math.fround(dense[p][c]) * Math.fround(w), 0);
      const best = bestCandidates(touched, score, candidates)
        .map((q) => ({ q, c: cosine(q) })).sort((a, b) => b.c - a.c || a.q - b.q).slice(0, 10);
      const near = search.nearest(p, index, 10);
      expect(Array.from(near.rows.subarray(0, near.count))).toStrictEqual(best.map((b) => b.q));
      expect(Array.from(near.cosines.subarray(0, near.count))).toStrictEqual(best.map((b) => b.c));
    }
  });

  it('keeps for the phrase bursts only the burst terms of each row\'s own theme', () => {
    const matrix = blockRowsOf([asBlock(csr([[0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [0, 0, 0, 1]]))], 4);
    const kept = burstColumns(matrix, [[0, 3], [1, 3]], Int32Array.from([0, 1, 1]));
    expect([Array.from(kept.indptr), Array.from(kept.indices)]).toStrictEqual([[0, 2, 4, 5], [0, 3, 1, 3, 3]]);
  });

  it('sums the areas\' periods from their themes\' as computePeriods counts them over the papers', () => {
    const dates = ['2025-01-03', '2025-01-20', '2025-02-11', '2025-04-02', '2025-04-30', '2025-06-01', '2024-01-01'];
    const papers = dates.map((published, i) => ({ published, datePrecision: i === 6 ? 'year' as const : 'day' as const }));
    const themes = Int32Array.from([0, 1, 2, 3, 1, 2, 3]);
    const areaOfTheme = Int32Array.from([1, 0, 1, 0]);
    const byTheme = computeTrends(papers, themes, 4, { window: 1 });
    const byArea = computeTrends(papers, themes.map((t) => areaOfTheme[t]), 2, { window: 1 });
    expect(areaPeriods(byTheme.periods, areaOfTheme, 4, 2)).toStrictEqual(byArea.periods);
    expect(() => areaPeriods(byTheme.periods, Int32Array.from([0, 0, 2, 0]), 4, 2)).toThrow(/theme 2 has area 2/);
  });

  it('keeps the best candidates by score, ties to the lower row', () => {
    const score = Float64Array.from([0.5, 0.9, 0.5, 0.1, 0.9]);
    expect(bestCandidates([4, 3, 2, 1, 0], score, 3)).toStrictEqual([1, 4, 0]);
  });
});

// Owns the TF-IDF rows of new papers over a stored vocabulary: the same weights as tfidf/index.ts,
// with the run's IDF (not recomputed: the themes were made with it). The same pass over the text
// collects the papers' search words (search-words.ts) when asked.
import type { CsrMatrix } from '../types.js';
import type { PaperText } from '../tokenise/chunk.js';
import { ensureCapacity } from '../tokenise/grow.js';
import { SearchWords, type PaperWords } from './search-words.js';
import { VocabularyTokeniser } from './vocabulary-tokeniser.js';

export interface Vectorised {
  rows: CsrMatrix;
  /** The papers' search words; their key ids are strings through keyText. */
  words: PaperWords;
  keyText: (key: number) => string;
}

/**
 * As tfidf/index.ts (scikit-learn's TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm='l2')):
 *   w(t, d) = (1 + ln tf(t, d)) · idf(t),   idf(t) = ln((1 + n) / (1 + df(t))) + 1 of the run
 * then each row divided by its L2 norm; columns ascending, weights computed in double and rounded
 * to float32 once, so a paper of the run gets back exactly its stored row.
 */
export function vectorisePapers(papers: readonly PaperText[], terms: readonly string[], idf: Float64Array, ngramMax: number): CsrMatrix {
  return vectorise(papers, terms, idf, ngramMax, false).rows;
}

/** The TF-IDF rows and the search words of `papers`, in one pass over each text. */
export function vectoriseWithWords(papers: readonly PaperText[], terms: readonly string[], idf: Float64Array, ngramMax: number): Vectorised {
  return vectorise(papers, terms, idf, ngramMax, true);
}

function vectorise(papers: readonly PaperText[], terms: readonly string[], idf: Float64Array, ngramMax: number, withSearch: boolean): Vectorised {
  const tokeniser = new VocabularyTokeniser(terms, ngramMax);
  const { rows, words } = vectoriseRun(tokeniser, idf, papers.length, (i) => papers[i], withSearch);
  return { rows, words, keyText: (key) => tokeniser.keyText(key) };
}

/**
 * The TF-IDF rows and (with `withSearch`) search words of `count` papers, paper i's text given by
 * `textOf(i)`, through `tokeniser` (whose word table the calls share: each word stemmed once per
 * thread). Rows and postings are numbered from 0; key ids are `tokeniser`'s.
 */
export function vectoriseRun(tokeniser: VocabularyTokeniser, idf: Float64Array, count: number, textOf: (i: number) => PaperText,
  withSearch: boolean): { rows: CsrMatrix; words: PaperWords } {
  const nCols = idf.length;
  const tf = new Uint32Array(nCols);
  const indptr = new Uint32Array(count + 1);
  let indices = new Uint32Array(Math.max(1024, count * 96));
  let values = new Float32Array(indices.length);
  let row = new Int32Array(256); // the current paper's distinct columns, in order of first occurrence
  let nRow = 0;
  const weights = new Float64Array(256);
  const words = new SearchWords(withSearch ? count : 0);
  const sink = {
    term(c: number) {
      if (tf[c]++ === 0) {
        if (nRow === row.length) row = ensureCapacity(row, nRow + 1);
        row[nRow++] = c;
      }
    },
    search(field: 0 | 1, key: number) {
      words.add(field, key);
    }
  };
  let w = weights;
  for (let i = 0; i < count; i++) {
    nRow = 0;
    if (withSearch) words.begin(i);
    const { title, abstract } = textOf(i);
    tokeniser.scan(title, abstract, sink, withSearch);
    const start = indptr[i];
    if (start + nRow > indices.length) {
      indices = ensureCapacity(indices, start + nRow);
      values = ensureCapacity(values, indices.length);
    }
    const cols = row.subarray(0, nRow).sort();
    if (w.length < nRow) w = new Float64Array(nRow * 2);
    let sumSquares = 0;
    for (let j = 0; j < nRow; j++) {
      const weight = (w[j] = (1 + Math.log(tf[cols[j]])) * idf[cols[j]]);
      sumSquares += weight * weight;
      tf[cols[j]] = 0;
    }
    const norm = Math.sqrt(sumSquares);
    for (let j = 0; j < nRow; j++) {
      indices[start + j] = cols[j];
      values[start + j] = w[j] / norm;
    }
    indptr[i + 1] = start + nRow;
  }
  const nnz = indptr[count];
  return { rows: { nRows: count, nCols, indptr, indices: indices.slice(0, nnz), values: values.slice(0, nnz) }, words: words.result() };
}

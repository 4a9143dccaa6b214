// Owns the TF-IDF rows of new papers over a stored vocabulary: the same weights as tfidf/index.ts,
// with the run's IDF (not recomputed: the themes were made with it). The same pass over the text
// collects the papers' search words (search-words.ts) when asked.
import type { CsrMatrix } from '../types.js';
import type { PaperText } from '../tokenise/chunk.js';
import { ensureCapacity } from '../tokenise/grow.js';
import { SearchWords, type PaperWords } from './search-words.js';
import { SEARCH_STEM, type SearchStem } from '../tokenise/search-tokens.js';
import { PaperTerms, VocabularyTokeniser } from './vocabulary-tokeniser.js';

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
export function vectoriseWithWords(papers: readonly PaperText[], terms: readonly string[], idf: Float64Array, ngramMax: number,
  searchStem: SearchStem = SEARCH_STEM): Vectorised {
  return vectorise(papers, terms, idf, ngramMax, true, searchStem);
}

function vectorise(papers: readonly PaperText[], terms: readonly string[], idf: Float64Array, ngramMax: number, withSearch: boolean,
  searchStem: SearchStem = SEARCH_STEM): Vectorised {
  const tokeniser = new VocabularyTokeniser(terms, ngramMax, papers.length, searchStem);
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
  const pass = new TextPass(tokeniser, idf, count, withSearch);
  pass.take(textOf, count);
  return pass.result();
}

/**
 * vectoriseRun a few papers at a time: take(textOf, upTo) goes on from the last paper taken, so
 * that a caller can do other work between (text-pass-threads.ts), into one set of arrays.
 */
export class TextPass {
  private readonly indptr: Uint32Array;
  private indices: Uint32Array;
  private values: Float32Array;
  private readonly terms: PaperTerms;
  private readonly words: SearchWords | null;
  private w = new Float64Array(256);
  /** Papers taken so far. */
  taken = 0;

  constructor(private readonly tokeniser: VocabularyTokeniser, private readonly idf: Float64Array, readonly count: number, withSearch: boolean) {
    this.indptr = new Uint32Array(count + 1);
    this.indices = new Uint32Array(Math.max(1024, count * 96));
    this.values = new Float32Array(this.indices.length);
    this.terms = new PaperTerms(idf.length);
    this.words = withSearch ? new SearchWords(count) : null;
  }

  /** Papers `taken` to `upTo` − 1. */
  take(textOf: (i: number) => PaperText, upTo: number): void {
    const { tokeniser, idf, terms, words, indptr } = this;
    const { tf } = terms;
    let { indices, values, w } = this;
    for (let i = this.taken; i < upTo; i++) {
      terms.n = 0;
      words?.begin(i);
      const { title, abstract } = textOf(i);
      tokeniser.scan(title, abstract, terms, words);
      const nRow = terms.n;
      const start = indptr[i];
      if (start + nRow > indices.length) {
        indices = ensureCapacity(indices, start + nRow);
        values = ensureCapacity(values, indices.length);
      }
      const cols = terms.columns;
      sortAscending(cols, nRow);
      if (w.length < nRow) w = new Float64Array(nRow * 2);
      let sumSquares = 0;
      for (let j = 0; j < nRow; j++) {
        const c = cols[j];
        const n = tf[c];
        const weight = (w[j] = (n < ONE_PLUS_LOG.length ? ONE_PLUS_LOG[n] : 1 + Math.log(n)) * idf[c]);
        sumSquares += weight * weight;
        tf[c] = 0;
      }
      const norm = Math.sqrt(sumSquares);
      for (let j = 0; j < nRow; j++) {
        indices[start + j] = cols[j];
        values[start + j] = w[j] / norm;
      }
      indptr[i + 1] = start + nRow;
    }
    this.taken = Math.max(this.taken, upTo);
    [this.indices, this.values, this.w] = [indices, values, w];
  }

  /** The rows and words of the papers taken (all `count` of them, once done). */
  result(): { rows: CsrMatrix; words: PaperWords } {
    const { count, indptr } = this;
    const nnz = indptr[count];
    return { rows: { nRows: count, nCols: this.idf.length, indptr, indices: this.indices.slice(0, nnz), values: this.values.slice(0, nnz) },
      words: (this.words ?? new SearchWords(0)).result() };
  }
}

/** 1 + ln n for the small counts (the same doubles Math.log gives: a table, not a call per term). */
const ONE_PLUS_LOG = Float64Array.from({ length: 64 }, (_, n) => 1 + Math.log(n));

/** Sorts `a[0, n)` ascending in place: insertion sort for a short row, else the typed array's sort. */
function sortAscending(a: Int32Array, n: number): void {
  if (n > 48) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

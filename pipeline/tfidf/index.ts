// Owns the tfidf stage: a tokenised corpus in, the L2-normalised sublinear TF-IDF matrix (CSR,
// typed arrays in shared memory) and its vocabulary out. Column choice in select-vocabulary.ts.
import type { CsrMatrix, InternedCorpus, TfidfResult } from '../types.js';
import { sharedArray } from '../shared-memory.js';
import { selectVocabulary, type VocabularyOptions } from './select-vocabulary.js';

export type TfidfOptions = VocabularyOptions;

export interface TfidfBuild extends TfidfResult {
  /** Documents with none of the kept terms: their rows are empty (all zero). */
  emptyRows: number;
}

/** 1 + ln tf for the term frequencies that nearly every entry has, to skip most Math.log calls. */
const SUBLINEAR_TF = Float64Array.from({ length: 256 }, (_, tf) => 1 + Math.log(tf));
const sublinearTf = (tf: number): number => (tf < 256 ? SUBLINEAR_TF[tf] : 1 + Math.log(tf));

/** Column of every corpus term id, or -1 for a pruned term. */
function columnsOf(nTerms: number, termIds: Uint32Array): Int32Array {
  const column = new Int32Array(nTerms).fill(-1);
  termIds.forEach((term, col) => (column[term] = col));
  return column;
}

/** Row pointers: the number of distinct kept columns of each document, summed. */
function countRowEntries(docs: Uint32Array[], column: Int32Array, nCols: number): Uint32Array {
  const indptr = sharedArray(Uint32Array, docs.length + 1);
  const lastRow = new Int32Array(nCols).fill(-1);
  docs.forEach((ids, row) => {
    let distinct = 0;
    for (let i = 0; i < ids.length; i++) {
      const col = column[ids[i]];
      if (col >= 0 && lastRow[col] !== row) {
        lastRow[col] = row;
        distinct++;
      }
    }
    indptr[row + 1] = indptr[row] + distinct;
  });
  return indptr;
}

/**
 * Weight of term t in document d, as scikit-learn's TfidfVectorizer(sublinear_tf=True,
 * smooth_idf=True, norm='l2'):
 *   w(t, d) = (1 + ln tf(t, d)) · idf(t),   idf(t) = ln((1 + n) / (1 + df(t))) + 1
 * with n the number of documents, then each row divided by its L2 norm sqrt(Σ_t w(t, d)²).
 */
function fillRows(docs: Uint32Array[], column: Int32Array, idf: Float64Array, matrix: CsrMatrix): number {
  const { indptr, indices, values } = matrix;
  const tf = new Uint32Array(idf.length);
  const weights = new Float64Array(idf.length); // a row's weights in double, rounded to float32 once
  let emptyRows = 0;
  docs.forEach((ids, row) => {
    const start = indptr[row];
    let end = start;
    for (let i = 0; i < ids.length; i++) {
      const col = column[ids[i]];
      if (col < 0) continue;
      if (tf[col]++ === 0) indices[end++] = col;
    }
    if (end === start) {
      emptyRows++;
      return;
    }
    const cols = indices.subarray(start, end).sort();
    let sumSquares = 0;
    for (let j = 0; j < cols.length; j++) {
      const col = cols[j];
      const weight = (weights[j] = sublinearTf(tf[col]) * idf[col]);
      sumSquares += weight * weight;
      tf[col] = 0;
    }
    const norm = Math.sqrt(sumSquares);
    for (let j = 0; j < cols.length; j++) values[start + j] = weights[j] / norm;
  });
  return emptyRows;
}

/** Builds the TF-IDF matrix of `corpus` over the terms that selectVocabulary keeps; strings only for those. */
export function buildTfidf(corpus: InternedCorpus, options: TfidfOptions): TfidfBuild {
  const { termIds, keys, df } = selectVocabulary(corpus, options);
  const nRows = corpus.docs.length;
  const nCols = termIds.length;
  const idf = Float64Array.from(df, (d) => Math.log((1 + nRows) / (1 + d)) + 1);
  const column = columnsOf(corpus.nTerms, termIds);
  const indptr = countRowEntries(corpus.docs, column, nCols);
  const nnz = indptr[nRows];
  // In shared memory from the start: the cluster and map threads read it where it is (share() would
  // copy a plain matrix for them: 0.9 GB more at a million papers).
  const matrix: CsrMatrix = { nRows, nCols, indptr, indices: sharedArray(Uint32Array, nnz), values: sharedArray(Float32Array, nnz) };
  const emptyRows = fillRows(corpus.docs, column, idf, matrix);
  const vocabulary = { terms: keys, surfaces: corpus.surfacesOf(termIds), df, idf };
  return { matrix, vocabulary, emptyRows };
}

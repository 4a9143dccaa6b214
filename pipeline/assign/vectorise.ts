// Owns the TF-IDF rows of new papers over a stored vocabulary: the same weights as tfidf/index.ts,
// with the run's IDF (not recomputed: the themes were made with it).
import type { CsrMatrix } from '../types.js';
import type { PaperText } from '../tokenise/chunk.js';
import { rememberSearchKeys } from '../tokenise/search-tokens.js';
import { VocabularyTokeniser } from './vocabulary-tokeniser.js';

/**
 * As tfidf/index.ts (scikit-learn's TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm='l2')):
 *   w(t, d) = (1 + ln tf(t, d)) · idf(t),   idf(t) = ln((1 + n) / (1 + df(t))) + 1 of the run
 * then each row divided by its L2 norm; columns ascending, weights computed in double and rounded
 * to float32 once, so a paper of the run gets back exactly its stored row.
 */
export function vectorisePapers(papers: readonly PaperText[], terms: readonly string[], idf: Float64Array, ngramMax: number): CsrMatrix {
  const tokeniser = new VocabularyTokeniser(terms, ngramMax);
  const nCols = terms.length;
  const tf = new Uint32Array(nCols);
  const indptr = new Uint32Array(papers.length + 1);
  let indices: Uint32Array = new Uint32Array(Math.max(1024, papers.length * 96));
  let values: Float32Array = new Float32Array(indices.length);
  let row: number[] = [];
  const weights = new Float64Array(nCols);
  papers.forEach((paper, i) => {
    row = [];
    tokeniser.scan(paper.title, paper.abstract, (c) => {
      if (tf[c]++ === 0) row.push(c);
    });
    const start = indptr[i];
    if (start + row.length > indices.length) [indices, values] = grow(indices, values, start + row.length);
    row.sort((a, b) => a - b);
    let sumSquares = 0;
    for (let j = 0; j < row.length; j++) {
      const weight = (weights[j] = (1 + Math.log(tf[row[j]])) * idf[row[j]]);
      sumSquares += weight * weight;
      tf[row[j]] = 0;
    }
    const norm = Math.sqrt(sumSquares);
    for (let j = 0; j < row.length; j++) [indices[start + j], values[start + j]] = [row[j], weights[j] / norm];
    indptr[i + 1] = start + row.length;
  });
  const nnz = indptr[papers.length];
  // The search index of the same papers comes next (assign/search-merge.ts): its words are stemmed here already.
  const known = tokeniser.wordKeys();
  rememberSearchKeys(known.words, known.keys);
  return { nRows: papers.length, nCols, indptr, indices: indices.slice(0, nnz), values: values.slice(0, nnz) };
}

function grow(indices: Uint32Array, values: Float32Array, need: number): [Uint32Array, Float32Array] {
  const size = Math.max(need, indices.length * 2);
  const [i2, v2] = [new Uint32Array(size), new Float32Array(size)];
  i2.set(indices);
  v2.set(values);
  return [i2, v2];
}

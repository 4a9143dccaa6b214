// Owns class-based TF-IDF (c-TF-IDF, as BERTopic's ClassTfidfTransformer): how distinctive each
// term is of each theme, computed from the papers' rows joined per theme.
import type { CsrMatrix } from '../types.js';

/**
 * Term totals per theme, k × nCols row-major: tf[c][t] = Σ_{i in c} x_it, the sum of the papers'
 * TF-IDF weights (BERTopic sums counts; we only have the L2-normalised TF-IDF rows). So every
 * paper weighs the same, and a term is already damped by its corpus idf before the class idf
 * below. Recovering counts instead (x_it / idf_t) was tried on 74,728 arXiv cs papers at k = 40:
 * its keywords were markedly more generic ("findings", "across", "problem").
 */
export function classTermTotals(matrix: CsrMatrix, assignments: Int32Array, k: number): Float64Array {
  const { nCols, indptr, indices, values } = matrix;
  const tf = new Float64Array(k * nCols);
  for (let i = 0; i < matrix.nRows; i++) {
    const base = assignments[i] * nCols;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) tf[base + indices[p]] += values[p];
  }
  return tf;
}

/**
 * c-TF-IDF, in place over tf (k × nCols):
 *   W[c][t] = tf[c][t] / ‖tf[c]‖₁ · ln(1 + A / f_t)
 * with A = (1/k) Σ_c ‖tf[c]‖₁ the average total per theme and f_t = Σ_c tf[c][t] the term's total
 * over all themes. (BERTopic truncates A to an integer; we keep it real.) W = 0 where f_t = 0.
 */
export function classTfidf(tf: Float64Array, k: number, nCols: number): Float64Array {
  const classTotal = new Float64Array(k);
  const termTotal = new Float64Array(nCols);
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < nCols; t++) {
      classTotal[c] += tf[c * nCols + t];
      termTotal[t] += tf[c * nCols + t];
    }
  }
  const average = classTotal.reduce((s, x) => s + x, 0) / k;
  const idf = termTotal.map((f) => (f > 0 ? Math.log(1 + average / f) : 0));
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < nCols; t++) {
      const q = c * nCols + t;
      tf[q] = classTotal[c] > 0 ? (tf[q] / classTotal[c]) * idf[t] : 0;
    }
  }
  return tf;
}

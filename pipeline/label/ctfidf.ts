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

/** ‖tf[c]‖₁ per theme and f_t = Σ_c tf[c][t] per term. */
function totalsOf(tf: Float64Array, k: number, nCols: number): { classTotal: Float64Array; termTotal: Float64Array } {
  const classTotal = new Float64Array(k);
  const termTotal = new Float64Array(nCols);
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < nCols; t++) {
      classTotal[c] += tf[c * nCols + t];
      termTotal[t] += tf[c * nCols + t];
    }
  }
  return { classTotal, termTotal };
}

/**
 * Distinctive c-TF-IDF, in place over tf (k × nCols): BERTopic's c-TF-IDF
 *   W[c][t] = tf[c][t] / ‖tf[c]‖₁ · ln(1 + A / f_t)
 * with A = (1/k) Σ_c ‖tf[c]‖₁ the average total per theme and f_t = Σ_c tf[c][t] the term's total
 * over all themes (BERTopic truncates A to an integer; we keep it real), scaled by the theme's share
 * of the term:
 *   S[c][t] = W[c][t] · tf[c][t] / f_t        (0 where f_t = 0 or ‖tf[c]‖₁ = 0)
 * Why: W alone can still rank a word that many themes use ("problem", "features", "algorithm") at
 * the top of the theme that uses it most, its large part of the theme's total outweighing its small
 * idf; the share tf[c][t] / f_t is small for such a word and near 1 for a theme's own vocabulary ("model merging"), so the
 * product keeps what is both frequent in the theme and mostly used by it. On 74,728 arXiv cs papers
 * at k = 40 it turned "problem, algorithm", "features, fusion", "bound, prove" and "fine-tuning, large
 * language models" into "finite element, vehicle routing problem", "low-light image enhancement,
 * image fusion", "lower bound, auctions" and "parameter-efficient fine-tuning, lora".
 */
export function distinctiveTfidf(tf: Float64Array, k: number, nCols: number): Float64Array {
  const { classTotal, termTotal } = totalsOf(tf, k, nCols);
  const average = classTotal.reduce((s, x) => s + x, 0) / k;
  const idf = termTotal.map((f) => (f > 0 ? Math.log(1 + average / f) : 0));
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < nCols; t++) {
      const q = c * nCols + t;
      const share = termTotal[t] > 0 ? tf[q] / termTotal[t] : 1;
      tf[q] = classTotal[c] > 0 ? (tf[q] / classTotal[c]) * idf[t] * share : 0;
    }
  }
  return tf;
}

// Owns the similar-papers stage: for each paper, the papers of the run nearest to it by cosine over
// the L2-normalised TF-IDF rows. Exact cosine over candidates found through each paper's top terms.
import type { CsrMatrix } from '../types.js';

export interface SimilarOptions {
  /** Similar papers kept per paper. */
  top: number;
  /** Heaviest terms of each paper that find its candidates. */
  termsPerPaper: number;
  /** Candidates (best by the top-terms score) whose exact cosine is computed. */
  candidates: number;
  /** Papers kept in each term's list: those where the term weighs most. */
  listCap: number;
}

export interface SimilarPapers {
  top: number;
  /** Row i·top + r: the (r+1)-th most similar paper row to row i, or -1 when fewer exist. */
  rows: Int32Array;
  /** Its cosine similarity (dot product of the L2-normalised TF-IDF rows). */
  similarity: Float64Array;
}

/** Each row's `t` heaviest entries (ties by position), flat: row i's in [i·t, i·t + t), column -1 when the row has fewer. */
function topTerms(matrix: CsrMatrix, t: number): { cols: Int32Array; vals: Float32Array } {
  const cols = new Int32Array(matrix.nRows * t).fill(-1);
  const vals = new Float32Array(matrix.nRows * t);
  const { indptr, indices, values } = matrix;
  for (let i = 0; i < matrix.nRows; i++) {
    // Insertion into a sorted list of at most t: rows hold ~100 terms, t ~10.
    let n = 0;
    for (let at = indptr[i]; at < indptr[i + 1]; at++) {
      const v = values[at];
      if (n === t && v <= vals[i * t + t - 1]) continue;
      let j = Math.min(n, t - 1);
      while (j > 0 && vals[i * t + j - 1] < v) {
        cols[i * t + j] = cols[i * t + j - 1];
        vals[i * t + j] = vals[i * t + j - 1];
        j--;
      }
      cols[i * t + j] = indices[at];
      vals[i * t + j] = v;
      if (n < t) n++;
    }
  }
  return { cols, vals };
}

/**
 * Inverted lists over each paper's top terms: for term c, the rows and weights in
 * [start[c], start[c + 1]), at most `cap` of them (those where the term weighs most). Without the
 * cap the work is Σ_c len(c)², and a generic term at the top of thousands of papers made 75k
 * papers take over a minute.
 */
function invertTopTerms(matrix: CsrMatrix, t: number, cap: number) {
  const tops = topTerms(matrix, t);
  const count = new Uint32Array(matrix.nCols + 1);
  for (const c of tops.cols) if (c >= 0) count[c + 1]++;
  for (let c = 0; c < matrix.nCols; c++) count[c + 1] += count[c];
  const all = new Int32Array(count[matrix.nCols]); // positions into tops, grouped by column
  const fill = count.slice(0, matrix.nCols);
  tops.cols.forEach((c, at) => {
    if (c >= 0) all[fill[c]++] = at;
  });
  const start = new Uint32Array(matrix.nCols + 1);
  for (let c = 0; c < matrix.nCols; c++) start[c + 1] = start[c] + Math.min(cap, count[c + 1] - count[c]);
  const rows = new Int32Array(start[matrix.nCols]);
  const weights = new Float32Array(rows.length);
  for (let c = 0; c < matrix.nCols; c++) {
    let list = all.subarray(count[c], count[c + 1]);
    if (list.length > cap) list = Int32Array.from(list).sort((a, b) => tops.vals[b] - tops.vals[a] || a - b).subarray(0, cap);
    list.forEach((at, j) => {
      rows[start[c] + j] = Math.floor(at / t);
      weights[start[c] + j] = tops.vals[at];
    });
  }
  return { tops, start, rows, weights };
}

/**
 * The `k` entries of ids[0, n) with the highest `score`, in any order: the k-th best score is found by
 * sorting a copy of the scores (a native typed-array sort), then the ids at or above it are taken,
 * lowest ids first among ties at the threshold.
 */
function bestOf(ids: Int32Array, n: number, score: Float64Array, k: number, scratch: Float64Array): number[] {
  if (n <= k) return Array.from(ids.subarray(0, n));
  for (let i = 0; i < n; i++) scratch[i] = score[ids[i]];
  const threshold = scratch.subarray(0, n).sort()[n - k];
  const above: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = score[ids[i]];
    if (s > threshold) above.push(ids[i]);
    else if (s === threshold) ties.push(ids[i]);
  }
  return above.concat(ties.sort((a, b) => a - b).slice(0, k - above.length));
}

/**
 * The `top` most similar papers of every paper. Candidates of paper p: papers sharing one of p's
 * `termsPerPaper` heaviest terms among their own, scored by Σ w_p,c · w_q,c over those shared terms;
 * the best `candidates` of them get their exact cosine Σ_c x_p,c · x_q,c over all terms, and the
 * `top` best by it are kept (ties by row). Exact for the pairs it compares; a pair sharing none of
 * either paper's heaviest terms is not compared (its cosine is small).
 */
export function findSimilarPapers(matrix: CsrMatrix, options: SimilarOptions): SimilarPapers {
  const { top, termsPerPaper, candidates, listCap } = options;
  const n = matrix.nRows;
  const { tops, start, rows: listRows, weights } = invertTopTerms(matrix, termsPerPaper, listCap);
  const acc = new Float64Array(n);
  const dense = new Float32Array(matrix.nCols);
  const touched = new Int32Array(n);
  const scratch = new Float64Array(n);
  const out = { top, rows: new Int32Array(n * top).fill(-1), similarity: new Float64Array(n * top) };
  for (let p = 0; p < n; p++) {
    let nTouched = 0;
    for (let j = p * termsPerPaper; j < (p + 1) * termsPerPaper && tops.cols[j] >= 0; j++) {
      const [c, w] = [tops.cols[j], tops.vals[j]];
      for (let at = start[c]; at < start[c + 1]; at++) {
        const q = listRows[at];
        if (q === p) continue;
        if (acc[q] === 0) touched[nTouched++] = q;
        acc[q] += w * weights[at];
      }
    }
    const best = bestOf(touched, nTouched, acc, candidates, scratch);
    for (let i = 0; i < nTouched; i++) acc[touched[i]] = 0;
    for (let at = matrix.indptr[p]; at < matrix.indptr[p + 1]; at++) dense[matrix.indices[at]] = matrix.values[at];
    const scored = best.map((q) => ({ q, dot: denseDot(matrix, q, dense) }));
    for (let at = matrix.indptr[p]; at < matrix.indptr[p + 1]; at++) dense[matrix.indices[at]] = 0;
    scored.sort((a, b) => b.dot - a.dot || a.q - b.q);
    scored.slice(0, top).forEach(({ q, dot }, r) => {
      out.rows[p * top + r] = q;
      out.similarity[p * top + r] = dot;
    });
  }
  return out;
}

/** Row q of the matrix · a dense vector. */
function denseDot(matrix: CsrMatrix, q: number, dense: Float32Array): number {
  let dot = 0;
  for (let at = matrix.indptr[q]; at < matrix.indptr[q + 1]; at++) dot += dense[matrix.indices[at]] * matrix.values[at];
  return dot;
}

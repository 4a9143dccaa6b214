// Owns keyword coherence: how often a theme's top keywords occur together in the corpus' papers,
// as the mean normalised pointwise mutual information (NPMI) over keyword pairs.
import type { CsrMatrix } from '../types.js';

/** Keywords per theme whose pairs are scored (fewer when a theme has fewer keywords). */
export const COHERENCE_TOP = 10;

/**
 * NPMI of two terms from document counts: with P(i) = n_i / N, P(j) = n_j / N, P(i,j) = n_ij / N,
 *   NPMI(i, j) = ln(P(i,j) / (P(i) P(j))) / −ln P(i,j)
 * in [−1, 1]: 1 when they only ever occur together, 0 when independent, −1 when they never
 * co-occur (n_ij = 0; the limit of the formula). When P(i,j) = 1 (both in every paper) it is 1.
 */
export function npmi(nij: number, ni: number, nj: number, n: number): number {
  if (nij === 0) return -1;
  if (nij === n) return 1;
  const pij = nij / n;
  return Math.log(pij / ((ni / n) * (nj / n))) / -Math.log(pij);
}

/** For each requested column, the set of rows (papers) where it is non-zero, as a bitset. */
function documentSets(matrix: CsrMatrix, columns: number[]): Map<number, Uint32Array> {
  const words = (matrix.nRows + 31) >>> 5;
  const local = new Int32Array(matrix.nCols).fill(-1);
  const sets = columns.map(() => new Uint32Array(words));
  columns.forEach((c, i) => (local[c] = i));
  for (let row = 0; row < matrix.nRows; row++) {
    for (let p = matrix.indptr[row]; p < matrix.indptr[row + 1]; p++) {
      const i = local[matrix.indices[p]];
      if (i >= 0) sets[i][row >>> 5] |= 1 << (row & 31);
    }
  }
  return new Map(columns.map((c) => [c, sets[local[c]]]));
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

function count(a: Uint32Array, b?: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < a.length; w++) n += popcount(b ? a[w] & b[w] : a[w]);
  return n;
}

/**
 * Per theme, the mean NPMI over all pairs of its first COHERENCE_TOP keywords (matrix columns),
 * with document co-occurrence counted over every paper of the corpus (a paper contains a term
 * when its TF-IDF row has it). NaN for a theme with fewer than two keywords.
 */
export function keywordCoherence(matrix: CsrMatrix, keywordColumns: number[][]): Float64Array {
  const tops = keywordColumns.map((cols) => cols.slice(0, COHERENCE_TOP));
  const sets = documentSets(matrix, [...new Set(tops.flat())]);
  const df = new Map([...sets].map(([c, set]) => [c, count(set)]));
  return Float64Array.from(tops, (cols) => {
    let sum = 0;
    let pairs = 0;
    for (let a = 0; a < cols.length; a++) {
      for (let b = a + 1; b < cols.length; b++) {
        sum += npmi(count(sets.get(cols[a])!, sets.get(cols[b])!), df.get(cols[a])!, df.get(cols[b])!, matrix.nRows);
        pairs++;
      }
    }
    return pairs > 0 ? sum / pairs : NaN;
  });
}

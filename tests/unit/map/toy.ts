// Hand-made sparse matrices and clusterings for the map tests: rows and centroids from dense arrays.
import type { Clustering, CsrMatrix } from '../../../pipeline/types.js';

const unit = (row: number[]): number[] => {
  const norm = Math.hypot(...row);
  return row.map((x) => x / norm);
};

/** CSR matrix of the given dense rows, each scaled to unit length. */
export function csrOf(rows: number[][], nCols: number): CsrMatrix {
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    unit(row).forEach((v, col) => {
      if (v !== 0) [indices.push(col), values.push(v)];
    });
    indptr.push(indices.length);
  }
  return {
    nRows: rows.length,
    nCols,
    indptr: Uint32Array.from(indptr),
    indices: Uint32Array.from(indices),
    values: Float32Array.from(values)
  };
}

/**
 * Clustering with unit mean-of-rows centroids, each row's cosine to its own centroid and to its most
 * similar other one (ties to the lower theme), ranks by cosine (ties to the lower row) and sizes.
 */
export function clusteringOf(matrix: CsrMatrix, assignments: number[], k: number): Clustering {
  const { nCols } = matrix;
  const dense = (i: number): number[] => {
    const row = new Array<number>(nCols).fill(0);
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) row[matrix.indices[p]] = matrix.values[p];
    return row;
  };
  const sums = Array.from({ length: k }, () => new Array<number>(nCols).fill(0));
  assignments.forEach((t, i) => dense(i).forEach((v, c) => (sums[t][c] += v)));
  const centroids = Float32Array.from(sums.flatMap(unit));
  const cosines = assignments.map((_, i) => Array.from({ length: k }, (_, t) => dense(i).reduce((s, v, c) => s + v * centroids[t * nCols + c], 0)));
  const similarity = Float32Array.from(assignments, (t, i) => cosines[i][t]);
  const secondTheme = Int32Array.from(assignments, (t, i) =>
    cosines[i].reduce((best, x, o) => (o !== t && (best < 0 || x > cosines[i][best]) ? o : best), -1));
  const thirdTheme = Int32Array.from(assignments, (t, i) =>
    cosines[i].reduce((best, x, o) => (o !== t && o !== secondTheme[i] && (best < 0 || x > cosines[i][best]) ? o : best), -1));
  const rankInTheme = Int32Array.from(assignments, (t, i) =>
    1 + assignments.filter((u, j) => u === t && (similarity[j] > similarity[i] || (similarity[j] === similarity[i] && j < i))).length);
  return {
    k,
    assignments: Int32Array.from(assignments),
    sizes: Int32Array.from({ length: k }, (_, t) => assignments.filter((u) => u === t).length),
    similarity,
    rankInTheme,
    secondTheme,
    secondSimilarity: Float32Array.from(secondTheme, (o, i) => (o < 0 ? 0 : cosines[i][o])),
    thirdTheme,
    thirdSimilarity: Float32Array.from(thirdTheme, (o, i) => (o < 0 ? 0 : cosines[i][o])),
    centroids,
    inertia: similarity.reduce((s, x) => s + 1 - x, 0),
    iterations: 1
  };
}

/**
 * Four themes of 8 papers over 12 terms: A (terms 0, 1) and B (terms 0, 1, 2) nearly the same,
 * C (terms 6, 7) and D (terms 9, 10) far from them and from each other. Each paper adds a little
 * of term 11 or 4 + its index, so no two are equal. The last paper of C (row 23) is almost half D.
 */
export function fourThemes(): { matrix: CsrMatrix; clustering: Clustering } {
  const bases = [
    [[0, 1], [1, 1]],
    [[0, 1], [1, 1], [2, 0.6]],
    [[6, 1], [7, 1]],
    [[9, 1], [10, 1]]
  ];
  const rows: number[][] = [];
  const assignments: number[] = [];
  bases.forEach((base, t) => {
    for (let i = 0; i < 8; i++) {
      const row = new Array<number>(12).fill(0);
      for (const [col, v] of base) row[col] = v;
      row[i % 2 === 0 ? 11 : 3 + (i % 3)] += 0.05 * (i + 1);
      rows.push(row);
      assignments.push(t);
    }
  });
  rows[23] = [0, 0, 0, 0, 0, 0, 1, 1, 0, 0.97, 0.97, 0];
  return { matrix: csrOf(rows, 12), clustering: clusteringOf(csrOf(rows, 12), assignments, 4) };
}

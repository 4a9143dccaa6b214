// Owns the column view (CSC) of the TF-IDF matrix, which lets seeding and the centroid update walk
// one term at a time instead of scattering over all centroids.
import type { CsrMatrix } from '../types.js';
import { plainArray, type Allocate } from '../shared-memory.js';

/**
 * The transpose of a CSR matrix, in CSR form (i.e. the matrix in CSC), rows in ascending order;
 * `allocate` makes its arrays (the map passes sharedArray, so its threads read them uncopied).
 */
export function transpose(matrix: CsrMatrix, allocate: Allocate = plainArray): CsrMatrix {
  const { nRows, nCols, indptr, indices, values } = matrix;
  const tIndptr = allocate(Uint32Array, nCols + 1);
  for (let p = 0; p < indptr[nRows]; p++) tIndptr[indices[p] + 1]++;
  for (let j = 0; j < nCols; j++) tIndptr[j + 1] += tIndptr[j];
  const next = tIndptr.slice(0, nCols);
  const tIndices = allocate(Uint32Array, indptr[nRows]);
  const tValues = allocate(Float32Array, indptr[nRows]);
  for (let i = 0; i < nRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const q = next[indices[p]]++;
      tIndices[q] = i;
      tValues[q] = values[p];
    }
  }
  return { nRows: nCols, nCols: nRows, indptr: tIndptr, indices: tIndices, values: tValues };
}

// Owns the centroid side of Lloyd's algorithm on sparse rows: building centroids from rows, the
// update step (the re-normalised mean), empty-cluster repair and layouts.
import { InputError } from '../errors.js';
import type { CsrMatrix } from '../types.js';
import { sharedArray } from '../shared-memory.js';

/** ‖row‖² of every row (0 marks an empty row). */
export function rowNorms2(matrix: CsrMatrix): Float64Array {
  const out = new Float64Array(matrix.nRows);
  for (let i = 0; i < matrix.nRows; i++) {
    let sum = 0;
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) sum += matrix.values[p] * matrix.values[p];
    out[i] = sum;
  }
  return out;
}

/** Term-major centroids (nCols × k, shared memory) equal to the given rows, in order. */
export function centroidsFromRows(matrix: CsrMatrix, rows: number[]): Float32Array {
  const k = rows.length;
  const centT = sharedArray(Float32Array, matrix.nCols * k);
  rows.forEach((row, c) => {
    for (let p = matrix.indptr[row]; p < matrix.indptr[row + 1]; p++) centT[matrix.indices[p] * k + c] = matrix.values[p];
  });
  return centT;
}

/**
 * Update step. sum_c = Σ_{i in c} x_i, c = sum_c / ‖sum_c‖ (the unit vector maximising
 * Σ_{i in c} cos(x_i, c)). A cluster whose sum is zero keeps its previous centroid. Walks the
 * matrix by columns (`columns` = its transpose, rows ascending in each), so each term's k sums stay
 * in cache and every sum still adds its rows in row order, whatever the threads. `sums` is scratch
 * of nCols × k.
 */
export function updateCentroids(columns: CsrMatrix, assignments: Int32Array, k: number, centT: Float32Array, sums: Float64Array): void {
  sums.fill(0);
  const norm2 = new Float64Array(k);
  for (let j = 0; j < columns.nRows; j++) {
    const base = j * k;
    for (let q = columns.indptr[j]; q < columns.indptr[j + 1]; q++) sums[base + assignments[columns.indices[q]]] += columns.values[q];
    for (let c = 0; c < k; c++) norm2[c] += sums[base + c] * sums[base + c];
  }
  const divisor = norm2.map(Math.sqrt);
  for (let j = 0, q = 0; j < columns.nRows; j++) {
    for (let c = 0; c < k; c++, q++) if (divisor[c] > 0) centT[q] = sums[q] / divisor[c];
  }
}

/**
 * Gives every empty cluster (in order of id) the non-empty row farthest from its centroid, i.e. the
 * largest ‖x‖² − 2·score = ‖x − c‖² (ties to the lowest row), taken from a cluster that keeps at
 * least one non-empty row. Returns the rows moved. Deterministic: no randomness involved.
 */
export function repairEmptyClusters(
  assignments: Int32Array, scores: Float64Array, norm2: Float64Array, k: number
): number[] {
  const live = new Int32Array(k);
  for (let i = 0; i < assignments.length; i++) if (norm2[i] > 0) live[assignments[i]]++;
  const counts = new Int32Array(k);
  for (let i = 0; i < assignments.length; i++) counts[assignments[i]]++;
  const moved: number[] = [];
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    let far = -1;
    let farDist = -Infinity;
    for (let i = 0; i < assignments.length; i++) {
      const dist = norm2[i] - 2 * scores[i];
      if (norm2[i] > 0 && live[assignments[i]] > 1 && !moved.includes(i) && dist > farDist) {
        far = i;
        farDist = dist;
      }
    }
    if (far < 0) throw new InputError(`cannot fill empty theme ${c}: too few distinct papers with terms; choose a smaller k`);
    counts[assignments[far]]--;
    live[assignments[far]]--;
    assignments[far] = c;
    counts[c] = live[c] = 1;
    moved.push(far);
  }
  return moved;
}

/** Row-major k × nCols copy of term-major centroids. */
export function toRowMajor(centT: Float32Array, k: number, nCols: number): Float32Array {
  const out = new Float32Array(k * nCols);
  for (let j = 0; j < nCols; j++) for (let c = 0; c < k; c++) out[c * nCols + j] = centT[j * k + c];
  return out;
}

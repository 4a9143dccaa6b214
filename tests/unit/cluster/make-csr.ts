// Test helper: builds CsrMatrix values from dense rows, optionally scaled to unit length.
import type { CsrMatrix } from '../../../pipeline/types.js';

/** CSR of dense rows (zeros dropped); with `unit`, every non-zero row scaled to length 1 first. */
export function makeCsr(rows: number[][], unit = true): CsrMatrix {
  const nCols = rows[0]?.length ?? 0;
  const indptr = new Uint32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((row, i) => {
    const norm = unit ? Math.hypot(...row) : 1;
    row.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        values.push(v / norm);
      }
    });
    indptr[i + 1] = indices.length;
  });
  return { nRows: rows.length, nCols, indptr, indices: Uint32Array.from(indices), values: Float32Array.from(values) };
}

/** The dense rows of a CSR matrix, as the Float32 values it stores. */
export function toDense(matrix: CsrMatrix): number[][] {
  return Array.from({ length: matrix.nRows }, (_, i) => {
    const row = new Array<number>(matrix.nCols).fill(0);
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) row[matrix.indices[p]] = matrix.values[p];
    return row;
  });
}

/** Seeded points around the given centres (mulberry32-free: a fixed LCG keeps the fixture explicit). */
export function blobs(centres: number[][], perBlob: number, spread: number, seed: number): number[][] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const rows: number[][] = [];
  for (let b = 0; b < perBlob; b++) for (const centre of centres) rows.push(centre.map((x) => Math.max(0, x + spread * next())));
  return rows;
}

// symmetricEigen: Jacobi eigenpairs of small symmetric matrices, largest first.
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../pipeline/map/eigen.js';

describe('symmetricEigen', () => {
  it('finds eigenvalues 3 and 1 of [[2, 1], [1, 2]] with eigenvectors (1, 1)/√2 and (1, −1)/√2', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(Array.from(values, (v) => Math.round(v * 1e12) / 1e12)).toStrictEqual([3, 1]);
    expect(Math.abs(vectors[0] * vectors[1])).toBeCloseTo(0.5, 12);
    expect(vectors[0] / vectors[1]).toBeCloseTo(1, 12);
    expect(vectors[2] / vectors[3]).toBeCloseTo(-1, 12);
  });

  it('returns orthonormal vectors with A v = λ v for a 5 × 5 matrix', () => {
    const n = 5;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = 1 / (1 + i + j) + (i === j ? i : 0);
    const { values, vectors } = symmetricEigen(a, n);
    for (let e = 0; e < n; e++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[e * n + j];
        expect(av).toBeCloseTo(values[e] * vectors[e * n + i], 10);
      }
      for (let f = 0; f < n; f++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += vectors[e * n + i] * vectors[f * n + i];
        expect(dot).toBeCloseTo(e === f ? 1 : 0, 10);
      }
    }
    expect([...values].every((v, i) => i === 0 || v <= values[i - 1])).toBe(true);
  });
});

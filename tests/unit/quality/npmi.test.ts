import { describe, expect, it } from 'vitest';
import { keywordCoherence, npmi } from '../../../pipeline/quality/index.js';
import { makeCsr } from '../cluster/make-csr.js';

describe('npmi', () => {
  it('is ln(P(i,j) / (P(i) P(j))) / −ln P(i,j) from document counts', () => {
    expect(npmi(2, 2, 3, 4)).toBe(Math.log(2 / 4 / ((2 / 4) * (3 / 4))) / -Math.log(2 / 4));
  });

  it('is −1 for terms that never co-occur, 0 for independent ones, 1 for terms always together', () => {
    expect(npmi(0, 2, 2, 4)).toBe(-1);
    expect(npmi(1, 2, 2, 4)).toBeCloseTo(0, 12);
    expect(npmi(2, 2, 2, 4)).toBe(1);
    expect(npmi(4, 4, 4, 4)).toBe(1);
  });
});

describe('keywordCoherence', () => {
  // Columns a, b, c, d; a in papers 0, 1; b in 0, 1, 2; c in 3; d nowhere near the keywords.
  const matrix = makeCsr([
    [1, 1, 0, 1],
    [1, 1, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0]
  ]);

  it('averages NPMI over all pairs of a theme’s keywords, counting papers over the whole corpus', () => {
    const [theme] = keywordCoherence(matrix, [[0, 1, 2]]);
    // (a, b): 2 of 4 papers together; (a, c) and (b, c) never: −1 each.
    const ab = Math.log(2 / 4 / ((2 / 4) * (3 / 4))) / -Math.log(2 / 4);
    expect(theme).toBeCloseTo((ab - 1 - 1) / 3, 12);
  });

  it('is NaN for a theme with fewer than two keywords', () => {
    expect(Number.isNaN(keywordCoherence(matrix, [[0]])[0])).toBe(true);
  });

  it('uses only the first ten keywords', () => {
    const many = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 2, 2];
    const ten = many.slice(0, 10);
    expect(keywordCoherence(matrix, [many])[0]).toBe(keywordCoherence(matrix, [ten])[0]);
  });
});

import { describe, expect, it } from 'vitest';
import { findSimilarPapers } from '../../../pipeline/similar/index.js';
import type { CsrMatrix } from '../../../pipeline/types.js';

/** Rows (L2-normalised): r0 = (1, 0, 0), r1 = (0.8, 0.6, 0), r2 = (0, 0.6, 0.8), r3 = (0, 0, 1). */
const MATRIX: CsrMatrix = {
  nRows: 4,
  nCols: 3,
  indptr: Uint32Array.from([0, 1, 3, 5, 6]),
  indices: Uint32Array.from([0, 0, 1, 1, 2, 2]),
  values: Float32Array.from([1, 0.8, 0.6, 0.6, 0.8, 1])
};

describe('findSimilarPapers', () => {
  it('keeps each paper’s most similar papers by exact cosine, best first, and none that share no term', () => {
    const similar = findSimilarPapers(MATRIX, { top: 2, termsPerPaper: 2, candidates: 10, listCap: 10 });
    expect(Array.from(similar.rows)).toStrictEqual([1, -1, 0, 2, 3, 1, 2, -1]);
    const f = (x: number) => Math.fround(x);
    const expected = [f(0.8), 0, f(0.8), f(0.6) * f(0.6), f(0.8), f(0.6) * f(0.6), f(0.8), 0];
    Array.from(similar.similarity).forEach((s, i) => expect(s).toBeCloseTo(expected[i], 6));
  });

  it('compares a paper only with the papers where its terms weigh most when the term lists are capped', () => {
    // One paper per list: term 0 keeps r0 (1 > 0.8), term 1 r1 (a tie at 0.6: the lower row), term 2 r3 (1 > 0.8).
    // r1 finds r0 and r2 finds r3 through them; r0 and r3 head their only lists and find no one.
    const similar = findSimilarPapers(MATRIX, { top: 1, termsPerPaper: 2, candidates: 10, listCap: 1 });
    expect(Array.from(similar.rows)).toStrictEqual([-1, 0, 3, -1]);
  });
});

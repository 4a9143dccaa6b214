import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../pipeline/cluster/ari.js';

describe('adjustedRandIndex', () => {
  it('is 1 for identical labelings', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBe(1);
  });

  it('is 1 when the labels are only renamed', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [2, 2, 0, 0, 7])).toBe(1);
  });

  it('matches the hand-computed value for a split of one cluster', () => {
    // n_ij: [[2,1,0],[0,1,2]] → index 2; row sums 3,3 → 6; column sums 2,2,2 → 3; C(6,2) = 15.
    const expected = (2 - (6 * 3) / 15) / ((6 + 3) / 2 - (6 * 3) / 15);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBe(expected);
  });

  it('is negative when the agreement is worse than chance', () => {
    // Every cell holds one item: index 0, expected (2 · 2) / 6, max 2.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBe((0 - 4 / 6) / (2 - 4 / 6));
  });

  it('is 1 when both labelings put everything in one cluster', () => {
    expect(adjustedRandIndex([3, 3, 3], [1, 1, 1])).toBe(1);
  });

  it('rejects labelings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow('labelings differ in length (2 and 1)');
  });
});

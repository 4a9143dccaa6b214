import { describe, expect, it } from 'vitest';
import { pickSubset } from '../../pipeline/prng.js';

describe('pickSubset', () => {
  it('keeps round(share × n) distinct lines in file order', () => {
    const picked = pickSubset(1000, 0.9, 1);
    expect(picked).toHaveLength(900);
    expect(new Set(picked).size).toBe(900);
    expect(picked.every((i, j) => i >= 0 && i < 1000 && (j === 0 || picked[j - 1] < i))).toBe(true);
  });

  it('draws the same lines from the same seed and other lines from another seed', () => {
    expect(pickSubset(1000, 0.9, 1)).toStrictEqual(pickSubset(1000, 0.9, 1));
    expect(pickSubset(1000, 0.9, 1001)).not.toStrictEqual(pickSubset(1000, 0.9, 1));
  });

  it('does not simply drop the tail: the last tenth of the lines is drawn from too', () => {
    const picked = pickSubset(1000, 0.9, 1);
    const tail = picked.filter((i) => i >= 900).length;
    expect(tail).toBeGreaterThan(60);
    expect(tail).toBeLessThan(100);
  });
});

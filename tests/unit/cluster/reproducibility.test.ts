// themeReproducibility: each theme's best Jaccard with the themes of the other restarts.
import { describe, expect, it } from 'vitest';
import { themeReproducibility } from '../../../pipeline/cluster/reproducibility.js';

describe('themeReproducibility', () => {
  it('is 1 for a theme another restart has exactly, under another id', () => {
    const best = Int32Array.from([0, 0, 1, 1, 2, 2]);
    const other = Int32Array.from([2, 2, 0, 0, 1, 1]);
    expect(Array.from(themeReproducibility(best, [other], 3)!)).toStrictEqual([1, 1, 1]);
  });

  it('gives a theme split in two by the other restart the Jaccard of its larger part', () => {
    // Theme 0 = papers 0..3; the other restart splits it 3 + 1, putting paper 3 with theme 1's papers 4, 5.
    const best = Int32Array.from([0, 0, 0, 0, 1, 1]);
    const other = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const r = themeReproducibility(best, [other], 2)!;
    expect(r[0]).toBeCloseTo(3 / 4, 12); // {0,1,2} vs {0,1,2,3}
    expect(r[1]).toBeCloseTo(2 / 3, 12); // {4,5} vs {3,4,5}
  });

  it('averages over several other restarts, and is null with none', () => {
    const best = Int32Array.from([0, 0, 1, 1]);
    const same = Int32Array.from([1, 1, 0, 0]);
    const blended = Int32Array.from([0, 1, 0, 1]); // each theme half in each: Jaccard 1/3
    expect(Array.from(themeReproducibility(best, [same, blended], 2)!).map((x) => +x.toFixed(12))).toStrictEqual([2 / 3, 2 / 3].map((x) => +x.toFixed(12)));
    expect(themeReproducibility(best, [], 2)).toBeNull();
  });
});

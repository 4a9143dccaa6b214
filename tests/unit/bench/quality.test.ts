import { describe, expect, it } from 'vitest';
import { scoreAgainstLabels } from '../../../pipeline/bench/quality.js';

describe('scoreAgainstLabels', () => {
  it('scores a perfect clustering (up to renaming) as 1 everywhere', () => {
    expect(scoreAgainstLabels(['a', 'a', 'b', 'b'], [1, 1, 0, 0])).toStrictEqual({
      homogeneity: 1,
      completeness: 1,
      vMeasure: 1,
      nmi: 1
    });
  });

  it('gives homogeneity 1 and completeness < 1 when a class is split in two clusters', () => {
    const q = scoreAgainstLabels(['a', 'a', 'b', 'b'], [0, 1, 2, 2]);
    // H(C) = ln 2, H(K) = 1.5 ln 2, I = ln 2 → h = 1, c = 2/3, V = 0.8
    expect(q.homogeneity).toBeCloseTo(1, 12);
    expect(q.completeness).toBeCloseTo(2 / 3, 12);
    expect(q.vMeasure).toBeCloseTo(0.8, 12);
    expect(q.nmi).toBeCloseTo(0.8, 12);
  });

  it('gives 0 mutual information for clusters independent of the classes', () => {
    expect(scoreAgainstLabels(['a', 'b', 'a', 'b'], [0, 0, 1, 1]).vMeasure).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { cohesionZ, markMixtures } from '../../../pipeline/quality/index.js';

describe('markMixtures', () => {
  // Median cohesion 0.295; absolute deviations 0.015, 0.015, 0.005, 0.005, 0.025, 0.145 → MAD 0.015.
  const cohesion = [0.28, 0.31, 0.29, 0.3, 0.32, 0.15];

  it('computes the robust z of cohesion as (c − median) / (1.4826 · MAD)', () => {
    const z = cohesionZ(cohesion);
    expect(z[5]).toBeCloseTo((0.15 - 0.295) / (1.4826 * 0.015), 12);
  });

  it('marks a theme whose cohesion is an outlier on the low side and whose keywords do not go together', () => {
    expect(markMixtures(cohesion, [0.3, 0.3, 0.3, 0.3, 0.3, 0.1])).toStrictEqual([false, false, false, false, false, true]);
  });

  it('does not mark a loose theme whose keywords are coherent', () => {
    expect(markMixtures(cohesion, [0.3, 0.3, 0.3, 0.3, 0.3, 0.5])).toStrictEqual(new Array(6).fill(false));
  });

  it('does not mark a theme only a little below the median, however incoherent its keywords', () => {
    expect(markMixtures(cohesion, [0.3, 0.3, -0.5, 0.3, 0.3, 0.3])).toStrictEqual(new Array(6).fill(false));
  });

  it('marks nothing in a run of fewer than five themes or when every theme is equally cohesive', () => {
    expect(markMixtures([0.3, 0.3, 0.1, 0.3], [0.3, 0.3, 0, 0.3])).toStrictEqual([false, false, false, false]);
    expect(markMixtures([0.2, 0.2, 0.2, 0.2, 0.2], [0, 0, 0, 0, -1])).toStrictEqual(new Array(5).fill(false));
  });
});

import { describe, expect, it } from 'vitest';
import { paperMemberships, WEAK_SHARE } from '../../../pipeline/quality/index.js';

describe('paperMemberships', () => {
  const clustering = {
    assignments: Int32Array.from([0, 3, 2]),
    similarity: Float32Array.from([0.73, 0.949, 1]),
    thirdTheme: Int32Array.from([2, 1, 1]),
    thirdSimilarity: Float32Array.from([0.36, 0, 0])
  };

  it('flags a paper whose similarity to its theme is under WEAK_SHARE × the theme’s cohesion', () => {
    const cohesion = [0.73 / WEAK_SHARE + 0.01, 0.5, 1 / WEAK_SHARE, 0.949 / WEAK_SHARE - 0.01];
    expect(Array.from(paperMemberships(clustering, cohesion).weak)).toStrictEqual([1, 0, 0]);
  });

  it('hands on the third theme the clustering’s scoring pass found', () => {
    const m = paperMemberships(clustering, [0.5, 0.5, 0.5, 0.5]);
    expect([Array.from(m.third), Array.from(m.thirdSimilarity)]).toStrictEqual([[2, 1, 1], [Math.fround(0.36), 0, 0]]);
  });
});

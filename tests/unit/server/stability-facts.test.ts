import { describe, expect, it } from 'vitest';
import { stabilityFacts } from '../../../src/lib/stability-facts.js';

describe('stabilityFacts', () => {
  it('reads a divisive run as seed-free, its subsample agreement measured or how to measure it, in words a reader follows', () => {
    expect([stabilityFacts(null, '{"init":"divisive"}').seed, stabilityFacts(null, '{"init":"divisive"}').sample])
      .toStrictEqual(['does not change them', 'not measured (a run with --restarts 2 measures it)']);
    expect(stabilityFacts(0.8123, { stabilityKind: 'subsample' }).sample).toBe('0.81');
  });
  it('says why a run of --restarts 2 or more has no figure: its subsamples held fewer papers than k', () => {
    expect(stabilityFacts(null, '{"init":"divisive"}', '{"k":40,"restarts":2}').sample)
      .toBe('not measured (too few papers for k themes on a 90% subsample)');
    expect(stabilityFacts(null, '{"init":"divisive"}', { restarts: 1 }).sampleNote).toBe('a run with --restarts 2 measures it');
  });
  it('reads a k-means++ run by its agreement between seeds', () => {
    expect([stabilityFacts(0.551, '{"init":"kmeans++"}').seed, stabilityFacts(0.551, 'not json').sample])
      .toStrictEqual(['ARI 0.55 between seeds', 'not measured for a k-means++ start']);
  });
});

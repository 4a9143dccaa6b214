import { describe, expect, it } from 'vitest';
import { readExternal } from '../../../src/lib/server/run-checks.js';
import { parseObject } from '../../../src/lib/server/runs.js';

describe('readExternal', () => {
  const done = { status: 'done', vMeasure: 0.25, nmi: 0.25, ari: 0.05, homogeneity: 0.4, completeness: 0.18, labelledPapers: 900, classes: 30 };

  it('reads a computed check with all its figures', () => {
    expect(readExternal({ externalCheck: done })).toStrictEqual(done);
  });

  it('reads a skipped check with its reason', () => {
    const skipped = { status: 'skipped', labelledPapers: 3, reason: '3 of 10 papers have a category (fewer than 50%)' };
    expect(readExternal({ externalCheck: skipped })).toStrictEqual(skipped);
  });

  it('reads a check with a missing or non-finite figure as null', () => {
    expect(readExternal({ externalCheck: { ...done, ari: undefined } })).toBe(null);
    expect(readExternal({ externalCheck: { ...done, nmi: Infinity } })).toBe(null);
    expect(readExternal({ externalCheck: { status: 'other' } })).toBe(null);
    expect(readExternal(parseObject('not json'))).toBe(null);
  });
});

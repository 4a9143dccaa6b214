// Where the theme chart marks coverage changes: at the period a category comes (after an absent span
// that ends inside the windows) or goes (a span that starts inside them), only for categories holding
// a real part of the theme, only at the changes' granularity.
import { describe, expect, it } from 'vitest';
import { burstCoverage, burstMark, coverageMarks, nextPeriod } from '../../../src/lib/coverage-marks.js';

const changes = [
  { category: 'cs.IT', granularity: 'month' as const, absent: [{ from: '2025-04-01', to: '2025-12-01' }] },
  { category: 'cs.LG', granularity: 'month' as const, absent: [{ from: '2025-08-01', to: '2026-06-01' }] },
  { category: 'cs.GT', granularity: 'month' as const, absent: [{ from: '2025-04-01', to: '2025-06-01' }, { from: '2025-08-01', to: '2025-12-01' }] }
];

describe('coverageMarks', () => {
  it('marks where a category comes and goes, for the categories that hold 5% of the theme or more', () => {
    const marks = coverageMarks(changes, [{ category: 'cs.IT', papers: 728 }, { category: 'cs.LG', papers: 60 }, { category: 'cs.GT', papers: 6 }],
      835, 'month', '2025-04-01', '2026-06-01');
    expect(marks).toStrictEqual([{ period: '2025-08-01', label: 'no cs.LG from here', comes: [], goes: ['cs.LG'] }, { period: '2026-01-01', label: 'cs.IT from here', comes: ['cs.IT'], goes: [] }]);
  });

  it('marks both ends of a gap inside the windows, and joins marks at one period', () => {
    const marks = coverageMarks(changes, [{ category: 'cs.GT', papers: 400 }, { category: 'cs.LG', papers: 400 }], 1000, 'month', '2025-04-01', '2026-06-01');
    expect(marks).toStrictEqual([
      { period: '2025-07-01', label: 'cs.GT from here', comes: ['cs.GT'], goes: [] },
      { period: '2025-08-01', label: 'no cs.LG, cs.GT from here', comes: [], goes: ['cs.LG', 'cs.GT'] },
      { period: '2026-01-01', label: 'cs.GT from here', comes: ['cs.GT'], goes: [] }
    ]);
  });

  it('names the papers without a category in words, not by their stratum id', () => {
    const none = [{ category: '(none)', granularity: 'month' as const, absent: [{ from: '2025-08-01', to: '2026-06-01' }] }];
    expect(coverageMarks(none, [{ category: '(none)', papers: 200 }], 1000, 'month', '2025-04-01', '2026-06-01'))
      .toStrictEqual([{ period: '2025-08-01', label: 'no uncategorised papers from here', comes: [], goes: ['uncategorised papers'] }]);
  });

  it('marks nothing on a chart of another granularity', () => {
    expect(coverageMarks(changes, [{ category: 'cs.IT', papers: 728 }], 835, 'year', '2025-04-01', '2026-06-01')).toStrictEqual([]);
  });

  it('steps a period forward across a year end, at every granularity', () => {
    expect([nextPeriod('2025-12-01', 'month'), nextPeriod('2025-10-01', 'quarter'), nextPeriod('2025-01-01', 'year')])
      .toStrictEqual(['2026-01-01', '2026-01-01', '2026-01-01']);
  });
});

describe('burstMark', () => {
  const marks = [{ period: '2025-08-01', label: 'no cs.LG from here', comes: [], goes: ['cs.LG'] }, { period: '2026-01-01', label: 'cs.IT from here', comes: ['cs.IT'], goes: [] }];
  it('is the mark a burst starts at, or the one just after it ends; none for a burst elsewhere', () => {
    expect(burstMark({ startPeriod: '2026-01-01', endPeriod: '2026-06-01', granularity: 'month', ongoing: true }, marks)?.label).toBe('cs.IT from here');
    expect(burstMark({ startPeriod: '2025-05-01', endPeriod: '2025-07-01', granularity: 'month', ongoing: false }, marks)?.label).toBe('no cs.LG from here');
    expect(burstMark({ startPeriod: '2026-04-01', endPeriod: '2026-06-01', granularity: 'month', ongoing: true }, marks)).toBeNull();
  });
});

describe('burstCoverage', () => {
  const marks = coverageMarks(changes, [{ category: 'cs.GT', papers: 400 }, { category: 'cs.LG', papers: 400 }], 1000, 'month', '2025-04-01', '2026-06-01');
  const burst = (startPeriod: string, endPeriod: string, ongoing: boolean) => ({ startPeriod, endPeriod, granularity: 'month' as const, ongoing });
  it('says a burst starting at a change, or ending just before one, is at it', () => {
    expect(burstCoverage(burst('2026-01-01', '2026-06-01', true), marks)).toBe('at a change of what the corpus holds: cs.GT from here');
    expect(burstCoverage(burst('2025-05-01', '2025-06-01', false), marks)).toBe('at a change of what the corpus holds: cs.GT from here');
  });
  it('says a burst starting after a category of its theme entered the corpus is after it, naming when it last entered', () => {
    expect(burstCoverage(burst('2026-05-01', '2026-06-01', true), marks)).toBe('after a change of what the corpus holds: cs.GT from Jan 2026');
    expect(burstCoverage(burst('2025-07-01', '2025-07-01', false), marks)).toBe('at a change of what the corpus holds: cs.GT from here');
    // cs.GT came in July 2025 and left in August: a burst from October is after no change the corpus still holds.
    expect(burstCoverage(burst('2025-10-01', '2025-11-01', false), marks)).toBeNull();
  });
  it('says nothing of a burst before every category entered, or of a theme whose categories only leave', () => {
    expect(burstCoverage(burst('2025-05-01', '2025-05-01', false), marks)).toBeNull();
    const leaving = coverageMarks(changes, [{ category: 'cs.LG', papers: 400 }], 1000, 'month', '2025-04-01', '2026-06-01');
    expect(burstCoverage(burst('2026-03-01', '2026-06-01', true), leaving)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { detectBursts } from '../../../pipeline/trends/kleinberg.js';
import { findBursts } from '../../../pipeline/trends/bursts.js';
import type { PeriodTotal } from '../../../pipeline/types.js';
import { makeCsr } from '../cluster/make-csr.js';

/** σ_i = −[r ln p + (d − r) ln(1 − p)], as in kleinberg.ts. */
const sigma = (p: number, r: number, d: number) => -(r * Math.log(p) + (d - r) * Math.log(1 - p));

describe('detectBursts (Kleinberg, two states, s = 2, γ = 1)', () => {
  it('finds one burst exactly where the rate triples, with its weight and count', () => {
    const d = new Array(12).fill(100);
    const r = [5, 5, 5, 5, 5, 30, 30, 30, 5, 5, 5, 5];
    const p0 = 135 / 1200; // Σr / Σd
    const weight = 3 * (sigma(p0, 30, 100) - sigma(2 * p0, 30, 100));
    expect(detectBursts(r, d)).toStrictEqual([{ start: 5, end: 7, weight, count: 90 }]);
  });

  it('finds nothing in a steady series or in a blip smaller than the cost of entering a burst', () => {
    expect(detectBursts(new Array(10).fill(10), new Array(10).fill(100))).toStrictEqual([]);
    expect(detectBursts([5, 5, 5, 9, 5, 5, 5, 5], new Array(8).fill(100))).toStrictEqual([]);
  });

  it('finds a burst that runs to the last period, and skips periods without items', () => {
    const d = [100, 0, 100, 100, 100, 100, 100, 100];
    const r = [4, 0, 4, 4, 4, 4, 25, 30];
    expect(detectBursts(r, d).map(({ start, end, count }) => ({ start, end, count }))).toStrictEqual([{ start: 6, end: 7, count: 55 }]);
  });

  it('finds nothing when the series has no relevant items or only relevant ones', () => {
    expect(detectBursts([0, 0, 0], [5, 5, 5])).toStrictEqual([]);
    expect(detectBursts([5, 5, 5], [5, 5, 5])).toStrictEqual([]);
  });
});

describe('findBursts', () => {
  // 6 months × 20 papers. Theme 1 holds 2 papers a month, then 12 in the last two months; inside
  // theme 0 the phrase (term 2) is in every paper of those two months and in none before.
  const months = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01'];
  const month = (i: number) => Math.floor(i / 20);
  const papers = Array.from({ length: 120 }, (_, i) => ({ published: months[month(i)], datePrecision: 'day' as const }));
  const assignments = Int32Array.from(papers, (_, i) => (i % 20 < (month(i) >= 4 ? 12 : 2) ? 1 : 0));
  const matrix = makeCsr(papers.map((_, i) => (assignments[i] === 0 ? [1, 0, month(i) >= 4 ? 1 : 0] : [0, 1, 0])));
  const totals: PeriodTotal[] = months.map((period) => ({ period, granularity: 'month', papers: 20, partial: false }));
  const labels = [{ themeId: 0, distinctiveTerms: [0, 2] }, { themeId: 1, distinctiveTerms: [1] }];
  const input = { papers, assignments, k: 2, matrix, labels, surfaces: ['a', 'b', 'new phrase'], totals };

  it('reports the theme that rises and the phrase that appears within a theme, with their periods and papers', () => {
    expect(findBursts(input, 'month').map(({ themeId, term, start, end, papers: n }) => ({ themeId, term, start, end, n }))).toStrictEqual([
      { themeId: 1, term: null, start: '2025-05-01', end: '2025-06-01', n: 24 },
      { themeId: 0, term: 'new phrase', start: '2025-05-01', end: '2025-06-01', n: 16 }
    ]);
  });

  it('leaves a partial first or last period out, as the trend windows do (the numbers audit: a burst on one day of July)', () => {
    // June partial: the bursts end in May, with May's papers only.
    const partialJune = totals.map((t, i) => ({ ...t, partial: i === 5 }));
    expect(findBursts({ ...input, totals: partialJune }, 'month').map(({ themeId, term, end, papers: n }) => ({ themeId, term, end, n }))).toStrictEqual([
      { themeId: 1, term: null, end: '2025-05-01', n: 12 },
      { themeId: 0, term: 'new phrase', end: '2025-05-01', n: 8 }
    ]);
    // A partial period inside the span (not at an end) is read as it is.
    const partialMarch = totals.map((t, i) => ({ ...t, partial: i === 2 }));
    expect(findBursts({ ...input, totals: partialMarch }, 'month')).toStrictEqual(findBursts(input, 'month'));
  });

  it('reports nothing at a granularity with fewer than two periods', () => {
    expect(findBursts({ ...input, totals: [{ period: '2025-01-01', granularity: 'year', papers: 120, partial: false }] }, 'year')).toStrictEqual([]);
  });
});

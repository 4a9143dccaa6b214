// trend-wording.ts: the windows named from the period totals, the partial periods left out with the
// days they cover, papers per period, the classes and their one order.
import { describe, expect, it } from 'vitest';
import { burstPartialPeriod, byStrength, classifyTrend, describeWindows, directionText, formatRate, formatRatePair, formatSupportedChange, leftOutText, mixTurned, periodEnd, ratesOf, readFigures, windowText } from '../../../src/lib/trend-wording.js';

/** Months 2025-03 … 2026-07; March 2025 and July 2026 partial. */
const months = Array.from({ length: 17 }, (_, i) => {
  const m = 2 + i; // 0-based month index from Jan 2025
  const period = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  return { period, papers: 100 + i, partial: i === 0 || i === 16 };
});
const windows = describeWindows(months, 'month', 3, { min: '2025-03-18', max: '2026-07-01' });

describe('describeWindows', () => {
  it('takes the last 3 complete months as after and the 12 before them as before, leaving the partial ones out', () => {
    expect(windows.after).toStrictEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
    expect(windows.before).toHaveLength(12);
    expect([windows.before[0], windows.before[11]]).toStrictEqual(['2025-04-01', '2026-03-01']);
  });

  it('lists each partial month with the days the data covers and its papers', () => {
    expect(windows.leftOut).toStrictEqual([
      { period: '2025-03-01', papers: 100, from: '2025-03-18', to: '2025-03-31' },
      { period: '2026-07-01', papers: 116, from: '2026-07-01', to: '2026-07-01' }
    ]);
    expect(leftOutText(windows)).toBe(
      'Mar 2025 (data covers only 18 Mar 2025 – 31 Mar 2025; 100 papers), Jul 2026 (data covers only 1 Jul 2026; 116 papers)'
    );
  });

  it('has no windows for a window of 0 periods but still the partial ones', () => {
    const none = describeWindows(months, 'month', 0, { min: '2025-03-18', max: '2026-07-01' });
    expect([none.before, none.after, none.leftOut.length]).toStrictEqual([[], [], 2]);
  });
});

describe('windowText and periodEnd', () => {
  it('names a window by its first and last period and its length', () => {
    expect(windowText(windows.before, 'month')).toBe('Apr 2025 – Mar 2026 (12 months)');
    expect(windowText(['2025-07-01'], 'quarter')).toBe('Q3 2025 (1 quarter)');
    expect(windowText([], 'year')).toBe('none');
  });

  it('ends a month, a quarter and a year on their last day', () => {
    expect([periodEnd('2024-02-01', 'month'), periodEnd('2025-10-01', 'quarter'), periodEnd('2025-01-01', 'year')]).toStrictEqual([
      '2024-02-29', '2025-12-31', '2025-12-31'
    ]);
  });
});

describe('classifyTrend', () => {
  const fall = { direction: 'fading' as const };

  it('calls a falling share fading when papers per month did not grow: 1,200 in 12 months → 300 in 3 is 100 → 100', () => {
    expect(ratesOf({ papersBefore: 1200, papersAfter: 300 }, windows)).toStrictEqual({ before: 100, after: 100 });
    expect(classifyTrend({ ...fall, papersBefore: 1200, papersAfter: 300 }, windows)).toBe('fading');
  });

  it('calls a falling share with more papers per month growing slower than the field: 3,801 → 945 is 317 → 315 a month, 1,176 → 414 is 98 → 138', () => {
    expect(classifyTrend({ ...fall, papersBefore: 3801, papersAfter: 945 }, windows)).toBe('fading');
    expect(classifyTrend({ ...fall, papersBefore: 1176, papersAfter: 414 }, windows)).toBe('slower');
  });

  it('calls a rising share with fewer papers per month shrinking slower than the field: 1,308 → 261 is 109 → 87 a month', () => {
    expect(ratesOf({ papersBefore: 1308, papersAfter: 261 }, windows)).toStrictEqual({ before: 109, after: 87 });
    expect(classifyTrend({ direction: 'emerging', papersBefore: 1308, papersAfter: 261 }, windows)).toBe('holding');
    // No fewer papers per month: emerging (100 → 100, 100 → 110).
    expect(classifyTrend({ direction: 'emerging', papersBefore: 1200, papersAfter: 300 }, windows)).toBe('emerging');
    expect(classifyTrend({ direction: 'emerging', papersBefore: 1200, papersAfter: 330 }, windows)).toBe('emerging');
  });

  it('keeps steady as the trends stage classed it', () => {
    expect(classifyTrend({ direction: 'steady', papersBefore: 10, papersAfter: 100 }, windows)).toBe('steady');
  });

  it('reads a rising share within the categories held throughout by their papers: fewer there is shrinking slower than the field', () => {
    const theme = { direction: 'steady' as const, papersBefore: 1200, papersAfter: 330, coveredShare: 0.9, coveredDirection: 'emerging' as const,
      coveredPapersBefore: 1200, coveredPapersAfter: 240 };
    expect(classifyTrend(theme, windows)).toBe('holding');
    expect(classifyTrend({ ...theme, coveredPapersAfter: 300 }, windows)).toBe('emerging');
  });
});

describe('readFigures', () => {
  // The reviewer's case: over all papers 2.9% → 3.2% and 123 → 221 a month; within the categories
  // held throughout (80% of its papers) its share fell, z −3.9, on 1,200 → 450 papers (100 → 150 a month).
  const theme = { direction: 'steady' as const, emergingScore: 0, zScore: 2.7, shareBefore: 0.029, shareAfter: 0.032, papersBefore: 1476,
    papersAfter: 663, coveredShare: 0.8, coveredDirection: 'fading' as const, coveredScore: -0.12, coveredZ: -3.9, coveredShareBefore: 0.031,
    coveredShareAfter: 0.026, coveredPapersBefore: 1200, coveredPapersAfter: 450 };

  it('reads a covered trend with the shares and papers it compares, so no figure beside its class is another population’s', () => {
    const r = readFigures(theme);
    expect([r.basis, r.shown]).toStrictEqual(['covered', 'covered']);
    expect([r.direction, r.zScore, r.emergingScore, r.shareBefore, r.shareAfter, r.papersBefore, r.papersAfter])
      .toStrictEqual(['fading', -3.9, -0.12, 0.031, 0.026, 1200, 450]);
    expect(r.all).toStrictEqual({ direction: 'steady', emergingScore: 0, zScore: 2.7, shareBefore: 0.029, shareAfter: 0.032, papersBefore: 1476,
      papersAfter: 663 });
    // Its class: fading within those categories while their papers per month grew (100 → 150): growing slower, whichever figures are passed.
    expect(classifyTrend(theme, windows)).toBe('slower');
    expect(classifyTrend(r, windows)).toBe('slower');
    expect(classifyTrend({ ...theme, coveredPapersAfter: 240 }, windows)).toBe('fading');
  });

  it('keeps all papers’ figures where the trend is read over all papers, or the run stored no covered shares, and says whose they are', () => {
    const plain = readFigures({ ...theme, coveredShare: null });
    expect([plain.basis, plain.shown, plain.shareBefore]).toStrictEqual(['all', 'all', 0.029]);
    // A run stored before the covered shares: its class and z are the covered ones, its shares all papers' — and `shown` says so.
    const old = readFigures({ ...theme, coveredShareBefore: null, coveredShareAfter: null, coveredPapersBefore: null, coveredPapersAfter: null });
    expect([old.basis, old.shown, old.direction, old.zScore, old.shareBefore, old.papersAfter]).toStrictEqual(['covered', 'all', 'fading', -3.9, 0.029, 663]);
  });
});

describe('burstPartialPeriod', () => {
  it('finds the partial period a burst starts in, or ends in once it has ended', () => {
    const partial = [{ period: '2025-03-01', papers: 2327, from: '2025-03-18', to: '2025-03-31' }, { period: '2026-07-01', papers: 300, from: '2026-07-01', to: '2026-07-01' }];
    expect([
      burstPartialPeriod({ startPeriod: '2025-03-01', endPeriod: '2025-05-01', ongoing: false }, partial)?.period,
      burstPartialPeriod({ startPeriod: '2026-05-01', endPeriod: '2026-07-01', ongoing: false }, partial)?.period,
      burstPartialPeriod({ startPeriod: '2026-05-01', endPeriod: '2026-07-01', ongoing: true }, partial),
      burstPartialPeriod({ startPeriod: '2025-06-01', endPeriod: '2025-08-01', ongoing: false }, partial)
    ]).toStrictEqual(['2025-03-01', '2026-07-01', null, null]);
  });
});

describe('directionText', () => {
  it('words a direction as the class beside it does: fading with more papers per month is growing slower, emerging with fewer shrinking slower', () => {
    const [growing, flat, falling] = [{ papersBefore: 1176, papersAfter: 414 }, { papersBefore: 1200, papersAfter: 300 }, { papersBefore: 1308, papersAfter: 261 }];
    expect([directionText('fading', growing, windows), directionText('fading', flat, windows), directionText('emerging', growing, windows),
      directionText('emerging', falling, windows), directionText('steady', flat, windows)])
      .toStrictEqual(['growing slower than the field', 'fading', 'emerging', 'shrinking slower than the field', 'steady']);
  });
});

describe('byStrength and formatRate', () => {
  it('orders by the size of the supported change whatever its sign, ties by id', () => {
    const list = [{ themeId: 3, emergingScore: -0.2 }, { themeId: 1, emergingScore: 0.5 }, { themeId: 2, emergingScore: -0.5 }];
    expect([...list].sort(byStrength).map((t) => t.themeId)).toStrictEqual([1, 2, 3]);
  });

  it('prints the supported change of share as a bound in percent: 2^1 − 1 = +100%, 2^−1 − 1 = −50%', () => {
    expect([formatSupportedChange(1), formatSupportedChange(-1), formatSupportedChange(0), formatSupportedChange(4)]).toStrictEqual([
      '≥ +100%', '≤ −50%', '0%', '≥ +1,500%'
    ]);
    // An emerging theme whose interval just excludes no change (z = 2.0): above 0, not "0%".
    expect([formatSupportedChange(0.004), formatSupportedChange(-0.004)]).toStrictEqual(['> 0%', '< 0%']);
  });

  it('prints rates with one decimal under 10 and whole numbers from 10', () => {
    expect([formatRate(9.25), formatRate(97.9), formatRate(1234.4), formatRate(null)]).toStrictEqual(['9.3', '98', '1,234', '—']);
    // A pair gets the decimals it takes to tell unequal rates apart (up to two): never "21 → 21" for 20.9 → 20.7.
    expect([formatRatePair(167 / 8, 62 / 3), formatRatePair(35.7, 155.7), formatRatePair(9.25, 9.27), formatRatePair(20, 20), formatRatePair(9.5, 12.2),
      formatRatePair(null, 3), formatRatePair(9.99, 10.01), formatRatePair(9.96, 10.4)]).toStrictEqual(['20.9 → 20.7', '36 → 156', '9.25 → 9.27', '20 → 20',
      '9.5 → 12.2', '— → 3.0', '9.99 → 10.01', '10.0 → 10.4']);
  });
});

describe('mixTurned (the numbers audit: "AI systems" read as growing slower than the field while it outgrew it)', () => {
  // AI systems on the 74.7k corpus: 2.82% → 2.39% category by category (z = −3.8); 1,378 of 48,947 → 638 of 18,967 together.
  const ai = { coveredZ: -3.8, coveredShareBefore: 0.0282, coveredShareAfter: 0.0239, coveredPapersBefore: 1_378, coveredPapersAfter: 638,
    coveredTotalBefore: 48_947, coveredTotalAfter: 18_967 };

  it('finds a significant category-by-category change that the categories\' papers together do not follow', () => {
    const mix = mixTurned(ai)!;
    expect(mix.before).toBeCloseTo(0.02815, 4);
    expect(mix.after).toBeCloseTo(0.03364, 4);
    expect(mix.turned).toBe(true);
  });

  it('is not turned where both readings move the same way, or the change is not significant', () => {
    expect(mixTurned({ ...ai, coveredPapersAfter: 400 })!.turned).toBe(false);
    expect(mixTurned({ ...ai, coveredZ: -1.5 })!.turned).toBe(false);
  });

  it('is null without the figures (runs made before them)', () => {
    expect(mixTurned({ ...ai, coveredTotalAfter: null })).toBeNull();
    expect(mixTurned({ ...ai, coveredPapersBefore: null })).toBeNull();
  });
});

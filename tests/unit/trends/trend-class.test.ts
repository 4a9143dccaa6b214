// trends/trend-class.ts: the one rule that words a trend's class for the pages, the CLI summaries and
// the exports — a rising share on fewer papers per period is "shrinking slower than the field", a
// falling one on more "growing slower than the field" — and its SQL twin, held to it.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { classOfDirection, classOfTrend, directionWords, ratesIn, trendClassSql } from '../../../pipeline/trends/trend-class.js';

// 12 months before, 3 after: the shrinking field of the review (≈ 4,470 → 2,980 papers a month).
const periods = { before: 12, after: 3 };

describe('classOfDirection', () => {
  it('calls a rising share with fewer papers per month shrinking slower than the field: 1,308 → 261 is 109 → 87 a month', () => {
    expect(ratesIn({ papersBefore: 1308, papersAfter: 261 }, periods)).toStrictEqual({ before: 109, after: 87 });
    expect(classOfDirection('emerging', ratesIn({ papersBefore: 1308, papersAfter: 261 }, periods))).toBe('holding');
    expect(directionWords('emerging', ratesIn({ papersBefore: 1308, papersAfter: 261 }, periods))).toBe('shrinking slower than the field');
  });

  it('keeps emerging where its papers per month did not fall: 1,200 → 300 is 100 → 100, 1,200 → 330 is 100 → 110', () => {
    expect(classOfDirection('emerging', ratesIn({ papersBefore: 1200, papersAfter: 300 }, periods))).toBe('emerging');
    expect(classOfDirection('emerging', ratesIn({ papersBefore: 1200, papersAfter: 330 }, periods))).toBe('emerging');
  });

  it('mirrors it for a falling share: 100 → 100 and 100 → 90 a month fading, 100 → 110 growing slower than the field', () => {
    expect([300, 270, 330].map((papersAfter) => classOfDirection('fading', ratesIn({ papersBefore: 1200, papersAfter }, periods))))
      .toStrictEqual(['fading', 'fading', 'slower']);
  });

  it('words a direction as it is without a window to compare, and steady as steady', () => {
    expect(classOfDirection('emerging', ratesIn({ papersBefore: 0, papersAfter: 5 }, { before: 0, after: 3 }))).toBe('emerging');
    expect(classOfDirection('fading', { before: null, after: 1 })).toBe('fading');
    expect(classOfDirection('steady', { before: 100, after: 1 })).toBe('steady');
  });
});

describe('classOfTrend', () => {
  it('reads the papers of the categories held throughout where the trend is read there, and moves with coverage where it cannot be read', () => {
    // All papers 100 → 110 a month; within the categories held throughout (90% of them) 100 → 80: read there, it holds up as the field shrinks.
    const trend = { direction: 'steady' as const, papersBefore: 1200, papersAfter: 330,
      covered: { share: 0.9, direction: 'emerging' as const, papersBefore: 1200, papersAfter: 240 } };
    expect(classOfTrend(trend, periods)).toBe('holding');
    expect(classOfTrend({ ...trend, covered: { ...trend.covered, papersAfter: 300 } }, periods)).toBe('emerging');
    expect(classOfTrend({ ...trend, direction: 'emerging', covered: { ...trend.covered, share: 0.2, direction: 'steady' } }, periods)).toBe('coverage');
    expect(classOfTrend({ ...trend, direction: 'emerging', covered: null }, periods)).toBe('emerging');
  });
});

describe('trendClassSql', () => {
  it('words every reading as classOfDirection does, around equal rates and for empty windows', async () => {
    const readings = ['emerging', 'fading', 'steady', 'moves with coverage'] as const;
    const cases = readings.flatMap((reading) => [[1200, 261], [1200, 300], [1200, 330]].flatMap(([before, after]) =>
      [[12, 3], [0, 3], [12, 0]].map(([bp, ap]) => ({ reading, before, after, bp, ap }))));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = cases.map((c) => `('${c.reading}', ${c.before}, ${c.after}, ${c.bp}, ${c.ap})`).join(', ');
    const result = await connection.runAndReadAll(`SELECT ${trendClassSql('t.reading', ['t.before', 't.after'], ['t.bp', 't.ap'])} AS w
      FROM (VALUES ${rows}) t(reading, before, after, bp, ap)`);
    const want = cases.map((c) => c.reading === 'moves with coverage' ? c.reading
      : directionWords(c.reading, ratesIn({ papersBefore: c.before, papersAfter: c.after }, { before: c.bp, after: c.ap })));
    expect(want).toContain('shrinking slower than the field');
    expect(want).toContain('growing slower than the field');
    expect(result.getRowObjectsJS().map((r) => r.w)).toStrictEqual(want);
    connection.closeSync();
    instance.closeSync();
  });
});

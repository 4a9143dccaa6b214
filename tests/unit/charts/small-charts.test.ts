import { describe, expect, it } from 'vitest';
import { layoutBars } from '../../../src/lib/charts/bar-geometry.js';
import { layoutSparkline } from '../../../src/lib/charts/sparkline-geometry.js';
import { layoutTrend } from '../../../src/lib/charts/trend-geometry.js';

describe('layoutBars', () => {
  it('makes the longest bar span the nice maximum and the others proportional', () => {
    const g = layoutBars([{ label: 'a', value: 0.4 }, { label: 'b', value: 0.2 }], 200, 20);
    expect(g.bars.map((b) => [b.label, b.y, b.length])).toStrictEqual([
      ['a', 0, 200],
      ['b', 20, 100]
    ]);
    expect(g.ticks.map((t) => t.label)).toStrictEqual(['0.0', '0.1', '0.2', '0.3', '0.4']);
  });
});

describe('layoutSparkline', () => {
  it('draws the largest value at the top, zero at the bottom, and marks the last point', () => {
    const g = layoutSparkline([0, 0.5, 1], 104, 24, 2);
    expect(g.d).toBe('M2,22L52,12L102,2');
    expect(g.last).toStrictEqual({ x: 102, y: 2 });
  });

  it('draws an all-zero series as a flat line with no NaN', () => {
    expect(layoutSparkline([0, 0], 20, 10, 0).d).toBe('M0,10L20,10');
  });
});

describe('layoutTrend', () => {
  const input = {
    periods: ['2025-01-01', '2025-02-01', '2025-03-01'],
    papers: [2, 4, 1],
    share: [0.1, 0.2, 0.05],
    partial: [false, false, true]
  };

  it('gives one bar and one share point per period, with no NaN', () => {
    const g = layoutTrend(input, 'month', 300, 100, 80);
    expect(g.bars).toHaveLength(3);
    expect(g.sharePoints).toHaveLength(3);
    expect(JSON.stringify(g)).not.toContain('NaN');
    expect(g.sharePath.split('L')).toHaveLength(2);
  });

  it('draws the share line into a partial period apart from the solid line', () => {
    const g = layoutTrend(input, 'month', 300, 100, 80);
    const [a, b, c] = g.sharePoints;
    expect(g.sharePath).toBe(`M${a.x},${a.y}L${b.x},${b.y}`);
    expect(g.partialPath).toBe(`M${b.x},${b.y}L${c.x},${c.y}`);
  });

  it('labels share ticks with the decimals their step needs and ends the axis on a tick', () => {
    const g = layoutTrend({ ...input, share: [0.0255, 0.01, 0.004] }, 'month', 300, 100, 80);
    expect(g.shareTicks.map((t) => t.label)).toStrictEqual(['0%', '1%', '2%', '3%']);
    const fine = layoutTrend({ ...input, share: [0.012, 0.01, 0.004] }, 'month', 300, 100, 80);
    // d3 picks a 0.2% step for a 0..1.2% domain asked for ~4 ticks.
    expect(fine.shareTicks.map((t) => t.label)).toStrictEqual(['0.0%', '0.2%', '0.4%', '0.6%', '0.8%', '1.0%', '1.2%']);
    expect(fine.shareTicks.at(-1)!.at).toBe(0);
  });

  it('puts the tallest bar at the top of its panel and the partial span around the last period', () => {
    const g = layoutTrend(input, 'month', 300, 100, 80);
    expect(g.bars[1].y).toBe(0);
    expect(g.bars[1].height).toBe(80);
    expect(g.partialSpans.map((s) => [s.period, s.x1 - s.x0])).toStrictEqual([['2025-03-01', 300 / (3 + 0.1 * 2 - 0.2)]]);
  });
});

import { describe, expect, it } from 'vitest';
import { formatReadout, labelTicks } from '../../../src/lib/charts/axis.js';
import { layoutBars } from '../../../src/lib/charts/bar-geometry.js';
import { layoutStackGeometry } from '../../../src/lib/charts/stack-geometry.js';
import { layoutStack } from '../../../src/lib/charts/stack-layout.js';
import { layoutTrend } from '../../../src/lib/charts/trend-geometry.js';
import type { Granularity } from '../../../pipeline/types.js';

const distinct = (labels: string[]) => new Set(labels).size === labels.length;

describe('labelTicks', () => {
  it('prints half-percent steps with one decimal, where whole percents would repeat 1% and 2%', () => {
    const values = [0, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03];
    expect(labelTicks(values, 'share')).toStrictEqual(['0.0%', '0.5%', '1.0%', '1.5%', '2.0%', '2.5%', '3.0%']);
  });

  it('prints whole percents when the step is a whole percent', () => {
    expect(labelTicks([0, 0.01, 0.02, 0.03], 'share')).toStrictEqual(['0%', '1%', '2%', '3%']);
  });

  it('prints tiny shares with the decimals their step needs', () => {
    expect(labelTicks([0, 0.0002, 0.0004], 'share')).toStrictEqual(['0.00%', '0.02%', '0.04%']);
  });

  it('adds decimals until uneven ticks read differently', () => {
    expect(labelTicks([0.5, 0.5004, 1], 'share')).toStrictEqual(['50.00%', '50.04%', '100.00%']);
  });

  it('prints weights with the decimals of their step and counts as grouped integers', () => {
    expect([labelTicks([0, 0.02, 0.04], 'number'), labelTicks([0, 500, 1000, 1500], 'papers')]).toStrictEqual([
      ['0.00', '0.02', '0.04'],
      ['0', '500', '1,000', '1,500']
    ]);
  });
});

describe('formatReadout', () => {
  it('reads shares to one decimal, and small shares to two significant digits instead of 0.0%', () => {
    expect(['0.5', '0.0283', '0.00043', '0'].map((v) => formatReadout(Number(v), 'share'))).toStrictEqual(['50.0%', '2.8%', '0.043%', '0.0%']);
  });
});

describe('every chart axis on small domains', () => {
  const months = Array.from({ length: 16 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
  const maxima = [0.0004, 0.001, 0.0032, 0.008, 0.012, 0.025, 0.032, 0.05, 0.2, 1];

  it('never labels two ticks of the theme trend the same (share 0 to 0.04%…100%, papers 1 to 10,000)', () => {
    for (const max of maxima) {
      for (const papersMax of [1, 3, 7, 180, 10_000]) {
        const share = months.map((_, i) => (max * (i + 1)) / months.length);
        const papers = months.map((_, i) => Math.round((papersMax * i) / (months.length - 1)));
        const g = layoutTrend({ periods: months, papers, share, partial: months.map(() => false) }, 'month', 500, 150, 120);
        const labels = [g.shareTicks.map((t) => t.label), g.papersTicks.map((t) => t.label)];
        expect(labels.map(distinct), `share max ${max}, papers max ${papersMax}: ${labels.join(' | ')}`).toStrictEqual([true, true]);
      }
    }
  });

  it('labels a 0–3.2% theme share 0%, 1%, 2%, 3%, 4%', () => {
    const share = months.map((_, i) => (0.032 * i) / (months.length - 1));
    const g = layoutTrend({ periods: months, papers: months.map(() => 1), share, partial: months.map(() => false) }, 'month', 500, 150, 120);
    expect(g.shareTicks.map((t) => t.label)).toStrictEqual(['0%', '1%', '2%', '3%', '4%']);
  });

  it('never labels two ticks of the stacked area the same, per measure and granularity', () => {
    // First days of 16 months, 6 quarters, 3 years.
    const periods: Record<Granularity, string[]> = {
      month: months,
      quarter: ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01'],
      year: ['2024-01-01', '2025-01-01', '2026-01-01']
    };
    for (const granularity of ['month', 'quarter', 'year'] as const) {
      for (const measure of ['share', 'papers'] as const) {
        for (const total of [1, 2, 3, 9, 40, 7_000]) {
          const totals = periods[granularity].map((period) => ({ period, papers: total, partial: false }));
          const rows = periods[granularity].map((period) => ({ themeId: 0, period, papers: 1, share: 1 / total }));
          const layout = layoutStack(totals, rows, [{ themeId: 0, label: 'a', colour: '#000' }], measure);
          const g = layoutStackGeometry(layout, granularity, measure, 800, 300);
          const labels = [g.yTicks.map((t) => t.label), g.xTicks.map((t) => t.label)];
          expect(labels.map(distinct), `${granularity} ${measure} ${total}: ${labels.join(' | ')}`).toStrictEqual([true, true]);
        }
      }
    }
  });

  it('never labels two ticks of the keyword bars the same', () => {
    for (const max of [0.0009, 0.009, 0.0617, 0.3, 2]) {
      const labels = layoutBars([{ label: 'a', value: max }, { label: 'b', value: max / 3 }], 400, 20).ticks.map((t) => t.label);
      expect(distinct(labels), `max ${max}: ${labels}`).toBe(true);
    }
  });
});

describe('keyword bar ticks', () => {
  it('asks for fewer ticks until their labels stand apart', () => {
    // 0..0.014 in 5 ticks is "0.000" … "0.014", 8 labels of ~29 px: 60 px apart at 420 px, 34 px at 240 px.
    const ticks = (width: number) => layoutBars([{ label: 'a', value: 0.0138 }], width, 20).ticks.map((t) => t.label);
    expect([ticks(420), ticks(240)]).toStrictEqual([
      ['0.000', '0.002', '0.004', '0.006', '0.008', '0.010', '0.012', '0.014'],
      ['0.000', '0.005', '0.010']
    ]);
  });
});

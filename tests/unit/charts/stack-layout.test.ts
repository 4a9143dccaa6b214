import { describe, expect, it } from 'vitest';
import { layoutStack } from '../../../src/lib/charts/stack-layout.js';
import { OTHER_COLOUR } from '../../../src/lib/charts/palette.js';

const totals = [
  { period: '2025-01-01', papers: 4, partial: false },
  { period: '2025-02-01', papers: 8, partial: false },
  { period: '2025-03-01', papers: 0, partial: true }
];
// Theme 0: 1/4 then 4/8; theme 1: 2/4 then 2/8; theme 2 (never picked below): 1/4 then 2/8.
const rows = [
  { themeId: 0, period: '2025-01-01', papers: 1, share: 0.25 },
  { themeId: 1, period: '2025-01-01', papers: 2, share: 0.5 },
  { themeId: 2, period: '2025-01-01', papers: 1, share: 0.25 },
  { themeId: 0, period: '2025-02-01', papers: 4, share: 0.5 },
  { themeId: 1, period: '2025-02-01', papers: 2, share: 0.25 },
  { themeId: 2, period: '2025-02-01', papers: 2, share: 0.25 }
];
const picked = [
  { themeId: 0, label: 'model merging', colour: '#aa0000' },
  { themeId: 1, label: 'long context', colour: '#00aa00' }
];

describe('layoutStack', () => {
  it('stacks no Other band when asked for none (every area, or one area’s themes)', () => {
    const layout = layoutStack(totals, rows, picked, 'share', { other: null });
    expect(layout.series.map((s) => s.key)).toStrictEqual(['theme-0', 'theme-1']);
    expect(layout.max).toBe(0.75);
  });

  it('draws no Other band for float rounding when the series add up to every paper', () => {
    // 0.1 + 0.2 + 0.7 = 0.9999999999999999 in floating point.
    const thirds = [
      { themeId: 0, period: '2025-01-01', papers: 1, share: 0.1 },
      { themeId: 1, period: '2025-01-01', papers: 2, share: 0.2 },
      { themeId: 2, period: '2025-01-01', papers: 7, share: 0.7 }
    ];
    const all = [0, 1, 2].map((themeId) => ({ themeId, label: `area ${themeId}`, colour: '#000' }));
    const layout = layoutStack(totals.slice(0, 1), thirds, all, 'share', { kind: 'area' });
    expect(layout.series.map((s) => s.key)).toStrictEqual(['area-0', 'area-1', 'area-2']);
  });

  it('stacks one series per picked theme, bottom first, and Other on top', () => {
    const layout = layoutStack(totals, rows, picked, 'share');
    expect(layout.series.map((s) => [s.key, s.themeId, s.label, s.colour])).toStrictEqual([
      ['theme-0', 0, 'model merging', '#aa0000'],
      ['theme-1', 1, 'long context', '#00aa00'],
      ['other', null, 'Other themes', OTHER_COLOUR]
    ]);
  });

  it('puts the top of the share stack at exactly 1 in every period that has papers', () => {
    const layout = layoutStack(totals, rows, picked, 'share');
    expect(layout.series.map((s) => s.bands)).toStrictEqual([
      [[0, 0.25], [0, 0.5], [0, 0]],
      [[0.25, 0.75], [0.5, 0.75], [0, 0]],
      [[0.75, 1], [0.75, 1], [0, 0]]
    ]);
    expect(layout.max).toBe(1);
  });

  it('counts Other as the period total minus the picked themes when the measure is papers', () => {
    const layout = layoutStack(totals, rows, picked, 'papers');
    expect(layout.series[2].values).toStrictEqual([4 - 1 - 2, 8 - 4 - 2, 0]);
    expect(layout.series.at(-1)!.bands.map((b) => b[1])).toStrictEqual([4, 8, 0]);
    expect(layout.max).toBe(8);
  });

  it('leaves Other out when the picked themes cover every paper', () => {
    const all = [...picked, { themeId: 2, label: 'gaussian splatting', colour: '#0000aa' }];
    const layout = layoutStack(totals, rows, all, 'share');
    expect(layout.series.map((s) => s.key)).toStrictEqual(['theme-0', 'theme-1', 'theme-2']);
    expect(layout.series[2].bands.map((b) => b[1])).toStrictEqual([1, 1, 0]);
  });

  it('fills a period where a theme has no row with 0, and keeps periods and partial flags in order', () => {
    const layout = layoutStack(totals, rows.slice(0, 3), picked, 'papers');
    expect(layout.series[0].values).toStrictEqual([1, 0, 0]);
    expect(layout.periods).toStrictEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
    expect(layout.partial).toStrictEqual([false, false, true]);
  });

  it('stacks everything as Other when no theme is picked', () => {
    const layout = layoutStack(totals, rows, [], 'share');
    expect(layout.series.map((s) => s.key)).toStrictEqual(['other']);
    expect(layout.series[0].values).toStrictEqual([1, 1, 0]);
  });
});

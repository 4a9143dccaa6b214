import { describe, expect, it } from 'vitest';
import { bandLabels, layoutStackGeometry, nearestPeriod, periodPositions, seriesAt } from '../../../src/lib/charts/stack-geometry.js';
import { layoutStack } from '../../../src/lib/charts/stack-layout.js';

const months = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01'];
const totals = months.map((period, i) => ({ period, papers: 10, partial: i === 4 }));
const rows = months.flatMap((period, i) => [
  { themeId: 0, period, papers: i, share: i / 10 },
  { themeId: 1, period, papers: 2, share: 0.2 },
  { themeId: 2, period, papers: 3, share: 0.3 }
]);
const picked = [0, 1, 2].map((themeId) => ({ themeId, label: `theme ${themeId}`, colour: '#808080' }));

describe('layoutStackGeometry', () => {
  it('draws one closed path per series with no NaN in it', () => {
    const layout = layoutStack(totals, rows, picked, 'share');
    const g = layoutStackGeometry(layout, 'month', 'share', 400, 200);
    expect(g.paths.map((p) => p.key)).toStrictEqual(['theme-0', 'theme-1', 'theme-2', 'other']);
    for (const p of g.paths) {
      expect(p.d.startsWith('M')).toBe(true);
      expect(p.d.endsWith('Z')).toBe(true);
      expect(p.d).not.toContain('NaN');
    }
  });

  it('maps share 1 to the top of the plot and 0 to the bottom', () => {
    const layout = layoutStack(totals, rows, picked, 'share');
    const g = layoutStackGeometry(layout, 'month', 'share', 400, 200);
    expect([g.y(1), g.y(0)]).toStrictEqual([0, 200]);
    expect(g.yTicks.map((t) => t.label)).toStrictEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });

  it('hatches a partial last period from the previous period’s point, so the whole segment into it is hatched', () => {
    const layout = layoutStack(totals, rows, picked, 'papers');
    const g = layoutStackGeometry(layout, 'month', 'papers', 400, 200);
    expect(g.partialSpans).toStrictEqual([{ period: '2025-05-01', x0: 300, x1: 400 }]);
  });

  it('labels every period when there is room and every second one when there is not', () => {
    const layout = layoutStack(totals, rows, picked, 'share');
    expect(layoutStackGeometry(layout, 'month', 'share', 400, 200).xTicks.map((t) => t.label)).toStrictEqual([
      'Jan 2025', 'Feb 2025', 'Mar 2025', 'Apr 2025', 'May 2025'
    ]);
    expect(layoutStackGeometry(layout, 'month', 'share', 200, 200).xTicks.map((t) => t.at)).toStrictEqual([0, 100, 200]);
  });

  it('prints only whole numbers on the papers axis', () => {
    const small = layoutStack(totals.map((t) => ({ ...t, papers: 2 })), [], [], 'papers');
    const g = layoutStackGeometry(small, 'month', 'papers', 400, 200);
    expect(g.yTicks.map((t) => t.label)).toStrictEqual(['0', '1', '2']);
  });

  it('draws a single period as a flat band across the whole width', () => {
    const layout = layoutStack(totals.slice(0, 1), rows.slice(0, 3), picked, 'share');
    const g = layoutStackGeometry(layout, 'year', 'share', 300, 100);
    expect(g.xs).toStrictEqual([150]);
    expect(g.paths[0].d).toBe('M0,100L300,100L300,100L0,100Z');
  });
});

describe('periodPositions and nearestPeriod', () => {
  it('spaces periods evenly from the left edge to the right edge', () => {
    expect(periodPositions(5, 400)).toStrictEqual([0, 100, 200, 300, 400]);
  });

  it('finds the period whose point is nearest to the pointer', () => {
    expect([nearestPeriod([0, 100, 200], 40), nearestPeriod([0, 100, 200], 160), nearestPeriod([0, 100, 200], 999)]).toStrictEqual([0, 2, 2]);
  });
});

describe('seriesAt', () => {
  it('finds the band under a value at a period, and none above the stack', () => {
    // Period 2: theme 0 holds 0..0.2, theme 1 0.2..0.4, theme 2 0.4..0.7.
    const layout = layoutStack(totals, rows, picked, 'share', { other: null });
    expect(seriesAt(layout, 2, 0.1)?.themeId).toBe(0);
    expect(seriesAt(layout, 2, 0.5)?.themeId).toBe(2);
    expect(seriesAt(layout, 2, 0.9)).toBeNull();
  });

  it('inverts the y scale, so a click’s pixel maps back to its value', () => {
    const g = layoutStackGeometry(layoutStack(totals, rows, picked, 'share'), 'month', 'share', 400, 200);
    expect(g.valueAt(g.y(0.3))).toBeCloseTo(0.3, 12);
  });
});

describe('bandLabels', () => {
  const series = (key: string, label: string, bands: [number, number][]) => ({ key, themeId: 0, label, colour: '#888', values: bands.map(([a, b]) => b - a), bands });
  // Five months over 400 px (100 px apart), share 0..1 over 200 px: a band 0.1 thick is 20 px.
  const layout = (s: ReturnType<typeof series>[], partial = [false, false, false, false, false]) => ({
    periods: ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01'], partial, totals: [1, 1, 1, 1, 1], series: s, max: 1 });
  const measure = (text: string) => text.length * 6;
  const at = (l: ReturnType<typeof layout>) => bandLabels(l, layoutStackGeometry(l, 'month', 'share', 400, 200), 400, measure);

  it('writes a name inside its band where the band holds it, the first phrase when the whole does not fit, none in a thin band', () => {
    const flat = (a: number, b: number): [number, number][] => Array.from({ length: 5 }, () => [a, b]);
    const labels = at(layout([
      series('thick', 'object detection, anomaly detection', flat(0, 0.5)),
      // 16 px thick only in March and 12 px elsewhere: even its first phrase would reach a thinner month.
      series('bulge', 'graph networks, message passing and more words', [[0.5, 0.56], [0.5, 0.56], [0.5, 0.58], [0.5, 0.56], [0.5, 0.56]]),
      series('thin', 'robots', flat(0.58, 0.62)),
      series('top', 'everything else', flat(0.62, 1))
    ]));
    expect(labels.map((l) => [l.key, l.text])).toStrictEqual([['thick', 'object detection, anomaly detection'], ['top', 'everything else']]);
    // Each label's box lies inside its own band, so no two overlap.
    for (const l of labels) expect(l.y).toBeCloseTo(l.key === 'thick' ? 150 : 38, 5);
  });

  it('takes its first phrase where only that fits, and never centres on a partial period', () => {
    // 60 px thick from February to April, 15 px in January and May: the whole name would reach over January.
    const wide = series('wide', 'large language models, retrieval-augmented generation', [[0, 0.075], [0, 0.3], [0, 0.3], [0, 0.3], [0, 0.075]]);
    expect(at(layout([wide])).map((l) => [l.text, l.x])).toStrictEqual([['large language models', 200]]);
    // With March partial, February and April are the only centres, and the phrase reaches a thin month from either.
    expect(at(layout([wide], [false, false, true, false, false]))).toStrictEqual([]);
  });

  it('keeps off the x ranges it is told to avoid: a hatched partial period, a coverage mark\'s line (dashboard audit of 2026-12-04)', () => {
    const flat = series('flat', 'clinical, patient', Array.from({ length: 5 }, (): [number, number] => [0, 0.5]));
    const l = layout([flat]);
    const geometry = layoutStackGeometry(l, 'month', 'share', 400, 200);
    const free = bandLabels(l, geometry, 400, measure);
    expect(free).toHaveLength(1);
    // A dashed line through where the label stood moves it to another period where it fits.
    const moved = bandLabels(l, geometry, 400, measure, [[free[0].x - 2, free[0].x + 2]]);
    expect(moved).toHaveLength(1);
    expect(Math.abs(moved[0].x - free[0].x)).toBeGreaterThanOrEqual(measure('clinical, patient') / 2);
    // Lines everywhere: no label rather than one crossed.
    expect(bandLabels(l, geometry, 400, measure, geometry.xs.map((x) => [x - 60, x + 60] as const))).toStrictEqual([]);
  });
});

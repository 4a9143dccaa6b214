import { describe, expect, it } from 'vitest';
import { bandPath, layoutFlow, orderColumns, spreadLabels, type FlowInput } from '../../../src/lib/charts/flow-geometry.js';

const OPTIONS = { x0: 100, x1: 500, labelRow: 17, gap: 3, minHeight: 100, minBand: 0.5 };
const themes = (n: number) => Array.from({ length: n }, (_, i) => ({ themeId: i, label: `theme ${i}` }));

describe('layoutFlow', () => {
  // Previous theme 0 (big) continues as new theme 1, previous 1 as new 0; 30 small themes each side keep to themselves.
  const input: FlowInput = {
    prevThemes: themes(32), themes: themes(32),
    flows: [
      { prevThemeId: 0, themeId: 1, papers: 900, kind: 'continued' }, { prevThemeId: 1, themeId: 0, papers: 80, kind: 'continued' },
      { prevThemeId: 0, themeId: 0, papers: 20, kind: null },
      ...Array.from({ length: 30 }, (_, i) => ({ prevThemeId: i + 2, themeId: i + 2, papers: 5, kind: 'continued' as const }))
    ]
  };
  const layout = layoutFlow(input, OPTIONS);

  it('makes bars as tall as their papers at one scale for both columns, each band as wide at both ends', () => {
    const scale = (layout.left[0].y1 - layout.left[0].y0) / 920;
    for (const n of [...layout.left, ...layout.right]) expect(n.y1 - n.y0).toBeCloseTo(n.papers * scale, 9);
    expect(layout.right.find((n) => n.themeId === 1)!.papers).toBe(900);
    // A band's ends (where its figure is written) are as tall as its papers, inside its two bars.
    for (const b of layout.bands) {
      const [from, to] = [layout.left.find((n) => n.themeId === b.prevThemeId)!, layout.right.find((n) => n.themeId === b.themeId)!];
      expect(b.sy1 - b.sy0).toBeCloseTo(b.papers * scale, 9);
      expect(b.ty1 - b.ty0).toBeCloseTo(b.papers * scale, 9);
      expect(b.sy0 >= from.y0 - 1e-9 && b.sy1 <= from.y1 + 1e-9 && b.ty0 >= to.y0 - 1e-9 && b.ty1 <= to.y1 + 1e-9).toBe(true);
    }
  });

  it('keeps every label at its bar and at least a label row from the next, inside the chart', () => {
    for (const column of [layout.left, layout.right]) {
      column.forEach((n, i) => {
        expect(n.labelY).toBeCloseTo((n.y0 + n.y1) / 2, 9);
        if (i > 0) expect(n.labelY - column[i - 1].labelY).toBeGreaterThanOrEqual(OPTIONS.labelRow - 1e-9);
      });
      expect(column.at(-1)!.labelY + OPTIONS.labelRow / 2).toBeLessThanOrEqual(layout.height + 1e-9);
    }
    expect(layout.height).toBeCloseTo(1.3 * 17 * 32, 6);
  });

  it('orders the right column after the left (barycentres), so the big continued pair is level', () => {
    expect(orderColumns(input).left.slice(0, 2)).toStrictEqual([0, 1]);
    expect(orderColumns(input).right.slice(0, 2)).toStrictEqual([1, 0]);
    expect(layout.bands.filter((b) => b.kind === null).map((b) => [b.prevThemeId, b.themeId])).toStrictEqual([[0, 0]]);
    expect(layout.bands.at(-1)!.kind).toBe('continued'); // links over the flows under the threshold
  });
});

describe('layoutFlow with thin flows', () => {
  it('leaves out flows under the link threshold thinner than minBand, never a link, and counts what it left out', () => {
    const input: FlowInput = { prevThemes: themes(2), themes: themes(2), flows: [
      { prevThemeId: 0, themeId: 0, papers: 1000, kind: 'continued' }, { prevThemeId: 1, themeId: 1, papers: 1000, kind: 'continued' },
      { prevThemeId: 0, themeId: 1, papers: 1, kind: null }, { prevThemeId: 1, themeId: 0, papers: 1, kind: 'merged' }] };
    const layout = layoutFlow(input, { ...OPTIONS, minHeight: 200 });
    expect(layout.bands.map((b) => [b.prevThemeId, b.themeId]).sort()).toStrictEqual([[0, 0], [1, 0], [1, 1]]);
    expect(layout.hidden).toStrictEqual({ flows: 1, papers: 1 });
    expect(layout.left[0].papers).toBe(1001);
  });
});

describe('spreadLabels', () => {
  it('pushes crowded labels apart, down then up from the bottom edge', () => {
    expect(spreadLabels([10, 10, 10], 10, 100)).toStrictEqual([10, 20, 30]);
    expect(spreadLabels([90, 95, 95], 10, 100)).toStrictEqual([75, 85, 95]);
  });
});

describe('bandPath', () => {
  it('is a closed band with horizontal tangents at both ends', () => {
    expect(bandPath(0, 100, 0, 10, 50, 60)).toBe('M0,0C50,0 50,50 100,50L100,60C50,60 50,10 0,10Z');
  });
});

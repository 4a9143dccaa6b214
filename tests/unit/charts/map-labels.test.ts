// Which labels the topic map shows in a view (map-labels.ts): areas zoomed out when the themes do
// not all fit, themes alone zoomed in, nothing over a theme's dot or another label; and on seeded
// crowded layouts, every theme labelled at some zoom step centred on it.
import { describe, expect, it } from 'vitest';
import { AREA_ZOOM, areaLabelWidth, layoutMapLabels, themeLabelWidth, type LabelSubject } from '../../../src/lib/charts/map-labels.js';
import { boxesOverlap } from '../../../src/lib/charts/label-placement.js';
import { extentOf, fitFrame } from '../../../src/lib/charts/map-view.js';
import { textWidth } from '../../../src/lib/charts/text-width.js';

const [W, H] = [860, 580];

/** `n` themes round `clusters` centres (seeded), and an area per cluster at its themes' mean. */
function layout(seed: number, n: number, clusters: number): { themes: LabelSubject[]; areas: LabelSubject[] } {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const centres = Array.from({ length: clusters }, () => [5000 + rand() * 55000, 5000 + rand() * 55000]);
  const themes = Array.from({ length: n }, (_, i) => {
    const c = centres[i % clusters];
    return { gx: c[0] + (rand() - 0.5) * 9000, gy: c[1] + (rand() - 0.5) * 9000, size: 50 + Math.floor(rand() * 400), label: `theme ${i} about something long` };
  });
  const areas = centres.map((_, a) => {
    const mine = themes.filter((_, i) => i % clusters === a);
    return { gx: mine.reduce((x, t) => x + t.gx, 0) / mine.length, gy: mine.reduce((y, t) => y + t.gy, 0) / mine.length,
      size: mine.reduce((z, t) => z + t.size, 0), label: `area ${a} of related themes` };
  });
  return { themes, areas };
}

function frame(themes: LabelSubject[]) {
  return fitFrame(extentOf(themes.map((t) => t.gx), themes.map((t) => t.gy)), W, H, 28);
}

describe('layoutMapLabels', () => {
  it('measures labels as drawn: semi-bold themes cut to 30 characters, area names in spaced capitals', () => {
    expect(themeLabelWidth('x'.repeat(40))).toBeCloseTo(textWidth('x'.repeat(29) + '…', 12, true), 6);
    expect(areaLabelWidth('abc')).toBeCloseTo(textWidth('ABC', 13, true) + 3 * 0.04 * 13, 6);
  });

  it('names the areas zoomed out when the themes do not all fit, and only themes from ×2 on', () => {
    const { themes, areas } = layout(1, 40, 8);
    const base = frame(themes);
    const out = layoutMapLabels(themes, areas, base, { k: 1, x: 0, y: 0 }, W, H);
    expect(out.areas.length).toBeGreaterThan(0);
    expect(out.themes.length).toBeLessThan(themes.length);
    const zoomed = layoutMapLabels(themes, areas, base, { k: AREA_ZOOM, x: -W / 2, y: -H / 2 }, W, H);
    expect(zoomed.areas).toStrictEqual([]);
    expect(zoomed.themes.length).toBeGreaterThan(0);
  });

  it('shows no area label when every theme label fits', () => {
    const themes = [{ gx: 0, gy: 0, size: 5, label: 'one' }, { gx: 60000, gy: 60000, size: 4, label: 'two' }];
    const out = layoutMapLabels(themes, [{ gx: 30000, gy: 30000, size: 9, label: 'both' }], frame(themes), { k: 1, x: 0, y: 0 }, W, H);
    expect([out.themes.length, out.areas.length]).toStrictEqual([2, 0]);
  });

  it('never puts a label over another label or over a theme dot', () => {
    const { themes, areas } = layout(2, 60, 10);
    const out = layoutMapLabels(themes, areas, frame(themes), { k: 1, x: 0, y: 0 }, W, H);
    const boxes = [...out.themes, ...out.areas];
    const dots = out.anchors.map(([x, y]) => ({ left: x - 4, top: y - 4, width: 8, height: 8 }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i], boxes[j])).toBe(false);
      for (const d of dots) expect(boxesOverlap(boxes[i], d)).toBe(false);
    }
  });

  it('labels every theme of crowded layouts at some ×1.6ⁿ zoom centred on it (n ≤ 9, the zoom limit)', () => {
    for (const seed of [3, 4, 5]) {
      const { themes, areas } = layout(seed, 60, 6);
      const base = frame(themes);
      themes.forEach((t, i) => {
        const found = Array.from({ length: 10 }, (_, n) => 1.6 ** n).some((k) => {
          const zoom = { k, x: W / 2 - k * (base.tx + base.k * t.gx), y: H / 2 - k * (base.ty + base.k * t.gy) };
          return layoutMapLabels(themes, areas, base, zoom, W, H).themes.some((p) => p.id === i);
        });
        expect(found, `seed ${seed}, theme ${i}`).toBe(true);
      });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { boxesOverlap, placeLabels, type LabelRequest } from '../../../src/lib/charts/label-placement.js';

const bounds = { left: 0, top: 0, width: 400, height: 300 };

function label(id: number, x: number, y: number, priority: number, width = 60, height = 16): LabelRequest {
  return { id, x, y, width, height, priority };
}

describe('boxesOverlap', () => {
  it('counts intersecting boxes and not boxes that only touch', () => {
    const a = { left: 0, top: 0, width: 10, height: 10 };
    expect(boxesOverlap(a, { left: 5, top: 5, width: 10, height: 10 })).toBe(true);
    expect(boxesOverlap(a, { left: 10, top: 0, width: 10, height: 10 })).toBe(false);
  });

  it('counts boxes closer than the padding as overlapping, and boxes exactly that far apart as not', () => {
    const a = { left: 0, top: 0, width: 10, height: 10 };
    expect(boxesOverlap(a, { left: 11, top: 0, width: 10, height: 10 }, 2)).toBe(true);
    expect(boxesOverlap(a, { left: 0, top: 12, width: 10, height: 10 }, 2)).toBe(false);
  });
});

describe('placeLabels', () => {
  it('puts a lone label just above its anchor, leaving the anchor uncovered', () => {
    // centre y = 100 − (16 / 2 + 5): the box's bottom edge is 5 px above the anchor.
    expect(placeLabels([label(7, 100, 100, 1)], bounds)).toStrictEqual([
      { id: 7, left: 70, top: 79, width: 60, height: 16, cx: 100, cy: 87, form: 0 }
    ]);
  });

  it('moves the less important of two labels on one anchor below it', () => {
    const placed = placeLabels([label(1, 200, 150, 5), label(2, 200, 150, 9)], bounds);
    expect(placed.map((p) => [p.id, p.cx, p.cy])).toStrictEqual([
      [2, 200, 150 - 13],
      [1, 200, 150 + 13]
    ]);
  });

  it('leaves no two placed labels overlapping, even for a crowded cluster', () => {
    const crowd = Array.from({ length: 40 }, (_, i) => label(i, 180 + (i % 7) * 6, 140 + Math.floor(i / 7) * 5, 40 - i, 50 + (i % 3) * 20));
    const placed = placeLabels(crowd, bounds, 2);
    expect(placed.length).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i], placed[j], 2)).toBe(false);
    }
  });

  it('places the most important labels first, so a dropped label is never more important than a kept one', () => {
    const crowd = Array.from({ length: 30 }, (_, i) => label(i, 200, 150, i));
    const kept = new Set(placeLabels(crowd, bounds).map((p) => p.id));
    expect(kept.has(29)).toBe(true);
    const dropped = crowd.filter((l) => !kept.has(l.id)).map((l) => l.priority);
    const lowestKept = Math.min(...crowd.filter((l) => kept.has(l.id)).map((l) => l.priority));
    expect(Math.max(...dropped)).toBeLessThan(lowestKept);
  });

  it('keeps every label inside the bounds, sliding one at the edge along it and dropping one far outside', () => {
    const placed = placeLabels([label(1, 10, 150, 1), label(2, -500, 150, 2), label(3, 2, 50, 0)], bounds);
    expect(placed.map((p) => [p.id, p.left >= 0 && p.left + p.width <= 400])).toStrictEqual([[1, true], [3, true]]);
    // Above the anchor, cut by the left edge: slid right until inside, the anchor still under the text.
    expect([placed[0].cx, placed[0].cy]).toStrictEqual([30, 150 - 13]);
    // 2 px from the edge the text would no longer stand over the anchor: right of it instead.
    expect([placed[1].cx, placed[1].cy]).toStrictEqual([2 + 60 / 2 + 7, 50]);
  });

  it('takes a corner clear of the anchor’s own dot when the sides are taken', () => {
    const own = { left: 95, top: 95, width: 10, height: 10 };
    const taken = [{ left: 65, top: 55, width: 40, height: 90 }, { left: 106, top: 96, width: 70, height: 20 }];
    const [placed] = placeLabels([label(1, 100, 100, 1)], bounds, 2, [own, ...taken], 0);
    expect([placed.cx, placed.cy]).toStrictEqual([100 + 30 + 5, 100 - 8 - 5]);
    expect(boxesOverlap(placed, own)).toBe(false);
  });

  it('keeps labels off the obstacles, such as other themes’ anchor dots', () => {
    // A dot just above the anchor blocks "above"; the label goes below instead.
    const dot = { left: 95, top: 80, width: 10, height: 10 };
    const [placed] = placeLabels([label(1, 100, 100, 1)], bounds, 2, [dot]);
    expect([placed.cx, placed.cy]).toStrictEqual([100, 113]);
  });

  it('tries a label’s own box at every position before its alternatives, and an alternative before leaving it out', () => {
    // 300 px wide: no room in a 200 px view; the 30 px-tall alternative fits above or below.
    const small = { left: 0, top: 0, width: 200, height: 100 };
    const wide = { ...label(1, 100, 50, 1, 300, 16), alternatives: [{ width: 120, height: 30 }, { width: 60, height: 16 }] };
    expect(placeLabels([wide], small).map((p) => [p.form, p.width, p.height, p.cx, p.cy])).toStrictEqual([[1, 120, 30, 100, 50 - 20]]);
    // The own box wins at a farther position: right of the anchor before a smaller box above it.
    const edge = { ...label(2, 2, 50, 1, 60, 16), alternatives: [{ width: 10, height: 10 }] };
    expect(placeLabels([edge], small).map((p) => [p.form, p.cx, p.cy])).toStrictEqual([[0, 2 + 30 + 7, 50]]);
  });
});

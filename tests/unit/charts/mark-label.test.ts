// A mark's label beside its line: on the side with more room, whole when it fits, cut with "…" when not.
import { describe, expect, it } from 'vitest';
import { placeLabel } from '../../../src/lib/charts/mark-label.js';

describe('placeLabel', () => {
  it('goes right of a line with room there, left of one near the right edge, and is cut only when neither side holds it', () => {
    expect(placeLabel('cs.IT from here', 100, 60, 1000)).toStrictEqual({ anchor: 'start', dx: 4, shown: 'cs.IT from here' });
    expect(placeLabel('cs.IT from here', 880, 60, 1000)).toMatchObject({ anchor: 'end', dx: -4, shown: 'cs.IT from here' });
    const cut = placeLabel('no cs.LG, cs.GT, cs.RO, cs.HC from here', 100, 56, 360);
    expect(cut.shown.endsWith('…')).toBe(true);
    expect(cut.shown.length).toBeLessThan(39);
  });

  it('never reaches past another marked line: it takes the side with more room short of it, cut there', () => {
    // 390 px: lines at plot x 80 (Aug) and 160 (Jan) of a 270 px plot offset 56 in a 340 px svg.
    const jan = placeLabel('cs.IT, cs.GT, cs.CE from here', 160, 56, 340, [80]);
    expect(jan.anchor).toBe('start');
    expect(jan.shown.endsWith('…')).toBe(true);
    const aug = placeLabel('no cs.LG, cs.GT, cs.RO, cs.HC from here', 80, 56, 340, [160]);
    expect(aug.anchor).toBe('end');
    // Whole where the other line is far: the same label with no neighbour at 1280 px.
    expect(placeLabel('cs.IT, cs.GT, cs.CE from here', 470, 68, 1100, [300]).shown).toBe('cs.IT, cs.GT, cs.CE from here');
  });
});

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
});

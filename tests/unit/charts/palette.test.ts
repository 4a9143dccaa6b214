import { describe, expect, it } from 'vitest';
import {
  assignThemeColours,
  colourOf,
  MAX_DISTINCT_COLOURS,
  OTHER_COLOUR,
  slotColour
} from '../../../src/lib/charts/palette.js';
import { hcl } from 'd3-color';

describe('slotColour', () => {
  it('gives 60 distinct hex colours to slots 0..59, none of them the Other grey', () => {
    const colours = Array.from({ length: 60 }, (_, i) => slotColour(i));
    expect(MAX_DISTINCT_COLOURS).toBe(60);
    expect(new Set(colours).size).toBe(60);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    expect(colours).not.toContain(OTHER_COLOUR);
  });

  it('puts consecutive slots far apart in hue (7/20 of the wheel, 126°)', () => {
    for (let i = 0; i < 19; i++) {
      const a = hcl(slotColour(i)).h;
      const b = hcl(slotColour(i + 1)).h;
      const gap = Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
      expect(gap).toBeGreaterThan(60);
    }
  });

  it('wraps past 60 slots', () => {
    expect(slotColour(60)).toBe(slotColour(0));
  });
});

describe('assignThemeColours', () => {
  it('gives slots by size, largest first, ties to the lower theme id', () => {
    const colours = assignThemeColours([
      { themeId: 0, size: 5 },
      { themeId: 1, size: 9 },
      { themeId: 2, size: 5 }
    ]);
    expect(colours).toStrictEqual({ 1: slotColour(0), 0: slotColour(1), 2: slotColour(2) });
  });

  it('falls back to the Other grey for a theme the run does not have', () => {
    expect(colourOf({ 3: '#123456' }, 3)).toBe('#123456');
    expect(colourOf({ 3: '#123456' }, 4)).toBe(OTHER_COLOUR);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_DISTINCT_COLOURS, OTHER_COLOUR, textColourOn, themeColour } from '../../../src/lib/charts/palette.js';

describe('themeColour', () => {
  it('gives 60 distinct hex colours to theme ids 0..59, none of them the Other grey', () => {
    const colours = Array.from({ length: 60 }, (_, i) => themeColour(i));
    expect(MAX_DISTINCT_COLOURS).toBe(60);
    expect(new Set(colours).size).toBe(60);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    expect(colours).not.toContain(OTHER_COLOUR);
  });

  it('is the same colour for the same theme id on every call', () => {
    expect(themeColour(13)).toBe(themeColour(13));
    expect(themeColour(60)).toBe(themeColour(0));
  });

  it('picks dark text on a light fill and white text on a dark fill', () => {
    expect([textColourOn('#ffffff'), textColourOn('#101010')]).toStrictEqual(['#1a1a1a', '#ffffff']);
  });
});

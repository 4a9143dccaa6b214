import { describe, expect, it } from 'vitest';
import { contrastOnWhite, hexToOklab, inkOf, labToLch } from '../../../src/lib/charts/oklab.js';

describe('contrastOnWhite', () => {
  it('is the WCAG 2 contrast ratio on white', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 10);
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1, 10);
    // #767676 is the classic 4.54:1 grey.
    expect(contrastOnWhite('#767676')).toBeCloseTo(4.54, 2);
  });
});

describe('inkOf', () => {
  // Pale theme colours a run of the 74.7k arXiv corpus gave its themes: 1.8–2.1:1 on white.
  const PALE = ['#5dd694', '#00d6cd', '#0dcefd', '#98baff', '#e8ab8a', '#f7a745', '#ff9a98', '#e49af3'];

  it('keeps a colour that already stands out 3:1 from white', () => {
    expect(inkOf('#2f6db5')).toBe('#2f6db5');
  });

  it('darkens a pale colour just enough for 3:1 on white, in its own hue', () => {
    for (const pale of PALE) {
      expect(contrastOnWhite(pale)).toBeLessThan(3);
      const ink = inkOf(pale);
      expect(contrastOnWhite(ink), `${pale} → ${ink}`).toBeGreaterThanOrEqual(3);
      expect(contrastOnWhite(ink), `${pale} → ${ink}`).toBeLessThan(3.3);
      const [a, b] = [labToLch(hexToOklab(pale)), labToLch(hexToOklab(ink))];
      expect(Math.abs(a.h - b.h), `${pale} → ${ink}`).toBeLessThan(8);
    }
  });
});

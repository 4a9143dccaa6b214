import { describe, expect, it } from 'vitest';
import { fitText, textWidth, titleLines, twoLines, wrapText, fitThemeName } from '../../../src/lib/charts/text-width.js';

describe('textWidth', () => {
  it('adds the advance widths of the characters at the font size', () => {
    // a 0.61 em, b 0.63 em, space 0.32 em.
    expect(textWidth('ab a', 10)).toBeCloseTo((0.61 + 0.63 + 0.32 + 0.61) * 10, 10);
  });

  it('is at least what Chromium draws with DejaVu Sans for a keyword that used to be clipped', () => {
    // Chromium measured "long-term memory" at 12 px as 112.68 px (getComputedTextLength).
    expect(textWidth('long-term memory', 12)).toBeGreaterThanOrEqual(112.68);
  });

  it('gives accented letters and dashes 0.8 em and CJK a full em', () => {
    expect([textWidth('é—', 10), textWidth('東京', 10)]).toStrictEqual([16, 20]);
  });
});

describe('fitText', () => {
  it('keeps a text that fits', () => {
    expect(fitText('memory', 100, 12)).toBe('memory');
  });

  it('cuts a text that does not fit to its longest start that fits with an ellipsis', () => {
    const fitted = fitText('retrieval-augmented generation for long documents', 120, 12);
    expect(fitted).toBe('retrieval-augment…');
    expect([textWidth(fitted, 12) <= 120, textWidth('retrieval-augmente…', 12) > 120]).toStrictEqual([true, true]);
  });

  it('keeps at least one character', () => {
    expect(fitText('WWW', 5, 12)).toBe('W…');
  });
});

describe('bold text', () => {
  it('is reserved 1.13x the regular width, over the 1.11–1.12x Chromium draws for DejaVu Sans Bold', () => {
    // Chromium: "Keywords of “retrieval-augmented generation, knowledge graph”" at 15 px bold is 559.8 px.
    const title = 'Keywords of “retrieval-augmented generation, knowledge graph”';
    expect([textWidth(title, 15, true) / textWidth(title, 15), textWidth(title, 15, true) >= 559.8]).toStrictEqual([1.13, true]);
  });

  it('is cut to fewer characters than regular text in the same width', () => {
    const title = 'Keywords of “retrieval-augmented generation, knowledge graph”';
    expect(fitText(title, 500, 15, true).length).toBeLessThan(fitText(title, 500, 15).length);
  });
});

describe('wrapText', () => {
  const LEGEND = "weight of the term in this theme (c-TF-IDF × the theme's share of the term)";

  it('keeps a text that fits on one line', () => {
    expect(wrapText(LEGEND, 600, 12)).toStrictEqual([LEGEND]);
  });

  it('breaks a text at spaces into lines that each fit, losing no word (a phone-wide chart legend)', () => {
    const lines = wrapText(LEGEND, 300, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => textWidth(l, 12) <= 300)).toBe(true);
    expect(lines.join(' ')).toBe(LEGEND);
  });

  it('cuts a single word wider than the line with an ellipsis', () => {
    expect(wrapText('a retrieval-augmented-generation b', 60, 12)).toStrictEqual(['a', fitText('retrieval-augmented-generation', 60, 12), 'b']);
  });
});

describe('twoLines (a chart legend entry)', () => {
  const NAME = 'large language models, retrieval-augmented generation';
  it('keeps a name that fits on one line', () => {
    expect(twoLines('clinical, patient', 248, 12)).toStrictEqual(['clinical, patient']);
  });

  it('breaks a long name at a space onto two lines that each fit, their text together the whole name', () => {
    const lines = twoLines(NAME, 248, 12);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => textWidth(l.trimEnd(), 12) <= 248)).toBe(true);
    expect(lines.join('')).toBe(NAME);
  });

  it('cuts the second line only when two lines cannot hold the name', () => {
    const lines = twoLines(`${NAME}, ${NAME}`, 248, 12);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(textWidth(lines[1], 12)).toBeLessThanOrEqual(248);
  });
});

describe('titleLines (a chart title on a narrow screen: dashboard audit of 2026-12-04)', () => {
  it('keeps a title that fits on one line, wraps one that does not, and cuts only past the last line', () => {
    const title = 'Keywords of “llm agents, agentic systems”';
    expect(titleLines(title, 1000)).toStrictEqual([title]);
    const lines = titleLines(title, 300);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe(title);
    for (const line of lines) expect(textWidth(line, 15 * 1.13)).toBeLessThanOrEqual(300);
    const cut = titleLines('one two three four five six seven eight nine ten eleven twelve', 60, 15, 3);
    expect(cut.length).toBe(3);
    expect(cut[2].endsWith('…')).toBe(true);
  });
});

describe('fitThemeName (the flow diagram\'s theme names; dashboard review of 2026-12-04: "medical image segmentatio…" at 390 px)', () => {
  const room = (text: string) => textWidth(text, 12) + 0.5;
  it('keeps a name whole when it fits, else its first phrase', () => {
    expect(fitThemeName('LLM agents, GUI agents', room('LLM agents, GUI agents'), 12)).toBe('LLM agents, GUI agents');
    expect(fitThemeName('LLM agents, GUI agents', room('LLM agents, …'), 12)).toBe('LLM agents, …');
  });
  it('cuts a first phrase too long between words, not inside one', () => {
    const label = 'medical image segmentation, segment anything model';
    expect(fitThemeName(label, room('medical image segmentatio…'), 12)).toBe('medical image …');
    expect(fitThemeName('retrieval-augmented generation', room('retrieval-augmented generat…'), 12)).toBe('retrieval-augmented …');
  });
  it('cuts inside the word only when the first word alone does not fit', () => {
    expect(fitThemeName('retrieval-augmented generation', room('retrieval-aug…'), 12)).toBe('retrieval-aug…');
  });
});

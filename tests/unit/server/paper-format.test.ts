import { describe, it, expect } from 'vitest';
import { excerpt, highlight, paperHref, shortAuthors } from '../../../src/lib/server/paper-format.js';

describe('paperHref', () => {
  it('uses the paper URL when it is http or https', () => {
    expect(paperHref('x1', 'https://example.org/p/1')).toBe('https://example.org/p/1');
  });

  it('never links a javascript: URL; falls back to the arXiv id', () => {
    expect([paperHref('2501.00001', 'javascript:alert(1)'), paperHref('doi-1', 'javascript:alert(1)')]).toStrictEqual([
      'https://arxiv.org/abs/2501.00001',
      null
    ]);
  });

  it('builds arXiv URLs for new-style, versioned, prefixed and old-style ids', () => {
    expect([paperHref('2501.12345', null), paperHref('2501.12345v2', null), paperHref('arXiv:1706.03762', null), paperHref('cs/9901001', null)]).toStrictEqual([
      'https://arxiv.org/abs/2501.12345',
      'https://arxiv.org/abs/2501.12345v2',
      'https://arxiv.org/abs/1706.03762',
      'https://arxiv.org/abs/cs/9901001'
    ]);
  });

  it('gives no link for a non-arXiv id without URL', () => {
    expect(paperHref('10.1145/123', null)).toBe(null);
  });
});

describe('shortAuthors', () => {
  it('lists up to three authors in full', () => {
    expect([shortAuthors([]), shortAuthors(['A']), shortAuthors(['A', 'B', 'C'])]).toStrictEqual(['', 'A', 'A, B, C']);
  });

  it('shows the first three and et al. for more', () => {
    expect(shortAuthors(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
  });
});

describe('excerpt', () => {
  it('returns a short abstract whole, whitespace collapsed', () => {
    expect(excerpt('One  two\nthree.', new Set())).toStrictEqual([{ text: 'One two three.', hit: false }]);
  });

  it('cuts a long abstract at a word boundary with an ellipsis', () => {
    expect(excerpt('aaaa bbbb cccc dddd', new Set(), 12)).toStrictEqual([{ text: 'aaaa bbbb…', hit: false }]);
  });

  it('marks every word whose search key matched, in any case, and no match inside a word', () => {
    expect(excerpt('Model Merging beats merging, not emerging.', new Set(['merg']))).toStrictEqual([
      { text: 'Model ', hit: false },
      { text: 'Merging', hit: true },
      { text: ' beats ', hit: false },
      { text: 'merging', hit: true },
      { text: ', not emerging.', hit: false }
    ]);
  });

  it('marks a part of a hyphenated word, and other forms of a word (same stem)', () => {
    expect(excerpt('Long-context models merge.', new Set(['merg', 'context']))).toStrictEqual([
      { text: 'Long-', hit: false },
      { text: 'context', hit: true },
      { text: ' models ', hit: false },
      { text: 'merge', hit: true },
      { text: '.', hit: false }
    ]);
  });

  it('centres the window on a match far into the abstract', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const parts = excerpt(`${words} target end`, new Set(['target']), 30);
    expect(parts.map((p) => p.text).join('')).toBe('…w37 w38 w39 target end');
    expect(parts.filter((p) => p.hit)).toStrictEqual([{ text: 'target', hit: true }]);
  });

  it('keeps markup in the data as text parts (the page renders parts, never HTML)', () => {
    expect(highlight('<script>alert(1)</script> merging', new Set(['merg']))).toStrictEqual([
      { text: '<script>alert(1)</script> ', hit: false },
      { text: 'merging', hit: true }
    ]);
  });
});

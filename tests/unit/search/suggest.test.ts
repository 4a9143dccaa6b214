// "Did you mean": a query word the run does not hold is offered as the run's most frequent word a
// letter or two away (the dashboard review of 2026-12-04: "gausian splatting" said only "No papers match").
import { describe, expect, it } from 'vitest';
import { editDistance, suggestQuery } from '../../../src/lib/server/search-index.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and a swap of two neighbours as one edit each, and stops past the limit', () => {
    expect([editDistance('gausian', 'gaussian', 2), editDistance('trasnformer', 'transformer', 2), editDistance('model', 'modal', 2)]).toStrictEqual([1, 1, 1]);
    expect([editDistance('splatting', 'spltting', 2), editDistance('abc', 'abc', 2), editDistance('kitten', 'sitting', 3)]).toStrictEqual([1, 0, 3]);
    expect(editDistance('diffusion', 'transformer', 2)).toBe(3);
  });
});

describe('suggestQuery', () => {
  const dict = {
    terms: ['gaussian', 'gaussians', 'merg', 'model', 'mode', 'splat', 'splatting', 'transformer', 'transformers-x'],
    df: Int32Array.from([1500, 3, 900, 60000, 800, 40, 1400, 6000, 1]),
    stem: 'inflection' as const
  };

  it('replaces each word the run lacks, as written, keeping the rest of the query', () => {
    expect(suggestQuery(dict, 'Gausian splatting', ['gausian'])).toBe('gaussian splatting');
    expect(suggestQuery(dict, '"trasnformer" -video', ['trasnformer'])).toBe('"transformer" -video');
    // The most frequent of those within reach: "modle" (key "modl") is one edit from "model" (60,000 papers) and from "mode" (800).
    expect(suggestQuery(dict, 'modle merging', ['modl'])).toBe('model merging');
    expect(suggestQuery(dict, 'spla', ['spla'])).toBe('splat');
  });

  it('writes a key cut short as the form of it nearest to what was typed', () => {
    expect(suggestQuery(dict, 'model mergng', ['mergng'])).toBe('model merging');
  });

  it('offers nothing for a word with no near word, or a short one', () => {
    expect(suggestQuery(dict, 'quantum splatting', ['quantum'])).toBe(null);
    expect(suggestQuery(dict, 'spl', ['spl'])).toBe(null); // under 4 letters: too short to guess
    expect(suggestQuery(dict, 'gausian quantum', ['gausian', 'quantum'])).toBe(null); // every word needs one
    // "merhh" is two edits from "merg", and a 5-letter word may be one edit off.
    expect(suggestQuery(dict, 'merhh', ['merhh'])).toBe(null);
  });
});

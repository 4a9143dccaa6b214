import { describe, expect, it } from 'vitest';
import { Warnings, warnAboutEmptyPapers } from '../../pipeline/warnings.js';

describe('warnAboutEmptyPapers (found by the CLI review of 2026-12-02: such papers went into theme 0 without a word)', () => {
  const titles = ['Graphs', 'qzxv', 'Robots', 'bkrt', 'wvlp'];
  const labels = ['graph networks', 'robot control'];
  it('says how many papers have an empty row, which themes hold them and the first one', () => {
    const warnings = new Warnings();
    // Rows 1, 3 and 4 are empty.
    warnAboutEmptyPapers(warnings, Uint32Array.from([0, 3, 3, 5, 5, 5]), [0, 0, 1, 0, 1], (i) => titles[i], (t) => labels[t]);
    expect(warnings.list).toStrictEqual([{ code: 'no-terms', message: '3 papers have no term of the vocabulary (every word too rare or ' +
      'too common for --min-df/--max-df, or not English), so no word of theirs placed them: 2 in "graph networks", 1 in "robot control", ' +
      'with similarity 0, as weak members (first: "qzxv")' }]);
  });
  it('is silent when every row has a term', () => {
    const warnings = new Warnings();
    warnAboutEmptyPapers(warnings, Uint32Array.from([0, 1, 2]), [0, 1], (i) => titles[i], (t) => labels[t]);
    expect(warnings.list).toStrictEqual([]);
  });
});

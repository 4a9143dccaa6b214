import { describe, expect, it } from 'vitest';
import { replaceRecomputedWarnings, Warnings, warnAboutEmptyPapers, type RunWarning } from '../../pipeline/warnings.js';

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

describe('replaceRecomputedWarnings (found by reviews of 2026-12-03: /runs kept the coverage, then the theme-size warnings of the run a batch had changed)', () => {
  const input: RunWarning = { code: 'input', message: 'a.csv has no date column' };
  const empty: RunWarning = { code: 'no-terms', message: '2 papers have no term left' };
  const small: RunWarning = { code: 'small-themes', message: '1 theme has fewer than 5 papers: theme 2 (3)' };
  const bigK: RunWarning = { code: 'k-too-large', message: 'k = 3 for 12 papers leaves 4.0 papers per theme on average' };
  const old: RunWarning = { code: 'coverage', message: '671 papers of the windows set aside' };
  const now: RunWarning = { code: 'coverage', message: '901 papers of the windows set aside' };
  const stillSmall: RunWarning = { code: 'small-themes', message: '1 theme has fewer than 5 papers: theme 2 (4)' };

  it('puts the batch\'s coverage and theme-size warnings in the place of the run\'s, marked with the batch, and keeps the others as they were', () => {
    expect(replaceRecomputedWarnings([input, bigK, small, old, empty], [stillSmall, now], 2))
      .toStrictEqual([input, { ...stillSmall, batch: 2 }, { ...now, batch: 2 }, empty]);
  });

  it('replaces those an earlier batch stored, and drops them when they no longer hold (the themes grew, the coverage no longer changes)', () => {
    const earlier = { ...old, batch: 1 };
    expect(replaceRecomputedWarnings([input, earlier], [now], 2)).toStrictEqual([input, { ...now, batch: 2 }]);
    expect(replaceRecomputedWarnings([input, bigK, small, earlier, empty], [], 2)).toStrictEqual([input, empty]);
  });

  it('adds them at the end of a run that had none, and of one stored without warnings or with a malformed value', () => {
    expect(replaceRecomputedWarnings([input], [now], 3)).toStrictEqual([input, { ...now, batch: 3 }]);
    expect(replaceRecomputedWarnings(undefined, [now], 3)).toStrictEqual([{ ...now, batch: 3 }]);
    expect(replaceRecomputedWarnings({ code: 'coverage' }, [], 3)).toStrictEqual([]);
  });
});

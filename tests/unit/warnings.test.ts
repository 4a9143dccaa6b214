import { describe, expect, it } from 'vitest';
import { replaceRecomputedWarnings, Warnings, warnAboutCoverage, warnAboutEmptyPapers, type RunWarning } from '../../pipeline/warnings.js';

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

describe('warnAboutCoverage (workflow audit of 2026-12-03: the warning said "steady → emerging" where every page said "shrinking slower than the field")', () => {
  const change = { category: 'cs.GT', granularity: 'month' as const, absent: [{ from: '2025-08-01', to: '2025-12-01', papers: 0 }], expected: 78, papers: 664 };
  const covered = (direction: 'emerging' | 'fading' | 'steady', papersBefore: number, papersAfter: number) =>
    ({ share: 0.9, emergingScore: 0.3, direction, zScore: 2.5, shareBefore: 0.02, shareAfter: 0.03, papersBefore, papersAfter });
  it('words each reading of a theme read otherwise over the categories held throughout in its class, papers per period weighed', () => {
    const warnings = new Warnings();
    warnAboutCoverage(warnings, [change], [
      // Steady over all papers; emerging in share within the categories, on fewer papers a month (167 in 8 → 62 in 3): shrinking slower.
      { label: 'kv cache', trend: { direction: 'steady', emergingScore: 0, zScore: 0.5, papersBefore: 188, papersAfter: 62, covered: covered('emerging', 167, 62) } },
      // Emerging both ways, more papers a month: not listed.
      { label: 'llm agents', trend: { direction: 'emerging', emergingScore: 0.5, zScore: 9, papersBefore: 800, papersAfter: 900, covered: covered('emerging', 700, 800) } }
    ], { before: 8, after: 3 });
    expect(warnings.list[0].message).toMatch(/; 1 reading otherwise over the categories held throughout than over all papers: kv cache \(steady → shrinking slower than the field\)$/);
  });
});

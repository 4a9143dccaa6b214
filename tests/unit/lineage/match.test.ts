import { describe, expect, it } from 'vitest';
import { countKinds, crossTabulate, matchThemes, type LineageLink, type ThemePapers } from '../../../pipeline/lineage/match.js';
import { lineageBetween } from '../../../pipeline/lineage/index.js';
import { keywordCosine, keywordWeights, termKey } from '../../../pipeline/lineage/cosine.js';

/** Theme id → paper ids `${prefix}${from}`..`${prefix}${to - 1}` for each [from, to) range given. */
function themes(spec: Record<number, [string, number, number][]>): ThemePapers {
  return new Map(Object.entries(spec).map(([id, ranges]) => [Number(id),
    ranges.flatMap(([prefix, from, to]) => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`))]));
}

const noTerms = { terms: new Map() };
const kinds = (links: LineageLink[]) => links.map((l) => [l.prevThemeId, l.themeId, l.kind, l.sharedPapers]);

describe('matchThemes', () => {
  it('calls a theme continued when most of its papers stay together, with n, Jaccard and the theme sizes over shared papers', () => {
    // Previous theme 0: p0..p9; new theme 0: p0..p7 plus two papers the previous run lacks (n0, n1).
    const prev = themes({ 0: [['p', 0, 10]], 1: [['q', 0, 10]] });
    const next = themes({ 0: [['p', 0, 8], ['n', 0, 2]], 1: [['q', 0, 10], ['p', 8, 10]] });
    const links = lineageBetween({ papers: prev, ...noTerms }, { papers: next, ...noTerms });
    expect(links).toStrictEqual([
      { kind: 'continued', themeId: 0, prevThemeId: 0, sharedPapers: 8, jaccard: 0.8, centroidCosine: null, themePapers: 8, prevThemePapers: 10 },
      // p8, p9 (2 papers) are under MIN_SHARED_PAPERS: no link from previous theme 0 to new theme 1.
      { kind: 'continued', themeId: 1, prevThemeId: 1, sharedPapers: 10, jaccard: 10 / 12, centroidCosine: null, themePapers: 12, prevThemePapers: 10 }
    ]);
  });

  it('calls the pieces of a theme cut in two split, or the larger piece continued when it holds most of both', () => {
    const prev = themes({ 0: [['p', 0, 20]] });
    const halves = themes({ 0: [['p', 0, 10]], 1: [['p', 10, 20]] });
    expect(kinds(lineageBetween({ papers: prev, ...noTerms }, { papers: halves, ...noTerms }))).toStrictEqual([
      [0, 0, 'split', 10], [0, 1, 'split', 10]
    ]);
    const unequal = themes({ 0: [['p', 0, 14]], 1: [['p', 14, 20]] });
    expect(kinds(lineageBetween({ papers: prev, ...noTerms }, { papers: unequal, ...noTerms }))).toStrictEqual([
      [0, 0, 'continued', 14], [0, 1, 'split', 6]
    ]);
  });

  it('calls two themes that went into one merged', () => {
    const prev = themes({ 0: [['p', 0, 10]], 1: [['q', 0, 10]] });
    const next = themes({ 0: [['p', 0, 10], ['q', 0, 10]] });
    const links = lineageBetween({ papers: prev, ...noTerms }, { papers: next, ...noTerms });
    expect(kinds(links)).toStrictEqual([[0, 0, 'merged', 10], [1, 0, 'merged', 10]]);
    expect(links.map((l) => l.jaccard)).toStrictEqual([0.5, 0.5]);
  });

  it('calls a theme without shared papers new and a previous theme without a link gone', () => {
    const prev = themes({ 0: [['p', 0, 10]], 1: [['q', 0, 10]] });
    // New theme 1 is all new papers; the previous theme 1 scattered: 2 papers into each of 5 new themes.
    const next = themes({ 0: [['p', 0, 10]], 1: [['n', 0, 30]], 2: [['q', 0, 2], ['p', 100, 120]], 3: [['q', 2, 4]],
      4: [['q', 4, 6]], 5: [['q', 6, 8]], 6: [['q', 8, 10]] });
    const links = lineageBetween({ papers: prev, ...noTerms }, { papers: next, ...noTerms });
    expect(kinds(links)).toStrictEqual([
      [0, 0, 'continued', 10], [null, 1, 'new', 0], [null, 2, 'new', 0], [null, 3, 'new', 0], [null, 4, 'new', 0],
      [null, 5, 'new', 0], [null, 6, 'new', 0], [1, null, 'gone', 0]
    ]);
    expect(links[1]).toMatchObject({ themePapers: 0, prevThemePapers: null, jaccard: 0, centroidCosine: null });
    expect(links[7]).toMatchObject({ themePapers: null, prevThemePapers: 10 });
    expect(countKinds(links)).toStrictEqual({ continued: 1, split: 0, merged: 0, new: 6, gone: 1 });
  });

  it('needs a link to carry at least a fifth of one side: 3 of 20 papers each way is no link', () => {
    const shared = [{ prevThemeId: 0, themeId: 0, papers: 17 }, { prevThemeId: 0, themeId: 1, papers: 3 },
      { prevThemeId: 1, themeId: 1, papers: 17 }];
    const links = matchThemes([0, 1], [0, 1], shared, () => 0.5);
    expect(kinds(links)).toStrictEqual([[0, 0, 'continued', 17], [1, 1, 'continued', 17]]);
    expect(links[0].centroidCosine).toBe(0.5);
  });

  it('keeps the theme ids as given and numbers nothing itself', () => {
    const links = matchThemes([7], [3], [{ prevThemeId: 7, themeId: 3, papers: 5 }], () => null);
    expect(kinds(links)).toStrictEqual([[7, 3, 'continued', 5]]);
  });
});

describe('crossTabulate', () => {
  it('counts only papers both runs hold, per pair of themes', () => {
    const prev = themes({ 0: [['p', 0, 3]], 1: [['p', 3, 5]] });
    const next = themes({ 5: [['p', 0, 4], ['x', 0, 9]] });
    expect(crossTabulate(prev, next)).toStrictEqual([{ prevThemeId: 0, themeId: 5, papers: 3 }, { prevThemeId: 1, themeId: 5, papers: 1 }]);
  });
});

describe('keywordCosine', () => {
  it('is the cosine over the terms both profiles hold, normed over each whole profile', () => {
    const a = keywordWeights([{ term: 'model merging', weight: 3 }, { term: 'task vectors', weight: 4 }]);
    const b = keywordWeights([{ term: 'Model Merge', weight: 1 }, { term: 'pruning', weight: 1 }]);
    // "model merging" and "Model Merge" have one stem key; dot = 3·1, norms 5 and √2.
    expect(keywordCosine(a, b)).toBeCloseTo(3 / (5 * Math.SQRT2), 12);
    expect(keywordCosine(a, a)).toBeCloseTo(1, 12);
    expect(keywordCosine(a, new Map())).toBe(0);
    expect(termKey('Model Merging')).toBe(termKey('model merge'));
  });

  it('takes a phrase and the same phrase written whole (words added after it) as one term where neither profile has the other\'s', () => {
    // Theme 8 of the 74.7k run, before and after the label stage wrote phrases cut at --ngram-max whole: 0.69 against itself.
    const before = keywordWeights([{ term: 'MLLMs', weight: 4 }, { term: 'multimodal large language', weight: 3 }]);
    const after = keywordWeights([{ term: 'MLLMs', weight: 4 }, { term: 'multimodal large language models', weight: 3 }]);
    expect(keywordCosine(before, after)).toBeCloseTo(1, 12);
    expect(keywordCosine(after, before)).toBeCloseTo(1, 12);
    // Where the profile holds the longer phrase too, each matches its own: "large language" is no "large language models".
    const both = keywordWeights([{ term: 'large language', weight: 1 }, { term: 'large language models', weight: 1 }]);
    const longer = keywordWeights([{ term: 'large language models', weight: 1 }]);
    expect(keywordCosine(both, longer)).toBeCloseTo(1 / Math.SQRT2, 12);
    // Words before the phrase are another term.
    expect(keywordCosine(keywordWeights([{ term: 'language models', weight: 1 }]), keywordWeights([{ term: 'large language models', weight: 1 }]))).toBe(0);
  });

  it('is passed through lineageBetween for each link', () => {
    const prev = { papers: themes({ 0: [['p', 0, 5]] }), terms: new Map([[0, keywordWeights([{ term: 'rope', weight: 1 }])]]) };
    const next = { papers: themes({ 0: [['p', 0, 5]] }), terms: new Map([[0, keywordWeights([{ term: 'rope', weight: 2 }])]]) };
    expect(lineageBetween(prev, next)[0].centroidCosine).toBeCloseTo(1, 12);
  });
});

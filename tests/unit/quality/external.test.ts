import { describe, expect, it } from 'vitest';
import { checkAgainstCategories, scoreAgainstLabels } from '../../../pipeline/quality/external.js';
import { primaryCategoryOf } from '../../../pipeline/trends/coverage.js';

describe('scoreAgainstLabels', () => {
  it('scores a perfect clustering (up to renaming) as 1 everywhere', () => {
    expect(scoreAgainstLabels(['a', 'a', 'b', 'b'], [1, 1, 0, 0])).toStrictEqual({
      homogeneity: 1,
      completeness: 1,
      vMeasure: 1,
      nmi: 1
    });
  });

  it('gives homogeneity 1 and completeness < 1 when a class is split in two clusters', () => {
    const q = scoreAgainstLabels(['a', 'a', 'b', 'b'], [0, 1, 2, 2]);
    // H(C) = ln 2, H(K) = 1.5 ln 2, I = ln 2 → h = 1, c = 2/3, V = 0.8
    expect(q.homogeneity).toBeCloseTo(1, 12);
    expect(q.completeness).toBeCloseTo(2 / 3, 12);
    expect(q.vMeasure).toBeCloseTo(0.8, 12);
    expect(q.nmi).toBeCloseTo(0.8, 12);
  });

  it('gives 0 mutual information for clusters independent of the classes', () => {
    expect(scoreAgainstLabels(['a', 'b', 'a', 'b'], [0, 0, 1, 1]).vMeasure).toBe(0);
  });
});

describe('checkAgainstCategories', () => {
  it('scores the themes against the first category of each paper that has one', () => {
    // Papers 0–3 scored (primary a, a, b, b), paper 4 has no category; themes split class a.
    const result = checkAgainstCategories([['a', 'x'], ['a'], ['b', 'a'], ['b'], []], [0, 1, 2, 2, 0]);
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    expect(result.labelledPapers).toBe(4);
    expect(result.classes).toBe(2);
    expect(result.homogeneity).toBeCloseTo(1, 12);
    expect(result.completeness).toBeCloseTo(2 / 3, 12);
    expect(result.vMeasure).toBeCloseTo(0.8, 12);
    // Contingency [[1,1,0],[0,0,2]]: index = C(2) = 1, Σ C(a_i) = 2, Σ C(b_j) = 1, C(4) = 6,
    // expected = 2 · 1 / 6 = 1/3, max = (2 + 1) / 2 = 3/2 → ARI = (1 − 1/3) / (3/2 − 1/3) = 4/7.
    expect(result.ari).toBeCloseTo(4 / 7, 12);
  });

  it('is 1 everywhere for themes that are the categories renamed', () => {
    const result = checkAgainstCategories([['cs.LG'], ['cs.CV'], ['cs.LG'], ['cs.CV']], [3, 5, 3, 5]);
    expect(result).toStrictEqual({ status: 'done', homogeneity: 1, completeness: 1, vMeasure: 1, nmi: 1, ari: 1, labelledPapers: 4, classes: 2 });
  });

  it('is skipped, with the reason, when fewer than half the papers have a category', () => {
    expect(checkAgainstCategories([['a'], [], [], ['']], [0, 1, 0, 1])).toStrictEqual({
      status: 'skipped', labelledPapers: 1, reason: '1 of 4 papers have a category (fewer than 50%)'
    });
  });

  it('scores exactly half the papers labelled (the threshold is inclusive)', () => {
    expect(checkAgainstCategories([['a'], [], ['b'], []], [0, 1, 1, 0]).status).toBe('done');
  });

  it('scores no keyword as a class: papers with only keywords are unlabelled (as the run passes them, through primaryCategoryOf)', () => {
    const papers = [
      { categories: ['cs.CL'] }, { categories: ['cs.CL', 'cs.AI'] }, { categories: ['cs.CV'] },
      { categories: ['ChatGPT', 'education'], keywordsOnly: true as const }, { categories: ['ChatGPT'], keywordsOnly: true as const }
    ];
    const result = checkAgainstCategories(papers.map(primaryCategoryOf), [0, 0, 1, 1, 0]);
    expect(result).toMatchObject({ status: 'done', labelledPapers: 3, classes: 2, vMeasure: 1 });
    // Mostly keywords: too few papers with a class to score.
    const keywords = [...papers, ...papers.slice(3)];
    expect(checkAgainstCategories(keywords.map(primaryCategoryOf), [0, 0, 1, 1, 0, 1, 0])).toMatchObject({ status: 'skipped', labelledPapers: 3 });
  });
});

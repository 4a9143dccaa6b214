// The coverage rule (pipeline/trends/coverage.ts) on hand-made corpora with known changes: a
// category the corpus holds only from some month, one it stops holding, one held throughout, and
// what that does to the themes' trends.
import { describe, expect, it } from 'vitest';
import { computeTrends, primaryCategories } from '../../../pipeline/trends/index.js';
import { DuckDBInstance } from '@duckdb/node-api';
import { coveredBasisSql, dependsOnCoverage, describeChange, findCoverageChanges, NO_CATEGORY, primaryCategoryOf, readTrend, trendBasis, trendReadingSql } from '../../../pipeline/trends/coverage.js';
import { normaliseRecord } from '../../../pipeline/ingest/normalise.js';
import { computePeriods } from '../../../pipeline/trends/periods.js';
import { classifyTrend } from '../../../src/lib/trend-wording.js';
import type { Paper } from '../../../pipeline/types.js';

type Dated = Pick<Paper, 'published' | 'datePrecision' | 'categories'>;

/** Papers per month of 2025 (index 0 = January) for each (category, theme), all complete months (day dates 1st..28th). */
function corpus(spec: { category: string; theme: number; perMonth: number[] }[]): { papers: Dated[]; themes: Int32Array } {
  const papers: Dated[] = [];
  const themes: number[] = [];
  for (const { category, theme, perMonth } of spec) {
    perMonth.forEach((n, m) => {
      for (let i = 0; i < n; i++) {
        const day = 1 + (i % 28);
        papers.push({ published: `2025-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`, datePrecision: 'day', categories: [category] });
        themes.push(theme);
      }
    });
  }
  // Every month holds a paper on its 1st and on its last day, so no month is partial.
  for (let m = 0; m < 12; m++) {
    for (const day of ['01', m === 1 ? '28' : '30']) {
      papers.push({ published: `2025-${String(m + 1).padStart(2, '0')}-${day}`, datePrecision: 'day', categories: ['cs.CV'] });
      themes.push(0);
    }
  }
  return { papers, themes: Int32Array.from(themes) };
}

const flat = (n: number) => Array.from({ length: 12 }, () => n);

describe('findCoverageChanges', () => {
  // Windows at month with --emerging-window 2: after = Nov–Dec, before = the 8 months Mar–Oct.
  const window = 2;

  it('finds a category held only from a month on, and one that stops, but not one held throughout', () => {
    const { papers, themes } = corpus([
      { category: 'cs.CV', theme: 0, perMonth: flat(200) },
      { category: 'cs.IT', theme: 1, perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 60, 60, 60, 60] },
      { category: 'cs.RO', theme: 2, perMonth: [50, 50, 50, 50, 50, 0, 0, 0, 0, 0, 0, 0] }
    ]);
    const strata = primaryCategories(papers.map((p) => p.categories));
    const { periods, totals } = computePeriods(papers, strata.of, strata.names.length);
    const found = findCoverageChanges(periods, totals, strata.names, 'month', window)!;
    expect(found.changes.map((c) => [c.category, c.absent])).toEqual([
      ['cs.IT', [{ from: '2025-03-01', to: '2025-08-01', papers: 0 }]],
      ['cs.RO', [{ from: '2025-06-01', to: '2025-12-01', papers: 0 }]]
    ]);
    expect(describeChange(found.changes[0])).toMatch(/^cs\.IT: 0 papers in 2025-03\.\.2025-08 \(~\d+ a month expected\)$/);
    expect(found.changed[strata.names.indexOf('cs.CV')]).toBe(0);
  });

  it('takes a category that grows from a few papers (a ramp, no step) as no change, but one that comes all at once as one', () => {
    // Topic-query export: cs.SE takes off — 2, 3, 5, 8, 13, … a month: at each period a fraction of the next, never a step.
    const ramp = [2, 3, 5, 8, 13, 20, 30, 45, 65, 90, 120, 150];
    const { papers } = corpus([{ category: 'cs.CV', theme: 0, perMonth: flat(200) }, { category: 'cs.SE', theme: 1, perMonth: ramp }]);
    const strata = primaryCategories(papers.map((p) => p.categories));
    const { periods, totals } = computePeriods(papers, strata.of, strata.names.length);
    expect(findCoverageChanges(periods, totals, strata.names, 'month', window)!.changes).toEqual([]);
    // The same papers of cs.SE from October on, all at once: a step, so a coverage change, its near-empty months counted.
    const step = corpus([{ category: 'cs.CV', theme: 0, perMonth: flat(200) }, { category: 'cs.SE', theme: 1, perMonth: [0, 0, 0, 0, 1, 0, 2, 0, 0, 120, 130, 140] }]);
    const s2 = primaryCategories(step.papers.map((p) => p.categories));
    const p2 = computePeriods(step.papers, s2.of, s2.names.length);
    expect(findCoverageChanges(p2.periods, p2.totals, s2.names, 'month', window)!.changes.map((c) => c.absent))
      .toEqual([[{ from: '2025-03-01', to: '2025-09-01', papers: 3 }]]);
  });

  it('reads two absent runs with only a low month between them as one (the numbers audit: cs.GT\'s 12 papers in July split it)', () => {
    // Absent March–May, 12 papers in June (above a tenth of ~80, under a quarter), absent July–September, held from October.
    const { papers } = corpus([{ category: 'cs.CV', theme: 0, perMonth: flat(200) },
      { category: 'cs.GT', theme: 1, perMonth: [80, 80, 1, 0, 3, 12, 0, 0, 0, 80, 80, 80] }]);
    const strata = primaryCategories(papers.map((p) => p.categories));
    const { periods, totals } = computePeriods(papers, strata.of, strata.names.length);
    expect(findCoverageChanges(periods, totals, strata.names, 'month', window)!.changes.map((c) => c.absent))
      .toEqual([[{ from: '2025-03-01', to: '2025-09-01', papers: 16 }]]);
    // A month at half its level between them is no gap to bridge: two runs, each reported where it is at a step.
    const half = corpus([{ category: 'cs.CV', theme: 0, perMonth: flat(200) },
      { category: 'cs.GT', theme: 1, perMonth: [80, 80, 1, 0, 3, 40, 0, 0, 0, 80, 80, 80] }]);
    const s2 = primaryCategories(half.papers.map((p) => p.categories));
    const p2 = computePeriods(half.papers, s2.of, s2.names.length);
    expect(findCoverageChanges(p2.periods, p2.totals, s2.names, 'month', window)!.changes.map((c) => c.absent))
      .toEqual([[{ from: '2025-03-01', to: '2025-05-01', papers: 4 }, { from: '2025-07-01', to: '2025-09-01', papers: 0 }]]);
  });

  it('takes a noisy category held throughout, or one too small to tell, as no change', () => {
    const { papers, themes: _ } = corpus([
      { category: 'cs.CV', theme: 0, perMonth: flat(200) },
      // Poisson-like noise around 30 a month, at worst a third of it: no month near a tenth.
      { category: 'cs.CL', theme: 1, perMonth: [30, 22, 41, 12, 35, 28, 19, 33, 25, 38, 27, 31] },
      // 3 papers a month at most: an empty month expects fewer than 10 and says nothing.
      { category: 'q-bio.NC', theme: 2, perMonth: [3, 0, 0, 3, 0, 0, 0, 3, 0, 3, 0, 0] }
    ]);
    const strata = primaryCategories(papers.map((p) => p.categories));
    const { periods, totals } = computePeriods(papers, strata.of, strata.names.length);
    expect(findCoverageChanges(periods, totals, strata.names, 'month', window)!.changes).toEqual([]);
  });

  it('decides nothing when the first categories are no classification (keywords, or none)', () => {
    // 300 papers a month, each with its own first keyword: no stratum holds 1% of them.
    const papers: Dated[] = [];
    for (let m = 0; m < 12; m++) {
      for (let i = 0; i < 300; i++) papers.push({ published: `2025-${String(m + 1).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        datePrecision: 'day', categories: [`keyword ${m}-${i}`] });
    }
    const strata = primaryCategories(papers.map((p) => p.categories));
    const { periods, totals } = computePeriods(papers, strata.of, strata.names.length);
    expect(findCoverageChanges(periods, totals, strata.names, 'month', window)).toBeNull();
    expect(primaryCategories([[], ['cs.AI']]).names).toEqual([NO_CATEGORY, 'cs.AI']);
  });
});

describe('computeTrends with strata', () => {
  it('scores the themes again over the categories held throughout, and a rise carried by a new category depends on it', () => {
    const { papers, themes } = corpus([
      { category: 'cs.CV', theme: 0, perMonth: flat(200) },
      // Theme 1: cs.IT papers only from September — its share rises with the corpus, not the field.
      { category: 'cs.IT', theme: 1, perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 60, 60, 60, 60] },
      { category: 'cs.CV', theme: 1, perMonth: flat(5) },
      // Theme 2: a real rise inside a category held throughout, beside a steady theme 3 there.
      { category: 'cs.CL', theme: 2, perMonth: [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 60, 60] },
      { category: 'cs.CL', theme: 3, perMonth: flat(100) }
    ]);
    const strata = primaryCategories(papers.map((p) => p.categories));
    const plain = computeTrends(papers, themes, 4, { window: 2 });
    expect(plain.coverage).toBeNull();
    expect(plain.trends[1].covered).toBeUndefined();
    const { trends, coverage } = computeTrends(papers, themes, 4, { window: 2, strata });
    expect(coverage!.changes.map((c) => c.category)).toEqual(['cs.IT']);
    expect(trends[1].direction).toBe('emerging');
    expect(trends[1].covered!.share).toBeLessThan(0.5);
    expect(trends[1].covered!.direction).toBe('steady');
    expect(dependsOnCoverage(trends[1])).toBe(true);
    expect(trends[2].direction).toBe('emerging');
    expect(trends[2].covered).toMatchObject({ share: 1, direction: 'emerging' });
    expect(dependsOnCoverage(trends[2])).toBe(false);
    // The dashboard's class follows the same rule, over the stage's windows: 8 months before, 2 after
    // (theme 2 within cs.CL: 20 → 60 papers a month).
    const windows = { granularity: 'month' as const, before: Array.from({ length: 8 }, (_, i) => `m${i}`), after: ['y', 'z'], leftOut: [] };
    const figures = (t: (typeof trends)[number]) => ({ direction: t.direction, papersBefore: t.papersBefore, papersAfter: t.papersAfter,
      coveredShare: t.covered?.share ?? null, coveredDirection: t.covered?.direction ?? null });
    expect(classifyTrend(figures(trends[1]), windows)).toBe('coverage');
    expect(classifyTrend(figures(trends[2]), windows)).toBe('emerging');
    expect(classifyTrend({ ...figures(trends[1]), coveredShare: null }, windows)).toBe('emerging');
  });

  it('compares shares within each category: a category that only grows in the corpus moves no theme by its growth', () => {
    // cs.AI grows fourfold in the corpus (its collection changed); theme 1 holds a fixed 60% of cs.AI and 10% of cs.CV.
    const ai = [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 200, 200];
    const { papers, themes } = corpus([
      { category: 'cs.CV', theme: 0, perMonth: flat(180) }, { category: 'cs.CV', theme: 1, perMonth: flat(20) },
      { category: 'cs.AI', theme: 1, perMonth: ai.map((n) => 0.6 * n) }, { category: 'cs.AI', theme: 2, perMonth: ai.map((n) => 0.4 * n) },
      // A step elsewhere, so that coverage is measured at all.
      { category: 'cs.IT', theme: 0, perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 60, 60, 60, 60] }
    ]);
    const { trends } = computeTrends(papers, themes, 3, { window: 2, strata: primaryCategories(papers.map((p) => p.categories)) });
    // Over all papers theme 1's share rises with cs.AI's; within each category it stays 30%.
    expect(trends[1].direction).toBe('emerging');
    expect(trends[1].covered).toMatchObject({ share: 1, direction: 'steady' });
    expect(Math.abs(trends[1].covered!.zScore)).toBeLessThan(1);
    // The shares the covered reading compares are stored with it: flat within the categories (the
    // after share at the before window's mix), while all papers' rise; and its papers of those categories.
    const c = trends[1].covered!;
    expect(trends[1].shareAfter).toBeGreaterThan(1.2 * trends[1].shareBefore);
    expect(c.shareBefore).toBeCloseTo(50 / 252, 6);
    expect(c.shareAfter).toBeCloseTo(c.shareBefore, 6);
    expect([c.papersBefore, c.papersAfter]).toStrictEqual([trends[1].papersBefore, trends[1].papersAfter]);
    expect(c.papersAfter).toBe(2 * (20 + 120));
  });

  it('claims no direction where the mix of categories alone turns it: its share falls in each category but rises over them together', () => {
    // cs.AI grows fourfold; theme 1 holds 60% of cs.AI before and 45% after, and 10% of cs.CV throughout (the numbers audit:
    // "AI systems" was "growing slower than the field" at ×1.85 papers a month against the categories' ×1.55).
    const ai = [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 200, 200];
    const share = (m: number) => (m < 10 ? 0.6 : 0.45);
    const { papers, themes } = corpus([
      { category: 'cs.CV', theme: 0, perMonth: flat(180) }, { category: 'cs.CV', theme: 1, perMonth: flat(20) },
      { category: 'cs.AI', theme: 1, perMonth: ai.map((n, m) => share(m) * n) }, { category: 'cs.AI', theme: 2, perMonth: ai.map((n, m) => (1 - share(m)) * n) },
      { category: 'cs.IT', theme: 0, perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 60, 60, 60, 60] }
    ]);
    const { trends } = computeTrends(papers, themes, 3, { window: 2, strata: primaryCategories(papers.map((p) => p.categories)) });
    const c = trends[1].covered!;
    // Category by category its share fell, significantly …
    expect(c.shareAfter).toBeLessThan(0.85 * c.shareBefore);
    expect(c.zScore).toBeLessThan(-1.96);
    // … but of the categories' papers together it rose (cs.CV and cs.AI: 110 of 402 papers a month after, 50 of 252 before): steady, no score.
    expect(c.papersAfter / 2 / 402).toBeGreaterThan(c.shareBefore);
    expect(c.direction).toBe('steady');
    expect(c.emergingScore).toBe(0);
    // Without the mix (cs.AI flat), the same fall within cs.AI is a fade.
    const still = corpus([
      { category: 'cs.CV', theme: 0, perMonth: flat(180) }, { category: 'cs.CV', theme: 1, perMonth: flat(20) },
      { category: 'cs.AI', theme: 1, perMonth: flat(200).map((n, m) => share(m) * n) }, { category: 'cs.AI', theme: 2, perMonth: flat(200).map((n, m) => (1 - share(m)) * n) },
      { category: 'cs.IT', theme: 0, perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 60, 60, 60, 60] }
    ]);
    const fading = computeTrends(still.papers, still.themes, 3, { window: 2, strata: primaryCategories(still.papers.map((p) => p.categories)) }).trends[1].covered!;
    expect(fading.direction).toBe('fading');
    expect(fading.emergingScore).toBeLessThan(0);
  });
});

describe('trendReadingSql', () => {
  it('reads a row as readTrend does, for every direction, covered direction and share around the bound', async () => {
    const directions = ['emerging', 'fading', 'steady'] as const;
    const cases = directions.flatMap((direction) => [null, ...directions].flatMap((coveredDirection) =>
      [null, 0, 0.49, 0.5, 1].map((coveredShare) => ({ direction, coveredDirection, coveredShare }))));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const sql = (v: unknown) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));
    const rows = cases.map((c) => `(${sql(c.direction)}, ${sql(c.coveredDirection)}, ${sql(c.coveredShare)}::DOUBLE)`).join(', ');
    const result = await connection.runAndReadAll(`SELECT ${trendReadingSql('t')} AS d, ${coveredBasisSql('t')} AS covered
      FROM (VALUES ${rows}) t(direction, covered_direction, covered_share)`);
    const got = result.getRowObjectsJS().map((r) => r.d);
    const readings = cases.map((c) => {
      const covered = c.coveredShare === null || c.coveredDirection === null ? null
        : { share: c.coveredShare, direction: c.coveredDirection, emergingScore: 0, zScore: 0 };
      return readTrend({ direction: c.direction, emergingScore: 0, zScore: 0, covered });
    });
    const want = readings.map((reading) => (reading.basis === 'coverage' ? 'moves with coverage' : reading.direction));
    expect(want).toContain('moves with coverage');
    expect(got).toStrictEqual(want);
    // coveredBasisSql: the rows read over the categories held throughout (the exports' papers per period follow it).
    expect(result.getRowObjectsJS().map((r) => r.covered)).toStrictEqual(readings.map((r) => r.basis === 'covered'));
    expect(readings.some((r) => r.basis === 'covered')).toBe(true);
    connection.closeSync();
    instance.closeSync();
  });

  it('reads a theme over the categories held throughout where they hold half its papers, and says so', () => {
    const covered = (share: number, direction: 'emerging' | 'fading' | 'steady') => ({ share, direction, emergingScore: 0.3, zScore: 2.5 });
    const base = { direction: 'fading' as const, emergingScore: -0.1, zScore: -2.2 };
    expect(readTrend({ ...base, covered: covered(0.99, 'steady') })).toStrictEqual({ direction: 'steady', emergingScore: 0.3, zScore: 2.5, basis: 'covered' });
    expect(trendBasis({ ...base, covered: covered(0.4, 'steady') })).toBe('coverage');
    expect(trendBasis({ direction: 'steady', covered: covered(0.4, 'emerging') })).toBe('all');
    expect(trendBasis({ direction: 'steady', covered: covered(0.6, 'emerging') })).toBe('covered');
    // Fewer than half comparable, but they move as all its papers do: read over them.
    expect(trendBasis({ ...base, covered: covered(0.48, 'fading') })).toBe('covered');
    expect(trendBasis({ ...base, covered: null })).toBe('all');
  });
});

describe('primaryCategoryOf', () => {
  it('is the first of the category field, none for keywords alone (a Scopus or RIS export): a keyword is no class', async () => {
    const record = (fields: Record<string, unknown>) => normaliseRecord({ id: 'x', title: 'A title of a paper', abstract: 'An abstract.', ...fields }, 'a.jsonl') as Paper;
    const keywordsAlone = record({ keywords: 'ChatGPT; education' });
    expect([keywordsAlone.categories, keywordsAlone.keywordsOnly]).toStrictEqual([['ChatGPT', 'education'], true]);
    expect(primaryCategoryOf(keywordsAlone)).toStrictEqual([]);
    const both = record({ categories: 'cs.CY', keywords: 'ChatGPT' });
    expect([both.categories, both.keywordsOnly]).toStrictEqual([['cs.CY', 'ChatGPT'], undefined]);
    expect(primaryCategoryOf(both)).toStrictEqual(['cs.CY']);
    expect(primaryCategoryOf({ categories: [] })).toStrictEqual([]);
  });
});

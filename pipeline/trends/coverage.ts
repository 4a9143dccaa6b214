// Owns telling a change in what the corpus collects from a change in the field. A theme's share can
// rise because its topic grows, or because the corpus starts to hold a category it did not hold
// before (a feed that adds cs.IT in January, an export whose query changed): the second is no trend,
// and "emerging" would mislead. The arXiv corpus this was found on holds no cs.IT paper before
// 2026-01 and ~220 a month after, and no cs.LG, cs.RO or eess.IV paper after 2025-07; its wireless
// and game-theory themes read as the strongest "emerging" themes and bursts.
//
// Strata: each paper's primary category (the first of its record's category field — arXiv
// categories, WoS categories, OpenAlex topics; "(none)" without one: keywords are no categories).
// Only a classification is read this way: when the strata of at least 1% of the windows' papers each
// together hold less than half of them, nothing is decided.
//
// A stratum s over the trend windows' periods t (trendWindowPeriods: complete periods only), with
// o_t its papers and T_t all papers in t, r_t = o_t / T_t:
//   level      = median of the r_t that are ≥ 1/4 of the largest r_t (its share where it is held)
//   expected_t = level · T_t
//   absent in t when expected_t ≥ MIN_EXPECTED and o_t < ABSENT_BELOW · expected_t
//   held in t   when r_t ≥ HELD · level
// i.e. absent: at most a tenth of what its share elsewhere predicts, where that prediction is ≥ 10
// papers, so chance (Poisson: P(o ≤ 1 | 10) < 0.001) does not explain it. A run of absent periods
// is a coverage change only at a step: next to a period where the stratum is held (at half its
// level or more), so it came or went from one period to the next. Two runs with only low periods
// between them (each under a quarter of its level) are one run. A category that grows from a few
// papers — a topic-query export whose topic took off — passes through periods at a tenth, a fifth,
// a third of its later share: a ramp, no step, no change. A stratum with a step has a coverage
// change (its runs with a step are reported); its papers are left out of the "covered" trends, which
// compare only the strata held throughout both windows (measureCoverage, readTrend).
import type { CoveredTrend, Granularity, Paper, PeriodRow, PeriodTotal, ThemeTrend } from '../types.js';
import { periodIndex } from './calendar.js';
import { DATE_CODE, type PaperDates } from './dates.js';
import { directionOf, trendWindowPeriods, Z_CRITICAL } from './emerging.js';
import { computePeriods, MONTHS_PER } from './periods.js';

/**
 * absentBelow, minExpected, levelFraction, held: the rule above. A stratum is examined when it holds at
 * least minPapers papers and minExamined of the windows' papers; the strata are a classification
 * when those with at least minClassifying each hold together at least minClassified of the papers.
 */
export const COVERAGE_RULE = { absentBelow: 0.1, minExpected: 10, levelFraction: 0.25, held: 0.5, minPapers: 30, minExamined: 0.002,
  minClassifying: 0.01, minClassified: 0.5 } as const;

/** One stratum with a coverage change: the runs of window periods it is absent from. */
export interface CoverageChange {
  category: string;
  granularity: Granularity;
  /** Runs of consecutive window periods it is absent from, each at a step: first and last period start (ISO), its papers there. */
  absent: { from: string; to: string; papers: number }[];
  /** Papers a period it would hold at its level, on average over the windows. */
  expected: number;
  /** Its papers in the windows. */
  papers: number;
}

/** The primary category of each paper as a stratum id (names[id]); "(none)" for a paper without one. */
export interface Strata {
  of: Int32Array;
  names: string[];
}

export const NO_CATEGORY = '(none)';

/** A paper's primary category: the first of its category field; none when it has none or only keywords. */
export function primaryCategoryOf(p: Pick<Paper, 'categories' | 'keywordsOnly'>): readonly string[] {
  return p.keywordsOnly ? [] : p.categories.slice(0, 1);
}

/** primaryCategoryOf a papers row aliased `alias`, in SQL: the category, or NO_CATEGORY. */
export function primaryCategorySql(alias: string): string {
  return `CASE WHEN coalesce(${alias}.keywords_only, false) THEN '${NO_CATEGORY}' ELSE coalesce(${alias}.categories[1], '${NO_CATEGORY}') END`;
}

/** Strata of papers by their first category (primaryCategoryOf). */
export function primaryCategories(categories: readonly (readonly string[])[]): Strata {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const of = new Int32Array(categories.length);
  for (let i = 0; i < categories.length; i++) {
    const name = categories[i][0] ?? NO_CATEGORY;
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = names.push(name) - 1));
    of[i] = id;
  }
  return { of, names };
}

/**
 * The coverage changes over the trend windows at `granularity` (`window` periods after), from the
 * strata's period rows and totals (computePeriods with the strata as themes). Null when the strata
 * are no classification (see the header) or the windows hold fewer than two periods.
 */
export function findCoverageChanges(periods: readonly PeriodRow[], totals: readonly PeriodTotal[], names: readonly string[],
  granularity: Granularity, window: number): { changed: Uint8Array; changes: CoverageChange[] } | null {
  const { before, after } = trendWindowPeriods([...totals], granularity, window);
  const windows = [...before, ...after];
  if (windows.length < 2) return null;
  const index = new Map(windows.map((t, i) => [t.period, i]));
  const n = names.length;
  const counts = new Float64Array(n * windows.length);
  const papers = new Float64Array(n);
  for (const row of periods) {
    const t = row.granularity === granularity ? index.get(row.period) : undefined;
    if (t === undefined || row.papers === 0) continue;
    counts[row.themeId * windows.length + t] += row.papers;
    papers[row.themeId] += row.papers;
  }
  const all = windows.reduce((s, t) => s + t.papers, 0);
  const strata = Array.from({ length: n }, (_, s) => s);
  const classifying = strata.filter((s) => papers[s] >= COVERAGE_RULE.minClassifying * all);
  if (all === 0 || classifying.reduce((sum, s) => sum + papers[s], 0) < COVERAGE_RULE.minClassified * all) return null;
  const examined = strata.filter((s) => papers[s] >= Math.max(COVERAGE_RULE.minPapers, COVERAGE_RULE.minExamined * all));
  const changed = new Uint8Array(n);
  const changes: CoverageChange[] = [];
  for (const s of examined) {
    const shares = windows.map((t, i) => (t.papers > 0 ? counts[s * windows.length + i] / t.papers : 0));
    const level = levelOf(shares);
    const absent = windows.map((t, i) => {
      const expected = level * t.papers;
      return expected >= COVERAGE_RULE.minExpected && counts[s * windows.length + i] < COVERAGE_RULE.absentBelow * expected;
    });
    const held = shares.map((r) => r >= COVERAGE_RULE.held * level);
    const steps = runsOf(bridgeLowGaps(absent, shares, level)).filter(([from, to]) => (from > 0 && held[from - 1]) || (to + 1 < windows.length && held[to + 1]));
    if (steps.length === 0) continue;
    changed[s] = 1;
    const papersIn = (from: number, to: number) => { let n = 0; for (let i = from; i <= to; i++) n += counts[s * windows.length + i]; return n; };
    changes.push({ category: names[s], granularity, expected: (level * all) / windows.length, papers: papers[s],
      absent: steps.map(([from, to]) => ({ from: windows[from].period, to: windows[to].period, papers: papersIn(from, to) })) });
  }
  changes.sort((a, b) => b.papers - a.papers || (a.category < b.category ? -1 : 1));
  return { changed, changes };
}

/** The median of the shares at least COVERAGE_RULE.levelFraction of the largest. */
function levelOf(shares: number[]): number {
  const top = Math.max(...shares);
  const held = shares.filter((r) => r >= COVERAGE_RULE.levelFraction * top).sort((a, b) => a - b);
  const mid = held.length >> 1;
  return held.length % 2 === 1 ? held[mid] : (held[mid - 1] + held[mid]) / 2;
}

/**
 * `absent` with each gap between two absent periods filled when every period in it is low (a share
 * under levelFraction of the level): one run of absence, not two. cs.GT in the arXiv corpus had 1,
 * 0, 3, 12, 0, 0, 0, 0, 0 papers from 2025-04 (~78 a month expected): July's 12, above a tenth,
 * split it, and only 2025-08..2025-12, next to its step in January, was reported (the numbers audit).
 * A ramp (absent, absent, a fifth, a third, held) has no absent period after its low ones: unchanged.
 */
function bridgeLowGaps(absent: boolean[], shares: number[], level: number): boolean[] {
  const out = [...absent];
  let last = -1; // the last absent period seen
  for (let i = 0; i < absent.length; i++) {
    if (!absent[i]) continue;
    if (last >= 0 && i > last + 1 && shares.slice(last + 1, i).every((r) => r < COVERAGE_RULE.levelFraction * level)) out.fill(true, last + 1, i);
    last = i;
  }
  return out;
}

/** The runs of consecutive true flags, as [first, last] indices. */
function runsOf(flags: boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    let j = i;
    while (j + 1 < flags.length && flags[j + 1]) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** What coverage changes do to a run's trends: the changes, and the trends of the categories held throughout. */
export interface TrendCoverage {
  changes: CoverageChange[];
  /**
   * The covered papers (those of the categories held throughout) per category and theme in each
   * window: before[c · k + t], after[c · k + t], for the `categories` held throughout.
   */
  windows: WindowCounts;
}

/** Papers per (category, group) in the two trend windows, category-major: [c · groups + g]. */
export interface WindowCounts {
  categories: number;
  groups: number;
  before: Float64Array;
  after: Float64Array;
}

/**
 * The coverage changes of the papers' strata over the windows of `totals` (all papers' period
 * totals) at `granularity`, and the periods counted over the papers of the strata without one.
 * Null when nothing changed (or nothing could be decided): the trends stand as they are.
 */
export function measureCoverage(papers: readonly Pick<Paper, 'published' | 'datePrecision'>[], assignments: Int32Array, k: number,
  strata: Strata, dates: PaperDates, totals: readonly PeriodTotal[], granularity: Granularity, window: number): TrendCoverage | null {
  if (strata.of.length !== papers.length) throw new Error(`measureCoverage: ${papers.length} papers but ${strata.of.length} strata`);
  const byStratum = computePeriods(papers as Pick<Paper, 'published' | 'datePrecision'>[], strata.of, strata.names.length, dates);
  const found = findCoverageChanges(byStratum.periods, byStratum.totals, strata.names, granularity, window);
  if (found === null || found.changes.length === 0) return null;
  // The categories held throughout, numbered densely; each covered paper's group is (its category, its theme).
  const dense = new Int32Array(strata.names.length).fill(-1);
  let categories = 0;
  for (let s = 0; s < strata.names.length; s++) if (found.changed[s] === 0) dense[s] = categories++;
  // Each covered paper counted once into its window, by its period's index (as computePeriods counts:
  // a year-only date counts only at year granularity).
  const { before, after } = trendWindowPeriods([...totals], granularity, window);
  const indexOf = (iso: string) => periodIndex(granularity, Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
  const side = new Map<number, 0 | 1>([...before.map((t) => [indexOf(t.period), 0] as const), ...after.map((t) => [indexOf(t.period), 1] as const)]);
  const windows: WindowCounts = { categories, groups: k, before: new Float64Array(categories * k), after: new Float64Array(categories * k) };
  const per = MONTHS_PER[granularity];
  for (let i = 0; i < papers.length; i++) {
    const c = dense[strata.of[i]];
    const precision = dates.precision[i];
    if (c < 0 || precision === 0 || (precision === DATE_CODE.year && granularity !== 'year')) continue;
    const s = side.get(Math.floor(dates.month[i] / per));
    if (s !== undefined) (s === 0 ? windows.before : windows.after)[c * k + assignments[i]]++;
  }
  return { changes: found.changes, windows };
}

/** The window counts of groups of themes (areas): group g of theme t is groupOf[t]. */
export function groupWindows(w: WindowCounts, groupOf: Int32Array, groups: number): WindowCounts {
  const out: WindowCounts = { categories: w.categories, groups, before: new Float64Array(w.categories * groups), after: new Float64Array(w.categories * groups) };
  for (let c = 0; c < w.categories; c++) {
    for (let t = 0; t < w.groups; t++) {
      out.before[c * groups + groupOf[t]] += w.before[c * w.groups + t];
      out.after[c * groups + groupOf[t]] += w.after[c * w.groups + t];
    }
  }
  return out;
}

/**
 * Each group's (theme's, area's) trend within the categories held throughout: its share compared
 * category by category, so that a category whose own share of the corpus changes (cs.AI: 121
 * papers in Apr 2025, 1,445 in Jun 2026) moves no theme by its growth alone. For the categories c
 * with papers in both windows (A_c after, B_c before, N_c = A_c + B_c; a, b the group's):
 *   zScore = Σ_c (a − m A_c / N_c) / sqrt(Σ_c m (N_c − m) A_c B_c / (N_c² (N_c − 1))),  m = a + b
 *            (Cochran–Mantel–Haenszel: the two-proportion z of emerging.ts, stratified)
 *   shareBefore = b / B (all such categories),  shareAfter = Σ_c (B_c / B) · a / A_c
 *            (the after share at the before window's mix of categories: direct standardisation)
 *   L = log2((shareAfter + 1/N) / (shareBefore + 1/N)),  emergingScore = sign(L) · |L| · max(0, 1 − 1.96 / |z|)
 *            (the change at the end of its 95% interval nearest to 0, taking z's precision for L's)
 *   direction = emerging when z ≥ 1.96 and L > 0, fading when z ≤ −1.96 and L < 0, else steady;
 *            and steady (score 0) when its share of the categories' papers together (Σ_c a / Σ_c A_c,
 *            not standardised) does not move the same way as L: the mix alone turned it.
 * A category the corpus stops or starts holding (no papers in a window) adds nothing: it has no
 * table to compare within. What this removes with the mix: a real shift of the field that shows
 * only as one category outgrowing another.
 */
export function scoreWithinCategories(w: WindowCounts, window: number, granularity: Granularity): ThemeTrend[] {
  const A = new Float64Array(w.categories);
  const B = new Float64Array(w.categories);
  for (let c = 0; c < w.categories; c++) {
    for (let g = 0; g < w.groups; g++) [A[c], B[c]] = [A[c] + w.after[c * w.groups + g], B[c] + w.before[c * w.groups + g]];
  }
  let [beforeAll, all] = [0, 0];
  for (let c = 0; c < w.categories; c++) if (A[c] > 0 && B[c] > 0) [beforeAll, all] = [beforeAll + B[c], all + A[c] + B[c]];
  const afterAll = all - beforeAll;
  return Array.from({ length: w.groups }, (_, g): ThemeTrend => {
    let [num, variance, shareAfter, a, b, inBoth, inBothAfter] = [0, 0, 0, 0, 0, 0, 0];
    for (let c = 0; c < w.categories; c++) {
      const [after, before] = [w.after[c * w.groups + g], w.before[c * w.groups + g]];
      [a, b] = [a + after, b + before];
      if (!(A[c] > 0 && B[c] > 0)) continue;
      inBoth += before;
      inBothAfter += after;
      const m = after + before;
      const N = A[c] + B[c];
      num += after - (m * A[c]) / N;
      if (N > 1) variance += (m * (N - m) * A[c] * B[c]) / (N * N * (N - 1));
      shareAfter += (B[c] / beforeAll) * (after / A[c]);
    }
    const shareBefore = beforeAll > 0 ? inBoth / beforeAll : 0;
    const zScore = variance > 0 ? num / Math.sqrt(variance) : 0;
    const smooth = all > 0 ? 1 / all : 0;
    const L = all > 0 ? Math.log2((shareAfter + smooth) / (shareBefore + smooth)) : 0;
    // Its share of those categories' papers taken together must move the same way: where the mix of categories
    // alone turns it (AI systems on the 74.7k corpus: 2.8% → 2.4% category by category, z = −3.8, but 2.8% → 3.4%
    // of the papers together, ×1.85 papers a month against the categories' ×1.55), no direction is claimed.
    const pooledAfter = afterAll > 0 ? inBothAfter / afterAll : 0;
    const agrees = Math.sign(pooledAfter - shareBefore) === Math.sign(L);
    const supported = agrees && Math.abs(zScore) > Z_CRITICAL && Math.sign(L) === Math.sign(zScore) ? Math.abs(L) * (1 - Z_CRITICAL / Math.abs(zScore)) : 0;
    return { themeId: g, window, windowGranularity: granularity, shareBefore, shareAfter, papersBefore: b, papersAfter: a, zScore,
      emergingScore: supported === 0 ? 0 : Math.sign(L) * supported, direction: agrees ? directionOf(zScore, L) : 'steady',
      growth: all > 0 ? (shareAfter + smooth) / (shareBefore + smooth) - 1 : 0 };
  });
}

/** `trends` with `covered` set from the covered papers' trends of the same themes (scoreTrends over TrendCoverage). */
export function withCoveredTrends(trends: ThemeTrend[], coveredTrends: readonly ThemeTrend[]): ThemeTrend[] {
  return trends.map((t, i) => {
    const c = coveredTrends[i];
    const all = t.papersBefore + t.papersAfter;
    return { ...t, covered: { share: all > 0 ? (c.papersBefore + c.papersAfter) / all : 0, emergingScore: c.emergingScore, direction: c.direction,
      zScore: c.zScore, shareBefore: c.shareBefore, shareAfter: c.shareAfter, papersBefore: c.papersBefore, papersAfter: c.papersAfter } };
  });
}

/** From this share of its window papers in categories held throughout, a theme's trend is read over those papers. */
export const MIN_COVERED_SHARE = 0.5;

/**
 * What a theme's (or an area's) trend is read from once the corpus's coverage is taken into account:
 *   'all'      — no coverage change: its trend over all papers (also: steady over all papers while
 *                too few of its papers are comparable — nothing to read either way);
 *   'covered'  — at least MIN_COVERED_SHARE of its papers in the windows are in categories held
 *                throughout, or fewer but they move the same way as all its papers: its trend over
 *                those papers, the changed categories set aside (it may differ from all papers',
 *                whose shares also move with the rest of the corpus);
 *   'coverage' — emerging or fading over all papers, but fewer than MIN_COVERED_SHARE of its papers
 *                are comparable and they do not move so: it moves with what the corpus holds, no
 *                trend can be read.
 */
export type TrendBasis = 'all' | 'covered' | 'coverage';

export function trendBasis(trend: Pick<ThemeTrend, 'direction'> & { covered?: Pick<CoveredTrend, 'share' | 'direction'> | null }): TrendBasis {
  const c = trend.covered;
  if (c === null || c === undefined) return 'all';
  if (c.share >= MIN_COVERED_SHARE) return 'covered';
  if (trend.direction === 'steady') return 'all';
  return c.direction === trend.direction ? 'covered' : 'coverage';
}

/** The trend as it is read (trendBasis): the covered figures where they apply, else all papers'. */
export function readTrend(trend: Pick<ThemeTrend, 'direction' | 'emergingScore' | 'zScore'>
  & { covered?: Pick<CoveredTrend, 'share' | 'direction' | 'emergingScore' | 'zScore'> | null }): Pick<ThemeTrend, 'direction' | 'emergingScore' | 'zScore'>
  & { basis: TrendBasis } {
  const basis = trendBasis(trend);
  const c = trend.covered;
  return basis === 'covered' && c ? { direction: c.direction, emergingScore: c.emergingScore, zScore: c.zScore, basis }
    : { direction: trend.direction, emergingScore: trend.emergingScore, zScore: trend.zScore, basis };
}

/** Whether the trend moves with the corpus's coverage only (trendBasis 'coverage'). */
export function dependsOnCoverage(trend: Pick<ThemeTrend, 'direction'> & { covered?: Pick<CoveredTrend, 'share' | 'direction'> | null }): boolean {
  return trendBasis(trend) === 'coverage';
}

/**
 * How the trend of a themes (or areas) row aliased `alias` reads, in SQL (exports): its direction as
 * read (readTrend), or 'moves with coverage'. tests/unit/trends/coverage.test.ts holds it to trendBasis.
 */
export function trendReadingSql(alias: string): string {
  const [share, covered, direction] = [`${alias}.covered_share`, `${alias}.covered_direction`, `${alias}.direction`];
  return `CASE WHEN ${share} IS NULL OR ${covered} IS NULL THEN ${direction} WHEN ${share} >= ${MIN_COVERED_SHARE} THEN ${covered} ` +
    `WHEN ${direction} = 'steady' OR ${covered} = ${direction} THEN ${direction} ELSE 'moves with coverage' END`;
}

/**
 * Whether the trend of a themes (or areas) row aliased `alias` is read over the categories held
 * throughout (trendBasis 'covered'), in SQL. tests/unit/trends/coverage.test.ts holds it to trendBasis.
 */
export function coveredBasisSql(alias: string): string {
  const [share, covered, direction] = [`${alias}.covered_share`, `${alias}.covered_direction`, `${alias}.direction`];
  return `(${share} IS NOT NULL AND ${covered} IS NOT NULL AND (${share} >= ${MIN_COVERED_SHARE} OR (${direction} <> 'steady' AND ${covered} = ${direction})))`;
}

/** A stratum as a reader is told it: a category, or "papers without a category" for NO_CATEGORY. */
export function categoryName(category: string): string {
  return category === NO_CATEGORY ? 'papers without a category (none, or keywords only)' : category;
}

/** "2025-04", "2025-Q2", "2025": a period start (ISO) at its granularity. */
export function periodLabel(period: string, granularity: Granularity): string {
  if (granularity === 'year') return period.slice(0, 4);
  if (granularity === 'quarter') return `${period.slice(0, 4)}-Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;
  return period.slice(0, 7);
}

/** "cs.IT: 2 papers in 2025-04..2025-12 (~176 a month expected)". */
export function describeChange(c: CoverageChange): string {
  const spans = c.absent.map((a) => `${a.papers} paper${a.papers === 1 ? '' : 's'} in ` +
    (a.from === a.to ? periodLabel(a.from, c.granularity) : `${periodLabel(a.from, c.granularity)}..${periodLabel(a.to, c.granularity)}`));
  return `${categoryName(c.category)}: ${spans.join(', ')} (~${Math.round(c.expected)} a ${c.granularity} expected)`;
}

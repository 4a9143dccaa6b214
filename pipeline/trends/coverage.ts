// Owns telling a change in what the corpus collects from a change in the field. A theme's share can
// rise because its topic grows, or because the corpus starts to hold a category it did not hold
// before (a feed that adds cs.IT in January, an export whose query changed): the second is no trend,
// and "emerging" would mislead. The arXiv corpus this was found on holds no cs.IT paper before
// 2026-01 and ~220 a month after, and no cs.LG, cs.RO or eess.IV paper after 2025-07; its wireless
// and game-theory themes read as the strongest "emerging" themes and bursts.
//
// Strata: each paper's primary category (its first; "(none)" without one). Only a classification
// is read this way: when the strata of at least 1% of the windows' papers each together hold less
// than half of them (keywords rather than categories, or no categories), nothing is decided.
//
// A stratum s over the trend windows' periods t (trendWindowPeriods: complete periods only), with
// o_t its papers and T_t all papers in t, r_t = o_t / T_t:
//   level      = median of the r_t that are ≥ 1/4 of the largest r_t (its share where it is held)
//   expected_t = level · T_t
//   absent in t when expected_t ≥ MIN_EXPECTED and o_t < ABSENT_BELOW · expected_t
// i.e. at most a tenth of what its share elsewhere predicts, where that prediction is ≥ 10 papers, so
// chance (Poisson: P(o ≤ 1 | 10) < 0.001) does not explain it. A stratum with an absent period has a
// coverage change; its papers are left out of the "covered" trends, which compare only the strata
// held throughout both windows. A category that grows steadily from a few papers is absent only
// where it is still a tenth of its later share: such a rise is left out of the covered trends too,
// and the dashboard then shows both trends and says why they differ.
import type { CoveredTrend, Granularity, Paper, PeriodRow, PeriodTotal, ThemeTrend } from '../types.js';
import type { PaperDates } from './dates.js';
import { trendWindowPeriods } from './emerging.js';
import { computePeriods } from './periods.js';

/**
 * absentBelow, minExpected, levelFraction: the rule above. A stratum is examined when it holds at
 * least minPapers papers and minExamined of the windows' papers; the strata are a classification
 * when those with at least minClassifying each hold together at least minClassified of the papers.
 */
export const COVERAGE_RULE = { absentBelow: 0.1, minExpected: 10, levelFraction: 0.25, minPapers: 30, minExamined: 0.002,
  minClassifying: 0.01, minClassified: 0.5 } as const;

/** One stratum with a coverage change: the runs of window periods it is absent from. */
export interface CoverageChange {
  category: string;
  granularity: Granularity;
  /** Runs of consecutive window periods it is absent from: first and last period start (ISO). */
  absent: { from: string; to: string }[];
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

/** Strata of papers by their first category. */
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
    if (!absent.includes(true)) continue;
    changed[s] = 1;
    changes.push({ category: names[s], granularity, absent: runsOf(absent, windows.map((t) => t.period)), expected: (level * all) / windows.length,
      papers: papers[s] });
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

/** The runs of consecutive true flags as the periods they start and end at. */
function runsOf(flags: boolean[], periods: string[]): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    let j = i;
    while (j + 1 < flags.length && flags[j + 1]) j++;
    runs.push({ from: periods[i], to: periods[j] });
    i = j;
  }
  return runs;
}

/** What coverage changes do to a run's trends: the changes, and the trends of the categories held throughout. */
export interface TrendCoverage {
  changes: CoverageChange[];
  /** The covered papers' theme periods, and all periods' totals over them (partial as all papers' periods are). */
  periods: PeriodRow[];
  totals: PeriodTotal[];
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
  const kept: number[] = [];
  for (let i = 0; i < papers.length; i++) if (found.changed[strata.of[i]] === 0) kept.push(i);
  const keptPapers = kept.map((i) => papers[i]);
  const covered = computePeriods(keptPapers, Int32Array.from(kept, (i) => assignments[i]), k);
  // The same periods as all papers' (a period is partial or not by all papers' dates): only the counts are the covered papers'.
  const counted = new Map(covered.totals.map((t) => [`${t.granularity} ${t.period}`, t.papers]));
  const coveredTotals = totals.map((t) => ({ ...t, papers: counted.get(`${t.granularity} ${t.period}`) ?? 0 }));
  return { changes: found.changes, periods: covered.periods, totals: coveredTotals };
}

/** `trends` with `covered` set from the covered papers' trends of the same themes (scoreTrends over TrendCoverage). */
export function withCoveredTrends(trends: ThemeTrend[], coveredTrends: readonly ThemeTrend[]): ThemeTrend[] {
  return trends.map((t, i) => {
    const c = coveredTrends[i];
    const all = t.papersBefore + t.papersAfter;
    return { ...t, covered: { share: all > 0 ? (c.papersBefore + c.papersAfter) / all : 0, emergingScore: c.emergingScore, direction: c.direction,
      zScore: c.zScore } };
  });
}

/** Below this share of its window papers in categories held throughout, a theme's trend is not read from them. */
export const MIN_COVERED_SHARE = 0.5;

/**
 * Whether a theme's (or an area's) emerging or fading rests on the coverage changes: fewer than
 * MIN_COVERED_SHARE of its papers in the windows are in categories held throughout, or over those its
 * direction is another. Then it is no trend a reader can take from this corpus.
 */
export function dependsOnCoverage(trend: Pick<ThemeTrend, 'direction'> & { covered?: Pick<CoveredTrend, 'share' | 'direction'> | null }): boolean {
  const c = trend.covered;
  if (c === null || c === undefined || trend.direction === 'steady') return false;
  return c.share < MIN_COVERED_SHARE || c.direction !== trend.direction;
}

/** "2025-04", "2025-Q2", "2025": a period start (ISO) at its granularity. */
export function periodLabel(period: string, granularity: Granularity): string {
  if (granularity === 'year') return period.slice(0, 4);
  if (granularity === 'quarter') return `${period.slice(0, 4)}-Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;
  return period.slice(0, 7);
}

/** "cs.IT: none in 2025-04..2025-12 (~176 a month expected)". */
export function describeChange(c: CoverageChange): string {
  const spans = c.absent.map((a) => (a.from === a.to ? periodLabel(a.from, c.granularity) : `${periodLabel(a.from, c.granularity)}..${periodLabel(a.to, c.granularity)}`));
  return `${c.category}: none in ${spans.join(', ')} (~${Math.round(c.expected)} a ${c.granularity} expected)`;
}

/**
 * dependsOnCoverage as a SQL boolean over a themes (or areas) row aliased `alias` (exports): the
 * same rule, one place. tests/unit/trends/coverage.test.ts holds the two to each other.
 */
export function dependsOnCoverageSql(alias: string): string {
  return `coalesce(${alias}.covered_share IS NOT NULL AND ${alias}.covered_direction IS NOT NULL AND ${alias}.direction <> 'steady' ` +
    `AND (${alias}.covered_share < ${MIN_COVERED_SHARE} OR ${alias}.covered_direction <> ${alias}.direction), false)`;
}

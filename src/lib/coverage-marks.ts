// Owns where a theme's trend chart marks the corpus's coverage changes (coverage_changes): the period
// a category starts to be held again ("cs.IT from here") or stops ("no cs.LG from here"), for the
// categories that hold a real part of the theme's papers, so the step in the chart is explained where
// it is. Only at the changes' own granularity: a quarter or year chart cannot place a month.
import type { Granularity } from '../../pipeline/types.js';
import { periodEnd } from './trend-wording.js';
import { formatPeriod } from './charts/periods.js';
import { NO_CATEGORY } from '../../pipeline/trends/coverage.js';

export interface CoverageMark {
  /** Period start (ISO) the mark stands before. */
  period: string;
  label: string;
  /** The categories that enter the corpus there, and those that leave it, as the label names them (burstCoverage reads them). */
  comes: string[];
  goes: string[];
}

/** Categories holding at least this share of the theme's papers are marked (a handful of papers explain no step). */
export const MARKED_SHARE = 0.05;

/** The ISO start of the period after the one starting at `period`. */
export function nextPeriod(period: string, granularity: Granularity): string {
  const end = new Date(`${periodEnd(period, granularity)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end.toISOString().slice(0, 10);
}

/**
 * The marks for a theme: `changes` the run's (absent spans within the windows `first`..`last`),
 * `themePapers` the theme's papers per changed category, `size` its papers. A span that starts after
 * the first window period marks where the category stops; one that ends before the last, where it
 * starts again. Marks at one period are joined ("no cs.LG, cs.RO from here; cs.IT from here"). The
 * whole corpus's marks: every change, `themePapers` its papers per category and `size` 0.
 */
export function coverageMarks(changes: readonly { category: string; granularity: Granularity; absent: { from: string; to: string }[] }[],
  themePapers: readonly { category: string; papers: number }[], size: number, chart: Granularity, first: string, last: string): CoverageMark[] {
  const held = new Map(themePapers.map((c) => [c.category, c.papers]));
  // Per period, the categories that go and those that come there.
  const at = new Map<string, { goes: string[]; comes: string[] }>();
  const add = (period: string, kind: 'goes' | 'comes', category: string) => {
    const entry = at.get(period) ?? { goes: [], comes: [] };
    entry[kind].push(category);
    at.set(period, entry);
  };
  for (const c of changes) {
    if (c.granularity !== chart || (held.get(c.category) ?? 0) < MARKED_SHARE * size) continue;
    for (const span of c.absent) {
      if (span.from > first) add(span.from, 'goes', c.category);
      if (span.to < last) add(nextPeriod(span.to, c.granularity), 'comes', c.category);
    }
  }
  const names = (categories: string[]) => categories.map(markName).join(', ');
  return [...at].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, { goes, comes }]) => ({
    period,
    label: [goes.length > 0 ? `no ${names(goes)} from here` : '', comes.length > 0 ? `${names(comes)} from here` : ''].filter((l) => l !== '').join('; '),
    comes: comes.map(markName),
    goes: goes.map(markName)
  }));
}

/** A category as a chart mark names it: the stratum of papers without one (coverage.ts NO_CATEGORY) in words, short. */
function markName(category: string): string {
  return category === NO_CATEGORY ? 'uncategorised papers' : category;
}

/**
 * The mark a burst starts at (or ends just before), among its theme's marks: a burst that begins the
 * period a category enters the corpus may be the corpus's, not the field's. Null when none.
 */
export function burstMark(burst: { startPeriod: string; endPeriod: string; granularity: Granularity; ongoing: boolean },
  marks: readonly CoverageMark[]): CoverageMark | null {
  const after = burst.ongoing ? null : nextPeriod(burst.endPeriod, burst.granularity);
  return marks.find((m) => m.period === burst.startPeriod || m.period === after) ?? null;
}

/**
 * What a burst's row says of its theme's coverage changes (`marks`: coverageMarks at the burst's
 * granularity), or null: a burst that starts at a change or ends just before one is "at" it (burstMark);
 * one that starts after a category of the theme entered the corpus is "after" it, for its share (or
 * its phrase's) then counts papers the periods it is weighed against lack ("nash equilibrium, game"
 * bursting from May 2026 when cs.GT, a third of its papers, is held only from January).
 */
export function burstCoverage(burst: { startPeriod: string; endPeriod: string; granularity: Granularity; ongoing: boolean },
  marks: readonly CoverageMark[]): string | null {
  const at = burstMark(burst, marks);
  if (at !== null) return `at a change of what the corpus holds: ${at.label}`;
  // Each category held at the burst's start, at the last period it entered before it (one that left
  // again before the burst is not held there).
  const since = new Map<string, string>();
  for (const m of marks) {
    if (m.period >= burst.startPeriod) break;
    for (const c of m.goes) since.delete(c);
    for (const c of m.comes) since.set(c, m.period);
  }
  if (since.size === 0) return null;
  return `after a change of what the corpus holds: ${[...since].map(([c, period]) => `${c} from ${formatPeriod(period, burst.granularity)}`).join(', ')}`;
}

// Owns lineage on the dashboard: /runs/compare's two runs (validated), the papers flowing between their
// themes and the links between them (pipeline/lineage/match.ts on the stored runs, any pair), and a
// theme page's ancestors and descendants (the stored theme_lineage rows).
import { error } from '@sveltejs/kit';
import { keywordProfiles, type TermWeights } from '../../../pipeline/lineage/cosine.js';
import { cosineOf } from '../../../pipeline/lineage/index.js';
import { matchThemes, type LineageKind, type LineageLink, type SharedCount } from '../../../pipeline/lineage/match.js';
import { shownLabel, shownLabelSql } from '../theme-label.js';
import { query } from './db.js';

export interface CompareTheme {
  themeId: number;
  /** As shown: "Mixture: …" for a theme marked as a mixture (theme-label.ts). */
  label: string;
  /** All its papers in its run. */
  size: number;
}

export interface CompareRun {
  runId: number;
  createdAt: string;
  nPapers: number;
  k: number;
}

export interface Comparison {
  prev: CompareRun;
  next: CompareRun;
  prevThemes: CompareTheme[];
  themes: CompareTheme[];
  /** Papers per (previous theme, new theme), over the papers both runs hold. */
  flows: SharedCount[];
  links: LineageLink[];
  /** Papers both runs hold. */
  sharedPapers: number;
}

/** A run id parameter: absent → null, else a positive integer (400 otherwise). */
function readRunId(params: URLSearchParams, name: 'a' | 'b'): number | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return null;
  if (!/^[1-9]\d{0,8}$/.test(raw)) error(400, `${name} must be a run number (a positive integer), not “${raw.slice(0, 40)}”`);
  return Number(raw);
}

/** Every complete run, newest first (the page's pickers). */
export function listCompleteRuns(): Promise<CompareRun[]> {
  return query<CompareRun>(
    `SELECT run_id AS "runId", strftime(created_at, '%Y-%m-%d %H:%M') AS "createdAt", n_papers AS "nPapers", k
     FROM runs WHERE status = 'complete' ORDER BY run_id DESC`
  );
}

/**
 * Papers `npm run assign` added to run `a` or `b` after run `b` was made: `b`'s stored links to `a`
 * (theme_lineage, its export, the theme pages) were computed on the runs as they were then, while
 * the comparison reads them as they are now, so its figures differ. Per run, the papers added since.
 */
export async function addedSinceStored(a: number, b: number): Promise<{ runId: number; papers: number }[]> {
  return query<{ runId: number; papers: number }>(
    `SELECT ab.run_id AS "runId", sum(ab.added)::INTEGER AS papers FROM assign_batches ab JOIN runs r ON r.run_id = $b
     WHERE ab.run_id IN ($a, $b) AND ab.finished_at > r.created_at AND ab.added > 0 GROUP BY ab.run_id ORDER BY ab.run_id`, { a, b });
}

/**
 * `a` (from) and `b` (to) from the URL. By default b is the newest complete run (the newest other
 * than a when a is named) and a the complete run before b (the newest other than b when b is the
 * first). 404 for a run that is not a complete run. The same run twice is `{ same }`: the page says
 * so beside its pickers (the pickers make that choice easy; an error page would lose them). Null
 * when the database has fewer than two complete runs.
 */
export function resolvePair(params: URLSearchParams, runs: CompareRun[]): { a: CompareRun; b: CompareRun } | { same: CompareRun } | null {
  const a = readRunId(params, 'a');
  const b = readRunId(params, 'b');
  const find = (id: number, name: string) =>
    runs.find((r) => r.runId === id) ?? error(404, `No complete run ${id} (${name}): the complete runs are ${runs.map((r) => r.runId).join(', ') || 'none'}`);
  const [named, namedNext] = [a === null ? null : find(a, 'a'), b === null ? null : find(b, 'b')];
  if (runs.length < 2) return null; // whatever was picked: the page says a comparison needs a second run
  if (named !== null && named === namedNext) return { same: named };
  const next = namedNext ?? runs.find((r) => a === null || r.runId !== a);
  const prev = named
    ?? runs.find((r) => next !== undefined && r.runId < next.runId) ?? runs.find((r) => next !== undefined && r.runId !== next.runId);
  return prev && next ? { a: prev, b: next } : null;
}

async function themesOf(runId: number): Promise<CompareTheme[]> {
  const rows = await query<CompareTheme & { mixture: boolean | null }>(
    'SELECT theme_id AS "themeId", label, mixture, size FROM themes WHERE run_id = $run ORDER BY theme_id', { run: runId });
  return rows.map(({ mixture, ...t }) => ({ ...t, label: shownLabel({ label: t.label, mixture }) }));
}

async function termsOf(runId: number): Promise<Map<number, TermWeights>> {
  return keywordProfiles(await query<{ themeId: number; term: string; weight: number }>(
    'SELECT theme_id AS "themeId", term, weight FROM theme_terms WHERE run_id = $run ORDER BY theme_id, rank', { run: runId }));
}

/** The two runs' themes, the papers flowing between them and the links, as the pipeline computes them. */
export async function compareRuns(prev: CompareRun, next: CompareRun): Promise<Comparison> {
  const [prevThemes, themes, flows, prevTerms, terms] = await Promise.all([
    themesOf(prev.runId),
    themesOf(next.runId),
    query<SharedCount>(
      `SELECT a.theme_id AS "prevThemeId", b.theme_id AS "themeId", count(*)::INTEGER AS papers
       FROM paper_themes a JOIN paper_themes b ON b.paper_id = a.paper_id
       WHERE a.run_id = $a AND b.run_id = $b GROUP BY ALL ORDER BY 1, 2`,
      { a: prev.runId, b: next.runId }),
    termsOf(prev.runId),
    termsOf(next.runId)
  ]);
  const links = matchThemes(prevThemes.map((t) => t.themeId), themes.map((t) => t.themeId), flows, cosineOf(prevTerms, terms));
  return { prev, next, prevThemes, themes, flows, links, sharedPapers: flows.reduce((s, f) => s + f.papers, 0) };
}

export interface ThemeLineageItem {
  kind: LineageKind;
  /** The other run and theme: the ancestor (previous run) or the descendant (next run). */
  runId: number;
  themeId: number;
  label: string;
  sharedPapers: number;
  jaccard: number;
  centroidCosine: number | null;
  /** A: the earlier theme's papers that both runs hold (null on a 'new' row); n / A is the share of it the link carries. */
  prevThemePapers: number | null;
  /** B: the later theme's papers that both runs hold (null on a 'gone' row). */
  themePapers: number | null;
}

export interface ThemeLineage {
  /** The run this run was matched against; null for a database's first run or a run stored before lineage. */
  prevRunId: number | null;
  /** The complete run before this one, matched or not (null for the first). */
  earlierRunId: number | null;
  /** Its themes in the previous run, most shared papers first (none when it is new). */
  ancestors: ThemeLineageItem[];
  /** The later run matched against this one, and where this theme went. */
  nextRunId: number | null;
  descendants: ThemeLineageItem[];
  /** It has a 'new' row: no theme of the previous run leads to it. */
  isNew: boolean;
  /** It has a 'gone' row in the next run: no theme there comes from it. */
  isGone: boolean;
}

const ITEM = `l.kind, l.shared_papers AS "sharedPapers", l.jaccard, l.centroid_cosine AS "centroidCosine",
  l.prev_theme_papers AS "prevThemePapers", l.theme_papers AS "themePapers", ${shownLabelSql('t')} AS label`;

/** The theme's rows in theme_lineage: as the new theme (its ancestors) and as the previous theme of a later run. */
export async function loadThemeLineage(runId: number, themeId: number): Promise<ThemeLineage> {
  const [back, forward, earlier] = await Promise.all([
    query<ThemeLineageItem & { prevRunId: number; prevThemeId: number | null }>(
      `SELECT ${ITEM}, l.prev_run_id AS "prevRunId", l.prev_run_id AS "runId", l.prev_theme_id AS "themeId", l.prev_theme_id AS "prevThemeId"
       FROM theme_lineage l LEFT JOIN themes t ON t.run_id = l.prev_run_id AND t.theme_id = l.prev_theme_id
       WHERE l.run_id = $run AND l.theme_id = $theme ORDER BY l.shared_papers DESC, l.prev_theme_id`,
      { run: runId, theme: themeId }),
    query<ThemeLineageItem>(
      `SELECT ${ITEM}, l.run_id AS "runId", l.theme_id AS "themeId"
       FROM theme_lineage l LEFT JOIN themes t ON t.run_id = l.run_id AND t.theme_id = l.theme_id
       WHERE l.prev_run_id = $run AND l.prev_theme_id = $theme
         AND l.run_id = (SELECT min(run_id) FROM theme_lineage WHERE prev_run_id = $run)
       ORDER BY l.shared_papers DESC, l.theme_id NULLS LAST`,
      { run: runId, theme: themeId }),
    query<{ id: number | null }>(`SELECT max(run_id) AS id FROM runs WHERE status = 'complete' AND run_id < $run`, { run: runId })
  ]);
  const ancestors = back.filter((r) => r.kind !== 'new');
  const descendants = forward.filter((r) => r.kind !== 'gone');
  return {
    prevRunId: back[0]?.prevRunId ?? null, earlierRunId: earlier[0]?.id ?? null, ancestors, isNew: back.some((r) => r.kind === 'new'),
    nextRunId: forward[0]?.runId ?? null, descendants, isGone: forward.some((r) => r.kind === 'gone')
  };
}

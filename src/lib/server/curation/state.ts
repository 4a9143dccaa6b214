// Owns the curation of every complete run of the database: each run's own edits from the journal,
// after the edits carried from the previous complete run (carry.ts), folded over its stored themes.
// Computed once per (database file, journal) by the overlay (overlay.ts); pages read it from there.
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { carryForward, matchThemes, type Match, type ReviewItem } from './carry.js';
import type { Edit } from './edits.js';
import { foldEdits, type BaseTheme, type Curation } from './fold.js';
import { keywordsChanged } from '../../../../pipeline/lineage/wording.js';

export interface Reader {
  query<T>(sql: string, params?: Record<string, DuckDBValue>, types?: Record<string, DuckDBType>): Promise<T[]>;
}

export interface RunCuration {
  curation: Curation;
  /** What was carried from the previous complete run, and what could not be. */
  review: ReviewItem[];
  carriedFrom: number | null;
}

export interface CurationState {
  runs: Map<number, RunCuration>;
}

export async function loadBaseThemes(db: Reader, runId: number): Promise<BaseTheme[]> {
  return db.query<BaseTheme>(
    `SELECT theme_id AS "themeId", label, keywords, coalesce(mixture, false) AS mixture FROM src.main.themes WHERE run_id = $run ORDER BY theme_id`, { run: runId });
}

/** Each paper's theme in a run as stored: paper id → theme id. */
async function storedAssignment(db: Reader, runId: number): Promise<Map<string, number>> {
  const rows = await db.query<{ p: string[]; t: number[] }>(
    `SELECT list(paper_id ORDER BY paper_id) AS p, list(theme_id ORDER BY paper_id) AS t FROM src.main.paper_themes WHERE run_id = $run`, { run: runId });
  const { p = [], t = [] } = rows[0] ?? {};
  return new Map(p.map((id, i) => [id, t[i]]));
}

/** Each paper's curated theme: its split part if any, else its stored theme's curated theme. */
export function curatedAssignment(c: Curation, stored: Map<string, number>): Map<string, number> {
  const unitTo = new Map<number, number>();
  for (const t of c.themes.values()) for (const u of t.units) unitTo.set(u, t.id);
  const override = new Map<string, number>();
  for (const h of c.history) if (h.status === 'applied' && h.edit.kind === 'split') for (const p of h.edit.parts) for (const id of p.paperIds) override.set(id, p.id);
  const out = new Map<string, number>();
  for (const [paper, theme] of stored) {
    const cur = unitTo.get(override.get(paper) ?? theme);
    if (cur !== undefined) out.set(paper, cur);
  }
  return out;
}

function groupBy(assignment: Map<string, number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [paper, theme] of assignment) {
    const list = out.get(theme);
    if (list) list.push(paper);
    else out.set(theme, [paper]);
  }
  return out;
}

/**
 * Old theme → new theme by the stored theme_lineage (the store writes it for a run and the complete
 * run before it): its 'continued' rows first (over half of each theme's shared papers in the
 * other). An old theme whose links there are all 'split' or 'merged' continues where `own` (shared
 * papers, mutual best, Jaccard ≥ 0.3) puts it, unless that new theme is taken; a 'gone' theme does
 * not continue. Null when the file has no lineage for the pair (a run stored before lineage).
 */
async function lineageMatches(db: Reader, runId: number, prevRunId: number, own: Map<number, Match>): Promise<Map<number, Match> | null> {
  const has = await db.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'src' AND table_name = 'theme_lineage'`);
  if (has[0].n === 0) return null;
  const rows = await db.query<{ prev: number | null; next: number | null; shared: number; jaccard: number; kind: string; cosine: number | null }>(
    `SELECT prev_theme_id AS prev, theme_id AS next, shared_papers AS shared, jaccard, kind, centroid_cosine AS cosine FROM src.main.theme_lineage
     WHERE run_id = $run AND prev_run_id = $prev`, { run: runId, prev: prevRunId });
  if (rows.length === 0) return null;
  // A continued link whose keywords changed is marked, so that the lead's edits of it go to review (carry.ts).
  const out = new Map<number, Match>(rows.filter((r) => r.kind === 'continued').map((r) => [r.prev!, {
    themeId: r.next!, shared: r.shared, jaccard: r.jaccard,
    ...(keywordsChanged({ kind: 'continued', centroidCosine: r.cosine }) ? { keywordsChanged: r.cosine! } : {})
  }]));
  const linked = new Set(rows.filter((r) => r.kind === 'split' || r.kind === 'merged').map((r) => r.prev!));
  const taken = new Set([...out.values()].map((m) => m.themeId));
  for (const [prev, match] of own) {
    if (out.has(prev) || !linked.has(prev) || taken.has(match.themeId)) continue;
    out.set(prev, match);
    taken.add(match.themeId);
  }
  return out;
}

/** The curation of every complete run that has edits of its own or carried ones. */
export async function computeCurations(db: Reader, journal: Edit[]): Promise<CurationState> {
  const runs = (await db.query<{ run_id: number }>(`SELECT run_id FROM src.main.runs WHERE status = 'complete' ORDER BY run_id`)).map((r) => r.run_id);
  const out = new Map<number, RunCuration>();
  let prev: { runId: number; curation: Curation } | null = null;
  let prevStored: Map<string, number> | null = null;
  for (const runId of runs) {
    const own = journal.filter((e) => e.runId === runId);
    let carried = { edits: [] as Edit[], review: [] as ReviewItem[] };
    let stored: Map<string, number> | null = null;
    if (prev && prev.curation.changed) {
      stored = await storedAssignment(db, runId);
      prevStored ??= await storedAssignment(db, prev.runId);
      const own = matchThemes(groupBy(prevStored), stored);
      const byStored = (await lineageMatches(db, runId, prev.runId, own)) ?? own;
      const byTheme = matchThemes(groupBy(curatedAssignment(prev.curation, prevStored)), stored);
      carried = carryForward(prev.curation, runId, byStored, byTheme);
    }
    if (own.length === 0 && carried.edits.length === 0 && carried.review.length === 0) {
      prev = null;
      prevStored = null;
      continue;
    }
    const curation = foldEdits(runId, await loadBaseThemes(db, runId), [...carried.edits, ...own]);
    out.set(runId, { curation, review: carried.review, carriedFrom: carried.edits.length + carried.review.length > 0 ? prev!.runId : null });
    prev = { runId, curation };
    prevStored = stored;
  }
  return { runs: out };
}

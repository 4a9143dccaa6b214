// Owns reading the previous complete run's themes (its papers and keyword weights) from the database
// being written, and matching the run being stored against them (pipeline/lineage/match.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { keywordProfiles, keywordWeights, type TermWeights } from '../lineage/cosine.js';
import { lineageBetween, type RunThemes } from '../lineage/index.js';
import type { LineageLink } from '../lineage/match.js';
import type { RunData } from './run-data.js';

/** Paper ids per theme: appended to the theme's list. */
function addTo<T>(map: Map<number, T[]>, themeId: number, item: T) {
  const list = map.get(themeId);
  if (list) list.push(item);
  else map.set(themeId, [item]);
}

/** The run's themes as lineage reads them: every theme id (also empty ones), its papers and keyword weights. */
export function runThemes(run: RunData): RunThemes {
  const papers = new Map<number, string[]>(run.themes.map((t) => [t.themeId, []]));
  run.papers.forEach((p, i) => addTo(papers, run.clustering.assignments[i], p.paperId));
  const terms = new Map<number, TermWeights>(run.themes.map((t) =>
    [t.themeId, keywordWeights(t.keywords.map((term, r) => ({ term, weight: t.weights[r] })))]));
  return { papers, terms };
}

/** A stored run's themes, read back from themes, paper_themes and theme_terms. */
export async function storedRunThemes(connection: DuckDBConnection, runId: number): Promise<RunThemes> {
  const ids = await connection.runAndReadAll('SELECT theme_id FROM themes WHERE run_id = $run ORDER BY theme_id', { run: runId });
  const papers = new Map<number, string[]>((ids.getRows() as [number][]).map(([t]) => [t, []]));
  const members = await connection.runAndReadAll('SELECT theme_id, paper_id FROM paper_themes WHERE run_id = $run', { run: runId });
  for (const [themeId, paperId] of members.getRows() as [number, string][]) addTo(papers, themeId, paperId);
  const rows = await connection.runAndReadAll(
    'SELECT theme_id, term, weight FROM theme_terms WHERE run_id = $run ORDER BY theme_id, rank', { run: runId });
  const terms = keywordProfiles((rows.getRows() as [number, string, number][]).map(([themeId, term, weight]) => ({ themeId, term, weight })));
  return { papers, terms };
}

/** The newest complete run before the one being written, or null in a database without one. */
async function previousCompleteRun(connection: DuckDBConnection): Promise<number | null> {
  const reader = await connection.runAndReadAll("SELECT max(run_id) FROM runs WHERE status = 'complete'");
  const id = reader.getRows()[0][0];
  return id === null ? null : Number(id);
}

/** The run's lineage to the previous complete run in the database, or null when there is none. */
export async function lineageToPrevious(connection: DuckDBConnection, run: RunData):
  Promise<{ prevRunId: number; links: LineageLink[] } | null> {
  const prevRunId = await previousCompleteRun(connection);
  if (prevRunId === null) return null;
  return { prevRunId, links: lineageBetween(await storedRunThemes(connection, prevRunId), runThemes(run)) };
}

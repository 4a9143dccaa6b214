// Owns theme_lineage in the curated view: the links of every stored pair of runs one of which a lead
// regrouped (a merge or a split), matched again between the curated themes (pipeline/lineage: shared papers, then keyword
// cosine), so a theme page's ancestors, /runs/compare and the theme-lineage export all read one set of
// links. Without it a merge in curation left the stored links pointing at a theme the run no longer had
// (a blank name on the later run's theme page) and the export disagreed with the page.
import { DOUBLE, INTEGER, VARCHAR } from '@duckdb/node-api';
import { keywordProfiles, type TermWeights } from '../../../../pipeline/lineage/cosine.js';
import { cosineOf } from '../../../../pipeline/lineage/index.js';
import { matchThemes, type SharedCount } from '../../../../pipeline/lineage/match.js';
import type { Writer } from './overlay.js';
import { bind } from './overlay-sql.js';

/**
 * Installs `${s}._theme_lineage` (the pairs' links as matched over the curated themes) and the view
 * `${s}.theme_lineage`: the stored links of every other pair, these for the pairs touching a run of
 * `curated` (the runs a merge or split regrouped). `s` holds the curated views of themes, paper_themes
 * and theme_terms already.
 */
export async function installLineage(db: Writer, s: string, curated: readonly number[]): Promise<void> {
  const ids = curated.map((id) => Math.trunc(id)).join(', ');
  const pairs = await db.query<{ run: number; prev: number }>(`SELECT DISTINCT run_id AS run, prev_run_id AS prev FROM src.main.theme_lineage
    WHERE run_id IN (${ids}) OR prev_run_id IN (${ids}) ORDER BY 1, 2`);
  await db.exec(`CREATE TABLE ${s}._theme_lineage AS SELECT * FROM src.main.theme_lineage LIMIT 0`);
  for (const { run, prev } of pairs) await installPair(db, s, prev, run);
  const touched = `(run_id IN (${ids}) OR prev_run_id IN (${ids}))`;
  await db.exec(`CREATE VIEW ${s}.theme_lineage AS SELECT * FROM src.main.theme_lineage WHERE NOT ${touched}
    UNION ALL SELECT * FROM ${s}._theme_lineage`);
}

async function installPair(db: Writer, s: string, prev: number, run: number): Promise<void> {
  const themeIds = async (runId: number) =>
    (await db.query<{ id: number }>(`SELECT theme_id AS id FROM ${s}.themes WHERE run_id = $run ORDER BY theme_id`, { run: runId })).map((r) => r.id);
  // One query at a time: the overlay is built on one connection.
  const [prevIds, ids] = [await themeIds(prev), await themeIds(run)];
  const flows = await db.query<SharedCount>(`SELECT a.theme_id AS "prevThemeId", b.theme_id AS "themeId", count(*)::INTEGER AS papers
    FROM ${s}.paper_themes a JOIN ${s}.paper_themes b ON b.paper_id = a.paper_id
    WHERE a.run_id = $a AND b.run_id = $b GROUP BY ALL ORDER BY 1, 2`, { a: prev, b: run });
  const [prevTerms, terms] = [await termsOf(db, s, prev), await termsOf(db, s, run)];
  const links = matchThemes(prevIds, ids, flows, cosineOf(prevTerms, terms));
  const { params, types } = bind({
    theme: [links.map((l) => l.themeId), INTEGER], prevTheme: [links.map((l) => l.prevThemeId), INTEGER], kind: [links.map((l) => l.kind), VARCHAR],
    shared: [links.map((l) => l.sharedPapers), INTEGER], jaccard: [links.map((l) => l.jaccard), DOUBLE],
    cosine: [links.map((l) => l.centroidCosine), DOUBLE], themePapers: [links.map((l) => l.themePapers), INTEGER],
    prevThemePapers: [links.map((l) => l.prevThemePapers), INTEGER]
  }, { run, prev });
  await db.exec(`INSERT INTO ${s}._theme_lineage BY NAME SELECT $run AS run_id, $prev AS prev_run_id, unnest($theme) AS theme_id,
    unnest($prevTheme) AS prev_theme_id, unnest($kind) AS kind, unnest($shared) AS shared_papers, unnest($jaccard) AS jaccard,
    unnest($cosine) AS centroid_cosine, unnest($themePapers) AS theme_papers, unnest($prevThemePapers) AS prev_theme_papers`, params, types);
}

/** Each theme's keyword weights (theme_terms in the curated view), as lineage.ts reads them for /runs/compare. */
async function termsOf(db: Writer, s: string, runId: number): Promise<Map<number, TermWeights>> {
  return keywordProfiles(await db.query<{ themeId: number; term: string; weight: number }>(
    `SELECT theme_id AS "themeId", term, weight FROM ${s}.theme_terms WHERE run_id = $run ORDER BY theme_id, rank`, { run: runId }));
}

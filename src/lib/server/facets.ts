// Owns facets: the most frequent authors and categories of a theme (theme page), and for any paper
// filter the counts per theme, author and category of the matching papers (/papers: e.g. an
// author's papers across themes). Counts are exact over the run's papers, by bound SQL.
import { query } from './db.js';
import { paperFilterSql, type PaperFilter } from './papers.js';
import { cachedForRun, jsonBytes } from './run-cache.js';

export interface FacetCount {
  value: string;
  papers: number;
}

export interface ThemeFacetCount {
  themeId: number;
  label: string;
  /** Marked as a mixture: listed as "Mixture: …" (theme-label.ts). */
  mixture: boolean | null;
  papers: number;
}

export interface Facets {
  themes: ThemeFacetCount[];
  authors: FacetCount[];
  categories: FacetCount[];
}

/** Values shown per facet. */
export const FACET_SIZE = 10;

/**
 * Papers per value of a `list` column over the filtered papers, most papers first, ties by value. A
 * record may list a name twice (arXiv's 2602.06052 lists "Yu Wang" twice): each paper's list is made
 * distinct first, so a count is papers, as the author and category filters count them.
 */
async function listFacet(column: 'authors' | 'categories', sql: string, params: Record<string, unknown>): Promise<FacetCount[]> {
  return query<FacetCount>(
    `SELECT v AS value, count(*)::INTEGER AS papers
     FROM (SELECT unnest(list_distinct(p.${column})) AS v ${sql})
     GROUP BY v ORDER BY papers DESC, value LIMIT ${FACET_SIZE}`,
    params as never
  );
}

/** Theme, author and category counts of the papers matching `filter`. */
export async function loadFacets(runId: number, filter: PaperFilter): Promise<Facets> {
  const { sql, params } = paperFilterSql(runId, filter);
  const [themes, authors, categories] = await Promise.all([
    query<ThemeFacetCount>(
      `SELECT pt.theme_id AS "themeId", t.label, t.mixture, count(*)::INTEGER AS papers ${sql}
       GROUP BY pt.theme_id, t.label, t.mixture ORDER BY papers DESC, pt.theme_id`,
      params
    ),
    listFacet('authors', sql, params),
    listFacet('categories', sql, params)
  ]);
  return { themes, authors, categories };
}

/** The theme's top authors and categories (the run is immutable: computed once per run and theme). */
export function loadThemeFacets(runId: number, themeId: number): Promise<Omit<Facets, 'themes'>> {
  return cachedForRun(runId, `theme-facets:${themeId}`, async () => {
    const filter: PaperFilter = { theme: themeId, q: null, from: null, to: null, granularity: null, author: null, category: null, added: null, sort: 'relevance', match: null };
    const { sql, params } = paperFilterSql(runId, filter);
    const [authors, categories] = await Promise.all([listFacet('authors', sql, params), listFacet('categories', sql, params)]);
    return { authors, categories };
  }, jsonBytes);
}

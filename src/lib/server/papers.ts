// Owns paper search for one run: the filter (theme, text, date range) as bound SQL, shared by the
// Papers page and the papers exports, and the paginated page of results.
import type { PaperRow, ThemeRow } from '../../../pipeline/types.js';
import type { Params } from './db.js';
import { query } from './db.js';
import { excerpt, paperHref, PUBLISHED_SQL, shortAuthors, type ExcerptPart } from './paper-format.js';
import { readDateRange, readQuery, readTheme } from './params.js';
import { PAPER_TEXT, searchWords, textMatch } from './text-search.js';

export interface PaperFilter {
  theme: number | null;
  q: string | null;
  from: string | null;
  to: string | null;
}

export interface PaperListItem {
  paperId: string;
  title: string;
  published: string | null;
  authors: string;
  href: string | null;
  themeId: number;
  themeLabel: string;
  excerpt: ExcerptPart[];
}

export interface PaperPage {
  items: PaperListItem[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

export type ThemeOption = Pick<ThemeRow, 'theme_id' | 'label' | 'size' | 'mixture'>;

/** Validates the filter parameters of a request (400 on a bad value, 404 on a theme not in the run). */
export async function readPaperFilter(params: URLSearchParams, runId: number): Promise<PaperFilter> {
  const { from, to } = readDateRange(params);
  return { theme: await readTheme(params, runId), q: readQuery(params), from, to };
}

/**
 * FROM/WHERE over the run's papers (`pt` paper_themes, `p` papers, `t` themes) for a filter.
 * Only clauses for the filters given are added; every value is a bound parameter.
 */
export function paperFilterSql(runId: number, filter: PaperFilter): { sql: string; params: Params } {
  const clauses = ['pt.run_id = $run'];
  const params: Params = { run: runId };
  if (filter.theme !== null) {
    clauses.push('pt.theme_id = $theme');
    params.theme = filter.theme;
  }
  if (filter.q !== null) {
    // Every word of the query at a word start in the title or abstract (text-search.ts).
    const match = textMatch(searchWords(filter.q));
    clauses.push(`(${match.sql(PAPER_TEXT)})`);
    Object.assign(params, match.params);
  }
  // Date bounds are inclusive; papers without a date drop out once either bound is set. A year or
  // month date is its whole period (published is its first day): it is in when its period ends on or after `from`.
  if (filter.from !== null) {
    clauses.push(`p.published + CASE p.date_precision WHEN 'year' THEN INTERVAL 1 YEAR WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 1 DAY END > $from::DATE`);
    params.from = filter.from;
  }
  if (filter.to !== null) {
    clauses.push('p.published <= $to::DATE');
    params.to = filter.to;
  }
  const sql = `FROM paper_themes pt
    JOIN papers p ON p.paper_id = pt.paper_id
    JOIN themes t ON t.run_id = pt.run_id AND t.theme_id = pt.theme_id
    WHERE ${clauses.join(' AND ')}`;
  return { sql, params };
}

/**
 * Newest first; with a search, papers whose title holds every word come before those matched in the
 * abstract only. The id breaks ties so pages never overlap. Uses paperFilterSql's $w parameters.
 */
export function paperOrderSql(filter: PaperFilter): string {
  const words = searchWords(filter.q);
  const titleFirst = words.length ? `(${textMatch(words).sql('p.title')}) DESC, ` : '';
  return `ORDER BY ${titleFirst}p.published DESC NULLS LAST, p.paper_id`;
}

type DetailRow = Pick<PaperRow, 'paper_id' | 'title' | 'abstract' | 'published' | 'authors' | 'url'> &
  Pick<ThemeRow, 'theme_id' | 'label'>;

/** One page of matching papers and the total count (page numbers from 1). */
export async function searchPapers(runId: number, filter: PaperFilter, page: number, pageSize: number): Promise<PaperPage> {
  const { sql, params } = paperFilterSql(runId, filter);
  // Ids and the total in one scan (the text filter is the slow part); details for the page only.
  const ids = await query<{ paper_id: string; total: number }>(
    `SELECT pt.paper_id, count(*) OVER ()::INTEGER AS total ${sql} ${paperOrderSql(filter)} LIMIT $limit OFFSET $offset`,
    { ...params, limit: pageSize, offset: (page - 1) * pageSize }
  );
  const total = ids.length > 0 ? ids[0].total : await countPapers(sql, params);
  const details = ids.length === 0 ? [] : await readDetails(runId, ids.map((r) => r.paper_id));
  const byId = new Map(details.map((d) => [d.paper_id, d]));
  const words = searchWords(filter.q);
  const items = ids.map((r) => toListItem(byId.get(r.paper_id)!, words));
  return { items, total, page, pages: Math.max(1, Math.ceil(total / pageSize)), pageSize };
}

async function countPapers(sql: string, params: Params): Promise<number> {
  const rows = await query<{ n: number }>(`SELECT count(*)::INTEGER AS n ${sql}`, params);
  return rows[0].n;
}

async function readDetails(runId: number, ids: string[]): Promise<DetailRow[]> {
  // Ids go in as one bound JSON text: no list-value binding needed and no SQL built from data.
  return query<DetailRow>(
    `SELECT p.paper_id, p.title, p.abstract, ${PUBLISHED_SQL} AS published, p.authors, p.url, pt.theme_id, t.label
     FROM paper_themes pt
     JOIN papers p ON p.paper_id = pt.paper_id
     JOIN themes t ON t.run_id = pt.run_id AND t.theme_id = pt.theme_id
     WHERE pt.run_id = $run AND pt.paper_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))`,
    { run: runId, ids: JSON.stringify(ids) }
  );
}

function toListItem(row: DetailRow, words: readonly string[]): PaperListItem {
  return {
    paperId: row.paper_id,
    title: row.title,
    published: row.published,
    authors: shortAuthors(row.authors),
    href: paperHref(row.paper_id, row.url),
    themeId: row.theme_id,
    themeLabel: row.label,
    excerpt: excerpt(row.abstract, words)
  };
}

/** Themes of the run for the filter menu, by label. */
export async function listThemeOptions(runId: number): Promise<ThemeOption[]> {
  return query<ThemeOption>(`SELECT theme_id, label, size, mixture FROM themes WHERE run_id = $run ORDER BY label`, { run: runId });
}

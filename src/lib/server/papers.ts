// Owns paper search for one run: the filter (ranked text search, theme, date range, author,
// category) as bound SQL, shared by the Papers page, a theme page's list and every paper export,
// and the paginated page.
import type { Granularity, PaperRow, ThemeRow } from '../../../pipeline/types.js';
import { dateWindowClauses } from './date-window.js';
import type { Params } from './db.js';
import { query } from './db.js';
import { excerpt, highlight, paperHref, PUBLISHED_SQL, shortAuthors, type ExcerptPart } from './paper-format.js';
import { readAdded, readAuthor, readCategory, readDateRange, readPeriodGranularity, readQuery, readSort, readTheme, type AddedFilter, type Sort } from './params.js';
import { matchSql, NEAR_BONUS, resolveQuery, type ResolvedQuery } from './search-index.js';
import { SEARCH_STEM, type SearchStem } from '../../../pipeline/tokenise/search-tokens.js';
import { cachedForRun } from './run-cache.js';
import { readableTex } from '../tex-display.js';
import { shownLabelSql } from '../theme-label.js';

export interface PaperFilter {
  theme: number | null;
  q: string | null;
  from: string | null;
  to: string | null;
  /** Only papers dated at least as precisely as these periods (a trend window's link: `granularity=month` leaves year-only dates out). */
  granularity: Granularity | null;
  author: string | null;
  category: string | null;
  /** Only papers added after clustering (npm run assign), or only the novel ones of them. */
  added: AddedFilter | null;
  /** relevance (with a query) or date: newest first. */
  sort: Sort;
  /** The query resolved against the run's search index; null without q. */
  match: ResolvedQuery | null;
}

/** Title and abstract as one text, for phrase checks; the space keeps the title's last word apart. */
const PAPER_TEXT = `(p.title || ' ' || p.abstract)`;

export interface PaperListItem {
  paperId: string;
  title: string;
  /** The title with the search's hits marked. */
  titleParts: ExcerptPart[];
  published: string | null;
  authors: string;
  href: string | null;
  themeId: number;
  themeLabel: string;
  /** The theme is marked as a mixture: shown "Mixture: …" (theme-label.ts). */
  themeMixture: boolean;
  excerpt: ExcerptPart[];
  /** Added after clustering (npm run assign), and novel: fits no theme well. */
  added: boolean;
  novel: boolean;
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
  const granularity = readPeriodGranularity(params);
  const q = readQuery(params);
  const [author, category, sort, added] = [readAuthor(params), readCategory(params), readSort(params), readAdded(params)];
  const theme = await readTheme(params, runId);
  return { theme, q, from, to, granularity, author, category, added, sort, match: q === null ? null : await resolveQuery(runId, q) };
}

/** A filter with only a theme (for the theme exports). */
export function themeOnlyFilter(theme: number | null): PaperFilter {
  return { theme, q: null, from: null, to: null, granularity: null, author: null, category: null, added: null, sort: 'relevance', match: null };
}

/**
 * A theme's papers as its page searches them: the theme and `q`, resolved as on /papers
 * (readPaperFilter), so a query means the same there, in the theme page's list and in its export.
 * With no theme, the run's papers matching `q` (the map-region export's search, as the map's).
 */
export async function themeSearchFilter(runId: number, theme: number | null, q: string | null): Promise<PaperFilter> {
  return { ...themeOnlyFilter(theme), q, match: q === null ? null : await resolveQuery(runId, q) };
}

/**
 * FROM/WHERE over the run's papers (`pt` paper_themes, `p` papers, `t` themes, and with a query `m`:
 * the papers matching every word, with their BM25F score, search-index.ts) for a filter. Only
 * clauses for the filters given are added; every value is a bound parameter. `joins: 'papers'`
 * leaves out `t` (nothing filters on it), `joins: 'needed'` also `p` unless a filter reads it: to
 * count a million papers without joining them. `more`: joins added after those (the exports').
 */
export function paperFilterSql(runId: number, filter: PaperFilter, { joins = 'all', more = '' }: { joins?: 'all' | 'papers' | 'needed'; more?: string } = {}):
  { sql: string; params: Params } {
  const clauses = ['pt.run_id = $run'];
  const params: Params = { run: runId };
  let join = '';
  if (filter.match !== null) {
    const match = rankedMatchSql(runId, filter.match);
    join = `JOIN (${match.sql}) m ON m.paper_id = pt.paper_id`;
    Object.assign(params, match.params);
    // A quoted phrase: its words in order in the stored text, checked only on papers that hold them all.
    // The CASE names m, so DuckDB cannot push the regexp down into the scan of all papers.
    filter.match.phrasePatterns.forEach((pattern, i) => {
      clauses.push(`CASE WHEN m.score > 0 THEN regexp_matches(${PAPER_TEXT}, $phrase${i}) ELSE false END`);
      params[`phrase${i}`] = pattern;
    });
    // An excluded phrase: read only in the papers holding its words (the WHEN, evaluated first, keeps the others unread).
    filter.match.excludedPhrasePatterns.forEach((pattern, i) => {
      const terms = filter.match!.excludedPhraseTerms[i];
      const holds = terms === null ? '' : ` AND pt.paper_id IN (SELECT xr.paper_id FROM search_postings xp
        JOIN paper_rows xr ON xr.run_id = xp.run_id AND xr.paper_row = xp.paper_row
        WHERE xp.run_id = $run AND xp.term_id IN (${terms.map((id, j) => {
          params[`notphrase${i}t${j}`] = id;
          return `$notphrase${i}t${j}`;
        }).join(', ')}) GROUP BY xr.paper_id HAVING count(DISTINCT xp.term_id) = ${terms.length})`;
      clauses.push(`CASE WHEN m.score > 0${holds} THEN NOT regexp_matches(${PAPER_TEXT}, $notphrase${i}) ELSE m.score > 0 END`);
      params[`notphrase${i}`] = pattern;
    });
  }
  if (filter.theme !== null) {
    clauses.push('pt.theme_id = $theme');
    params.theme = filter.theme;
  }
  // Date bounds are inclusive (date-window.ts: the rule the trend notes count by, granularity included).
  clauses.push(...dateWindowClauses(filter, params));
  // Author: a list member in any case ("song han" finds Song Han), or one word, a surname: the last word of a name
  // ("lecun" finds Yann LeCun; it had found none, the dashboard review of 2026-12-04); category: as stored, in any case.
  if (filter.author !== null) {
    clauses.push(/\s/.test(filter.author.trim())
      ? 'list_contains(list_transform(p.authors, a -> lower(a)), lower($author))'
      : `len(list_filter(p.authors, a -> lower(a) = lower($author) OR regexp_extract(lower(a), '(\\S+)$', 1) = lower($author))) > 0`);
    params.author = filter.author.trim();
  }
  if (filter.category !== null) {
    // In any case: "cs.ro" is cs.RO (it had listed no paper and said nothing, review of 2026-12-05); no two arXiv categories differ only so.
    clauses.push('list_contains(list_transform(p.categories, c -> lower(c)), lower($category))');
    params.category = filter.category;
  }
  // Added after clustering: the run's assigned_papers rows (novel: those below the run's novel threshold).
  if (filter.added !== null) {
    clauses.push(`EXISTS (SELECT 1 FROM assigned_papers ap WHERE ap.run_id = pt.run_id AND ap.paper_id = pt.paper_id${filter.added === 'novel' ? ' AND ap.novel' : ''})`);
  }
  const sql = `FROM paper_themes pt
    ${join}
    ${joins !== 'needed' || readsPapers(filter) ? 'JOIN papers p ON p.paper_id = pt.paper_id' : ''}
    ${joins === 'all' ? 'JOIN themes t ON t.run_id = pt.run_id AND t.theme_id = pt.theme_id' : ''}
    ${more}
    WHERE ${clauses.join(' AND ')}`;
  return { sql, params };
}

/** Whether the filter's clauses read the papers table (`p`): a date bound or granularity, an author, a category, a phrase. */
function readsPapers(filter: PaperFilter): boolean {
  return filter.from !== null || filter.to !== null || filter.granularity !== null || filter.author !== null || filter.category !== null ||
    checksText(filter);
}

/** Whether the query has phrases, required or excluded, checked against the stored text. */
function checksText(filter: PaperFilter): boolean {
  return filter.match !== null && filter.match.phrasePatterns.length + filter.match.excludedPhrasePatterns.length > 0;
}

/** Best BM25F score first with a query (unless sort=date), else newest first; the id breaks ties so pages never overlap. */
export function paperOrderSql(filter: PaperFilter): string {
  if (filter.match !== null && filter.sort === 'relevance') return 'ORDER BY m.score DESC, p.paper_id';
  return 'ORDER BY p.published DESC NULLS LAST, p.paper_id';
}

/**
 * A theme's papers in its page's order: with a query best BM25F score first, then (and without one
 * only) most typical first (rank_in_theme); the id breaks ties so pages never overlap.
 */
export function themePaperOrderSql(filter: PaperFilter): string {
  return `ORDER BY ${filter.match === null ? '' : 'm.score DESC, '}pt.rank_in_theme, pt.paper_id`;
}

/** FROM the matching papers of the index alone (`m`: paper_id, score), for indexOnly searches. */
function rankedOnlySql(runId: number, filter: PaperFilter): { sql: string; params: Params } {
  const match = rankedMatchSql(runId, filter.match!);
  return { sql: `FROM (${match.sql}) m`, params: match.params };
}

/**
 * The papers matching every word with the score they rank by (paper_id, score): BM25F (matchSql),
 * plus NEAR_BONUS for a paper holding the query's words in the order written ("model merging"; its
 * text read only for papers that hold every word, at most NEAR_MAX_PAPERS), so those come first.
 */
function rankedMatchSql(runId: number, match: ResolvedQuery): { sql: string; params: Params } {
  const bm25 = matchSql(runId, match);
  if (match.nearPattern === null) return bm25;
  return { sql: `SELECT mm.paper_id, mm.score + CASE WHEN regexp_matches(np.title || ' ' || np.abstract, $near) THEN ${NEAR_BONUS} ELSE 0 END AS score
      FROM (${bm25.sql}) mm JOIN papers np ON np.paper_id = mm.paper_id`, params: { ...bm25.params, near: match.nearPattern } };
}

/** The index keys that made papers match (for marking hits): every term the query's words resolved to. */
export function hitKeys(filter: PaperFilter): Set<string> {
  return new Set(filter.match?.terms.map((t) => t.key) ?? []);
}

type DetailRow = Pick<PaperRow, 'paper_id' | 'title' | 'abstract' | 'published' | 'authors' | 'url'> &
  Pick<ThemeRow, 'theme_id' | 'label'> & { mixture: boolean | null; added: boolean; novel: boolean };

/** A plain ranked search (no other filter, no phrase, by relevance): ranked on the index alone, no join to the papers. */
function indexOnly(filter: PaperFilter): boolean {
  return filter.match !== null && !checksText(filter) && filter.sort === 'relevance' &&
    filter.theme === null && filter.from === null && filter.to === null && filter.granularity === null && filter.author === null &&
    filter.category === null && filter.added === null;
}

/**
 * One page of matching papers and the total count (page numbers from 1). With a query, the page's
 * ids and the total come from one query (a window count over the matches' ids: the match is the
 * costly part, run once); without, from two (a window count would sort every paper of the run
 * instead of keeping the page's top n), the count joining papers only when a filter reads them.
 */
export async function searchPapers(runId: number, filter: PaperFilter, page: number, pageSize: number): Promise<PaperPage> {
  const byIndex = indexOnly(filter);
  const sorted = byIndex ? rankedOnlySql(runId, filter) : paperFilterSql(runId, filter, { joins: 'papers' });
  const order = byIndex ? 'ORDER BY m.score DESC, m.paper_id' : paperOrderSql(filter);
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  let ids: { paper_id: string; total?: number }[];
  let total: number;
  if (filter.match !== null) {
    ids = await query<{ paper_id: string; total: number }>(
      `SELECT ${byIndex ? 'm' : 'pt'}.paper_id, count(*) OVER ()::INTEGER AS total ${sorted.sql} ${order} LIMIT $limit OFFSET $offset`,
      { ...sorted.params, ...paging });
    total = ids.length > 0 ? ids[0].total! : await countPapers(sorted.sql, sorted.params);
  } else {
    const counted = paperFilterSql(runId, filter, { joins: 'needed' });
    [ids, total] = await Promise.all([
      (unfiltered(filter) ? newestOfRun(runId, paging) : Promise.resolve(null)).then((newest) => newest ??
        query<{ paper_id: string }>(`SELECT pt.paper_id ${sorted.sql} ${order} LIMIT $limit OFFSET $offset`, { ...sorted.params, ...paging })),
      countPapers(counted.sql, counted.params)
    ]);
  }
  const details = ids.length === 0 ? [] : await readDetails(runId, ids.map((r) => r.paper_id));
  const byId = new Map(details.map((d) => [d.paper_id, d]));
  const keys = hitKeys(filter);
  const items = ids.map((r) => toListItem(byId.get(r.paper_id)!, keys, filter.match?.stem ?? SEARCH_STEM));
  return { items, total, page, pages: Math.max(1, Math.ceil(total / pageSize)), pageSize };
}

/** No filter at all: the listing of every paper of the run, newest first. */
function unfiltered(filter: PaperFilter): boolean {
  return filter.match === null && filter.theme === null && filter.from === null && filter.to === null &&
    filter.granularity === null && filter.author === null && filter.category === null && filter.added === null;
}

/** Deepest row (offset + limit) that newestOfRun answers; past it, the full query. */
const NEWEST_MAX_ROWS = 10_000;

/**
 * A page of the run's papers newest first (paperOrderSql's date order), from the papers table's own
 * newest 4 × (offset + limit) — a top-n DuckDB answers from the published column's zone maps — joined
 * to the run: 10 ms instead of 70-240 ms at 250k papers, where the full query joins every paper of
 * the run before sorting. Exact when those candidates hold offset + limit of the run's papers or are
 * all the papers there are; null otherwise (another run's papers crowd the newest), and for deep pages.
 */
async function newestOfRun(runId: number, { limit, offset }: { limit: number; offset: number }): Promise<{ paper_id: string }[] | null> {
  const want = offset + limit;
  if (want > NEWEST_MAX_ROWS) return null;
  const rows = await query<{ paper_id: string; in_run: number; candidates: number }>(
    `WITH c AS MATERIALIZED (SELECT paper_id, published FROM papers ORDER BY published DESC NULLS LAST, paper_id LIMIT $candidates),
       r AS MATERIALIZED (SELECT c.paper_id, c.published FROM c JOIN paper_themes pt ON pt.paper_id = c.paper_id AND pt.run_id = $run)
     SELECT paper_id, (SELECT count(*) FROM r)::INTEGER AS in_run, (SELECT count(*) FROM c)::INTEGER AS candidates
     FROM r ORDER BY published DESC NULLS LAST, paper_id LIMIT $limit OFFSET $offset`,
    { run: runId, candidates: 4 * want, limit, offset });
  if (rows.length === 0) return null;
  const [{ in_run: inRun, candidates }] = rows;
  return inRun >= want || candidates < 4 * want ? rows.map(({ paper_id }) => ({ paper_id })) : null;
}

/** How many rows a paperFilterSql FROM/WHERE gives. */
export async function countPapers(sql: string, params: Params): Promise<number> {
  const rows = await query<{ n: number }>(`SELECT count(*)::INTEGER AS n ${sql}`, params);
  return rows[0].n;
}

async function readDetails(runId: number, ids: string[]): Promise<DetailRow[]> {
  // One bound parameter per id (a page holds at most 200): a list of constants lets DuckDB look the
  // papers up by key instead of scanning every title and abstract (a JSON-list semi-join did). The
  // page's papers and their theme rows are each cut by that list first (MATERIALIZED: joined to the
  // run's paper_themes instead, the lookup became a hash join over all of them: 88 → 27 ms of CPU
  // warm, 378 → 26 ms cold, for a search's page of 50 on a 250k-paper run).
  const params: Params = { run: runId };
  ids.forEach((id, i) => (params[`id${i}`] = id));
  const list = ids.map((_, i) => `$id${i}`).join(', ');
  return query<DetailRow>(
    `WITH p AS MATERIALIZED (SELECT paper_id, title, abstract, published, date_precision, authors, url FROM papers WHERE paper_id IN (${list})),
       pt AS MATERIALIZED (SELECT paper_id, theme_id FROM paper_themes WHERE run_id = $run AND paper_id IN (${list}))
     SELECT p.paper_id, p.title, p.abstract, ${PUBLISHED_SQL} AS published, p.authors, p.url, pt.theme_id, t.label, t.mixture,
       ap.paper_id IS NOT NULL AS added, coalesce(ap.novel, false) AS novel
     FROM p
     JOIN pt ON pt.paper_id = p.paper_id
     JOIN themes t ON t.run_id = $run AND t.theme_id = pt.theme_id
     LEFT JOIN assigned_papers ap ON ap.run_id = $run AND ap.paper_id = p.paper_id`,
    params
  );
}

function toListItem(row: DetailRow, keys: ReadonlySet<string>, stem: SearchStem): PaperListItem {
  const title = readableTex(row.title);
  return {
    paperId: row.paper_id,
    title,
    titleParts: highlight(title, keys, stem),
    published: row.published,
    authors: shortAuthors(row.authors),
    href: paperHref(row.paper_id, row.url),
    themeId: row.theme_id,
    themeLabel: row.label,
    themeMixture: row.mixture === true,
    excerpt: excerpt(readableTex(row.abstract), keys, undefined, stem),
    added: row.added,
    novel: row.novel
  };
}

/**
 * Themes of the run for the filter menu, by the name it shows whatever its case ("anomaly detection" among
 * the A, not after "MRI"; "Mixture: linear codes" among the M, where the menu reads it).
 */
export async function listThemeOptions(runId: number): Promise<ThemeOption[]> {
  const shown = shownLabelSql('t');
  return query<ThemeOption>(`SELECT theme_id, label, size, mixture FROM themes t WHERE run_id = $run ORDER BY lower(${shown}), ${shown}`, { run: runId });
}

/** Papers added to the run after clustering (npm run assign); 0 for a run as clustered. */
/** The complete runs that hold papers added after clustering, newest first, with how many (and how many novel). */
export async function runsWithAddedPapers(): Promise<{ runId: number; added: number; novel: number }[]> {
  return query<{ runId: number; added: number; novel: number }>(`SELECT ap.run_id AS "runId", count(*)::INTEGER AS added,
      count(*) FILTER (WHERE ap.novel)::INTEGER AS novel
    FROM assigned_papers ap JOIN runs r ON r.run_id = ap.run_id AND r.status = 'complete' GROUP BY ap.run_id ORDER BY ap.run_id DESC`);
}

export async function countAddedPapers(runId: number): Promise<number> {
  const [row] = await query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM assigned_papers WHERE run_id = $run', { run: runId });
  return row.n;
}

/** What looks like a paper's id rather than words: an arXiv id (with or without its version), a DOI, a Scopus EID or an OpenAlex W-id. */
/** What is written around an id when it is pasted: a scheme ("arXiv:", "doi:") or the link of its page. */
const ID_WRAPPING = /^(?:arxiv:\s*|doi:\s*|https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/|https?:\/\/(?:dx\.)?doi\.org\/)/i;
const ID_LIKE = /^(?:\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?|10\.\d{4,9}\/\S+|2-s2\.0-\d+|W\d{4,})$/i;

/**
 * The run's paper a query names by its id or DOI ("2508.17281", "10.1145/…"), or null: the search
 * index holds words, so an id found nothing ("has no word to search for") though the paper is there.
 */
export async function paperNamedBy(runId: number, q: string | null): Promise<{ paperId: string; title: string } | null> {
  // An id as it is pasted: "arXiv:2508.17281", an arXiv abs or pdf link, "doi:10.…" or a doi.org link (review of 2026-12-05:
  // "arXiv:2508.05813" listed the 114 papers that say "arXiv", and a link found nothing).
  const text = (q?.trim() ?? '').replace(ID_WRAPPING, '').replace(/\.pdf$/i, '');
  if (!ID_LIKE.test(text)) return null;
  const id = text.replace(/v\d+$/i, '');
  const [row] = await query<{ paper_id: string; title: string }>(`SELECT p.paper_id, p.title FROM paper_rows pr JOIN papers p ON p.paper_id = pr.paper_id
    WHERE pr.run_id = $run AND (p.paper_id = $id OR p.paper_id = $text OR lower(p.doi) = lower($text)) ORDER BY p.paper_id LIMIT 1`, { run: runId, id, text });
  return row === undefined ? null : { paperId: row.paper_id, title: readableTex(row.title) };
}

/**
 * Of the papers `filter` finds within its dates, how many are dated only by a year or a month that the
 * dates do not wholly hold: a coarse date counts as its whole year or month (date-window.ts), so a range
 * inside 2003 lists every paper dated "2003", which the page then says (dashboard audit of 2026-12-03: it did not).
 * Null without a date bound, or when the filter already leaves year-only dates out (granularity).
 */
export async function countCoarseDated(runId: number, filter: PaperFilter): Promise<{ year: number; month: number } | null> {
  if ((filter.from === null && filter.to === null) || filter.granularity !== null) return null;
  // A run of day-dated papers only (arXiv) has none: the filtered count (the search again, with a query) is not run.
  if (!(await holdsCoarseDates(runId))) return { year: 0, month: 0 };
  const { sql, params } = paperFilterSql(runId, filter, { joins: 'papers' });
  // Only a year or month the dates asked for do not wholly hold: one they hold is in the range as such.
  const outside = (unit: 'YEAR' | 'MONTH') => [filter.from === null ? null : `p.published < $cfrom::DATE`,
    filter.to === null ? null : `p.published + INTERVAL 1 ${unit} - INTERVAL 1 DAY > $cto::DATE`].filter((c) => c !== null).join(' OR ');
  const bounds = { ...(filter.from === null ? {} : { cfrom: filter.from }), ...(filter.to === null ? {} : { cto: filter.to }) };
  const [row] = await query<{ year: number; month: number }>(`SELECT count(*) FILTER (WHERE p.date_precision = 'year' AND (${outside('YEAR')}))::INTEGER AS year,
    count(*) FILTER (WHERE p.date_precision = 'month' AND (${outside('MONTH')}))::INTEGER AS month ${sql}`, { ...params, ...bounds });
  return row;
}

/** Whether any paper of the run is dated only by year or month (once per run: run cache). */
function holdsCoarseDates(runId: number): Promise<boolean> {
  return cachedForRun(runId, 'holds-coarse-dates', async () => (await query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM paper_rows pr
    JOIN papers p ON p.paper_id = pr.paper_id WHERE pr.run_id = $run AND p.date_precision IN ('year', 'month')`, { run: runId }))[0].n > 0, () => 8);
}

// Owns the theme page's queries: the theme's figures, area and quality, keywords with weights, trend
// per period, typical papers, all its papers (searchable, paginated, with their next-closest theme
// and the weak-member flag), its nearest themes, and the themes its papers are also close to.
import { shownLabelSql } from '../theme-label.js';
import { primaryCategorySql } from '../../../pipeline/trends/coverage.js';
import { cohesionZ, MIXTURE_MIN_THEMES, MIXTURE_Z } from '../../../pipeline/quality/mixture.js';
import { error } from '@sveltejs/kit';
import type { Camel, Granularity, PaperRow, TableRow, ThemeRow } from '../../../pipeline/types.js';
import type { TrendInput } from '../charts/trend-geometry.js';
import { query } from './db.js';
import { paperHref, PUBLISHED_SQL, shortAuthors } from './paper-format.js';
import { countPapers, paperFilterSql, themePaperOrderSql, themeSearchFilter } from './papers.js';
import { readableTex } from '../tex-display.js';

export type ThemeDetail = Camel<
  Pick<
    ThemeRow,
    | 'theme_id' | 'label' | 'size' | 'share' | 'direction' | 'growth' | 'z_score' | 'window_months' | 'share_before'
    | 'share_after' | 'papers_before' | 'papers_after' | 'cohesion' | 'window_granularity' | 'area_id' | 'separation' | 'coherence' | 'mixture'
    | 'reproducibility' | 'covered_share' | 'covered_direction' | 'covered_z' | 'emerging_score' | 'covered_score' | 'covered_share_before'
    | 'covered_share_after' | 'covered_papers_before' | 'covered_papers_after'
  >
> & {
  /** The area's label; null in runs made before areas. */
  areaLabel: string | null;
  /** The run's median cohesion and keyword coherence over its themes, to read the theme's against. */
  medianCohesion: number | null;
  medianCoherence: number | null;
  /**
   * Robust z of its cohesion within the run (pipeline/quality/mixture.ts cohesionZ: against the median, in
   * 1.4826 · MAD); null below MIXTURE_MIN_THEMES themes or when all themes are alike.
   */
  cohesionZ: number | null;
  /** Not a mixture, but its cohesion is as low as one's (cohesionZ < MIXTURE_Z): its keywords go together, its papers far less. */
  loose: boolean;
  /** Its papers flagged as weak members (paper_themes.weak). */
  weakPapers: number;
  /**
   * The papers of the categories held throughout in each window, all themes' together (Σ covered_papers_*):
   * its share of them, not standardised, is what the category-by-category share is read against. Null without them.
   */
  coveredTotalBefore: number | null;
  coveredTotalAfter: number | null;
};

/** A theme that the theme's papers are next closest to (their rank-2 theme), with how many papers. */
export type AlsoClose = Camel<Pick<ThemeRow, 'theme_id' | 'label' | 'mixture' | 'cohesion' | 'coherence'>> & {
  papers: number;
  /** Mean cosine of those papers to that theme. */
  similarity: number;
};

export type ThemeTerm = Pick<TableRow<'theme_terms'>, 'rank' | 'term' | 'weight'>;

export interface ThemePaper {
  rank: number;
  paperId: string;
  title: string;
  published: string | null;
  authors: string;
  similarity: number;
  href: string | null;
  /** Below 0.6 × the theme's cohesion (pipeline/quality/top-themes.ts); null in earlier runs. */
  weak: boolean | null;
  /** The paper's next-closest theme and its cosine to it; null when not stored. */
  secondThemeId: number | null;
  secondLabel: string | null;
  secondSimilarity: number | null;
  /** Added after clustering (`npm run assign`), and then whether it fits no theme well: marked as /papers marks them. */
  added: boolean;
  novel: boolean;
}

export interface ThemePaperPage {
  items: ThemePaper[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

/** `themeId` is the neighbour's (neighbour_id), `label` and `size` its figures. */
export type Neighbour = Pick<TableRow<'theme_neighbours'>, 'rank' | 'similarity'> &
  Camel<Pick<ThemeRow, 'theme_id' | 'label' | 'size' | 'mixture' | 'cohesion' | 'coherence'>>;

/** The `[id]` path segment: plain digits only, else there is no such page (404). */
export function readThemeIdParam(raw: string): number {
  if (!/^\d{1,7}$/.test(raw)) error(404, `No theme “${raw.slice(0, 40)}”: theme ids are integers ≥ 0`);
  return Number(raw);
}

export async function loadThemeDetail(runId: number, themeId: number): Promise<ThemeDetail> {
  const rows = await query<Omit<ThemeDetail, 'loose' | 'cohesionZ'>>(
    `SELECT t.theme_id AS "themeId", t.label, t.size, t.share, t.direction, t.growth, t.z_score AS "zScore",
       window_months AS "windowMonths", t.share_before AS "shareBefore", t.share_after AS "shareAfter",
       t.papers_before AS "papersBefore", t.papers_after AS "papersAfter", cohesion, t.window_granularity AS "windowGranularity", t.area_id AS "areaId", separation,
       coherence, mixture, t.reproducibility, t.covered_share AS "coveredShare", t.covered_direction AS "coveredDirection",
       t.covered_z AS "coveredZ", t.emerging_score AS "emergingScore", t.covered_score AS "coveredScore",
       t.covered_share_before AS "coveredShareBefore", t.covered_share_after AS "coveredShareAfter",
       t.covered_papers_before AS "coveredPapersBefore", t.covered_papers_after AS "coveredPapersAfter", a.label AS "areaLabel",
       (SELECT median(cohesion) FROM themes m WHERE m.run_id = t.run_id) AS "medianCohesion",
       (SELECT median(coherence) FROM themes m WHERE m.run_id = t.run_id) AS "medianCoherence",
       (SELECT sum(covered_papers_before)::DOUBLE FROM themes m WHERE m.run_id = t.run_id) AS "coveredTotalBefore",
       (SELECT sum(covered_papers_after)::DOUBLE FROM themes m WHERE m.run_id = t.run_id) AS "coveredTotalAfter",
       (SELECT count(*) FILTER (WHERE weak)::INTEGER FROM paper_themes pt
         WHERE pt.run_id = t.run_id AND pt.theme_id = t.theme_id) AS "weakPapers"
     FROM themes t LEFT JOIN areas a ON a.run_id = t.run_id AND a.area_id = t.area_id
     WHERE t.run_id = $run AND t.theme_id = $theme`,
    { run: runId, theme: themeId }
  );
  if (rows.length === 0) error(404, `No theme ${themeId} in run ${runId}`);
  const theme = rows[0];
  // Its cohesion's robust z among the run's themes, by the mixture rule's own measure.
  const themes = await query<{ themeId: number; cohesion: number | null }>(
    `SELECT theme_id AS "themeId", cohesion FROM themes WHERE run_id = $run ORDER BY theme_id`, { run: runId });
  const z = themes.length < MIXTURE_MIN_THEMES ? NaN
    : cohesionZ(themes.map((t) => t.cohesion ?? NaN))[themes.findIndex((t) => t.themeId === themeId)];
  // NaN: all themes alike, or a run stored without cohesion.
  return { ...theme, cohesionZ: Number.isNaN(z) ? null : z, loose: !theme.mixture && z < MIXTURE_Z };
}

export async function loadThemeTerms(runId: number, themeId: number): Promise<ThemeTerm[]> {
  return query<ThemeTerm>(
    `SELECT rank, term, weight FROM theme_terms WHERE run_id = $run AND theme_id = $theme ORDER BY rank`,
    { run: runId, theme: themeId }
  );
}

/** Every period of the run at the granularity; the theme's papers and share there (0 when absent). */
export async function loadThemeTrend(runId: number, themeId: number, granularity: Granularity): Promise<TrendInput> {
  const rows = await query<{ period: string; papers: number; share: number; partial: boolean }>(
    `SELECT pt.period::VARCHAR AS period, coalesce(tp.papers, 0)::INTEGER AS papers,
       coalesce(tp.share, 0) AS share, pt.partial
     FROM period_totals pt
     LEFT JOIN theme_periods tp
       ON tp.run_id = pt.run_id AND tp.granularity = pt.granularity AND tp.period = pt.period
       AND tp.theme_id = $theme
     WHERE pt.run_id = $run AND pt.granularity = $granularity
     ORDER BY pt.period`,
    { run: runId, theme: themeId, granularity }
  );
  return {
    periods: rows.map((r) => r.period),
    papers: rows.map((r) => r.papers),
    share: rows.map((r) => r.share),
    partial: rows.map((r) => r.partial)
  };
}

/** `rank` is rank_in_theme. */
type PaperRowOut = Pick<PaperRow, 'paper_id' | 'title' | 'published' | 'authors' | 'url'> &
  Pick<TableRow<'paper_themes'>, 'similarity' | 'weak'> & {
    rank: number;
    second_theme: number | null;
    second_label: string | null;
    second_similarity: number | null;
    added: boolean;
    novel: boolean | null;
  };

function toThemePaper(r: PaperRowOut): ThemePaper {
  return {
    rank: r.rank,
    paperId: r.paper_id,
    title: readableTex(r.title),
    published: r.published,
    authors: shortAuthors(r.authors),
    similarity: r.similarity,
    href: paperHref(r.paper_id, r.url),
    weak: r.weak,
    secondThemeId: r.second_theme,
    secondLabel: r.second_label,
    secondSimilarity: r.second_similarity,
    added: r.added,
    novel: r.novel === true
  };
}

/**
 * The theme's papers, most typical first (rank_in_theme), `pageSize` per page; `q` filters them with
 * /papers' own filter (papers.ts themeSearchFilter, paperFilterSql), best BM25F score first, then most
 * typical. A page past the end has no items (the load refuses it). The page is cut from paper_themes
 * first (the papers joined there only where a quoted phrase reads their text) and only its rows are
 * joined to the papers' texts (a theme of 25k papers: no join of them all). The total: with `q` a
 * window count over the matches' narrow rows (the match runs once), else counted apart.
 */
export async function loadThemePapers(
  runId: number,
  themeId: number,
  q: string | null,
  page: number,
  pageSize: number
): Promise<ThemePaperPage> {
  const filter = await themeSearchFilter(runId, themeId, q);
  const { sql, params } = paperFilterSql(runId, filter, { joins: 'needed' });
  const windowed = filter.match !== null;
  const [rows, counted] = await Promise.all([
    query<PaperRowOut & { total: number }>(
      `WITH page AS (
         SELECT pt.run_id, pt.paper_id, pt.rank_in_theme, pt.similarity, pt.weak, ${windowed ? 'm.score' : 'NULL::DOUBLE'} AS score
           ${windowed ? ', count(*) OVER ()::INTEGER AS total' : ''}
         ${sql}
         ${themePaperOrderSql(filter)}
         LIMIT $limit OFFSET $offset)
       SELECT page.rank_in_theme AS rank, p.paper_id, p.title, ${PUBLISHED_SQL} AS published, p.authors,
         page.similarity, p.url, page.weak, r.theme_id AS second_theme, ${shownLabelSql('t2')} AS second_label, r.similarity AS second_similarity,
         ap.paper_id IS NOT NULL AS added, ap.novel
         ${windowed ? ', page.total' : ''}
       FROM page JOIN papers p ON p.paper_id = page.paper_id
         -- the paper's next-closest theme, where stored
         LEFT JOIN paper_theme_ranks r ON r.run_id = page.run_id AND r.paper_id = page.paper_id AND r.rank = 2
         LEFT JOIN themes t2 ON t2.run_id = r.run_id AND t2.theme_id = r.theme_id
         -- added after clustering (npm run assign): no row for the run's own papers
         LEFT JOIN assigned_papers ap ON ap.run_id = page.run_id AND ap.paper_id = page.paper_id
       ORDER BY page.score DESC, page.rank_in_theme, page.paper_id`,
      { ...params, limit: pageSize, offset: (page - 1) * pageSize }
    ),
    windowed ? null : countPapers(sql, params)
  ]);
  const total = counted ?? (rows.length > 0 ? rows[0].total : await countPapers(sql, params));
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { items: rows.map(toThemePaper), total, page, pages, pageSize };
}

export async function loadNeighbours(runId: number, themeId: number): Promise<Neighbour[]> {
  return query<Neighbour>(
    `SELECT n.rank, n.neighbour_id AS "themeId", t.label, t.size, n.similarity, t.mixture, t.cohesion, t.coherence
     FROM theme_neighbours n JOIN themes t ON t.run_id = n.run_id AND t.theme_id = n.neighbour_id
     WHERE n.run_id = $run AND n.theme_id = $theme
     ORDER BY n.rank`,
    { run: runId, theme: themeId }
  );
}

/**
 * The themes this theme's papers are next closest to: for each rank-2 theme of its papers, how many
 * papers and their mean cosine to it; the `limit` most frequent (ties by id).
 */
export async function loadAlsoClose(runId: number, themeId: number, limit: number): Promise<AlsoClose[]> {
  return query<AlsoClose>(
    `SELECT r.theme_id AS "themeId", t.label, t.mixture, t.cohesion, t.coherence, count(*)::INTEGER AS papers,
       avg(r.similarity) AS similarity
     FROM paper_themes pt
       JOIN paper_theme_ranks r ON r.run_id = pt.run_id AND r.paper_id = pt.paper_id AND r.rank = 2
       JOIN themes t ON t.run_id = r.run_id AND t.theme_id = r.theme_id
     WHERE pt.run_id = $run AND pt.theme_id = $theme
     GROUP BY r.theme_id, t.label, t.mixture, t.cohesion, t.coherence
     ORDER BY papers DESC, r.theme_id
     LIMIT $limit`,
    { run: runId, theme: themeId, limit }
  );
}

/** Of a theme's papers, how many are in each category the corpus holds only part of the trend windows (coverage_changes), most first. */
export async function loadThemeCoverage(runId: number, themeId: number): Promise<{ category: string; papers: number }[]> {
  return (await loadCoverageByTheme(runId, themeId)).get(themeId) ?? [];
}

/** loadThemeCoverage for every theme of the run (or one), by theme id, with each theme's size. */
export async function loadCoverageByTheme(runId: number, themeId: number | null = null): Promise<Map<number, { category: string; papers: number }[]>> {
  const rows = await query<{ themeId: number; category: string; papers: number }>(
    `SELECT pt.theme_id AS "themeId", ${primaryCategorySql('p')} AS category, count(*)::INTEGER AS papers
     FROM paper_themes pt JOIN papers p ON p.paper_id = pt.paper_id
     WHERE pt.run_id = $run ${themeId === null ? '' : 'AND pt.theme_id = $theme'}
       AND ${primaryCategorySql('p')} IN (SELECT category FROM coverage_changes WHERE run_id = $run)
     GROUP BY ALL ORDER BY "themeId", papers DESC, category`,
    themeId === null ? { run: runId } : { run: runId, theme: themeId }
  );
  const out = new Map<number, { category: string; papers: number }[]>();
  for (const { themeId: t, ...c } of rows) out.set(t, [...(out.get(t) ?? []), c]);
  return out;
}

// Owns the query behind each export dataset: its columns (name, SQL, text or not), the FROM/WHERE/ORDER
// with bound parameters only, and the words that name the download (what and which filter).
import { coveredBasisSql, trendReadingSql } from '../../../pipeline/trends/coverage.js';
import type { Granularity, RunRow } from '../../../pipeline/types.js';
import { trendClassSql } from '../../../pipeline/trends/trend-class.js';
import { KEYWORDS_CHANGED_COSINE, linkKindSql } from '../../../pipeline/lineage/wording.js';
import type { CsvColumn } from './csv.js';
import { query, type Params } from './db.js';
import { loadTrendWindows } from './trend-windows.js';
import { MONTHS_PER } from '../../../pipeline/trends/periods.js';
import { shownLabelSql } from '../../../pipeline/quality/shown-label.js';
import { paperFilterSql, paperOrderSql, readPaperFilter, themeOnlyFilter, themePaperOrderSql, themeSearchFilter } from './papers.js';
import { readDateRange, readGranularity, readMeasure, readQuery, readTheme } from './params.js';
import { areaPapersSql } from './overview.js';
import { error } from '@sveltejs/kit';

export type ExportDataset = 'themes' | 'trends' | 'papers' | 'theme-papers' | 'bursts' | 'areas' | 'map-region' | 'theme-lineage';
export const EXPORT_DATASETS: readonly ExportDataset[] = ['themes', 'trends', 'papers', 'theme-papers', 'bursts', 'areas', 'map-region', 'theme-lineage'];

export interface ExportQuery {
  columns: CsvColumn[];
  /** FROM … WHERE … ORDER BY …, bound through `params`. */
  from: string;
  params: Params;
  /** Words after the run in the filename, e.g. ['trends', 'month', 'share']. */
  name: string[];
}

const text = (name: string, sql = name): CsvColumn => ({ name, sql, text: true });
/** A theme's curation field (theme_curation: empty for runs without edits); `t` aliases its themes row. */
const curated = (field: 'original_label' | 'hidden' | 'note', t: string) =>
  `(SELECT c.${field} FROM theme_curation c WHERE c.run_id = ${t}.run_id AND c.theme_id = ${t}.theme_id)`;
const value = (name: string, sql = name): CsvColumn => ({ name, sql, text: false });

/**
 * How the trend reads, in the dashboard's words (trends/trend-class.ts, the rule
 * trend-wording.ts classifyTrend applies): the direction over those categories where they hold half
 * of the theme's papers or more, "moves with coverage" where they hold fewer and it moved, else
 * `direction` (coverage.ts trendReadingSql); "growing slower than the field" where it reads fading
 * while its papers per period grew, and "shrinking slower than the field" where it reads emerging
 * while they fell (trendClassSql). The windows' lengths in periods are the bound $before_periods and
 * $after_periods (windowParams); `papers` is the row's papers in the windows as `[before, after]` SQL;
 * where the trend is read over the categories held throughout, their papers are the ones compared
 * (trend-wording.ts readPapers).
 */
const readsAsColumn = (t: string, papers: [string, string]) => {
  const reading = trendReadingSql(t);
  const read = (all: string, covered: string) => `CASE WHEN ${coveredBasisSql(t)} AND ${covered} IS NOT NULL THEN ${covered} ELSE ${all} END`;
  const readPapers: [string, string] = [read(papers[0], `${t}.covered_papers_before`), read(papers[1], `${t}.covered_papers_after`)];
  return text('reads_as', trendClassSql(`(${reading})`, readPapers, ['$before_periods', '$after_periods']));
};
/** The trend over the categories the corpus holds throughout the windows (empty without coverage changes). */
const coveredColumns = (t: string) =>
  [value('covered_share', `${t}.covered_share`), text('covered_direction', `${t}.covered_direction`), value('covered_z', `${t}.covered_z`)];

/**
 * The shares and papers a trend read within the categories held throughout compares (empty for runs
 * before them): at the end of the row, so the columns before keep their places.
 */
const coveredFigureColumns = (t: string) => [
  value('covered_share_before', `${t}.covered_share_before`), value('covered_share_after', `${t}.covered_share_after`),
  value('covered_papers_before', `${t}.covered_papers_before`), value('covered_papers_after', `${t}.covered_papers_after`)
];

/** The run's trend windows' lengths in periods (0 when it has no themes or no windows), for readsAsColumn. */
async function windowParams(run: RunRow): Promise<{ before_periods: number; after_periods: number }> {
  const [theme] = await query<{ window_granularity: Granularity | null; window_months: number }>(
    'SELECT window_granularity, window_months FROM themes WHERE run_id = $run ORDER BY theme_id LIMIT 1', { run: run.run_id });
  if (theme === undefined) return { before_periods: 0, after_periods: 0 };
  const windows = await loadTrendWindows(run, theme.window_granularity ?? 'month', theme.window_months);
  return { before_periods: windows.before.length, after_periods: windows.after.length };
}

/**
 * A theme's name in every export as every page shows it (quality/shown-label.ts): "Mixture: …" for a
 * theme marked as a mixture, so a CSV filtered or charted elsewhere keeps the warning (themes.csv
 * also has the mark itself, `mixture`).
 */
const SHOWN = shownLabelSql('t');

const THEME_COLUMNS = [
  value('theme_id', 't.theme_id'), text('label', SHOWN), value('size', 't.size'), value('share', 't.share'),
  // What the pages say of its trend first, before the share test's raw direction (a spreadsheet read `direction` first: it
  // disagreed with the dashboard for 27 of 40 themes of the 74.7k run, which weighs coverage and papers per period).
  text('keywords', `array_to_string(t.keywords, '; ')`), readsAsColumn('t', ['t.papers_before', 't.papers_after']),
  text('direction', 't.direction'), value('emerging_score', 't.emerging_score'),
  value('growth', 't.growth'), value('z_score', 't.z_score'),
  // The stored window_months counts periods of window_granularity (years in a year-dated run): the export
  // says months in window_months, and the periods in window_periods (at the end), so no column names a unit it does not hold.
  value('window_months', `t.window_months * CASE coalesce(t.window_granularity, 'month') ${Object.entries(MONTHS_PER)
    .map(([g, months]) => `WHEN '${g}' THEN ${months}`).join(' ')} END`),
  text('window_granularity', 't.window_granularity'),
  ...coveredColumns('t'),
  value('share_before', 't.share_before'), value('share_after', 't.share_after'), value('papers_before', 't.papers_before'),
  value('papers_after', 't.papers_after'), value('cohesion', 't.cohesion'), value('x', 't.x'), value('y', 't.y'),
  value('area_id', 't.area_id'), text('area_label', 'a.label'), value('separation', 't.separation'),
  value('coherence', 't.coherence'), value('mixture', 't.mixture'), value('reproducibility', 't.reproducibility'),
  // curation (dashboard edits): the label before the lead renamed, merged or split it; hidden; the note
  text('original_label', curated('original_label', 't')), value('hidden', `coalesce(${curated('hidden', 't')}, false)`), text('note', curated('note', 't')),
  value('window_periods', 't.window_months'), ...coveredFigureColumns('t')
];
const TREND_COLUMNS = [
  text('period', 'tp.period'), text('granularity', 'tp.granularity'), value('theme_id', 'tp.theme_id'), text('label', SHOWN),
  value('papers', 'tp.papers'), value('share', 'tp.share'), value('partial', 'tp.partial'), value('area_id', 't.area_id'),
  text('original_label', curated('original_label', 't'))
];
/**
 * What the paper columns read beside paper_themes, papers and themes: the theme's area (`pa`), the
 * paper's 2nd and 3rd closest themes (`r2`, `r3`), each a join (a subquery per column made four
 * joins of paper_theme_ranks: 2.5x the CPU of a million-paper export), and whether it was added
 * after clustering (`ap`, assigned_papers: no row for the run's own papers).
 */
const PAPER_JOINS = `LEFT JOIN areas pa ON pa.run_id = t.run_id AND pa.area_id = t.area_id
  LEFT JOIN paper_theme_ranks r2 ON r2.run_id = pt.run_id AND r2.paper_id = pt.paper_id AND r2.rank = 2
  LEFT JOIN paper_theme_ranks r3 ON r3.run_id = pt.run_id AND r3.paper_id = pt.paper_id AND r3.rank = 3
  LEFT JOIN assigned_papers ap ON ap.run_id = pt.run_id AND ap.paper_id = pt.paper_id`;
const PAPER_COLUMNS = [
  text('paper_id', 'p.paper_id'), text('title', 'p.title'), text('published', 'p.published'), text('date_precision', 'p.date_precision'), value('theme_id', 'pt.theme_id'),
  text('theme_label', SHOWN), value('similarity', 'pt.similarity'), text('url', 'p.url'),
  text('authors', `array_to_string(p.authors, '; ')`), text('categories', `array_to_string(p.categories, '; ')`),
  value('area_id', 't.area_id'),
  text('area_label', 'pa.label'),
  value('weak', 'pt.weak'), value('second_theme_id', 'r2.theme_id'), value('second_similarity', 'r2.similarity'),
  value('third_theme_id', 'r3.theme_id'), value('third_similarity', 'r3.similarity'),
  text('theme_original_label', curated('original_label', 't'))
];
/**
 * Last in every paper list, after its own columns (a reader that takes columns by position keeps
 * them): the DOI, and what the lists' badges say — the `npm run assign` batch that added the paper
 * after clustering (NULL for the run's own papers) and whether it is novel (true/false for an added
 * paper; NULL for the run's own, which are never scored so) — the venue (journal, proceedings or
 * conference, as the input gave it; a lead sorts a theme's papers by it) — then, last, the abstract, as stored
 * (the BibTeX and RIS files had it; a lead screening a theme in a spreadsheet needs it too).
 */
const PAPER_TAIL_COLUMNS = [text('doi', 'p.doi'), value('added_batch', 'ap.batch_id'), value('novel', 'ap.novel'), text('venue', 'p.venue'),
  text('abstract', 'p.abstract')];

const AREA_COLUMNS = [
  value('area_id', 'a.area_id'), text('label', 'a.label'), value('size', 'a.size'), value('share', 'a.share'),
  value('n_themes', 'a.n_themes'),
  text('themes', `(SELECT string_agg(${SHOWN}, '; ' ORDER BY t.size DESC, t.theme_id) FROM themes t
    WHERE t.run_id = a.run_id AND t.area_id = a.area_id)`),
  text('keywords', `array_to_string(a.keywords, '; ')`), readsAsColumn('a', areaPapersSql('a')), text('direction', 'a.direction'),
  value('emerging_score', 'a.emerging_score'), value('growth', 'a.growth'), value('z_score', 'a.z_score'), ...coveredColumns('a'),
  value('share_before', 'a.share_before'),
  value('share_after', 'a.share_after'), value('x', 'a.x'), value('y', 'a.y'), ...coveredFigureColumns('a')
];

const BURST_COLUMNS = [
  value('theme_id', 'b.theme_id'), text('theme_label', SHOWN), text('term', 'b.term'), text('granularity', 'b.granularity'),
  text('start_period', 'b.start_period'), text('end_period', 'b.end_period'), value('weight', 'b.weight'), value('papers', 'b.papers'),
  text('theme_original_label', curated('original_label', 't'))
];

/** Every burst of the run, strongest first (theme bursts have an empty term). */
function burstsQuery(runId: number): ExportQuery {
  return {
    columns: BURST_COLUMNS,
    from: `FROM bursts b JOIN themes t ON t.run_id = b.run_id AND t.theme_id = b.theme_id
      WHERE b.run_id = $run ORDER BY b.weight DESC, b.theme_id, b.term`,
    params: { run: runId },
    name: ['bursts']
  };
}

const LINEAGE_COLUMNS = [
  // A theme a lead merged away or split (curation/) keeps the label the run stored it under; a mixture is named
  // "Mixture: …" as on /runs/compare (the numbers audit: this export alone dropped the prefix).
  value('run_id', 'l.run_id'), value('theme_id', 'l.theme_id'), text('theme_label', `coalesce(${shownLabelSql('t')}, ${shownLabelSql('st')})`),
  value('prev_run_id', 'l.prev_run_id'), value('prev_theme_id', 'l.prev_theme_id'),
  text('prev_theme_label', `coalesce(${shownLabelSql('p')}, ${shownLabelSql('sp')})`), text('kind', 'l.kind'),
  value('shared_papers', 'l.shared_papers'), value('jaccard', 'l.jaccard'), value('centroid_cosine', 'l.centroid_cosine'),
  value('theme_papers', 'l.theme_papers'), value('prev_theme_papers', 'l.prev_theme_papers'),
  // At the end, so the columns before keep their places: the share of each theme the link carries (n / A, n / B),
  // whether a continued link's keywords changed, and the link in the dashboard's words (pipeline/lineage/wording.ts).
  value('prev_theme_share', 'l.shared_papers / nullif(l.prev_theme_papers, 0)'), value('theme_share', 'l.shared_papers / nullif(l.theme_papers, 0)'),
  value('keywords_changed', `coalesce(l.kind = 'continued' AND l.centroid_cosine < ${KEYWORDS_CHANGED_COSINE}, false)`),
  text('reads_as', linkKindSql('l'))
];

/** The run's links to the previous complete run (theme_lineage), with both themes' labels. */
function lineageQuery(runId: number): ExportQuery {
  return {
    columns: LINEAGE_COLUMNS,
    from: `FROM theme_lineage l LEFT JOIN themes t ON t.run_id = l.run_id AND t.theme_id = l.theme_id
      LEFT JOIN themes p ON p.run_id = l.prev_run_id AND p.theme_id = l.prev_theme_id
      LEFT JOIN src.main.themes st ON st.run_id = l.run_id AND st.theme_id = l.theme_id
      LEFT JOIN src.main.themes sp ON sp.run_id = l.prev_run_id AND sp.theme_id = l.prev_theme_id
      WHERE l.run_id = $run ORDER BY l.theme_id NULLS LAST, l.prev_theme_id`,
    params: { run: runId },
    name: ['theme-lineage']
  };
}

async function themesQuery(run: RunRow): Promise<ExportQuery> {
  return {
    columns: THEME_COLUMNS,
    from: `FROM themes t LEFT JOIN areas a ON a.run_id = t.run_id AND a.area_id = t.area_id
      WHERE t.run_id = $run ORDER BY t.theme_id`,
    params: { run: run.run_id, ...(await windowParams(run)) },
    name: ['themes']
  };
}

/** Areas with their themes' labels (largest first); an area's trend is the sum of its themes' rows in trends. */
async function areasQuery(run: RunRow): Promise<ExportQuery> {
  return { columns: AREA_COLUMNS, from: 'FROM areas a WHERE a.run_id = $run ORDER BY a.area_id', params: { run: run.run_id, ...(await windowParams(run)) },
    name: ['areas'] };
}

/** Long format, one row per theme and period; both measures, `measure` names what the user viewed. */
function trendsQuery(run: RunRow, search: URLSearchParams): ExportQuery {
  const runId = run.run_id;
  const granularity = readGranularity(search, run.default_granularity ?? 'month');
  const measure = readMeasure(search);
  return {
    columns: TREND_COLUMNS,
    from: `FROM theme_periods tp JOIN themes t ON t.run_id = tp.run_id AND t.theme_id = tp.theme_id
      WHERE tp.run_id = $run AND tp.granularity = $granularity
      ORDER BY tp.period, tp.theme_id`,
    params: { run: runId, granularity },
    name: ['trends', granularity, measure]
  };
}

/** The Papers page's filter and order, so the file lists what the page lists. */
async function papersQuery(runId: number, search: URLSearchParams): Promise<ExportQuery> {
  const filter = await readPaperFilter(search, runId);
  const { sql, params } = paperFilterSql(runId, filter, { more: PAPER_JOINS });
  const name = ['papers'];
  if (filter.theme !== null) name.push(`theme${filter.theme}`);
  if (filter.q !== null) name.push(slug(filter.q));
  if (filter.from !== null) name.push(`from-${filter.from}`);
  if (filter.to !== null) name.push(`to-${filter.to}`);
  if (filter.granularity !== null) name.push(`${filter.granularity}-dated`);
  if (filter.author !== null) name.push(slug(filter.author, 'author'));
  if (filter.category !== null) name.push(slug(filter.category, 'category'));
  // Without it the novel papers downloaded as …-papers.csv, the same name as every paper of the run.
  if (filter.added !== null) name.push(filter.added === 'novel' ? 'novel' : 'added');
  return { columns: [...PAPER_COLUMNS, ...PAPER_TAIL_COLUMNS], from: `${sql} ${paperOrderSql(filter)}`, params, name };
}

/**
 * A theme's papers, most typical first; with `q` (the theme page's search) only those matching it,
 * best match first and then most typical: the theme page's own filter and order (papers.ts
 * themeSearchFilter, themePaperOrderSql), so the file holds what the list counts.
 */
async function themePapersQuery(runId: number, search: URLSearchParams): Promise<ExportQuery> {
  const theme = (await readTheme(search, runId, true)) as number;
  const q = readQuery(search);
  const filter = await themeSearchFilter(runId, theme, q);
  const { sql, params } = paperFilterSql(runId, filter, { more: PAPER_JOINS });
  return {
    columns: [value('rank_in_theme', 'pt.rank_in_theme'), ...PAPER_COLUMNS, ...PAPER_TAIL_COLUMNS],
    from: `${sql} ${themePaperOrderSql(filter)}`,
    params,
    name: [`theme${theme}`, 'papers', ...(q === null ? [] : [slug(q)])]
  };
}

/** A finite number parameter with |value| ≤ 1e6 (map coordinates lie in [-1, 1]); 400 otherwise. */
function readCoordinate(search: URLSearchParams, name: string): number {
  const raw = search.get(name);
  const x = raw === null || raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x)) error(400, `${name}: expected a map coordinate (a number)${raw === null ? ', required' : `, got "${raw.slice(0, 40)}"`}`);
  if (!(Math.abs(x) <= 1e6)) error(400, `${name}: expected a map coordinate between -1000000 and 1000000 (the map's lie in -1..1), got ${raw}`);
  return x;
}

/**
 * The papers inside a rectangle of the topic map (x0 ≤ x ≤ x1, y0 ≤ y ≤ y1 in paper_themes' layout
 * coordinates), within the optional date range the map shows and, with `q`, only those matching the
 * map's search (every word in the title or abstract, quoted phrases checked against the text: the
 * rule of /map/points/search, map.ts searchMapPapers, and of /papers), in map order.
 */
async function mapRegionQuery(runId: number, search: URLSearchParams): Promise<ExportQuery> {
  const [x0, x1, y0, y1] = ['x0', 'x1', 'y0', 'y1'].map((name) => readCoordinate(search, name));
  if (x0 > x1) error(400, 'x1: expected a coordinate at or above x0');
  if (y0 > y1) error(400, 'y1: expected a coordinate at or above y0');
  const { from, to } = readDateRange(search);
  const q = readQuery(search);
  const filter = { ...(await themeSearchFilter(runId, null, q)), from, to };
  const { sql, params } = paperFilterSql(runId, filter, { more: PAPER_JOINS });
  // The rectangle in the name, so two selections of one map download as two files (to 2 decimals of the map's -1..1).
  const at = (x: number) => (Math.round(x * 100) / 100).toFixed(2).replace('-', 'm');
  const name = ['map-region', `x${at(x0)}-${at(x1)}-y${at(y0)}-${at(y1)}`];
  if (q !== null) name.push(slug(q));
  if (from !== null) name.push(`from-${from}`);
  if (to !== null) name.push(`to-${to}`);
  return {
    columns: [...PAPER_COLUMNS, value('x', 'pt.x'), value('y', 'pt.y'), ...PAPER_TAIL_COLUMNS],
    from: `${sql} AND pt.x BETWEEN $x0 AND $x1 AND pt.y BETWEEN $y0 AND $y1 ORDER BY pt.theme_id, pt.rank_in_theme, pt.paper_id`,
    params: { ...params, x0, x1, y0, y1 },
    name
  };
}

/**
 * A filter's text as a filename word after what it filters (`q` the search, `author`, `category`):
 * ASCII letters and digits (accents dropped) joined by '-', ≤ 40 chars; text with none of them (a
 * name in Chinese characters) is the word "text".
 */
export function slug(text: string, what: 'q' | 'author' | 'category' = 'q'): string {
  // A search's excluded word or phrase reads "not-…" ("graph -video" → q-graph-not-video: it had read as a search for video).
  const marked = what === 'q' ? text.replace(/(^|\s)-(?=["\p{L}\p{N}])/gu, '$1 not ') : text;
  const words = marked.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${what}-${words.slice(0, 40).replace(/-+$/, '') || 'text'}`;
}

export async function exportQuery(dataset: ExportDataset, run: RunRow, search: URLSearchParams): Promise<ExportQuery> {
  switch (dataset) {
    case 'themes':
      return themesQuery(run);
    case 'trends':
      return trendsQuery(run, search);
    case 'papers':
      return papersQuery(run.run_id, search);
    case 'theme-papers':
      return themePapersQuery(run.run_id, search);
    case 'bursts':
      return burstsQuery(run.run_id);
    case 'areas':
      return areasQuery(run);
    case 'map-region':
      return mapRegionQuery(run.run_id, search);
    case 'theme-lineage':
      return lineageQuery(run.run_id);
  }
}

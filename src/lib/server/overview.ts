// Owns the Overview page's queries: area and theme summaries (size, trend and quality figures), periods
// per theme or area at a granularity, which view the URL asks for (areas, one area's themes, picked
// themes), emerging/fading selection, and k-selection evidence.
import { error } from '@sveltejs/kit';
import type { AreaRow } from '../../../pipeline/store/tables.js';
import type { Camel, Granularity, TableRow, ThemeRow } from '../../../pipeline/types.js';
import type { PeriodTotalInput, ThemePeriodInput } from '../charts/stack-layout.js';
import { query } from './db.js';
import { byStrength, classifyTrend, readFigures, type TrendClass, type TrendWindows } from '../trend-wording.js';

/** A theme's size and trend figures; `keywords` holds only the first few, best first. */
export type ThemeSummary = Camel<
  Pick<
    ThemeRow,
    | 'theme_id' | 'label' | 'size' | 'share' | 'direction' | 'emerging_score' | 'growth' | 'z_score' | 'window_months'
    | 'share_before' | 'share_after' | 'papers_before' | 'papers_after' | 'keywords' | 'window_granularity' | 'area_id' | 'cohesion'
    | 'separation' | 'coherence' | 'mixture' | 'reproducibility' | 'covered_share' | 'covered_direction' | 'covered_score' | 'covered_z'
    | 'covered_share_before' | 'covered_share_after' | 'covered_papers_before' | 'covered_papers_after'
  >
> & Pick<ReturnType<typeof readFigures>, 'basis' | 'shown' | 'all'>;

/** An area's figures; `keywords` holds only the first few, best first. */
export type AreaSummary = Camel<
  Pick<AreaRow, 'area_id' | 'label' | 'size' | 'share' | 'n_themes' | 'keywords' | 'direction' | 'growth' | 'share_before' | 'share_after'
    | 'covered_share' | 'covered_direction' | 'covered_papers_before' | 'covered_papers_after'>
> & {
  /** Its themes' papers in each trend window: every theme's, hidden ones too, as areas.csv's reads_as and areas.covered_papers_* count. */
  papersBefore: number;
  papersAfter: number;
};

/**
 * An areas row's (aliased `alias`) papers in each trend window, [before, after] SQL: its themes' (a
 * paper is in one theme, a theme in one area), hidden ones too. The Overview's area class and the
 * export's reads_as count them so.
 */
export function areaPapersSql(alias: string): [string, string] {
  const sum = (column: string) =>
    `coalesce((SELECT sum(x.${column}) FROM themes x WHERE x.run_id = ${alias}.run_id AND x.area_id = ${alias}.area_id), 0)::INTEGER`;
  return [sum('papers_before'), sum('papers_after')];
}

/**
 * What the chart stacks: every area (the default: each paper in one named band), one area's themes
 * (`?area=N`), or themes picked by hand (`?themes=…`, the rest as "Other themes"). A run written
 * before areas existed has none: its default is the largest themes.
 */
export type OverviewView = { kind: 'areas' } | { kind: 'area'; areaId: number } | { kind: 'themes'; explicit: boolean };

export interface PeriodSeries {
  totals: PeriodTotalInput[];
  rows: ThemePeriodInput[];
}

export type KSelectionRow = Pick<TableRow<'k_selection'>, 'k' | 'stability' | 'inertia' | 'chosen'>;

/** Themes shown when the URL picks none: the largest ones; the rest stack as "Other". */
export const DEFAULT_PICKED = 10;

/** All themes of the run but those a lead hid (curation/), largest first (ties by id, so the order is stable). */
export async function listThemeSummaries(runId: number): Promise<ThemeSummary[]> {
  // Each theme's figures as its trend is read (trend-wording.ts readFigures): over the categories held throughout where the corpus's coverage changed.
  return (await query<Omit<ThemeSummary, 'basis' | 'shown' | 'all'>>(
    `SELECT theme_id AS "themeId", label, size, share, direction, emerging_score AS "emergingScore", growth,
       z_score AS "zScore", window_months AS "windowMonths", share_before AS "shareBefore",
       share_after AS "shareAfter", papers_before AS "papersBefore", papers_after AS "papersAfter",
       keywords[1:5] AS keywords, window_granularity AS "windowGranularity", area_id AS "areaId", cohesion, separation, coherence, mixture,
       reproducibility, covered_share AS "coveredShare", covered_direction AS "coveredDirection", covered_score AS "coveredScore",
       covered_z AS "coveredZ", covered_share_before AS "coveredShareBefore", covered_share_after AS "coveredShareAfter",
       covered_papers_before AS "coveredPapersBefore", covered_papers_after AS "coveredPapersAfter"
     FROM themes WHERE run_id = $run
       -- hidden themes stay reachable (theme page, /curate) but leave the overview's charts and tables
       AND NOT EXISTS (SELECT 1 FROM theme_curation c WHERE c.run_id = themes.run_id AND c.theme_id = themes.theme_id AND c.hidden)
     ORDER BY size DESC, theme_id`,
    { run: runId }
  )).map(readFigures);
}

/** The run's themes as curated, and how many of them a lead hid (curation/): in all and per area. */
export interface HiddenCounts {
  /** Every curated theme, hidden ones included. */
  themes: number;
  hidden: number;
  /** Hidden themes and their papers per area id (areas without any are absent). */
  byArea: Record<number, { themes: number; papers: number }>;
}

/**
 * How many themes the run has and how many are hidden: the Overview lists only the shown ones, and
 * says how many it leaves out wherever it counts themes (an area's count and papers hold its hidden
 * themes too, as the areas chart and areas.csv do).
 */
export async function countHiddenThemes(runId: number): Promise<HiddenCounts> {
  const rows = await query<HiddenRow>(
    `SELECT t.area_id AS "areaId", count(*)::INTEGER AS themes, count(*) FILTER (WHERE coalesce(c.hidden, false))::INTEGER AS hidden,
       coalesce(sum(t.size) FILTER (WHERE coalesce(c.hidden, false)), 0)::INTEGER AS "hiddenPapers"
     FROM themes t LEFT JOIN theme_curation c ON c.run_id = t.run_id AND c.theme_id = t.theme_id
     WHERE t.run_id = $run GROUP BY t.area_id`,
    { run: runId }
  );
  return hiddenCounts(rows);
}

/** One area's themes, hidden ones and their papers (area null: themes of a run without areas). */
export interface HiddenRow {
  areaId: number | null;
  themes: number;
  hidden: number;
  hiddenPapers: number;
}

/** The totals and per-area hidden counts of per-area rows (countHiddenThemes). */
export function hiddenCounts(rows: HiddenRow[]): HiddenCounts {
  const byArea: HiddenCounts['byArea'] = {};
  for (const r of rows) if (r.areaId !== null && r.hidden > 0) byArea[r.areaId] = { themes: r.hidden, papers: r.hiddenPapers };
  return { themes: rows.reduce((n, r) => n + r.themes, 0), hidden: rows.reduce((n, r) => n + r.hidden, 0), byArea };
}

/**
 * All areas of the run, largest first: area 0 is the largest as the run made them, but an assign batch
 * changes sizes (the numbers audit: 19,270 papers in area 0, 19,799 in area 1). Empty for runs made before areas.
 */
export async function listAreaSummaries(runId: number): Promise<AreaSummary[]> {
  return query<AreaSummary>(
    `SELECT area_id AS "areaId", label, size, share, n_themes AS "nThemes", keywords[1:5] AS keywords, direction, growth,
       share_before AS "shareBefore", share_after AS "shareAfter", covered_share AS "coveredShare", covered_direction AS "coveredDirection",
       covered_papers_before AS "coveredPapersBefore", covered_papers_after AS "coveredPapersAfter",
       ${areaPapersSql('a')[0]} AS "papersBefore", ${areaPapersSql('a')[1]} AS "papersAfter"
     FROM areas a WHERE run_id = $run
     ORDER BY size DESC, area_id`,
    { run: runId }
  );
}

/**
 * The view the URL asks for. `area` must be an area id of the run (malformed → 400, unknown → 404);
 * `area` and `themes` together are refused (400). No parameter: areas, or themes if the run has none.
 */
export function readOverviewView(params: URLSearchParams, areas: AreaSummary[]): OverviewView {
  const area = params.get('area');
  const themes = params.getAll('themes').some((v) => v.trim() !== '');
  if (area !== null && area !== '') {
    if (themes) error(400, 'area: give either area or themes, not both');
    if (!/^\d{1,7}$/.test(area)) error(400, `area: expected an area id (an integer ≥ 0), got “${area.slice(0, 40)}”`);
    const id = Number(area);
    if (!areas.some((a) => a.areaId === id)) error(404, `No area ${id} in this run`);
    return { kind: 'area', areaId: id };
  }
  if (themes || areas.length === 0) return { kind: 'themes', explicit: themes };
  return { kind: 'areas' };
}

/**
 * Papers and share per area and period: the sums of its themes' theme_periods rows (a paper is in
 * one theme, so in one area; shares add up because each is over the same period total). Returned
 * as ThemePeriodInput rows whose `themeId` is the area id, for the same stack layout.
 */
export async function loadAreaPeriodRows(runId: number, granularity: Granularity): Promise<ThemePeriodInput[]> {
  return query<ThemePeriodInput>(
    `SELECT t.area_id AS "themeId", tp.period::VARCHAR AS period, sum(tp.papers)::INTEGER AS papers, sum(tp.share) AS share
     FROM theme_periods tp JOIN themes t ON t.run_id = tp.run_id AND t.theme_id = tp.theme_id
     WHERE tp.run_id = $run AND tp.granularity = $granularity AND t.area_id IS NOT NULL
     GROUP BY t.area_id, tp.period
     ORDER BY tp.period, t.area_id`,
    { run: runId, granularity }
  );
}

/**
 * The themes to stack, from `themes` (repeated and/or comma-separated ids). Malformed → 400,
 * an id not in the run → 404; none given → the DEFAULT_PICKED largest. Returned largest first.
 */
export function readPickedThemes(params: URLSearchParams, themes: ThemeSummary[], goneNote: (id: number) => string = () => ''): number[] {
  const raw = params
    .getAll('themes')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (raw.length === 0) return themes.slice(0, DEFAULT_PICKED).map((t) => t.themeId);
  const known = new Set(themes.map((t) => t.themeId));
  const ids = new Set<number>();
  for (const v of raw) {
    if (!/^\d{1,7}$/.test(v)) error(400, `themes: expected theme ids (integers ≥ 0), got “${v.slice(0, 40)}”`);
    const id = Number(v);
    if (!known.has(id)) error(404, `No theme ${id} in this run${goneNote(id)}`);
    ids.add(id);
  }
  return themes.filter((t) => ids.has(t.themeId)).map((t) => t.themeId);
}

/** Every period of the granularity (from period_totals, so empty periods still appear) and the theme rows. */
export async function loadPeriodSeries(runId: number, granularity: Granularity): Promise<PeriodSeries> {
  const [totals, rows] = await Promise.all([
    query<PeriodTotalInput>(
      `SELECT period::VARCHAR AS period, papers, partial FROM period_totals
       WHERE run_id = $run AND granularity = $granularity
       ORDER BY period`,
      { run: runId, granularity }
    ),
    query<ThemePeriodInput>(
      `SELECT theme_id AS "themeId", period::VARCHAR AS period, papers, share FROM theme_periods
       WHERE run_id = $run AND granularity = $granularity
       ORDER BY period, theme_id`,
      { run: runId, granularity }
    )
  ]);
  return { totals, rows };
}

/** Per theme id, its share in each period of `series` (0 where the theme has no row). */
export function sharesByTheme(series: PeriodSeries, themeIds: number[]): Record<number, number[]> {
  const index = new Map(series.totals.map((t, i) => [t.period, i]));
  const out: Record<number, number[]> = {};
  for (const id of themeIds) out[id] = new Array<number>(series.totals.length).fill(0);
  for (const row of series.rows) {
    const i = index.get(row.period);
    if (i !== undefined && out[row.themeId]) out[row.themeId][i] = row.share;
  }
  return out;
}

/**
 * The themes of each class but steady (trend-wording.ts): emerging (share rising, output not falling),
 * shrinking slower than the field (share rising, output falling), fading (share and output falling)
 * and growing slower than the field (share falling, output growing), and those that move only with
 * the corpus's coverage; every list strongest supported change first. A card shows the first MOVERS
 * and the rest on request.
 */
export function pickMovers(themes: ThemeSummary[], windows: TrendWindows): Record<Exclude<TrendClass, 'steady'>, ThemeSummary[]> {
  const of = (c: TrendClass) => themes.filter((t) => classifyTrend(t, windows) === c).sort(byStrength);
  return { emerging: of('emerging'), holding: of('holding'), fading: of('fading'), slower: of('slower'), coverage: of('coverage') };
}

/** How many themes fall in each class (the overview states the counts next to the lists). */
export function countClasses(themes: ThemeSummary[], windows: TrendWindows): Record<TrendClass, number> {
  const counts: Record<TrendClass, number> = { emerging: 0, holding: 0, fading: 0, slower: 0, steady: 0, coverage: 0 };
  for (const t of themes) counts[classifyTrend(t, windows)]++;
  return counts;
}

export async function loadKSelection(runId: number): Promise<KSelectionRow[]> {
  return query<KSelectionRow>(`SELECT k, stability, inertia, chosen FROM k_selection WHERE run_id = $run ORDER BY k`, {
    run: runId
  });
}

/** A category the corpus holds only part of the trend windows (coverage_changes), its absent spans joined. */
export interface CoverageChangeRow {
  category: string;
  granularity: Granularity;
  /** Each near-absent span and its papers there (null in rows written before they were counted). */
  absent: { from: string; to: string; observed: number | null }[];
  expected: number;
  papers: number;
}

/** The run's coverage changes, most papers first; empty for a run without any (or made before they were recorded). */
export async function loadCoverageChanges(runId: number): Promise<CoverageChangeRow[]> {
  const rows = await query<{ category: string; granularity: Granularity; from: string; to: string; observed: number | null; expected: number; papers: number }>(
    `SELECT category, granularity, absent_from::VARCHAR AS "from", absent_to::VARCHAR AS "to", observed, expected, papers
     FROM coverage_changes WHERE run_id = $run ORDER BY papers DESC, category, absent_from`, { run: runId });
  const byCategory = new Map<string, CoverageChangeRow>();
  for (const r of rows) {
    const c = byCategory.get(r.category) ?? { category: r.category, granularity: r.granularity, absent: [], expected: r.expected, papers: r.papers };
    c.absent.push({ from: r.from, to: r.to, observed: r.observed });
    byCategory.set(r.category, c);
  }
  return [...byCategory.values()];
}

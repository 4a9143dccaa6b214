// Owns the Overview page's queries: theme summaries (size and trend figures), periods per theme at
// a granularity, the theme picker's validation, emerging/fading selection, and k-selection evidence.
import { error } from '@sveltejs/kit';
import type { Camel, Granularity, TableRow, ThemeRow } from '../../../pipeline/types.js';
import type { PeriodTotalInput, ThemePeriodInput } from '../charts/stack-layout.js';
import { query } from './db.js';

/** A theme's size and trend figures; `keywords` holds only the first few, best first. */
export type ThemeSummary = Camel<
  Pick<
    ThemeRow,
    | 'theme_id' | 'label' | 'size' | 'share' | 'direction' | 'emerging_score' | 'growth' | 'z_score' | 'window_months'
    | 'share_before' | 'share_after' | 'papers_before' | 'papers_after' | 'keywords' | 'window_granularity'
  >
>;

export interface PeriodSeries {
  totals: PeriodTotalInput[];
  rows: ThemePeriodInput[];
}

export type KSelectionRow = Pick<TableRow<'k_selection'>, 'k' | 'stability' | 'inertia' | 'chosen'>;

/** Themes shown when the URL picks none: the largest ones; the rest stack as "Other". */
export const DEFAULT_PICKED = 10;
export const MOVERS = 5;

/** All themes of the run, largest first (ties by id, so the order is stable). */
export async function listThemeSummaries(runId: number): Promise<ThemeSummary[]> {
  return query<ThemeSummary>(
    `SELECT theme_id AS "themeId", label, size, share, direction, emerging_score AS "emergingScore", growth,
       z_score AS "zScore", window_months AS "windowMonths", share_before AS "shareBefore",
       share_after AS "shareAfter", papers_before AS "papersBefore", papers_after AS "papersAfter",
       keywords[1:5] AS keywords, window_granularity AS "windowGranularity"
     FROM themes WHERE run_id = $run
     ORDER BY size DESC, theme_id`,
    { run: runId }
  );
}

/**
 * The themes to stack, from `themes` (repeated and/or comma-separated ids). Malformed → 400,
 * an id not in the run → 404; none given → the DEFAULT_PICKED largest. Returned largest first.
 */
export function readPickedThemes(params: URLSearchParams, themes: ThemeSummary[]): number[] {
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
    if (!known.has(id)) error(404, `No theme ${id} in this run`);
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

/** Top MOVERS emerging (highest score first) and fading (lowest first), as the trends stage classed them. */
export function pickMovers(themes: ThemeSummary[]): { emerging: ThemeSummary[]; fading: ThemeSummary[] } {
  const emerging = themes
    .filter((t) => t.direction === 'emerging')
    .sort((a, b) => b.emergingScore - a.emergingScore || a.themeId - b.themeId);
  const fading = themes
    .filter((t) => t.direction === 'fading')
    .sort((a, b) => a.emergingScore - b.emergingScore || a.themeId - b.themeId);
  return { emerging: emerging.slice(0, MOVERS), fading: fading.slice(0, MOVERS) };
}

export async function loadKSelection(runId: number): Promise<KSelectionRow[]> {
  return query<KSelectionRow>(`SELECT k, stability, inertia, chosen FROM k_selection WHERE run_id = $run ORDER BY k`, {
    run: runId
  });
}

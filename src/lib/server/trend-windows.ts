// Owns loading the trend windows of a run (trend-wording.ts describeWindows over its period totals at
// the trend granularity), for pages that do not load every period total anyway (the theme page).
import type { DatePrecision, Granularity, RunRow } from '../../../pipeline/types.js';
import { formatDate } from '../charts/periods.js';
import { describeWindows, type TrendWindows } from '../trend-wording.js';
import { query } from './db.js';

export async function loadTrendWindows(run: Pick<RunRow, 'run_id'>, granularity: Granularity, window: number): Promise<TrendWindows> {
  const [totals, span] = await Promise.all([query<{ period: string; papers: number; partial: boolean }>(
    `SELECT period::VARCHAR AS period, papers, partial FROM period_totals
     WHERE run_id = $run AND granularity = $granularity
     ORDER BY period`,
    { run: run.run_id, granularity }
  ), loadDatedSpan(run.run_id, granularity)]);
  return describeWindows(totals, granularity, window, span);
}

export interface DatedSpan {
  /** The earliest and latest date of the papers counted in the periods (a partial period's covered part is read from them). */
  min: string | null;
  max: string | null;
  /** Dated papers in no period: the stragglers the trends stage left out, far apart from the rest (pipeline/trends/periods.ts). */
  outside: { papers: number; from: string; to: string } | null;
}

/**
 * The dates of the run's papers (of theme `themeId` when given) that count at `granularity` (year-only
 * dates count at year only), split into those in the run's periods and those in none.
 */
export async function loadDatedSpan(runId: number, granularity: Granularity, themeId: number | null = null): Promise<DatedSpan> {
  const [row] = await query<{ papers: number; from: string | null; fromPrecision: DatePrecision | null; to: string | null; toPrecision: DatePrecision | null;
    min: string | null; max: string | null }>(
    `WITH span AS (SELECT min(period) AS first, max(period) AS last FROM period_totals WHERE run_id = $run AND granularity = $granularity),
     dated AS (
       SELECT p.published, p.date_precision AS precision, date_trunc($granularity, p.published)::DATE NOT BETWEEN span.first AND span.last AS outside
       FROM paper_themes pt JOIN papers p ON p.paper_id = pt.paper_id CROSS JOIN span
       WHERE pt.run_id = $run AND ($theme::INTEGER IS NULL OR pt.theme_id = $theme::INTEGER) AND p.published IS NOT NULL
         AND ($granularity = 'year' OR p.date_precision <> 'year'))
     SELECT count(*) FILTER (WHERE outside)::INTEGER AS papers,
       min(published) FILTER (WHERE outside)::VARCHAR AS "from", arg_min(precision, published) FILTER (WHERE outside) AS "fromPrecision",
       max(published) FILTER (WHERE outside)::VARCHAR AS "to", arg_max(precision, published) FILTER (WHERE outside) AS "toPrecision",
       min(published) FILTER (WHERE NOT outside)::VARCHAR AS min, max(published) FILTER (WHERE NOT outside)::VARCHAR AS max
     FROM dated`,
    { run: runId, granularity, theme: themeId });
  // Each end as precise as its paper's date is (a year-only date as its year).
  return { min: row.min, max: row.max, outside: row.papers === 0 ? null
    : { papers: row.papers, from: formatDate(row.from!, row.fromPrecision), to: formatDate(row.to!, row.toPrecision) } };
}

/**
 * The granularities whose stored periods are all partial (16 months by year), which the charts' period
 * choice leaves out (periods.ts offeredGranularities); one the run stored no totals for is not among them.
 */
export async function partialOnlyGranularities(runId: number): Promise<Granularity[]> {
  const rows = await query<{ granularity: Granularity }>(`SELECT granularity FROM period_totals WHERE run_id = $run
    GROUP BY granularity HAVING bool_and(coalesce(partial, false)) ORDER BY granularity`, { run: runId });
  return rows.map((r) => r.granularity);
}

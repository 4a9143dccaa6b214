// Owns loading the trend windows of a run (trend-wording.ts describeWindows over its period totals at
// the trend granularity), for pages that do not load every period total anyway (the theme page).
import type { Granularity, RunRow } from '../../../pipeline/types.js';
import { describeWindows, type TrendWindows } from '../trend-wording.js';
import { query } from './db.js';

export async function loadTrendWindows(run: Pick<RunRow, 'run_id' | 'date_min' | 'date_max'>, granularity: Granularity,
  window: number): Promise<TrendWindows> {
  const totals = await query<{ period: string; papers: number; partial: boolean }>(
    `SELECT period::VARCHAR AS period, papers, partial FROM period_totals
     WHERE run_id = $run AND granularity = $granularity
     ORDER BY period`,
    { run: run.run_id, granularity }
  );
  return describeWindows(totals, granularity, window, { min: run.date_min, max: run.date_max });
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

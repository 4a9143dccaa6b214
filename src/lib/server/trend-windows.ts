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

/** The granularities in which the run has at least one complete (not partial) period, the charts' period choice (periods.ts offeredGranularities). */
export async function completeGranularities(runId: number): Promise<Granularity[]> {
  const rows = await query<{ granularity: Granularity }>(`SELECT DISTINCT granularity FROM period_totals
    WHERE run_id = $run AND NOT coalesce(partial, false) ORDER BY granularity`, { run: runId });
  return rows.map((r) => r.granularity);
}

// Owns the bursts the dashboard lists (table `bursts`, pipeline/trends/bursts.ts): a theme's own
// bursts and its bursting phrases on its page, and the strongest bursts still running at the end of
// the data on the overview, each with its theme's label and quality facts (the mixture mark).
import type { Camel, TableRow } from '../../../pipeline/types.js';
import { query } from './db.js';

export type BurstItem = Camel<Pick<TableRow<'bursts'>, 'theme_id' | 'term' | 'granularity' | 'start_period' | 'end_period' | 'weight' | 'papers'>> & {
  label: string;
  /** The theme's quality facts, so a list names a mixture theme as one (theme-label.ts). */
  mixture: boolean | null;
  cohesion: number | null;
  coherence: number | null;
  /** The burst runs at the last complete period of its granularity (it may go on into a partial one after it). */
  ongoing: boolean;
};

const COLUMNS = `b.theme_id AS "themeId", b.term, b.granularity, b.start_period::VARCHAR AS "startPeriod",
  b.end_period::VARCHAR AS "endPeriod", b.weight, b.papers, t.label, t.mixture, t.cohesion, t.coherence,
  -- ongoing: it runs at the last complete period of its granularity (not ended before it, nor started
  -- only in a partial period after it)
  (SELECT max(pt.period) FROM period_totals pt WHERE pt.run_id = b.run_id AND pt.granularity = b.granularity AND NOT pt.partial)
    BETWEEN b.start_period AND b.end_period AS ongoing`;

/** The theme's bursts, its own first, then its phrases by weight. */
export function loadThemeBursts(runId: number, themeId: number): Promise<BurstItem[]> {
  return query<BurstItem>(
    `SELECT ${COLUMNS} FROM bursts b JOIN themes t ON t.run_id = b.run_id AND t.theme_id = b.theme_id
     WHERE b.run_id = $run AND b.theme_id = $theme
     ORDER BY b.term IS NOT NULL, b.weight DESC, b.start_period`,
    { run: runId, theme: themeId }
  );
}

/**
 * The strongest bursts (themes and phrases) still running at the end of the data, for the Overview:
 * a theme a lead hid (curation/) leaves them, as it leaves the Overview's charts, movers and table.
 */
export async function loadOngoingBursts(runId: number, limit = Infinity): Promise<BurstItem[]> {
  const rows = await query<BurstItem>(
    `SELECT ${COLUMNS} FROM bursts b JOIN themes t ON t.run_id = b.run_id AND t.theme_id = b.theme_id
     WHERE b.run_id = $run
       AND NOT EXISTS (SELECT 1 FROM theme_curation c WHERE c.run_id = t.run_id AND c.theme_id = t.theme_id AND c.hidden)
     ORDER BY b.weight DESC, b.theme_id, b.term`,
    { run: runId }
  );
  return rows.filter((b) => b.ongoing).slice(0, limit);
}

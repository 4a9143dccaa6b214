// Owns what the dashboard shows of papers added to a run after clustering (npm run assign): the
// assignment batches and the novel papers (those that fit no theme well), per run.
import type { TableRow } from '../../../pipeline/types.js';
import { query } from './db.js';

export type BatchRow = Pick<TableRow<'assign_batches'>, 'batch_id' | 'added' | 'skipped' | 'duplicates' | 'already_in_run' | 'novel' | 'input_sha256' | 'finished_at'>;

export interface NovelPaper {
  paperId: string;
  title: string;
  published: string | null;
  themeId: number;
  themeLabel: string;
  /** Cosine to its nearest theme's centre (below the run's novel threshold). */
  similarity: number;
}

export interface AddedPapers {
  batches: BatchRow[];
  /** run_models.novel_threshold. */
  novelThreshold: number | null;
  novelTotal: number;
  /** The novel papers that fit least first, at most NOVEL_LISTED. */
  novel: NovelPaper[];
}

export const NOVEL_LISTED = 20;

/** Batches and novel papers of every run that has any, by run id. */
export async function listAddedPapers(): Promise<Record<number, AddedPapers>> {
  const batches = await query<BatchRow & { run_id: number; novel_threshold: number | null }>(
    `SELECT b.run_id, b.batch_id, b.added, b.skipped, b.duplicates, b.already_in_run, b.novel, b.input_sha256,
       strftime(b.finished_at, '%Y-%m-%d %H:%M:%S') AS finished_at, m.novel_threshold
     FROM assign_batches b LEFT JOIN run_models m USING (run_id) ORDER BY b.run_id, b.batch_id`, {});
  // The least fitting novel papers of each run (row_number per run keeps NOVEL_LISTED of each).
  const novel = await query<{ run_id: number; paperId: string; title: string; published: string | null; themeId: number; themeLabel: string; similarity: number }>(
    `SELECT * EXCLUDE (r) FROM (
       SELECT ap.run_id, ap.paper_id AS "paperId", p.title, p.published::VARCHAR AS published, pt.theme_id AS "themeId",
         t.label AS "themeLabel", pt.similarity, row_number() OVER (PARTITION BY ap.run_id ORDER BY pt.similarity, ap.paper_id) AS r
       FROM assigned_papers ap
       JOIN paper_themes pt ON pt.run_id = ap.run_id AND pt.paper_id = ap.paper_id
       JOIN papers p ON p.paper_id = ap.paper_id
       JOIN themes t ON t.run_id = pt.run_id AND t.theme_id = pt.theme_id
       WHERE ap.novel)
     WHERE r <= $limit ORDER BY run_id, similarity, "paperId"`, { limit: NOVEL_LISTED });
  const out: Record<number, AddedPapers> = {};
  for (const { run_id, novel_threshold, ...b } of batches) {
    out[run_id] ??= { batches: [], novelThreshold: novel_threshold, novelTotal: 0, novel: [] };
    out[run_id].batches.push(b);
    out[run_id].novelTotal += b.novel;
  }
  for (const { run_id, ...p } of novel) out[run_id]?.novel.push(p);
  return out;
}

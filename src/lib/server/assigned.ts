// Owns what the dashboard shows of papers added to a run after clustering (npm run assign): the
// assignment batches and the novel papers (those that fit no theme well), per run.
import { shownLabelSql } from '../theme-label.js';
import type { DatePrecision, Granularity, TableRow } from '../../../pipeline/types.js';
import { dateWindowClauses } from './date-window.js';
import { hasColumn, query, type Params } from './db.js';
import { parseJson, parseWarnings } from './runs.js';
import { readableTex } from '../tex-display.js';

export type BatchRow = Pick<TableRow<'assign_batches'>, 'batch_id' | 'added' | 'skipped' | 'duplicates' | 'already_in_run' | 'novel' | 'input_sha256' | 'finished_at'> & {
  /** The batch's own warnings (assign_batches.warnings: its input's), one line each; none for batches stored before they were kept. */
  warnings: string[];
};

export interface NovelPaper {
  paperId: string;
  title: string;
  published: string | null;
  /** How much of `published` the record gave (a year-only date is shown as its year). */
  datePrecision: DatePrecision | null;
  themeId: number;
  themeLabel: string;
  /** Cosine to its nearest theme's centre (below the run's novel threshold). */
  similarity: number;
}

/** A record a batch skipped (skipped_records with its batch_id). */
export type BatchSkipped = Pick<TableRow<'skipped_records'>, 'file' | 'line' | 'field' | 'reason'> & { batchId: number };

export interface AddedPapers {
  batches: BatchRow[];
  /** The first SKIPPED_LISTED records each batch skipped, by batch, file and line (none for batches stored before they were kept). */
  skipped: BatchSkipped[];
  /** run_models.novel_threshold. */
  novelThreshold: number | null;
  novelTotal: number;
  /** The novel papers that fit least first, at most NOVEL_LISTED. */
  novel: NovelPaper[];
}

export const NOVEL_LISTED = 20;
export const SKIPPED_LISTED = 10;

/** Batches and novel papers of every run that has any, by run id. */
export async function listAddedPapers(): Promise<Record<number, AddedPapers>> {
  const batches = await query<Omit<BatchRow, 'warnings'> & { run_id: number; novel_threshold: number | null; warnings: string | null }>(
    `SELECT b.run_id, b.batch_id, b.added, b.skipped, b.duplicates, b.already_in_run, b.novel, b.input_sha256,
       strftime(b.finished_at, '%Y-%m-%d %H:%M:%S') AS finished_at, m.novel_threshold, ${(await hasColumn('assign_batches', 'warnings')) ? 'b.warnings::VARCHAR' : 'NULL'} AS warnings
     FROM assign_batches b LEFT JOIN run_models m USING (run_id) ORDER BY b.run_id, b.batch_id`, {});
  // The least fitting novel papers of each run (row_number per run keeps NOVEL_LISTED of each).
  const novel = await query<{ run_id: number; paperId: string; title: string; published: string | null; datePrecision: DatePrecision | null;
    themeId: number; themeLabel: string; similarity: number }>(
    `SELECT * EXCLUDE (r) FROM (
       SELECT ap.run_id, ap.paper_id AS "paperId", p.title, p.published::VARCHAR AS published, p.date_precision AS "datePrecision", pt.theme_id AS "themeId",
         ${shownLabelSql('t')} AS "themeLabel", pt.similarity, row_number() OVER (PARTITION BY ap.run_id ORDER BY pt.similarity, ap.paper_id) AS r
       FROM assigned_papers ap
       JOIN paper_themes pt ON pt.run_id = ap.run_id AND pt.paper_id = ap.paper_id
       JOIN papers p ON p.paper_id = ap.paper_id
       JOIN themes t ON t.run_id = pt.run_id AND t.theme_id = pt.theme_id
       WHERE ap.novel)
     WHERE r <= $limit ORDER BY run_id, similarity, "paperId"`, { limit: NOVEL_LISTED });
  const skipped = await query<BatchSkipped & { run_id: number }>(
    `SELECT run_id, batch_id AS "batchId", file, line, field, reason FROM skipped_records WHERE batch_id IS NOT NULL
     QUALIFY row_number() OVER (PARTITION BY run_id, batch_id ORDER BY file, line, field) <= $n
     ORDER BY run_id, batch_id, file, line, field`, { n: SKIPPED_LISTED });
  const out: Record<number, AddedPapers> = {};
  for (const { run_id, novel_threshold, warnings, ...b } of batches) {
    out[run_id] ??= { batches: [], skipped: [], novelThreshold: novel_threshold, novelTotal: 0, novel: [] };
    out[run_id].batches.push({ ...b, warnings: parseWarnings(warnings === null ? null : parseJson(warnings)).map((w) => w.message) });
    out[run_id].novelTotal += b.novel;
  }
  for (const { run_id, ...p } of novel) out[run_id]?.novel.push({ ...p, title: readableTex(p.title) });
  for (const { run_id, ...s } of skipped) out[run_id]?.skipped.push(s);
  return out;
}

export interface AddedInWindow {
  /** Papers of the run dated in the window, and those of them added after clustering, and novel. */
  papers: number;
  added: number;
  novel: number;
  /** Per theme id, its novel papers in the window (themes without any are absent). */
  novelByTheme: Record<number, number>;
}

/**
 * How much of a trend window [from, to] (ISO days, both included) is papers added after clustering:
 * the trends count them in the themes made without them, novel ones (that fit no theme well) in their
 * nearest theme. Only papers dated finely enough for the window's granularity count, as in the trends
 * stage (a year-only date is no month's). `themeId`: that theme's papers only.
 */
export async function countAddedInWindow(runId: number, from: string, to: string, granularity: Granularity, themeId: number | null = null): Promise<AddedInWindow> {
  const params: Params = { run: runId, theme: themeId };
  // The window's papers by the Papers list's own rule (its link from the note, afterWindowQuery, lists these):
  // in the range, and dated at least as precisely as the window's unit.
  const inWindow = dateWindowClauses({ from, to, granularity }, params);
  const rows = await query<{ theme_id: number; papers: number; added: number; novel: number }>(
    `SELECT pt.theme_id, count(*)::INTEGER AS papers, count(ap.paper_id)::INTEGER AS added,
       count(*) FILTER (WHERE ap.novel)::INTEGER AS novel
     FROM paper_themes pt
     JOIN papers p ON p.paper_id = pt.paper_id
     LEFT JOIN assigned_papers ap ON ap.run_id = pt.run_id AND ap.paper_id = pt.paper_id
     WHERE pt.run_id = $run
       AND ($theme::INTEGER IS NULL OR pt.theme_id = $theme::INTEGER)
       AND ${inWindow.join(' AND ')}
     GROUP BY pt.theme_id`,
    params);
  const out: AddedInWindow = { papers: 0, added: 0, novel: 0, novelByTheme: {} };
  for (const r of rows) {
    out.papers += r.papers;
    out.added += r.added;
    out.novel += r.novel;
    if (r.novel > 0) out.novelByTheme[r.theme_id] = r.novel;
  }
  return out;
}

/**
 * The first period (ISO start, at `granularity`) from which papers added after clustering are at
 * least half of every period's dated papers, or null: a burst starting there may be the added papers'
 * (new topics counted in their nearest theme) rather than the field's. Dates coarser than the
 * granularity are in no period of it.
 */
export async function addedMajorityFrom(runId: number, granularity: Granularity): Promise<string | null> {
  const params: Params = { run: runId, g: granularity };
  const counted = dateWindowClauses({ from: null, to: null, granularity }, params);
  const rows = await query<{ period: string; papers: number; added: number }>(
    `SELECT strftime(date_trunc($g, p.published), '%Y-%m-%d') AS period, count(*)::INTEGER AS papers, count(ap.paper_id)::INTEGER AS added
     FROM paper_themes pt
     JOIN papers p ON p.paper_id = pt.paper_id
     LEFT JOIN assigned_papers ap ON ap.run_id = pt.run_id AND ap.paper_id = pt.paper_id
     WHERE pt.run_id = $run AND p.published IS NOT NULL AND ${counted.join(' AND ')}
     GROUP BY 1 ORDER BY 1`, params);
  let from: string | null = null;
  for (const r of rows) {
    if (2 * r.added >= r.papers && r.added > 0) from ??= r.period;
    else from = null;
  }
  return from;
}

// Owns writing one assignment batch into the run's tables (inside the copy that store/copy-update.ts
// renames into place): the added papers' rows appended, the run-wide figures they change (ranks in
// theme, theme and area sizes and trends, periods, bursts, search df, the runs row and its coverage
// warning) replaced.
// Four transactions (BatchWrites), each checkpointed once as it commits, the first three on
// DuckDB's thread while this thread computes the batch: the papers (whose last row group DuckDB
// rewrites whole) while the texts are read; the TF-IDF rows and search index (paper_vectors' one
// row group, every stored vector, is rewritten by that checkpoint) while the trends are computed
// (the map positions are found on a worker meanwhile, place-threads.ts); similar papers and the
// per-paper rows once those are known; then the trends. Later ones reuse the blocks the earlier
// ones freed (one checkpoint for all left the file ~40 MB larger).
// The per-paper numbers go to temp tables as typed columns and into the run's tables by
// INSERT … SELECT joined with the new papers' ids (NEW_PAPERS), which cross into DuckDB once.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { appendChunks, appendRows, appendTable, toJsonText } from '../store/append.js';
import { coveredColumns, paperColumns } from '../store/table-rows.js';
import { ASSIGN_BATCHES, BURSTS, COVERAGE_CHANGES, SKIPPED_RECORDS, PAPER_VECTORS, PAPERS, PERIOD_TOTALS, SEARCH_POSTINGS, SIMILAR_PAPERS, THEME_PERIODS } from '../store/tables.js';
import type { CsrMatrix, IngestIssue, Paper, ThemeTrend } from '../types.js';
import { inlineIntegers, queryRows, tempTable } from './columns.js';
import { BLOCK_ROWS, packBlock } from './model.js';
import { TOP_THEMES, type ThemeFit } from './nearest-themes.js';
import type { SimilarRows } from './place.js';
import type { Retrended } from './retrend.js';
import { replaceRecomputedWarnings, type RunWarning } from '../warnings.js';
import { SEARCH_IDS, SEARCH_KEYS, type SearchAddition } from './search-merge.js';

/** Temp table of the added papers: j (0.., their order in the batch) and paper_id (index.ts makes it). */
export const NEW_PAPERS = 'assign_new';

/** The added papers' themes as fit found them (BatchWrites.rowsAndSearch). */
export interface Fitted {
  batchId: number;
  fit: ThemeFit;
  /** Rank in theme of every paper row (clustered and added). */
  ranks: Int32Array;
  /** Rows of the run whose rank changed. */
  changedRanks: Int32Array;
}

/** What the last transaction writes: the run-wide trends and the batch's own row. */
export interface BatchEnd {
  batchId: number;
  added: number;
  novel: number;
  trends: Retrended;
  /** The run's warnings as it now is (warnings.ts RECOMPUTED_WARNINGS: coverage, k, theme sizes): they replace the run's (runs.metrics.warnings). */
  runWarnings: RunWarning[];
  /** runs.metrics.warnings as stored before the batch (the JSON value; anything but an array counts as none). */
  storedWarnings: unknown;
  /** The batch's own warnings (its input's): stored with it (assign_batches.warnings). */
  warnings: RunWarning[];
  info: { inputSha256: string; inputFiles: unknown; skipped: IngestIssue[]; duplicates: number; alreadyInRun: number; startedAt: Date };
}

/** The added papers before they go into `papers` (BatchWrites.papers). */
const STAGED_PAPERS = { ...PAPERS, name: 'assign_papers' };

const timestamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * A commit at least this large is checkpointed as part of the commit, and its WAL never written
 * (DuckDB skips the WAL of a commit it checkpoints at once): the batch's large commits are.
 */
const CHECKPOINT_AT = '1MB';

/**
 * The batch's transactions in order, each started as soon as what it writes is known: its appends
 * made here, its statements from temp tables and its commit (with the checkpoint) in one call on
 * DuckDB's thread, which works on it while this thread goes on computing. A call chained after a
 * commit would only go on when this thread yields, so each transaction is started by the next step
 * that needs the connection, after waiting for the one before (`idle`).
 */
export class BatchWrites {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly connection: DuckDBConnection, private readonly runId: number) {}

  /** Waits for the commit under way (its failure is thrown here): before the connection is used again. */
  async idle(): Promise<DuckDBConnection> {
    await this.pending;
    return this.connection;
  }

  /** Waits for the commit under way, whatever its outcome: the connection closes only after. */
  async settled(): Promise<void> {
    await this.pending.catch(() => {});
  }

  private started(committed: Promise<unknown>): void {
    committed.catch(() => {}); // a failure surfaces where it is awaited
    this.pending = committed;
  }

  /**
   * Upserts the added papers (the first transaction): appended to a temp table here, moved into
   * `papers` on DuckDB's thread. Appended straight into `papers`, each flush compressed the texts on
   * this thread.
   */
  async papers(papers: Paper[]): Promise<void> {
    const connection = await this.idle();
    await connection.run(`SET checkpoint_threshold = '${CHECKPOINT_AT}'; CREATE OR REPLACE TEMP TABLE ${STAGED_PAPERS.name} AS FROM papers LIMIT 0`);
    await appendChunks(connection, STAGED_PAPERS, papers.length, paperColumns(papers));
    this.started(connection.run(`BEGIN TRANSACTION;
      DELETE FROM papers WHERE paper_id IN (SELECT paper_id FROM ${STAGED_PAPERS.name});
      INSERT INTO papers FROM ${STAGED_PAPERS.name};
      DROP TABLE ${STAGED_PAPERS.name};
      COMMIT`));
  }

  /**
   * The batch's TF-IDF rows as paper_vectors blocks, new search terms, grown df of known ones
   * (search-merge.ts's temp tables) and the postings; the papers' rows, their themes by rank, the
   * ranks they moved, and their batch: all but what waits for the map positions.
   */
  async rowsAndSearch(firstRow: number, rows: CsrMatrix, search: SearchAddition, b: Fitted): Promise<void> {
    const connection = await this.idle();
    const run = this.runId;
    const n = rows.nRows;
    await tempTable(connection, 'assign_postings', { term_id: search.postingTerm, paper_row: search.postingRow, tf: search.postingTf });
    await tempTable(connection, 'assign_fit', {
      j: Int32Array.from({ length: n }, (_, i) => i), theme_id: Int32Array.from({ length: n }, (_, i) => b.fit.themes[i * TOP_THEMES]),
      similarity: Float64Array.from({ length: n }, (_, i) => b.fit.similarity[i * TOP_THEMES]), rank_in_theme: b.ranks.slice(firstRow, firstRow + n),
      weak: Int32Array.from(b.fit.weak), novel: Int32Array.from(b.fit.novel), title_words: search.titleLength, abstract_words: search.abstractLength
    });
    await tempTable(connection, 'assign_moved', { paper_row: b.changedRanks, rank_in_theme: Int32Array.from(b.changedRanks, (row) => b.ranks[row]) });
    const ranked = Int32Array.from({ length: n * TOP_THEMES }, (_, x) => x).filter((x) => b.fit.themes[x] >= 0);
    await tempTable(connection, 'assign_theme_ranks', {
      j: ranked.map((x) => Math.floor(x / TOP_THEMES)), rank: ranked.map((x) => (x % TOP_THEMES) + 1), theme_id: ranked.map((x) => b.fit.themes[x]),
      similarity: Float64Array.from(ranked, (x) => b.fit.similarity[x])
    });
    await connection.run('BEGIN TRANSACTION');
    await appendTable(connection, PAPER_VECTORS, Math.ceil(n / BLOCK_ROWS), (x) => {
      const count = Math.min(BLOCK_ROWS, n - x * BLOCK_ROWS);
      return { run_id: run, first_row: firstRow + x * BLOCK_ROWS, n_rows: count, ...packBlock(rows, x * BLOCK_ROWS, count) };
    });
    this.started(connection.run(inlineIntegers(`
      INSERT INTO search_terms SELECT $run, i.term_id, k.term, i.df
        FROM ${SEARCH_IDS} i JOIN ${SEARCH_KEYS} k USING (local) WHERE i.is_new = 1 ORDER BY i.term_id;
      UPDATE search_terms SET df = search_terms.df + i.df FROM ${SEARCH_IDS} i
        WHERE i.is_new = 0 AND search_terms.run_id = $run AND search_terms.term_id = i.term_id;
      INSERT INTO ${SEARCH_POSTINGS.name} SELECT $run, term_id, paper_row, tf FROM assign_postings;
      UPDATE paper_themes SET rank_in_theme = m.rank_in_theme
        FROM assign_moved m JOIN paper_rows pr ON pr.run_id = $run AND pr.paper_row = m.paper_row
        WHERE paper_themes.run_id = $run AND paper_themes.paper_id = pr.paper_id;
      INSERT INTO paper_theme_ranks SELECT $run, n.paper_id, t.rank, t.theme_id, t.similarity
        FROM assign_theme_ranks t JOIN ${NEW_PAPERS} n USING (j) ORDER BY t.j, t.rank;
      INSERT INTO paper_rows SELECT $run, $first + j, n.paper_id, f.title_words, f.abstract_words
        FROM assign_fit f JOIN ${NEW_PAPERS} n USING (j) ORDER BY j;
      INSERT INTO assigned_papers SELECT $run, n.paper_id, $batch, f.novel = 1
        FROM assign_fit f JOIN ${NEW_PAPERS} n USING (j) ORDER BY j;
      DROP TABLE assign_postings;
      DROP TABLE assign_moved;
      DROP TABLE assign_theme_ranks;
      COMMIT`, { run, first: firstRow, batch: b.batchId })));
  }

  /** The added papers' paper_themes rows (with their map positions) and similar papers. */
  async placement(xy: Float64Array, similar: SimilarRows): Promise<void> {
    const connection = await this.idle();
    const n = xy.length / 2;
    await tempTable(connection, 'assign_similar', { paper_row: similar.row, rank: similar.rank, similar_row: similar.similar,
      similarity: similar.similarity });
    await tempTable(connection, 'assign_xy', { j: Int32Array.from({ length: n }, (_, i) => i), x: Float64Array.from({ length: n }, (_, i) => xy[2 * i]),
      y: Float64Array.from({ length: n }, (_, i) => xy[2 * i + 1]) });
    this.started(connection.run(inlineIntegers(`
      BEGIN TRANSACTION;
      INSERT INTO ${SIMILAR_PAPERS.name} SELECT $run, paper_row, rank, similar_row, similarity FROM assign_similar;
      INSERT INTO paper_themes SELECT $run, n.paper_id, f.theme_id, f.similarity, f.rank_in_theme, p.x, p.y, f.weak = 1
        FROM assign_fit f JOIN assign_xy p USING (j) JOIN ${NEW_PAPERS} n USING (j) ORDER BY j;
      DROP TABLE assign_similar;
      DROP TABLE assign_xy;
      COMMIT`, { run: this.runId })));
  }

  /** The last transaction: the run-wide trend tables and figures, and the batch's row; waits for its commit. */
  async end(b: BatchEnd, step: (name: string) => void): Promise<void> {
    step('theme_periods');
    const connection = await this.idle();
    const run = this.runId;
    await connection.run('BEGIN TRANSACTION');
    await writeTrends(connection, run, b.trends, replaceRecomputedWarnings(b.storedWarnings, b.runWarnings, b.batchId));
    step('assign_batches');
    const { info } = b;
    await appendTable(connection, ASSIGN_BATCHES, 1, () => ({
      run_id: run, batch_id: b.batchId, input_sha256: info.inputSha256, input_files: toJsonText(info.inputFiles), added: b.added,
      skipped: info.skipped.length, duplicates: info.duplicates, already_in_run: info.alreadyInRun, novel: b.novel,
      started_at: timestamp(info.startedAt), finished_at: timestamp(new Date()), warnings: toJsonText(b.warnings)
    }));
    // The records it skipped, as a run's are (skipped_records), marked with the batch.
    await appendTable(connection, SKIPPED_RECORDS, info.skipped.length, (i) => {
      const s = info.skipped[i];
      return { run_id: run, file: s.file, line: s.line, field: s.field, reason: s.reason, batch_id: b.batchId };
    });
    step('complete');
    await connection.run('COMMIT');
  }
}

/**
 * The run-wide trend tables replaced, theme and area rows updated, the runs row's counts and dates,
 * and its warnings (the stored ones with those the batch recomputed in their place: replaceRecomputedWarnings).
 */
async function writeTrends(connection: DuckDBConnection, run: number, t: Retrended, warnings: unknown[]) {
  for (const table of ['theme_periods', 'period_totals', 'bursts', 'coverage_changes']) await connection.run(`DELETE FROM ${table} WHERE run_id = $run`, { run });
  await appendTable(connection, THEME_PERIODS, t.periods.length, (i) => {
    const p = t.periods[i];
    return { run_id: run, theme_id: p.themeId, granularity: p.granularity, period: p.period, papers: p.papers, share: p.share, partial: p.partial };
  });
  await appendTable(connection, PERIOD_TOTALS, t.totals.length, (i) => {
    const p = t.totals[i];
    return { run_id: run, granularity: p.granularity, period: p.period, papers: p.papers, partial: p.partial };
  });
  await appendTable(connection, BURSTS, t.bursts.length, (i) => {
    const x = t.bursts[i];
    return { run_id: run, theme_id: x.themeId, term: x.term, granularity: x.granularity, start_period: x.start, end_period: x.end, weight: x.weight, papers: x.papers };
  });
  const spans = (t.coverage?.changes ?? []).flatMap((c) => c.absent.map((span) => ({ c, span })));
  await appendTable(connection, COVERAGE_CHANGES, spans.length, (i) => {
    const { c, span } = spans[i];
    return { run_id: run, category: c.category, granularity: c.granularity, absent_from: span.from, absent_to: span.to, expected: c.expected, observed: span.papers,
      papers: c.papers };
  });
  const total = t.themeSizes.reduce((sum, x) => sum + x, 0);
  await trendTable(connection, 'assign_theme_trends', t.trends, t.themeSizes, total);
  await connection.run(`UPDATE themes SET size = v.size, share = v.share, ${TREND_SET}, papers_before = v.papers_before,
    papers_after = v.papers_after, window_months = v.window_months, window_granularity = v.window_granularity
    FROM assign_theme_trends v WHERE themes.run_id = $run AND themes.theme_id = v.id`, { run });
  await trendTable(connection, 'assign_area_trends', t.areaTrends, t.areaSizes, total);
  await connection.run(`UPDATE areas SET size = v.size, share = v.share, ${TREND_SET}
    FROM assign_area_trends v WHERE areas.run_id = $run AND areas.area_id = v.id`, { run });
  const d = t.dates;
  // The trends were just read with the corpus's coverage checked (retrend.ts): runs.metrics.coverageChecked, also for a run made
  // before the check. The stored coverage, k, theme-size and straggler-date warnings were said of the run as it was: those of now took their
  // place (/runs shows them beside the Overview, which reads coverage_changes and the sizes); the run's other warnings stay.
  await connection.run(`UPDATE runs SET n_papers = $n, date_min = $min::DATE, date_max = $max::DATE, date_min_precision = $minP,
    date_max_precision = $maxP, default_granularity = $granularity, metrics = json_merge_patch(metrics, $patch::JSON)
    WHERE run_id = $run`,
  { run, n: total, min: d.min, max: d.max, minP: d.minPrecision, maxP: d.maxPrecision, granularity: d.granularity,
    patch: JSON.stringify({ coverageChecked: true, warnings }) });
}

const TREND_SET = `growth = v.growth, emerging_score = v.emerging_score, direction = v.direction, share_before = v.share_before,
  share_after = v.share_after, z_score = v.z_score, covered_share = v.covered_share, covered_score = v.covered_score,
  covered_direction = v.covered_direction, covered_z = v.covered_z, covered_share_before = v.covered_share_before,
  covered_share_after = v.covered_share_after, covered_papers_before = v.covered_papers_before, covered_papers_after = v.covered_papers_after`;

/** A temp table of trends (themes' or areas'), one row per trend, with each one's size and share of `total`. */
async function trendTable(connection: DuckDBConnection, name: string, trends: ThemeTrend[], sizes: Int32Array, total: number) {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (id INTEGER, size INTEGER, share DOUBLE, growth DOUBLE, emerging_score DOUBLE,
    direction VARCHAR, share_before DOUBLE, share_after DOUBLE, z_score DOUBLE, papers_before INTEGER, papers_after INTEGER,
    window_months INTEGER, window_granularity VARCHAR, covered_share DOUBLE, covered_score DOUBLE, covered_direction VARCHAR, covered_z DOUBLE,
    covered_share_before DOUBLE, covered_share_after DOUBLE, covered_papers_before INTEGER, covered_papers_after INTEGER)`);
  await appendRows(connection, name, trends.length, (i, a: DuckDBAppender) => {
    const x = trends[i];
    a.appendInteger(x.themeId);
    a.appendInteger(sizes[x.themeId]);
    a.appendDouble(sizes[x.themeId] / total);
    a.appendDouble(x.growth);
    a.appendDouble(x.emergingScore);
    a.appendVarchar(x.direction);
    a.appendDouble(x.shareBefore);
    a.appendDouble(x.shareAfter);
    a.appendDouble(x.zScore);
    a.appendInteger(x.papersBefore);
    a.appendInteger(x.papersAfter);
    a.appendInteger(x.window);
    a.appendVarchar(x.windowGranularity);
    const c = coveredColumns(x);
    for (const v of [c.covered_share, c.covered_score]) v === null ? a.appendNull() : a.appendDouble(v);
    c.covered_direction === null ? a.appendNull() : a.appendVarchar(c.covered_direction);
    for (const v of [c.covered_z, c.covered_share_before, c.covered_share_after]) v === null ? a.appendNull() : a.appendDouble(v);
    for (const v of [c.covered_papers_before, c.covered_papers_after]) v === null ? a.appendNull() : a.appendInteger(v);
  });
}

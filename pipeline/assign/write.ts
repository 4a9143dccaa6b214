// Owns writing one assignment batch into the run's tables (inside the copy that store/copy-update.ts
// renames into place): the added papers' rows appended, the run-wide figures they change (ranks in
// theme, theme and area sizes and trends, periods, bursts, the runs row) replaced.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendColumns, appendRows, appendTable, toJsonText } from '../store/append.js';
import { paperRow } from '../store/table-rows.js';
import { upsertPapers } from '../store/write-run.js';
import {
  ASSIGN_BATCHES, ASSIGNED_PAPERS, BURSTS, PAPER_ROWS, PAPER_THEME_RANKS, PAPER_THEMES, PAPER_VECTORS, PERIOD_TOTALS,
  SEARCH_POSTINGS, SEARCH_TERMS, SIMILAR_PAPERS, THEME_PERIODS
} from '../store/tables.js';
import type { Paper, ThemeTrend } from '../types.js';
import { BLOCK_ROWS, packBlock } from './model.js';
import { TOP_THEMES, type ThemeFit } from './nearest-themes.js';
import type { Retrended } from './retrend.js';
import type { SearchAddition } from './search-merge.js';
import type { similarRows } from './place.js';
import type { CsrMatrix } from '../types.js';

export interface Batch {
  runId: number;
  batchId: number;
  papers: Paper[];
  /** Paper row of papers[0]: the run's rows come first. */
  firstRow: number;
  rows: CsrMatrix;
  fit: ThemeFit;
  xy: Float64Array;
  /** Rank in theme of every paper row (clustered and added). */
  ranks: Int32Array;
  /** Rows of the run whose rank changed, and all paper ids by row. */
  changedRanks: number[];
  paperIds: string[];
  similar: ReturnType<typeof similarRows>;
  search: SearchAddition;
  trends: Retrended;
  nAreas: number;
  info: { inputSha256: string; inputFiles: unknown; skipped: number; duplicates: number; alreadyInRun: number; startedAt: Date };
}

const timestamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export async function writeBatch(connection: DuckDBConnection, b: Batch, step: (name: string) => void): Promise<void> {
  const { runId: run, papers } = b;
  const n = papers.length;
  step('papers');
  await upsertPapers(connection, n, (i) => paperRow(papers[i]));
  step('paper_themes');
  await appendTable(connection, PAPER_THEMES, n, (i) => ({
    run_id: run, paper_id: papers[i].paperId, theme_id: b.fit.themes[i * TOP_THEMES], similarity: b.fit.similarity[i * TOP_THEMES],
    rank_in_theme: b.ranks[b.firstRow + i], x: b.xy[2 * i], y: b.xy[2 * i + 1], weak: b.fit.weak[i] === 1
  }));
  await updateRanks(connection, b);
  const ranked = Array.from({ length: n * TOP_THEMES }, (_, j) => j).filter((j) => b.fit.themes[j] >= 0);
  await appendTable(connection, PAPER_THEME_RANKS, ranked.length, (x) => {
    const j = ranked[x];
    return { run_id: run, paper_id: papers[Math.floor(j / TOP_THEMES)].paperId, rank: (j % TOP_THEMES) + 1, theme_id: b.fit.themes[j], similarity: b.fit.similarity[j] };
  });
  step('paper_rows');
  await appendTable(connection, PAPER_ROWS, n, (i) => ({ run_id: run, paper_row: b.firstRow + i, paper_id: papers[i].paperId,
    title_words: b.search.titleLength[i], abstract_words: b.search.abstractLength[i] }));
  step('search_postings');
  await writeSearch(connection, b);
  step('similar_papers');
  const s = b.similar;
  await appendColumns(connection, SIMILAR_PAPERS, s.row.length, [run, s.row, s.rank, s.similar, s.similarity]);
  step('paper_vectors');
  const blocks = Math.ceil(n / BLOCK_ROWS);
  await appendTable(connection, PAPER_VECTORS, blocks, (x) => {
    const count = Math.min(BLOCK_ROWS, n - x * BLOCK_ROWS);
    return { run_id: run, first_row: b.firstRow + x * BLOCK_ROWS, n_rows: count, ...packBlock(b.rows, x * BLOCK_ROWS, count) };
  });
  step('theme_periods');
  await writeTrends(connection, b);
  step('assign_batches');
  await appendTable(connection, ASSIGNED_PAPERS, n, (i) => ({ run_id: run, paper_id: papers[i].paperId, batch_id: b.batchId, novel: b.fit.novel[i] === 1 }));
  const { info } = b;
  await appendTable(connection, ASSIGN_BATCHES, 1, () => ({
    run_id: run, batch_id: b.batchId, input_sha256: info.inputSha256, input_files: toJsonText(info.inputFiles), added: n,
    skipped: info.skipped, duplicates: info.duplicates, already_in_run: info.alreadyInRun, novel: b.fit.novel.reduce((s, x) => s + x, 0),
    started_at: timestamp(info.startedAt), finished_at: timestamp(new Date())
  }));
  step('complete');
}

/** Ranks in theme of the run's earlier papers that the added ones moved, through a temp table and one UPDATE. */
async function updateRanks(connection: DuckDBConnection, b: Batch) {
  await connection.run('CREATE TEMP TABLE new_ranks (paper_id VARCHAR, rank_in_theme INTEGER)');
  await appendRows(connection, 'new_ranks', b.changedRanks.length, (i, a) => {
    a.appendVarchar(b.paperIds[b.changedRanks[i]]);
    a.appendInteger(b.ranks[b.changedRanks[i]]);
  });
  await connection.run(`UPDATE paper_themes SET rank_in_theme = r.rank_in_theme FROM new_ranks r
    WHERE paper_themes.run_id = $run AND paper_themes.paper_id = r.paper_id`, { run: b.runId });
  await connection.run('DROP TABLE new_ranks');
}

async function writeSearch(connection: DuckDBConnection, b: Batch) {
  const { search, runId: run } = b;
  await appendTable(connection, SEARCH_TERMS, search.newTerms.length, (i) => ({ run_id: run, term_id: search.newTerms[i].termId,
    term: search.newTerms[i].term, df: search.newTerms[i].df }));
  await connection.run('CREATE TEMP TABLE grown_terms (term_id INTEGER, added INTEGER)');
  await appendRows(connection, 'grown_terms', search.grown.length, (i, a) => {
    a.appendInteger(search.grown[i].termId);
    a.appendInteger(search.grown[i].added);
  });
  await connection.run(`UPDATE search_terms SET df = df + g.added FROM grown_terms g
    WHERE search_terms.run_id = $run AND search_terms.term_id = g.term_id`, { run });
  await connection.run('DROP TABLE grown_terms');
  await appendColumns(connection, SEARCH_POSTINGS, search.postingTerm.length, [run, search.postingTerm, search.postingRow, search.postingTf]);
}

/** The run-wide trend tables replaced, theme and area rows updated, the runs row's counts and dates. */
async function writeTrends(connection: DuckDBConnection, b: Batch) {
  const { trends: t, runId: run } = b;
  for (const table of ['theme_periods', 'period_totals', 'bursts']) await connection.run(`DELETE FROM ${table} WHERE run_id = $run`, { run });
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
  const total = t.themeSizes.reduce((s, x) => s + x, 0);
  for (const trend of t.trends) {
    await connection.run(`UPDATE themes SET size = $size, share = $share, ${TREND_SET}, papers_before = $papersBefore,
      papers_after = $papersAfter, window_months = $window, window_granularity = $windowGranularity WHERE run_id = $run AND theme_id = $id`,
    { run, id: trend.themeId, size: t.themeSizes[trend.themeId], share: t.themeSizes[trend.themeId] / total, ...trendValues(trend),
      papersBefore: trend.papersBefore, papersAfter: trend.papersAfter, window: trend.window, windowGranularity: trend.windowGranularity });
  }
  for (const trend of t.areaTrends) {
    await connection.run(`UPDATE areas SET size = $size, share = $share, ${TREND_SET} WHERE run_id = $run AND area_id = $id`,
      { run, id: trend.themeId, size: t.areaSizes[trend.themeId], share: t.areaSizes[trend.themeId] / total, ...trendValues(trend) });
  }
  const d = t.dates;
  await connection.run(`UPDATE runs SET n_papers = $n, date_min = $min::DATE, date_max = $max::DATE, date_min_precision = $minP,
    date_max_precision = $maxP, default_granularity = $granularity WHERE run_id = $run`,
  { run, n: total, min: d.min, max: d.max, minP: d.minPrecision, maxP: d.maxPrecision, granularity: d.granularity });
}

const TREND_SET = `growth = $growth, emerging_score = $score, direction = $direction, share_before = $before, share_after = $after, z_score = $z`;

function trendValues(t: ThemeTrend) {
  return { growth: t.growth, score: t.emergingScore, direction: t.direction, before: t.shareBefore, after: t.shareAfter, z: t.zScore };
}

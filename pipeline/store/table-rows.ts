// Owns how one run becomes the rows of each table: per table, how many rows and row i by column
// name. The mapped type makes a table without rows, a row missing a column or a value of the wrong
// type a compile error.
import { isoDays, toJsonText, type ColumnValue } from './append.js';
import { textOrBytes } from '../ingest/packed-texts.js';
import { modelRows } from './model-rows.js';
import type { RunData } from './run-data.js';
import type { Paper, ThemeTrend, TrendDirection } from '../types.js';
import { PAPERS, type TableName, type TableRow } from './tables.js';

export interface Rows<R> {
  n: number;
  row: (i: number) => R;
  /**
   * The same rows as typed columns (in the spec's order; a number is a constant column), for tables
   * of millions of numeric rows: appended a chunk at a time (append.ts appendColumns).
   */
  columns?: (Int32Array | Float64Array | number)[];
}

/** Every table's rows but the papers', which are shared by runs and upserted from the papers themselves (paperColumns). */
export type RunRows = { [N in Exclude<TableName, 'papers'>]: Rows<TableRow<N>> };

/** Rows from a list, one per item. */
function eachOf<T, R>(items: readonly T[], row: (item: T) => R): Rows<R> {
  return { n: items.length, row: (i) => row(items[i]) };
}

/** A NaN (a measure with nothing to measure) is stored as NULL. */
const finite = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Up to three rows per paper: its theme, its second and its third (ranks missing when k < 3). */
function themeRanks(run: RunData, runId: number): Rows<TableRow<'paper_theme_ranks'>> {
  const { clustering: c, memberships: m, papers } = run;
  const perPaper = Math.min(3, run.k);
  return {
    n: papers.length * perPaper,
    row: (j) => {
      const i = Math.floor(j / perPaper);
      const rank = (j % perPaper) + 1;
      const [theme, similarity] = rank === 1 ? [c.assignments[i], c.similarity[i]]
        : rank === 2 ? [c.secondTheme[i], c.secondSimilarity[i]] : [m.third[i], m.thirdSimilarity[i]];
      return { run_id: runId, paper_id: papers[i].paperId, rank, theme_id: theme, similarity };
    }
  };
}

/**
 * The papers table's rows (shared by runs; also written by npm run assign), column by column in the
 * spec's order (append.ts appendChunks): titles and abstracts as the packed UTF-8 bytes when the
 * papers hold them so (ingest/packed-texts.ts), not decoded to strings only to be encoded again.
 */
export function paperColumns(papers: readonly Paper[]): ColumnValue[] {
  const p = (i: number) => papers[i];
  const columns: { [C in keyof TableRow<'papers'>]: ColumnValue } = {
    paper_id: (i) => p(i).paperId, title: (i) => textOrBytes(p(i), 'title'), abstract: (i) => textOrBytes(p(i), 'abstract'),
    published: (i) => { const d = p(i).published; return d === null ? null : isoDays(d); },
    date_precision: (i) => p(i).datePrecision, authors: (i) => p(i).authors, categories: (i) => p(i).categories,
    url: (i) => p(i).url, source: (i) => p(i).source, doi: (i) => p(i).doi, venue: (i) => p(i).venue,
    keywords_only: (i) => p(i).keywordsOnly === true
  };
  return PAPERS.columns.map((c) => columns[c.name]);
}

/**
 * The tables made from the search index, which the pipeline builds on a background thread: the store
 * writes them after every other table but paper_vectors, and reads run.search only then
 * (write-run.ts), so the index can still be in the making while the other tables are written.
 */
export const SEARCH_INDEX_TABLES = ['paper_rows', 'search_terms', 'search_postings'] as const;
type SearchIndexTable = (typeof SEARCH_INDEX_TABLES)[number];

/**
 * The run's rows; the runs row says 'running' until the store marks it complete. The search index's
 * tables read run.search when they are first read, not here.
 */
export function runRows(run: RunData, runId: number): RunRows {
  const { papers, themes, clustering, layout } = run;
  const terms = themes.flatMap((t) => t.keywords.map((term, r) => ({ t, term, r })));
  return defineSearchRows({
    runs: eachOf([run], () => ({
      run_id: runId, created_at: run.createdAt.toISOString().replace('T', ' ').replace('Z', ''), status: 'running',
      input_sha256: run.inputSha256, input_files: toJsonText(run.inputFiles), n_papers: papers.length,
      n_skipped: run.skipped.length, n_duplicates: run.duplicates, n_terms: run.nTerms, k: run.k, seed: run.seed,
      stability: run.stability, date_min: run.dateMin, date_max: run.dateMax, params: toJsonText(run.params),
      tool_version: run.toolVersion, durations: toJsonText(run.durations), metrics: toJsonText(run.metrics),
      default_granularity: run.defaultGranularity, date_min_precision: run.dateMinPrecision, date_max_precision: run.dateMaxPrecision
    })),
    themes: eachOf(themes, ({ trend, ...t }) => ({
      run_id: runId, theme_id: t.themeId, label: t.label, size: t.size, share: t.share, keywords: t.keywords,
      x: t.x, y: t.y, growth: trend.growth, emerging_score: trend.emergingScore, direction: trend.direction,
      window_months: trend.window, share_before: trend.shareBefore, share_after: trend.shareAfter,
      papers_before: trend.papersBefore, papers_after: trend.papersAfter, z_score: trend.zScore, cohesion: t.cohesion,
      window_granularity: trend.windowGranularity,
      area_id: t.areaId, separation: finite(t.separation), coherence: finite(t.coherence), mixture: t.mixture,
      reproducibility: t.reproducibility, ...coveredColumns(trend)
    })),
    theme_terms: eachOf(terms, ({ t, term, r }) => ({ run_id: runId, theme_id: t.themeId, rank: r + 1, term, weight: t.weights[r] })),
    // Per paper row: typed arrays, not a list of objects (75k papers).
    paper_themes: {
      n: papers.length,
      row: (i) => ({
        run_id: runId, paper_id: papers[i].paperId, theme_id: clustering.assignments[i], similarity: clustering.similarity[i],
        rank_in_theme: clustering.rankInTheme[i], x: layout.paperXY[2 * i], y: layout.paperXY[2 * i + 1],
        weak: run.memberships.weak[i] === 1
      })
    },
    theme_periods: eachOf(run.periods, (p) => ({
      run_id: runId, theme_id: p.themeId, granularity: p.granularity, period: p.period, papers: p.papers, share: p.share,
      partial: p.partial
    })),
    period_totals: eachOf(run.totals, (p) => ({ run_id: runId, granularity: p.granularity, period: p.period, papers: p.papers, partial: p.partial })),
    theme_neighbours: eachOf(run.neighbours, (n) => ({
      run_id: runId, theme_id: n.themeId, rank: n.rank, neighbour_id: n.neighbourId, similarity: n.similarity
    })),
    k_selection: eachOf(run.kSelection, (p) => ({ run_id: runId, k: p.k, stability: p.stability, inertia: p.inertia, chosen: p.chosen })),
    skipped_records: eachOf(run.skipped, (s) => ({ run_id: runId, file: s.file, line: s.line, field: s.field, reason: s.reason, batch_id: null })),
    bursts: eachOf(run.bursts, (b) => ({
      run_id: runId, theme_id: b.themeId, term: b.term, granularity: b.granularity, start_period: b.start, end_period: b.end,
      weight: b.weight, papers: b.papers
    })),
    areas: eachOf(run.areas, (a) => ({
      run_id: runId, area_id: a.areaId, label: a.label, size: a.size, share: a.share, n_themes: a.themes.length,
      keywords: a.keywords.map((w) => w.term), x: a.x, y: a.y, growth: a.trend.growth, emerging_score: a.trend.emergingScore,
      direction: a.trend.direction, share_before: a.trend.shareBefore, share_after: a.trend.shareAfter, z_score: a.trend.zScore,
      ...coveredColumns(a.trend)
    })),
    coverage_changes: eachOf(run.coverageChanges.flatMap((c) => c.absent.map((span) => ({ c, span }))), ({ c, span }) => ({
      run_id: runId, category: c.category, granularity: c.granularity, absent_from: span.from, absent_to: span.to, expected: c.expected,
      observed: span.papers, papers: c.papers
    })),
    paper_theme_ranks: themeRanks(run, runId),
    similar_papers: similarRows(run, runId),
    theme_lineage: eachOf(run.lineage?.links ?? [], (l) => ({
      run_id: runId, theme_id: l.themeId, prev_run_id: run.lineage!.prevRunId, prev_theme_id: l.prevThemeId, kind: l.kind,
      shared_papers: l.sharedPapers, jaccard: l.jaccard, centroid_cosine: l.centroidCosine, theme_papers: l.themePapers,
      prev_theme_papers: l.prevThemePapers
    })),
    ...modelRows(run, runId)
  }, run, runId);
}

/** The search index's tables, which runRows makes only when first read (see SEARCH_INDEX_TABLES). */
function defineSearchRows(rows: Omit<RunRows, SearchIndexTable>, run: RunData, runId: number): RunRows {
  // Made at each read, not kept: the store reads each once, and lets the index go after the last.
  for (const name of SEARCH_INDEX_TABLES) Object.defineProperty(rows, name, { enumerable: true, get: () => searchIndexRows(run, runId)[name] });
  return rows as RunRows;
}

/** Paper rows (the index's field lengths), terms, and the postings as typed columns. */
function searchIndexRows(run: RunData, runId: number): Pick<RunRows, SearchIndexTable> {
  const { search, papers } = run;
  if (!search) throw new Error('store: the search index is not there (RunData.search, or WriteOptions.searchIndex)');
  const { postingTerm: term, postingRow: row, postingTf: tf } = search;
  return {
    paper_rows: {
      n: papers.length,
      row: (i) => ({ run_id: runId, paper_row: i, paper_id: papers[i].paperId, title_words: search.titleLength[i], abstract_words: search.abstractLength[i] })
    },
    search_terms: { n: search.terms.length, row: (i) => ({ run_id: runId, term_id: i, term: search.terms[i], df: search.df[i] }) },
    search_postings: {
      n: term.length,
      row: (i) => ({ run_id: runId, term_id: term[i], paper_row: row[i], tf: tf[i] }),
      columns: [runId, term, row, tf]
    }
  };
}

/** Each paper's most similar papers, as typed columns. */
function similarRows(run: RunData, runId: number): RunRows['similar_papers'] {
  const pairs = similarPairs(run);
  return {
    n: pairs.row.length,
    row: (i) => ({ run_id: runId, paper_row: pairs.row[i], rank: pairs.rank[i], similar_row: pairs.similar[i], similarity: pairs.similarity[i] }),
    columns: [runId, pairs.row, pairs.rank, pairs.similar, pairs.similarity]
  };
}

/** similar.rows without the -1 padding of papers with fewer than `top` similar papers. */
function similarPairs({ similar }: RunData) {
  const kept = similar.rows.reduce((n, r) => n + (r >= 0 ? 1 : 0), 0);
  const out = { row: new Int32Array(kept), rank: new Int32Array(kept), similar: new Int32Array(kept), similarity: new Float64Array(kept) };
  let n = 0;
  similar.rows.forEach((r, at) => {
    if (r < 0) return;
    [out.row[n], out.rank[n], out.similar[n], out.similarity[n]] = [Math.floor(at / similar.top), (at % similar.top) + 1, r, similar.similarity[at]];
    n++;
  });
  return out;
}

/** The covered_* columns of a theme's or an area's trend (NULL without coverage changes). */
export function coveredColumns(trend: ThemeTrend): { covered_share: number | null; covered_score: number | null;
  covered_direction: TrendDirection | null; covered_z: number | null; covered_share_before: number | null; covered_share_after: number | null;
  covered_papers_before: number | null; covered_papers_after: number | null } {
  const c = trend.covered ?? null;
  return { covered_share: c?.share ?? null, covered_score: c?.emergingScore ?? null, covered_direction: c?.direction ?? null,
    covered_z: c?.zScore ?? null, covered_share_before: c?.shareBefore ?? null, covered_share_after: c?.shareAfter ?? null,
    covered_papers_before: c?.papersBefore ?? null, covered_papers_after: c?.papersAfter ?? null };
}

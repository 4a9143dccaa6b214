// Owns the export files: which names exist, the query behind each (bound parameters only), the
// download filename that says what and which run, and the CSV / JSON / Parquet encodings.
import { error } from '@sveltejs/kit';
import type { RunRow } from '../../../pipeline/types.js';
import { toCsv } from './csv.js';
import { query, type Params } from './db.js';
import { paperFilterSql, readPaperFilter, PAPER_ORDER } from './papers.js';
import { queryToParquet } from './parquet.js';
import { EXPORT_FORMATS, readGranularity, readMeasure, readTheme, type ExportFormat } from './params.js';

export type ExportDataset = 'themes' | 'trends' | 'papers' | 'theme-papers';
export const EXPORT_DATASETS: readonly ExportDataset[] = ['themes', 'trends', 'papers', 'theme-papers'];

export interface ExportQuery {
  sql: string;
  params: Params;
  columns: string[];
  /** Words after the run in the filename, e.g. ['trends', 'month', 'share']. */
  name: string[];
}

/** `trends.csv` → { dataset, format }; anything not in the fixed list → 404. */
export function parseExportName(file: string): { dataset: ExportDataset; format: ExportFormat } {
  for (const dataset of EXPORT_DATASETS) {
    for (const format of EXPORT_FORMATS) {
      if (file === `${dataset}.${format}`) return { dataset, format };
    }
  }
  error(404, `No export named ${file.slice(0, 100)}`);
}

const THEME_COLUMNS = ['theme_id', 'label', 'size', 'share', 'keywords', 'direction', 'emerging_score', 'growth',
  'z_score', 'window_months', 'share_before', 'share_after', 'papers_before', 'papers_after', 'x', 'y'];
const TREND_COLUMNS = ['period', 'granularity', 'theme_id', 'label', 'papers', 'share', 'partial'];
const PAPER_COLUMNS = ['paper_id', 'title', 'published', 'theme_id', 'theme_label', 'similarity', 'url', 'authors',
  'categories'];
const PAPER_SELECT = `p.paper_id, p.title, p.published, pt.theme_id, t.label AS theme_label, pt.similarity, p.url,
  array_to_string(p.authors, '; ') AS authors, array_to_string(p.categories, '; ') AS categories`;

function themesQuery(runId: number): ExportQuery {
  const select = THEME_COLUMNS.map((c) => (c === 'keywords' ? `array_to_string(keywords, '; ') AS keywords` : c));
  return {
    sql: `SELECT ${select.join(', ')} FROM themes WHERE run_id = $run ORDER BY theme_id`,
    params: { run: runId },
    columns: THEME_COLUMNS,
    name: ['themes']
  };
}

/** Long format, one row per theme and period; both measures, `measure` names what the user viewed. */
function trendsQuery(runId: number, search: URLSearchParams): ExportQuery {
  const granularity = readGranularity(search);
  const measure = readMeasure(search);
  return {
    sql: `SELECT tp.period, tp.granularity, tp.theme_id, t.label, tp.papers, tp.share, tp.partial
      FROM theme_periods tp JOIN themes t ON t.run_id = tp.run_id AND t.theme_id = tp.theme_id
      WHERE tp.run_id = $run AND tp.granularity = $granularity
      ORDER BY tp.period, tp.theme_id`,
    params: { run: runId, granularity },
    columns: TREND_COLUMNS,
    name: ['trends', granularity, measure]
  };
}

async function papersQuery(runId: number, search: URLSearchParams): Promise<ExportQuery> {
  const filter = await readPaperFilter(search, runId);
  const { sql, params } = paperFilterSql(runId, filter);
  const name = ['papers'];
  if (filter.theme !== null) name.push(`theme${filter.theme}`);
  if (filter.q !== null) name.push(slug(filter.q));
  if (filter.from !== null) name.push(`from-${filter.from}`);
  if (filter.to !== null) name.push(`to-${filter.to}`);
  return { sql: `SELECT ${PAPER_SELECT} ${sql} ${PAPER_ORDER}`, params, columns: PAPER_COLUMNS, name };
}

/** A theme's papers, most typical first. */
async function themePapersQuery(runId: number, search: URLSearchParams): Promise<ExportQuery> {
  const theme = (await readTheme(search, runId, true)) as number;
  const { sql, params } = paperFilterSql(runId, { theme, q: null, from: null, to: null });
  return {
    sql: `SELECT pt.rank_in_theme, ${PAPER_SELECT} ${sql} ORDER BY pt.rank_in_theme, p.paper_id`,
    params,
    columns: ['rank_in_theme', ...PAPER_COLUMNS],
    name: [`theme${theme}`, 'papers']
  };
}

/** Search text as a filename word: ASCII letters and digits (accents dropped) joined by '-', ≤ 40 chars. */
export function slug(text: string): string {
  const words = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `q-${words.slice(0, 40).replace(/-+$/, '') || 'text'}`;
}

export async function exportQuery(dataset: ExportDataset, run: RunRow, search: URLSearchParams): Promise<ExportQuery> {
  switch (dataset) {
    case 'themes':
      return themesQuery(run.run_id);
    case 'trends':
      return trendsQuery(run.run_id, search);
    case 'papers':
      return papersQuery(run.run_id, search);
    case 'theme-papers':
      return themePapersQuery(run.run_id, search);
  }
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  parquet: 'application/vnd.apache.parquet'
};

/** The whole download: validated parameters → query → encoded body with a descriptive filename. */
export async function buildExport(
  parsed: { dataset: ExportDataset; format: ExportFormat },
  run: RunRow,
  search: URLSearchParams
): Promise<Response> {
  const q = await exportQuery(parsed.dataset, run, search);
  const filename = `themescope-run${run.run_id}-${q.name.join('-')}.${parsed.format}`;
  const headers = {
    'content-type': CONTENT_TYPES[parsed.format],
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff'
  };
  switch (parsed.format) {
    case 'csv':
      return new Response(toCsv(q.columns, await query(q.sql, q.params)), { headers });
    case 'json':
      return new Response(JSON.stringify(await query(q.sql, q.params)), { headers });
    case 'parquet':
      return new Response(await queryToParquet(q.sql, q.params), { headers });
  }
}

// Owns the query behind each export dataset: its columns (name, SQL, text or not), the FROM/WHERE/ORDER
// with bound parameters only, and the words that name the download (what and which filter).
import type { RunRow } from '../../../pipeline/types.js';
import type { CsvColumn } from './csv.js';
import type { Params } from './db.js';
import { paperFilterSql, paperOrderSql, readPaperFilter, themeOnlyFilter } from './papers.js';
import { readGranularity, readMeasure, readTheme } from './params.js';

export type ExportDataset = 'themes' | 'trends' | 'papers' | 'theme-papers';
export const EXPORT_DATASETS: readonly ExportDataset[] = ['themes', 'trends', 'papers', 'theme-papers'];

export interface ExportQuery {
  columns: CsvColumn[];
  /** FROM … WHERE … ORDER BY …, bound through `params`. */
  from: string;
  params: Params;
  /** Words after the run in the filename, e.g. ['trends', 'month', 'share']. */
  name: string[];
}

const text = (name: string, sql = name): CsvColumn => ({ name, sql, text: true });
const value = (name: string, sql = name): CsvColumn => ({ name, sql, text: false });

const THEME_COLUMNS = [
  value('theme_id'), text('label'), value('size'), value('share'), text('keywords', `array_to_string(keywords, '; ')`),
  text('direction'), value('emerging_score'), value('growth'), value('z_score'), value('window_months'),
  value('share_before'), value('share_after'), value('papers_before'), value('papers_after'), value('cohesion'),
  value('x'), value('y')
];
const TREND_COLUMNS = [
  text('period', 'tp.period'), text('granularity', 'tp.granularity'), value('theme_id', 'tp.theme_id'), text('label', 't.label'),
  value('papers', 'tp.papers'), value('share', 'tp.share'), value('partial', 'tp.partial')
];
const PAPER_COLUMNS = [
  text('paper_id', 'p.paper_id'), text('title', 'p.title'), text('published', 'p.published'), value('theme_id', 'pt.theme_id'),
  text('theme_label', 't.label'), value('similarity', 'pt.similarity'), text('url', 'p.url'),
  text('authors', `array_to_string(p.authors, '; ')`), text('categories', `array_to_string(p.categories, '; ')`)
];

function themesQuery(runId: number): ExportQuery {
  return { columns: THEME_COLUMNS, from: 'FROM themes WHERE run_id = $run ORDER BY theme_id', params: { run: runId }, name: ['themes'] };
}

/** Long format, one row per theme and period; both measures, `measure` names what the user viewed. */
function trendsQuery(runId: number, search: URLSearchParams): ExportQuery {
  const granularity = readGranularity(search);
  const measure = readMeasure(search);
  return {
    columns: TREND_COLUMNS,
    from: `FROM theme_periods tp JOIN themes t ON t.run_id = tp.run_id AND t.theme_id = tp.theme_id
      WHERE tp.run_id = $run AND tp.granularity = $granularity
      ORDER BY tp.period, tp.theme_id`,
    params: { run: runId, granularity },
    name: ['trends', granularity, measure]
  };
}

/** The Papers page's filter and order, so the file lists what the page lists. */
async function papersQuery(runId: number, search: URLSearchParams): Promise<ExportQuery> {
  const filter = await readPaperFilter(search, runId);
  const { sql, params } = paperFilterSql(runId, filter);
  const name = ['papers'];
  if (filter.theme !== null) name.push(`theme${filter.theme}`);
  if (filter.q !== null) name.push(slug(filter.q));
  if (filter.from !== null) name.push(`from-${filter.from}`);
  if (filter.to !== null) name.push(`to-${filter.to}`);
  if (filter.author !== null) name.push(slug(filter.author));
  if (filter.category !== null) name.push(slug(filter.category));
  return { columns: PAPER_COLUMNS, from: `${sql} ${paperOrderSql(filter)}`, params, name };
}

/** A theme's papers, most typical first. */
async function themePapersQuery(runId: number, search: URLSearchParams): Promise<ExportQuery> {
  const theme = (await readTheme(search, runId, true)) as number;
  const { sql, params } = paperFilterSql(runId, themeOnlyFilter(theme));
  return {
    columns: [value('rank_in_theme', 'pt.rank_in_theme'), ...PAPER_COLUMNS],
    from: `${sql} ORDER BY pt.rank_in_theme, p.paper_id`,
    params,
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

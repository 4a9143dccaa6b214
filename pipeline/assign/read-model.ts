// Owns reading a stored run back for `npm run assign`: the run to add to, its model (assign/model.ts)
// and what its papers already are (theme, similarity, rank, map position, date), as typed columns:
// no JS object per paper (columns.ts).
import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import type { DatePrecision, Granularity, Paper } from '../types.js';
import { queryRows, readBlobRows, readColumns, readLines, readText } from './columns.js';
import { primaryCategorySql } from '../trends/coverage.js';
import { searchStemOf, type SearchStem } from '../tokenise/search-tokens.js';
import { blockRows, decodeBlocks, float32Of, int32Of, type VectorBlock } from './model.js';

export type PaperDate = Pick<Paper, 'published' | 'datePrecision'>;

export interface StoredRun {
  runId: number;
  k: number;
  params: Record<string, unknown>;
  ngramMax: number;
  novelThreshold: number;
  /** The vocabulary: column c's stem key and IDF. */
  terms: string[];
  idf: Float64Array;
  /** Dense k × nCols unit centroids, row-major. */
  centroids: Float32Array;
  /** Per theme, the vocabulary ids whose bursts trends watches, and their surfaces (only these columns are filled). */
  burstTerms: number[][];
  surfaces: string[];
  /** TF-IDF rows of the run's papers, paper row order, as stored (model.ts stackBlocks makes them a matrix with the new rows). */
  vectors: VectorBlock[];
  /** Per paper row: theme, cosine to it, rank in it, map position (x, y pairs), date. */
  theme: Int32Array;
  similarity: Float32Array;
  rank: Int32Array;
  xy: Float64Array;
  dates: PaperDate[];
  /** Per paper row, its primary category (trends/coverage.ts): what tells a coverage change from a trend. */
  categories: string[];
  themeXY: Float64Array;
  /** Per theme, its mean cosine (themes.cohesion): the weak-member rule needs it. */
  cohesion: Float64Array;
  defaultGranularity: Granularity;
  /** Area of each theme (themes.area_id, 0 for runs before areas) and the number of areas. */
  areaOfTheme: Int32Array;
  nAreas: number;
  /** Mean searchable words in title and abstract of the clustered papers (BM25 length normalisation). */
  searchAverages: { title: number; abstract: number };
}

/** The run to add to: `--run N` when given (it must be complete), else the newest complete run. */
export async function chooseRun(connection: DuckDBConnection, wanted: number | null, dbPath: string): Promise<number> {
  const found = await queryRows<{ run_id: number; status: string }>(connection,
    `SELECT run_id, status FROM runs WHERE ${wanted === null ? "status = 'complete'" : 'run_id = $run'} ORDER BY run_id DESC LIMIT 1`,
    wanted === null ? {} : { run: wanted });
  if (found.length === 0) {
    const none = !existsSync(dbPath) ? `${dbPath} does not exist` : wanted === null ? `${dbPath} holds no complete run` : null;
    throw new InputError(none === null ? `${dbPath} has no run ${wanted}` : `${none}; make a run with npm run pipeline -- --db ${dbPath} first`);
  }
  if (found[0].status !== 'complete') throw new InputError(`run ${wanted} of ${dbPath} is not complete (status ${found[0].status})`);
  const model = await queryRows<{ n: bigint }>(connection, 'SELECT count(*) AS n FROM run_models WHERE run_id = $run', { run: found[0].run_id });
  if (Number(model[0].n) === 0) {
    throw new InputError(`run ${found[0].run_id} of ${dbPath} was made before runs stored their vocabulary and centroids; make a new run to add papers to`);
  }
  return found[0].run_id;
}

const PRECISIONS: (DatePrecision | null)[] = [null, 'day', 'month', 'year'];

/** What the text pass needs of a run: its vocabulary (column c's stem key and IDF), phrase length and search stem. */
export type Vocabulary = Pick<StoredRun, 'terms' | 'idf' | 'ngramMax'> & {
  /** How the run's search index keys its words (runs.metrics.searchStem, search-tokens.ts): the new papers' words are keyed so. */
  searchStem: SearchStem;
};

/** Run `runId`'s vocabulary, read first so the text pass can start while the rest is read. */
export async function readVocabulary(connection: DuckDBConnection, runId: number): Promise<Vocabulary> {
  const run = { run: runId };
  const [r] = await queryRows<{ ngram_max: number; n_terms: number; search_stem: string | null }>(connection,
    `SELECT ngram_max, n_terms, (SELECT metrics->>'searchStem' FROM runs WHERE run_id = $run) AS search_stem FROM run_models WHERE run_id = $run`, run);
  const terms = await readLines(connection, 'SELECT string_agg(term, chr(10) ORDER BY term_id) FROM run_terms WHERE run_id = $run', run, r.n_terms);
  const [idf] = await readColumns(connection, 'SELECT idf::DOUBLE FROM run_terms WHERE run_id = $run ORDER BY term_id', run, ['double'] as const);
  return { terms, idf, ngramMax: r.ngram_max, searchStem: searchStemOf({ searchStem: r.search_stem }) };
}

/** Everything `assign` needs of run `runId` (its vocabulary as readVocabulary read it). */
export async function readStoredRun(connection: DuckDBConnection, runId: number, vocabulary: Vocabulary): Promise<StoredRun> {
  const run = { run: runId };
  const [r] = await queryRows<{ k: number; params: string; default_granularity: Granularity | null; ngram_max: number; n_terms: number;
    novel_threshold: number; n_papers: number }>(connection,
    `SELECT k, params::VARCHAR AS params, default_granularity, ngram_max, run_models.n_terms, novel_threshold,
       (SELECT count(*) FROM paper_rows WHERE run_id = $run)::INTEGER AS n_papers
     FROM runs JOIN run_models USING (run_id) WHERE run_id = $run`, run);
  const { k, n_terms: nCols, n_papers: n } = r;
  const { terms, idf } = vocabulary;
  if (terms.length !== nCols) throw new Error(`run ${runId}: ${nCols} terms in run_models but ${terms.length} read`);
  const centroids = new Float32Array(k * nCols);
  const burstTerms: number[][] = Array.from({ length: k }, () => []);
  const themes = await readBlobRows(connection, 'SELECT theme_id::INTEGER, terms, weights, burst_terms FROM theme_vectors WHERE run_id = $run',
    run, 1);
  themes.keys.forEach(([theme], x) => {
    const [terms, weights, burst] = themes.blobs[x];
    const [columns, values] = [int32Of(terms), float32Of(weights)];
    const base = theme * nCols;
    for (let j = 0; j < columns.length; j++) centroids[base + columns[j]] = values[j];
    burstTerms[theme] = Array.from(int32Of(burst));
  });
  // Surfaces only of the terms whose bursts are reported (the ids are integers from the run's own BLOBs).
  const watched = [...new Set(burstTerms.flat())].sort((a, b) => a - b);
  const surfaces: string[] = new Array(nCols);
  if (watched.length > 0) {
    const found = await queryRows<{ term_id: number; surface: string }>(connection,
      `SELECT term_id, surface FROM run_terms WHERE run_id = $run AND term_id IN (${watched.map((t) => Math.trunc(t)).join(',')})`, run);
    for (const { term_id, surface } of found) surfaces[term_id] = surface;
  }
  // In storage order, put in row order here: an ORDER BY made DuckDB copy every BLOB through a sort.
  const blocks = await readBlobRows(connection, 'SELECT first_row::INTEGER, ends, terms, weights FROM paper_vectors WHERE run_id = $run', run, 1);
  const order = blocks.keys.map(([first], x) => [first, x]).sort((a, b) => a[0] - b[0]).map(([, x]) => blocks.blobs[x]);
  const vectors = decodeBlocks(order.map(([ends, terms, weights]) => ({ ends, terms, weights })), nCols);
  if (blockRows(vectors) !== n) throw new Error(`run ${runId}: ${n} paper rows but ${blockRows(vectors)} stored vectors`);
  const PAPERS = `FROM paper_rows pr JOIN paper_themes pt ON pt.run_id = pr.run_id AND pt.paper_id = pr.paper_id
    JOIN papers p ON p.paper_id = pr.paper_id WHERE pr.run_id = $run`;
  const [theme, similarity, rank, x, y, day, precision] = await readColumns(connection,
    `SELECT pt.theme_id::INTEGER, pt.similarity::FLOAT, pt.rank_in_theme::INTEGER, pt.x::DOUBLE, pt.y::DOUBLE,
       coalesce((p.published - DATE '1970-01-01')::INTEGER, 0),
       CASE WHEN p.published IS NULL THEN 0 WHEN p.date_precision = 'day' THEN 1 WHEN p.date_precision = 'month' THEN 2
         WHEN p.date_precision = 'year' THEN 3 ELSE 0 END::INTEGER
     ${PAPERS} ORDER BY pr.paper_row`, run, ['int', 'float', 'int', 'double', 'double', 'int', 'int'] as const);
  if (theme.length !== n) throw new Error(`run ${runId}: ${n} paper rows but ${theme.length} with a theme and a paper`);
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = x[i];
    xy[2 * i + 1] = y[i];
  }
  const dates = await readDates(connection, day, precision);
  // One string of first categories in paper row order (no newline in a category: cleaned at ingest, replaced to be sure).
  const categories = await readLines(connection, `SELECT string_agg(replace(${primaryCategorySql('p')}, chr(10), ' '), chr(10)
    ORDER BY pr.paper_row) ${PAPERS}`, run, n);
  const [tx, ty, cohesion, area] = await readColumns(connection,
    'SELECT x::DOUBLE, y::DOUBLE, coalesce(cohesion, 0)::DOUBLE, coalesce(area_id, 0)::INTEGER FROM themes WHERE run_id = $run ORDER BY theme_id',
    run, ['double', 'double', 'double', 'int'] as const);
  const themeXY = new Float64Array(2 * tx.length);
  for (let t = 0; t < tx.length; t++) [themeXY[2 * t], themeXY[2 * t + 1]] = [tx[t], ty[t]];
  // Clustered papers only: the lengths the run's own postings were normalised by.
  const sums = await sumsOf(connection, runId);
  return {
    runId, k, params: JSON.parse(r.params), ngramMax: r.ngram_max, novelThreshold: r.novel_threshold, terms, idf, centroids, burstTerms,
    surfaces, vectors, theme, similarity, rank, xy, dates, categories, themeXY, cohesion, defaultGranularity: r.default_granularity ?? 'month',
    areaOfTheme: area, nAreas: Math.max(0, ...area) + 1,
    searchAverages: { title: sums[0] / Math.max(1, sums[2]), abstract: sums[1] / Math.max(1, sums[2]) }
  };
}

async function sumsOf(connection: DuckDBConnection, runId: number): Promise<Float64Array> {
  const [title, abstract, count] = await readColumns(connection,
    `SELECT coalesce(sum(title_words), 0)::DOUBLE, coalesce(sum(abstract_words), 0)::DOUBLE, count(*)::DOUBLE
     FROM paper_rows pr WHERE run_id = $run
       AND NOT EXISTS (SELECT 1 FROM assigned_papers ap WHERE ap.run_id = pr.run_id AND ap.paper_id = pr.paper_id)`,
    { run: runId }, ['double', 'double', 'double'] as const);
  return Float64Array.of(title[0], abstract[0], count[0]);
}

/**
 * Each paper's date as the pipeline's papers carry it (ISO text as DuckDB writes a DATE, and its
 * precision): one shared object per distinct (date, precision). The text is made here from the day
 * number (a query for the distinct days' text joined the papers again); a day outside years
 * 1–9999, which JS and DuckDB would write differently, is asked of DuckDB.
 */
async function readDates(connection: DuckDBConnection, day: Int32Array, precision: Int32Array): Promise<PaperDate[]> {
  const undated: PaperDate = { published: null, datePrecision: null };
  const shared = new Map<number, PaperDate>();
  const dates: PaperDate[] = new Array(day.length);
  for (let i = 0; i < day.length; i++) {
    if (precision[i] === 0) {
      dates[i] = undated;
      continue;
    }
    const key = day[i] * 4 + precision[i];
    let date = shared.get(key);
    if (date === undefined) {
      const d = day[i];
      const published = d >= FIRST_DAY && d <= LAST_DAY ? new Date(d * 86_400_000).toISOString().slice(0, 10)
        : (await readText(connection, "SELECT (DATE '1970-01-01' + $day::INTEGER)::VARCHAR", { day: d }))!;
      shared.set(key, (date = { published, datePrecision: PRECISIONS[precision[i]] }));
    }
    dates[i] = date;
  }
  return dates;
}

/** 0001-01-01 and 9999-12-31 as days since 1970-01-01: between them JS's ISO text is DuckDB's DATE text. */
const [FIRST_DAY, LAST_DAY] = [-719_162, 2_932_896];

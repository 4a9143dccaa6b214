// Owns reading a stored run back for `npm run assign`: the run to add to, its model (assign/model.ts)
// and what its papers already are (theme, similarity, map position, row, date).
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import type { DatePrecision, Granularity } from '../types.js';
import { float32Of, int32Of, unpackBlocks, type RunModel } from './model.js';

export interface StoredRun {
  runId: number;
  k: number;
  params: Record<string, unknown>;
  model: RunModel;
  /** Per paper row of the run (paper_rows order). */
  papers: StoredPaper[];
  themeXY: Float64Array;
  /** Per theme, its mean cosine (themes.cohesion): the weak-member rule needs it. */
  cohesion: Float64Array;
  defaultGranularity: Granularity;
  /** Area of each theme (themes.area_id, 0 for runs before areas) and the number of areas. */
  areaOfTheme: Int32Array;
  nAreas: number;
  /** The run's search dictionary: key → term_id. */
  searchTerms: Map<string, number>;
}

export interface StoredPaper {
  paperId: string;
  theme: number;
  similarity: number;
  rankInTheme: number;
  x: number;
  y: number;
  published: string | null;
  datePrecision: DatePrecision | null;
  titleWords: number;
  abstractWords: number;
  assigned: boolean;
}

async function rows<T>(connection: DuckDBConnection, sql: string, values: Record<string, number>): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjects() as T[];
}

/** The run to add to: `--run N` when given (it must be complete), else the newest complete run. */
export async function chooseRun(connection: DuckDBConnection, wanted: number | null, dbPath: string): Promise<number> {
  const found = await rows<{ run_id: number; status: string }>(connection,
    `SELECT run_id, status FROM runs WHERE ${wanted === null ? "status = 'complete'" : 'run_id = $run'} ORDER BY run_id DESC LIMIT 1`,
    wanted === null ? {} : { run: wanted });
  if (found.length === 0) {
    throw new InputError(wanted === null ? `${dbPath} holds no complete run; make one with npm run pipeline first` : `${dbPath} has no run ${wanted}`);
  }
  if (found[0].status !== 'complete') throw new InputError(`run ${wanted} of ${dbPath} is not complete (status ${found[0].status})`);
  const model = await rows<{ n: bigint }>(connection, 'SELECT count(*) AS n FROM run_models WHERE run_id = $run', { run: found[0].run_id });
  if (Number(model[0].n) === 0) {
    throw new InputError(`run ${found[0].run_id} of ${dbPath} was made before runs stored their vocabulary and centroids; make a new run to add papers to`);
  }
  return found[0].run_id;
}

async function columns(connection: DuckDBConnection, sql: string, runId: number): Promise<Record<string, unknown[]>> {
  const reader = await connection.runAndReadAll(sql, { run: runId });
  return reader.getColumnsObject() as Record<string, unknown[]>;
}

const blob = (v: unknown): Uint8Array => (v as { bytes: Uint8Array }).bytes;

/** The model stored with run `runId` (run_models, run_terms, theme_vectors, paper_vectors). */
async function readModel(connection: DuckDBConnection, runId: number, k: number): Promise<RunModel> {
  const [m] = await rows<{ ngram_max: number; n_docs: number; n_terms: number; novel_threshold: number }>(connection,
    'SELECT ngram_max, n_docs, n_terms, novel_threshold FROM run_models WHERE run_id = $run', { run: runId });
  const t = await columns(connection, 'SELECT term, surface, df, idf FROM run_terms WHERE run_id = $run ORDER BY term_id', runId);
  const nCols = m.n_terms;
  const centroids = new Float32Array(k * nCols);
  const burstTerms: number[][] = Array.from({ length: k }, () => []);
  const themes = await rows<{ theme_id: number; terms: unknown; weights: unknown; burst_terms: unknown }>(connection,
    'SELECT theme_id, terms, weights, burst_terms FROM theme_vectors WHERE run_id = $run', { run: runId });
  for (const row of themes) {
    const [terms, weights] = [int32Of(blob(row.terms)), float32Of(blob(row.weights))];
    terms.forEach((c, j) => (centroids[row.theme_id * nCols + c] = weights[j]));
    burstTerms[row.theme_id] = Array.from(int32Of(blob(row.burst_terms)));
  }
  const blocks = await rows<{ ends: unknown; terms: unknown; weights: unknown }>(connection,
    'SELECT ends, terms, weights FROM paper_vectors WHERE run_id = $run ORDER BY first_row', { run: runId });
  const matrix = unpackBlocks(blocks.map((b) => ({ ends: blob(b.ends), terms: blob(b.terms), weights: blob(b.weights) })), nCols);
  const vocabulary = { terms: t.term as string[], surfaces: t.surface as string[], df: Uint32Array.from(t.df as number[]),
    idf: Float64Array.from(t.idf as number[]) };
  return { ngramMax: m.ngram_max, nDocs: m.n_docs, vocabulary, k, centroids, burstTerms, matrix, novelThreshold: m.novel_threshold };
}

/** Everything `assign` needs of run `runId`. */
export async function readStoredRun(connection: DuckDBConnection, runId: number): Promise<StoredRun> {
  const [run] = await rows<{ k: number; params: string; default_granularity: Granularity | null }>(connection,
    'SELECT k, params::VARCHAR AS params, default_granularity FROM runs WHERE run_id = $run', { run: runId });
  const model = await readModel(connection, runId, run.k);
  const p = await columns(connection,
    `SELECT pr.paper_id, pt.theme_id, pt.similarity, pt.rank_in_theme, pt.x, pt.y, p.published::VARCHAR AS published, p.date_precision,
       pr.title_words, pr.abstract_words, ap.paper_id IS NOT NULL AS assigned
     FROM paper_rows pr
     JOIN paper_themes pt ON pt.run_id = pr.run_id AND pt.paper_id = pr.paper_id
     JOIN papers p ON p.paper_id = pr.paper_id
     LEFT JOIN assigned_papers ap ON ap.run_id = pr.run_id AND ap.paper_id = pr.paper_id
     WHERE pr.run_id = $run ORDER BY pr.paper_row`, runId);
  const papers: StoredPaper[] = (p.paper_id as string[]).map((paperId, i) => ({
    paperId, theme: p.theme_id[i] as number, similarity: p.similarity[i] as number, rankInTheme: p.rank_in_theme[i] as number, x: p.x[i] as number, y: p.y[i] as number,
    published: p.published[i] as string | null, datePrecision: p.date_precision[i] as DatePrecision | null,
    titleWords: p.title_words[i] as number, abstractWords: p.abstract_words[i] as number, assigned: p.assigned[i] as boolean
  }));
  if (papers.length !== model.matrix.nRows) throw new Error(`run ${runId}: ${papers.length} paper rows but ${model.matrix.nRows} stored vectors`);
  const th = await columns(connection,
    'SELECT x, y, coalesce(cohesion, 0) AS cohesion, coalesce(area_id, 0) AS area FROM themes WHERE run_id = $run ORDER BY theme_id', runId);
  const areaOfTheme = Int32Array.from(th.area as number[]);
  const search = await columns(connection, 'SELECT term, term_id FROM search_terms WHERE run_id = $run', runId);
  const searchTerms = new Map((search.term as string[]).map((term, i) => [term, search.term_id[i] as number]));
  return {
    runId, k: run.k, params: JSON.parse(run.params), model, papers,
    themeXY: Float64Array.from((th.x as number[]).flatMap((x, t) => [x, th.y[t] as number])),
    cohesion: Float64Array.from(th.cohesion as number[]), defaultGranularity: run.default_granularity ?? 'month',
    areaOfTheme, nAreas: Math.max(0, ...areaOfTheme) + 1, searchTerms
  };
}

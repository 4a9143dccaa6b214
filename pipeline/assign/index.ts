// Owns one `npm run assign`: new papers into an existing run without re-clustering. Ingest as the
// pipeline does; then, in the copy that store/copy-update.ts renames into place, read the run's
// model, give each paper not yet in the run its themes, map position, similar papers and search
// postings, recompute the run's trends, and write it all as one batch.
import type { DuckDBConnection } from '@duckdb/node-api';
import { rankInTheme } from '../cluster/rank-in-theme.js';
import { describeCoarseDates, settleDatePrecision, type DatePrecisionMode } from '../ingest/date-precision.js';
import { ingestFiles } from '../ingest/index.js';
import { updateCopy } from '../store/copy-update.js';
import type { IngestResult, InputFormat, Paper } from '../types.js';
import { fitThemes, TOP_THEMES } from './nearest-themes.js';
import { placeRows, SIMILAR, similarRows, stackRows } from './place.js';
import { topTermsOf } from './neighbours.js';
import { chooseRun, readStoredRun, type StoredRun } from './read-model.js';
import { retrend } from './retrend.js';
import { addToSearchIndex } from './search-merge.js';
import { vectorisePapers } from './vectorise.js';
import { writeBatch, type Batch } from './write.js';

export interface AssignConfig {
  inputs: string[];
  db: string;
  /** The run to add to; null = the newest complete run. */
  run: number | null;
  format: InputFormat | null;
  strict: boolean;
  lockWait: number;
}

export interface AssignSummary {
  runId: number;
  /** null when nothing was new: the database was left as it was. */
  batchId: number | null;
  ingest: Pick<IngestResult, 'files' | 'skipped' | 'duplicates' | 'warnings'>;
  added: number;
  alreadyInRun: number;
  novel: { paperId: string; title: string; similarity: number; themeId: number }[];
  novelThreshold: number;
  /** Themes' sizes and trends before and after (emerging score, share of the last window). */
  themes: { themeId: number; label: string; before: ThemeFigures; after: ThemeFigures }[];
  seconds: Record<string, number>;
}

export interface ThemeFigures { size: number; emergingScore: number; shareAfter: number; direction: string }

/** Thrown inside the copy when no paper is new: the copy is dropped and the database left untouched. */
class NothingNew extends Error {
  constructor(readonly summary: AssignSummary) {
    super('nothing new');
  }
}

export async function assignPapers(config: AssignConfig, report: (name: string) => void): Promise<AssignSummary> {
  const startedAt = new Date();
  // Every step lasts until the next one starts (the last until the end): the summary's time per step.
  const seconds: Record<string, number> = {};
  let current: { name: string; t0: number } | null = null;
  const close = () => current && (seconds[current.name] = (seconds[current.name] ?? 0) + Math.round(performance.now() - current.t0) / 1000);
  const step = (name: string) => {
    close();
    current = { name, t0: performance.now() };
    report(name);
  };
  const timed: Timed = async (name, fn) => {
    step(name);
    return fn();
  };
  const ingest = await timed('ingest', () => ingestFiles(config.inputs, { strict: config.strict, format: config.format }));
  let summary: AssignSummary | null = null;
  try {
    step('copy');
    await updateCopy(config.db, { lockWaitMs: config.lockWait * 1000, onStep: step }, async (connection) => {
      summary = await assignInCopy(connection, config, ingest, timed, step, startedAt);
    });
  } catch (e) {
    if (!(e instanceof NothingNew)) throw e;
    summary = e.summary;
  }
  close();
  return { ...summary!, seconds };
}

type Timed = <T>(name: string, fn: () => T | Promise<T>) => Promise<T>;

async function assignInCopy(connection: DuckDBConnection, config: AssignConfig, ingest: IngestResult, timed: Timed,
  step: (name: string) => void, startedAt: Date): Promise<AssignSummary> {
  const runId = await chooseRun(connection, config.run, config.db);
  const stored = await timed('read', () => readStoredRun(connection, runId));
  const inRun = new Set(stored.papers.map((p) => p.paperId));
  const papers = ingest.papers.filter((p) => !inRun.has(p.paperId));
  const base = { runId, ingest, alreadyInRun: ingest.papers.length - papers.length, novelThreshold: stored.model.novelThreshold, seconds: {} };
  const themesBefore = await readThemes(connection, runId);
  if (papers.length === 0) {
    // Nothing to write: the summary is made here and the copy dropped.
    throw new NothingNew({ ...base, batchId: null, added: 0, novel: [], themes: [] });
  }
  for (const c of settleDatePrecision(papers, (stored.params.datePrecision as DatePrecisionMode | undefined) ?? 'auto')) {
    ingest.warnings.push(describeCoarseDates(c));
  }
  const batch = await computeBatch(stored, papers, timed);
  const [{ batchId }] = (await connection.runAndReadAll('SELECT coalesce(max(batch_id), 0) + 1 AS batchId FROM assign_batches WHERE run_id = $run',
    { run: runId })).getRowObjectsJS() as { batchId: number }[];
  await writeBatch(connection, { ...batch, runId, batchId, info: { inputSha256: ingest.inputSha256, inputFiles: ingest.files,
    skipped: ingest.skipped.length, duplicates: ingest.duplicates, alreadyInRun: base.alreadyInRun, startedAt } }, step);
  const themesAfter = await readThemes(connection, runId);
  const { fit } = batch;
  const novel = papers.flatMap((p, i) => (fit.novel[i] === 1
    ? [{ paperId: p.paperId, title: p.title, similarity: fit.similarity[i * TOP_THEMES], themeId: fit.themes[i * TOP_THEMES] }] : []));
  return { ...base, batchId, added: papers.length, novel,
    themes: themesAfter.map((after, t) => ({ themeId: t, label: after.label, before: themesBefore[t], after })) };
}

async function readThemes(connection: DuckDBConnection, runId: number): Promise<(ThemeFigures & { label: string })[]> {
  const reader = await connection.runAndReadAll(`SELECT label, size, emerging_score AS "emergingScore", share_after AS "shareAfter", direction
    FROM themes WHERE run_id = $run ORDER BY theme_id`, { run: runId });
  return reader.getRowObjectsJS() as unknown as (ThemeFigures & { label: string })[];
}

/** Everything the batch writes, computed from the stored run and the new papers. */
async function computeBatch(stored: StoredRun, papers: Paper[], timed: Timed): Promise<Omit<Batch, 'runId' | 'batchId' | 'info'>> {
  const { model } = stored;
  const n0 = stored.papers.length;
  const rows = await timed('vectorise', () => vectorisePapers(papers, model.vocabulary.terms, model.vocabulary.idf, model.ngramMax));
  const fit = await timed('fit', () => fitThemes(rows, model.centroids, stored.k, model.novelThreshold, stored.cohesion));
  const matrix = stackRows(model.matrix, rows);
  const themeOf = Int32Array.from({ length: matrix.nRows }, (_, i) => (i < n0 ? stored.papers[i].theme : fit.themes[(i - n0) * TOP_THEMES]));
  const paperXY = Float64Array.from(stored.papers.flatMap((p) => [p.x, p.y]));
  const tops = await timed('place', () => topTermsOf(matrix, SIMILAR.termsPerPaper));
  const xy = placeRows(matrix, tops, n0, themeOf, stored.k, paperXY, stored.themeXY);
  const similar = await timed('similar', () => similarRows(matrix, tops, n0));
  const search = await timed('search', () => {
    const clustered = stored.papers.filter((p) => !p.assigned);
    const mean = (f: (p: (typeof clustered)[number]) => number) => clustered.reduce((s, p) => s + f(p), 0) / Math.max(1, clustered.length);
    return addToSearchIndex(papers, n0, stored.searchTerms, { title: mean((p) => p.titleWords), abstract: mean((p) => p.abstractWords) });
  });
  const similarity = Float32Array.from({ length: matrix.nRows }, (_, i) => (i < n0 ? stored.papers[i].similarity : fit.similarity[(i - n0) * TOP_THEMES]));
  const ranks = rankInTheme({ assignments: themeOf, similarity });
  const changedRanks = stored.papers.flatMap((p, i) => (p.rankInTheme !== ranks[i] ? [i] : []));
  const trends = await timed('trends', () => retrend({
    papers: [...stored.papers, ...papers], assignments: themeOf, k: stored.k, matrix, burstTerms: model.burstTerms,
    surfaces: model.vocabulary.surfaces, areaOfTheme: stored.areaOfTheme, nAreas: stored.nAreas,
    window: (stored.params.emergingWindow as number | 'auto' | undefined) ?? 'auto'
  }));
  return { papers, firstRow: n0, rows, fit, xy, ranks, changedRanks, paperIds: [...stored.papers.map((p) => p.paperId), ...papers.map((p) => p.paperId)],
    similar, search, trends, nAreas: stored.nAreas };
}

// Owns one `npm run assign`: new papers into an existing run without re-clustering. Ingest as the
// pipeline does; then, in the copy that store/copy-update.ts renames into place, read the run's
// model, give each paper not yet in the run its themes, map position, similar papers and search
// postings, recompute the run's trends, and write it all as one batch.
import type { DuckDBConnection } from '@duckdb/node-api';
import { rankInTheme } from '../cluster/rank-in-theme.js';
import { describeCoarseDates, settleDatePrecision, type DatePrecisionMode } from '../ingest/date-precision.js';
import { ingestFiles } from '../ingest/index.js';
import { abstractKey, isGenericTitle, isGlobalId, localIdOf } from '../ingest/merge.js';
import { TitleYearIndex, yearOf } from '../store/title-year.js';
import { keepApart, keptApartWarning, readTakenIds, type KeptApart } from '../store/local-ids.js';
import { adoptStoredIds, adoptedWarning, type Adopted } from '../store/stored-ids.js';
import { arxivId } from '../ingest/text.js';
import { updateCopy } from '../store/copy-update.js';
import type { Granularity, IngestResult, InputFormat, Paper, TrendDirection } from '../types.js';
import { appendChunks } from '../store/append.js';
import type { Table } from '../store/table-spec.js';
import { readColumns, readText } from './columns.js';
import { fitThemes, TOP_THEMES, type ThemeFit } from './nearest-themes.js';
import { asBlock, blockRowsOf } from './model.js';
import { PlaceHelper } from './place-threads.js';
import { chooseRun, readStoredRun, readVocabulary, type StoredRun } from './read-model.js';
import { burstColumns, retrend, type Retrended } from './retrend.js';
import { primaryCategories, primaryCategoryOf, readTrend } from '../trends/coverage.js';
import { trendWindowPeriods } from '../trends/emerging.js';
import { classOfTrend, TREND_CLASS_TEXT } from '../trends/trend-class.js';
import { whereAdded, type WhereAdded } from './where-added.js';
import { Warnings, warnAboutCoverage, warnAboutStragglers, warnAboutThemes, windowLengths } from '../warnings.js';
import { shownLabelSql } from '../quality/shown-label.js';
import { addToSearchIndex } from './search-merge.js';
import { TextPassHelper } from './text-pass-threads.js';
import { BatchWrites, NEW_PAPERS } from './write.js';

export interface AssignConfig {
  inputs: string[];
  db: string;
  /** The run to add to; null = the newest complete run. */
  run: number | null;
  format: InputFormat | null;
  strict: boolean;
  lockWait: number;
  /** Threads for the text pass, this one included (1 = no worker). */
  workers: number;
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
  /** The run's warnings this batch left word for word as they were (not printed again). */
  runWarningsUnchanged: number;
  /** Where the batch's papers fall against the trend windows (null when nothing was added or the run has no trend window). */
  whereAdded: WhereAdded | null;
  seconds: Record<string, number>;
  /** CPU seconds of the process per step (the input's own time is not apart: it overlaps the copy and read). */
  cpuSeconds: Record<string, number>;
}

export interface ThemeFigures {
  size: number;
  emergingScore: number;
  shareAfter: number;
  direction: string;
  /** Whose share shareAfter is: the categories held throughout's where the trend is read there and the run stored it, else all papers'. */
  shareOf: 'covered' | 'all';
}

/** Thrown inside the copy when no paper is new: the copy is dropped and the database left untouched. */
class NothingNew extends Error {
  constructor(readonly summary: AssignSummary) {
    super('nothing new');
  }
}

export async function assignPapers(config: AssignConfig, report: (name: string) => void): Promise<AssignSummary> {
  const startedAt = new Date();
  // Every step lasts until the next one starts (the last until the end): the summary's time per step.
  // CPU seconds likewise (the process's: DuckDB's threads count where they work).
  const seconds: Record<string, number> = {};
  const cpuSeconds: Record<string, number> = {};
  let current: { name: string; t0: number; cpu0: NodeJS.CpuUsage } | null = null;
  const close = () => {
    if (!current) return;
    const cpu = process.cpuUsage(current.cpu0);
    seconds[current.name] = (seconds[current.name] ?? 0) + Math.round(performance.now() - current.t0) / 1000;
    cpuSeconds[current.name] = (cpuSeconds[current.name] ?? 0) + Math.round((cpu.user + cpu.system) / 1000) / 1000;
  };
  const step = (name: string) => {
    close();
    current = { name, t0: performance.now(), cpu0: process.cpuUsage() };
    report(name);
  };
  const timed: Timed = async (name, fn) => {
    step(name);
    return fn();
  };
  // The input is read while the database is copied and the run read back (DuckDB works on its own
  // threads meanwhile); its own time is reported apart. Its failure is the one reported, as when
  // it came first: a bad input exits 2 whatever the database would have said.
  // The text pass's worker starts first: its start-up overlaps the input and the copy.
  const textPass = new TextPassHelper(config.workers);
  // The placement's worker too (place-threads.ts): it places the new papers while this thread does the rest.
  const placing = new PlaceHelper();
  report('ingest');
  const t0 = performance.now();
  const ingesting = ingestFiles(config.inputs, { strict: config.strict, format: config.format });
  ingesting.then(() => (seconds[INGEST_ALONGSIDE] = Math.round(performance.now() - t0) / 1000), () => {});
  let summary: AssignSummary | null = null;
  try {
    step('copy');
    await updateCopy(config.db, { lockWaitMs: config.lockWait * 1000, onStep: step, ownTransactions: true, rowGroupRows: ROW_GROUP_ROWS,
      threads: DUCKDB_THREADS }, async (connection) => {
      summary = await assignInCopy(connection, { config, ingesting, timed, step, startedAt, textPass, placing });
    });
  } catch (e) {
    if (e instanceof NothingNew) summary = e.summary;
    else {
      await ingesting;
      throw e;
    }
  } finally {
    await Promise.all([textPass.close(), placing.close()]);
  }
  close();
  return { ...summary!, seconds, cpuSeconds };
}

/**
 * Rows per row group while the batch is written (store/copy-update.ts): a table's last row group
 * holding at least this many rows is left as it is and the batch's rows start new ones. With
 * DuckDB's 122,880 the papers' append filled the run's one row group of papers, and its checkpoint
 * rewrote every stored abstract (~2.6–3.2 s of CPU for 14k papers added to 60k); now at most
 * this many rows of a table are rewritten.
 */
export const ROW_GROUP_ROWS = 16_384;

/**
 * DuckDB's threads for the batch: one. Its queries here are small or serial (a checkpoint, scans
 * of a few MB), and its second thread mostly waited for the first: at load 2–5 on this 2-core
 * machine the batch took 10.1–11.8 s of CPU with one thread against 13.3–16.6 s with two, and no
 * more wall time. The query still runs off the JS thread (the papers' commit overlaps the text pass).
 */
export const DUCKDB_THREADS = 1;

/** The key of the input's own time in AssignSummary.seconds: it overlaps the steps after it. */
export const INGEST_ALONGSIDE = 'ingest (alongside copy and read)';

interface InCopy {
  config: AssignConfig;
  ingesting: Promise<IngestResult>;
  timed: Timed;
  step: (name: string) => void;
  startedAt: Date;
  textPass: TextPassHelper;
  placing: PlaceHelper;
}

type Timed = <T>(name: string, fn: () => T | Promise<T>) => Promise<T>;

async function assignInCopy(connection: DuckDBConnection, { config, ingesting, timed, step, startedAt, textPass, placing }: InCopy): Promise<AssignSummary> {
  const runId = await chooseRun(connection, config.run, config.db);
  const vocabulary = await timed('read', () => readVocabulary(connection, runId));
  const ingest = await ingesting;
  const { papers, renamed, keptApart, adopted } = await newPapers(connection, runId, ingest.papers);
  // The batch's own warnings (its input's, ids kept apart, dates read coarsely): they are of this
  // input, not of the run, so they are stored with the batch (assign_batches.warnings).
  const own = new Warnings();
  for (const message of ingest.warnings) own.add('input', message);
  if (renamed.length > 0) own.add('input', keptApartWarning(renamed, 'a run paper', 'added'));
  if (keptApart.length > 0) own.add('input', keptApartWarning(keptApart, 'a paper another run stored'));
  if (adopted.length > 0) own.add('input', adoptedWarning(adopted));
  // The text pass starts now, taking chunks between the reads (and a worker's, with --workers 2).
  if (papers.length > 0) textPass.start(papers, vocabulary.terms, vocabulary.idf, vocabulary.ngramMax, vocabulary.searchStem);
  const stored = await timed('read', () => readStoredRun(connection, runId, vocabulary));
  const base = { runId, ingest: { ...ingest, warnings: own.list.map((w) => w.message) }, alreadyInRun: ingest.papers.length - papers.length,
    novelThreshold: stored.novelThreshold, seconds: {}, cpuSeconds: {} };
  const themesBefore = await readThemes(connection, runId);
  if (papers.length === 0) {
    // Nothing to write: the summary is made here and the copy dropped.
    throw new NothingNew({ ...base, batchId: null, added: 0, novel: [], themes: [], whereAdded: null, runWarningsUnchanged: 0 });
  }
  // A newer run stored its links to this one (theme_lineage) on this run as it was: said, as /runs/compare says it.
  const newer = (await connection.runAndReadAll(`SELECT min(run_id)::INTEGER AS id FROM theme_lineage WHERE prev_run_id = $run`, { run: runId }))
    .getRowObjectsJS() as { id: number | null }[];
  if (newer[0]?.id != null) {
    own.add('input', `run ${newer[0].id}, made after run ${runId}, stored its lineage to run ${runId} as run ${runId} was then: its theme_lineage ` +
      `rows, their export and its theme pages' ancestors leave these papers out, while /runs/compare recomputes the links with them`);
  }
  for (const c of settleDatePrecision(papers, (stored.params.datePrecision as DatePrecisionMode | undefined) ?? 'auto')) {
    own.add('coarse-dates', describeCoarseDates(c, ingest.files, 'assign reads dates as its run did: a run made with --date-precision day keeps them as days'));
  }
  const [{ batchId }] = (await connection.runAndReadAll('SELECT coalesce(max(batch_id), 0) + 1 AS batchId FROM assign_batches WHERE run_id = $run',
    { run: runId })).getRowObjectsJS() as { batchId: number }[];
  // Each group of rows is written as soon as it is known, DuckDB committing it (and checkpointing:
  // the papers' last row group and every stored vector are rewritten) on its own thread while the
  // batch goes on here (write.ts BatchWrites).
  const writes = new BatchWrites(connection, runId);
  const runWarnings = new Warnings();
  // The run's warnings as stored before this batch: the batch's recomputed ones replace theirs (write.ts), and one
  // said again word for word is not printed again (its 1,500 characters of coverage after every weekly batch; the
  // weekly-use review of 2026-12-04). /runs lists them all.
  const storedWarnings: unknown = JSON.parse((await readText(connection,
    "SELECT coalesce(json_extract(metrics, '$.warnings')::VARCHAR, '[]') FROM runs WHERE run_id = $run", { run: runId })) ?? '[]');
  const saidBefore = new Set((Array.isArray(storedWarnings) ? storedWarnings : [])
    .map((w: unknown) => (w !== null && typeof w === 'object' ? String((w as { message?: unknown }).message) : '')));
  let batch: Computed;
  try {
    step('papers');
    await writes.papers(papers);
    batch = await computeBatch(stored, papers, timed, step, { textPass, placing }, writes, batchId);
    // The corpus's coverage changes and the themes' sizes over all the run's papers now, said as a run says
    // them (labels do not change with a batch): printed below, and stored in place of the run's own in the
    // same transaction (warnings.ts RECOMPUTED_WARNINGS).
    warnAboutThemes(runWarnings, batch.trends.themeSizes.reduce((sum, x) => sum + x, 0), batch.trends.themeSizes);
    warnAboutCoverage(runWarnings, batch.trends.coverage?.changes ?? [], themesBefore.map((t, i) => ({ label: t.label, trend: batch.trends.trends[i] })),
      windowLengths(batch.trends));
    warnAboutStragglers(runWarnings, batch.trends.stragglers);
    await writes.end({ batchId, added: papers.length, novel: batch.fit.novel.reduce((sum, x) => sum + x, 0), trends: batch.trends, runWarnings: runWarnings.list,
      storedWarnings, warnings: own.list,
      info: { inputSha256: ingest.inputSha256, inputFiles: ingest.files, skipped: ingest.skipped, duplicates: ingest.duplicates,
        alreadyInRun: base.alreadyInRun, startedAt } }, step);
  } catch (e) {
    await writes.settled(); // the connection closes only once the commits are done
    throw e;
  }
  const themesAfter = await readThemes(connection, runId);
  const { fit } = batch;
  const novel = papers.flatMap((p, i) => (fit.novel[i] === 1
    ? [{ paperId: p.paperId, title: p.title, similarity: fit.similarity[i * TOP_THEMES], themeId: fit.themes[i * TOP_THEMES] }] : []));
  const trend = batch.trends.trends[0];
  // Printed: the batch's own warnings, then the run's as it now is where they say something new.
  const fresh = runWarnings.list.filter((w) => !saidBefore.has(w.message));
  return { ...base, ingest: { ...base.ingest, warnings: [...own.list, ...fresh].map((w) => w.message) }, batchId, added: papers.length, novel,
    runWarningsUnchanged: runWarnings.list.length - fresh.length,
    themes: themesAfter.map((after, t) => ({ themeId: t, label: after.label, before: themesBefore[t], after })),
    whereAdded: trend === undefined || !(trend.window >= 1) ? null : whereAdded(papers, batch.trends.totals, trend.windowGranularity, trend.window) };
}

const INPUT_TABLE: Table = { name: 'assign_input', columns: [{ name: 'i', type: 'INTEGER' }, { name: 'paper_id', type: 'VARCHAR' },
  { name: 'local_id', type: 'VARCHAR' }, { name: 'doi', type: 'VARCHAR' }, { name: 'arxiv', type: 'VARCHAR' }, { name: 'year', type: 'VARCHAR' }], key: [] };
const NEW_TABLE: Table = { name: NEW_PAPERS, columns: [{ name: 'j', type: 'INTEGER' }, { name: 'paper_id', type: 'VARCHAR' }], key: [] };

/**
 * The input's papers that run `runId` does not hold yet, in input order; their ids are left in the
 * temp table NEW_PAPERS (j = position among them) for the writes. A paper is held when the run has
 * it by ingest/merge.ts's duplicate rule: the same id, DOI (any case), arXiv id (an arXiv DOI's),
 * or title and year (unless both have DOIs and these differ); so next week's export from another
 * tool (DOIs for ids, titles in another case) adds only what is new. A local id (a citation key, a
 * row number) that names a stored paper of another title and abstract, the run's or another run's, is
 * no match (store/local-ids.ts readTakenIds, merge.ts's rule): that paper is added under its own id
 * (localIdOf), which a later batch then finds. A new paper under an id no run stored that is, by the
 * same rule, a paper another run stored takes that paper's id (store/stored-ids.ts, as a run does).
 *
 * The id and DOI rules are hash joins in DuckDB; titles are compared here with merge.ts's own
 * titleKey, for the run's papers of the input's years only (a regexp key in SQL cost ~0.4 s).
 */
async function newPapers(connection: DuckDBConnection, runId: number, papers: Paper[]):
  Promise<{ papers: Paper[]; renamed: KeptApart[]; keptApart: KeptApart[]; adopted: Adopted[] }> {
  await connection.run('CREATE OR REPLACE TEMP TABLE assign_input (i INTEGER, paper_id VARCHAR, local_id VARCHAR, doi VARCHAR, arxiv VARCHAR, year VARCHAR)');
  await appendChunks(connection, INPUT_TABLE, papers.length, [(i) => i, (i) => papers[i].paperId,
    (i) => (isGlobalId(papers[i].paperId) ? null : localIdOf(papers[i])), (i) => papers[i].doi?.toLowerCase() ?? null,
    (i) => (papers[i].doi === null ? null : arxivId(papers[i].doi!)), (i) => yearOf(papers[i])]);
  // Held by a rule other than the id itself: the id kept apart last time, the arXiv id either way, the DOI.
  const RUN = `(SELECT pr.paper_id, lower(p.doi) AS doi, nullif(regexp_extract(p.doi, '^10\\.48550/(?i:arxiv)\\.(.+)$', 1), '') AS arxiv
    FROM paper_rows pr JOIN papers p ON p.paper_id = pr.paper_id WHERE pr.run_id = $run)`;
  const [byKey] = await readColumns(connection, `WITH r AS MATERIALIZED ${RUN}
    SELECT a.i FROM assign_input a JOIN r ON r.paper_id = a.local_id
    UNION SELECT a.i FROM assign_input a JOIN r ON r.paper_id = a.arxiv
    UNION SELECT a.i FROM assign_input a JOIN r ON r.arxiv = a.paper_id
    UNION SELECT a.i FROM assign_input a JOIN r ON r.doi = a.doi`, { run: runId }, ['int'] as const);
  const state = new Uint8Array(papers.length); // 0 new, 1 held, 2 new under an id of its own
  for (const i of byKey) state[i] = 1;
  // The same id as a stored paper (store/local-ids.ts, the rule a new run follows too): that paper, held
  // when the run holds it, unless the id is a local one naming another paper, of this run or another.
  const apartFromRun = new Set<number>();
  for (const { i, clash, inRun } of await readTakenIds(connection, INPUT_TABLE.name, papers, runId)) {
    if (state[i] === 1) continue;
    if (clash) {
      state[i] = 2;
      if (inRun) apartFromRun.add(i);
    } else if (inRun) state[i] = 1;
  }
  // The same title and year (the run's papers of the input's years), unless both DOIs differ.
  const text = await readText(connection, `SELECT string_agg(p.title || chr(31) || coalesce(lower(p.doi), '') || chr(31) || y || chr(31) || p.paper_id, chr(10))
    FROM (SELECT p.title, p.doi, p.paper_id, coalesce(strftime(p.published, '%Y'), '') AS y FROM paper_rows pr JOIN papers p ON p.paper_id = pr.paper_id
      WHERE pr.run_id = $run) p WHERE y IN (SELECT DISTINCT year FROM assign_input)`, { run: runId });
  const byTitle = new TitleYearIndex();
  for (const line of text === null ? [] : text.split('\n')) {
    const [title, doi, y, paperId] = line.split('\u001f');
    byTitle.add(title, y, doi === '' ? null : doi, paperId);
  }
  const generic = new Map<number, string[]>(); // a generic title's input paper → the run papers it is held by with the same abstract
  papers.forEach((p, i) => {
    if (state[i] === 1) return;
    const same = byTitle.matches(p);
    if (same.length === 0) return;
    if (isGenericTitle(p.title)) generic.set(i, same.map((r) => r.paperId));
    else state[i] = 1;
  });
  for (const i of await heldBySameAbstract(connection, papers, generic)) state[i] = 1;
  // A new paper under an id no run stored that is a paper another run stored (the run's own are held
  // above) takes that paper's id, as a new run's would (store/stored-ids.ts): one row in papers, and
  // the next run's lineage and comparison find it under the id the other runs know.
  const adopted = await adoptStoredIds(connection, papers.filter((_, i) => state[i] === 0), runId);
  // A new paper whose local id names another paper is added under its own id: it must not rewrite that one.
  const renamed: KeptApart[] = [];
  const keptApart: KeptApart[] = [];
  const out: Paper[] = [];
  papers.forEach((p, i) => {
    if (state[i] === 1) return;
    if (state[i] === 2) (apartFromRun.has(i) ? renamed : keptApart).push(keepApart(p));
    out.push(p);
  });
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${NEW_PAPERS} (j INTEGER, paper_id VARCHAR)`);
  await appendChunks(connection, NEW_TABLE, out.length, [(j) => j, (j) => out[j].paperId]);
  return { papers: out, renamed, keptApart, adopted };
}

/**
 * Of the input papers whose generic title ("Introduction", "Editorial") and year match run papers,
 * those whose abstract is also one of theirs (merge.ts titleYearKey): the title alone holds no paper.
 */
async function heldBySameAbstract(connection: DuckDBConnection, papers: readonly Paper[], candidates: Map<number, string[]>): Promise<number[]> {
  if (candidates.size === 0) return [];
  const ids = [...new Set([...candidates.values()].flat())];
  // A string parameter, so node-api binds it (queryRows takes integers only); a few rows, rarely.
  const rows = (await connection.runAndReadAll(`SELECT paper_id, abstract[1:300] AS abstract FROM papers
    WHERE list_contains(string_split($ids, chr(31)), paper_id)`, { ids: ids.join('\u001f') })).getRowObjectsJS() as { paper_id: string; abstract: string }[];
  const abstractOf = new Map(rows.map((r) => [r.paper_id, abstractKey(r.abstract)]));
  return [...candidates].filter(([i, held]) => held.some((id) => abstractOf.get(id) === abstractKey(papers[i].abstract))).map(([i]) => i);
}

/**
 * The themes' figures, each trend as it is read (trends/coverage.ts readTrend) and worded by its class
 * (trends/trend-class.ts classOfTrend: the papers per period it was read over tell "shrinking slower
 * than the field" from "emerging" and "growing slower" from "fading"), as on the dashboard: read over
 * the categories held throughout, its share after is theirs too. Each is named as the pipeline's
 * summary and every page name it (quality/shown-label.ts: "Mixture: …" for a mixture).
 */
async function readThemes(connection: DuckDBConnection, runId: number): Promise<(ThemeFigures & { label: string })[]> {
  const reader = await connection.runAndReadAll(`SELECT ${shownLabelSql('themes')} AS label, size, emerging_score AS "emergingScore", z_score AS "zScore", share_after AS "shareAfter",
    direction, covered_share AS "coveredShare", covered_direction AS "coveredDirection", covered_score AS "coveredScore", covered_z AS "coveredZ",
    covered_share_after AS "coveredShareAfter", papers_before AS "papersBefore", papers_after AS "papersAfter",
    covered_papers_before AS "coveredPapersBefore", covered_papers_after AS "coveredPapersAfter",
    coalesce(window_granularity, 'month') AS "windowGranularity", window_months AS "window"
    FROM themes WHERE run_id = $run ORDER BY theme_id`, { run: runId });
  const rows = reader.getRowObjectsJS() as unknown as (ThemeFigures & { label: string; direction: TrendDirection; zScore: number;
    coveredShare: number | null; coveredDirection: TrendDirection | null; coveredScore: number | null; coveredZ: number | null;
    coveredShareAfter: number | null; papersBefore: number; papersAfter: number; coveredPapersBefore: number | null;
    coveredPapersAfter: number | null; windowGranularity: Granularity; window: number })[];
  const periods = await windowPeriods(connection, runId, rows[0]);
  return rows.map(({ coveredShare, coveredDirection, coveredScore, coveredZ, coveredShareAfter, zScore, papersBefore, papersAfter,
    coveredPapersBefore, coveredPapersAfter, windowGranularity: _g, window: _w, ...t }) => {
    const covered = coveredShare === null || coveredDirection === null ? null
      : { share: coveredShare, direction: coveredDirection, emergingScore: coveredScore ?? 0, zScore: coveredZ ?? 0,
        papersBefore: coveredPapersBefore ?? papersBefore, papersAfter: coveredPapersAfter ?? papersAfter };
    const r = readTrend({ direction: t.direction, emergingScore: t.emergingScore, zScore, covered });
    const words = TREND_CLASS_TEXT[classOfTrend({ direction: t.direction, papersBefore, papersAfter, covered }, periods)];
    const within = r.basis === 'covered' && coveredShareAfter !== null;
    return { ...t, emergingScore: r.emergingScore, shareAfter: within ? coveredShareAfter! : t.shareAfter, shareOf: within ? 'covered' as const : 'all' as const,
      direction: r.basis === 'covered' ? `${words} (categories held throughout)` : words };
  });
}

/** The trend windows' lengths in periods (trendWindowPeriods over the run's period totals), as the theme rows were scored. */
async function windowPeriods(connection: DuckDBConnection, runId: number, theme: { windowGranularity: Granularity; window: number } | undefined):
  Promise<{ before: number; after: number }> {
  if (theme === undefined || !(theme.window >= 1)) return { before: 0, after: 0 };
  const totals = (await connection.runAndReadAll(`SELECT period::VARCHAR AS period, granularity, partial FROM period_totals
    WHERE run_id = $run AND granularity = $granularity`, { run: runId, granularity: theme.windowGranularity })).getRowObjectsJS() as unknown as
    { period: string; granularity: Granularity; partial: boolean }[];
  const { before, after } = trendWindowPeriods(totals, theme.windowGranularity, theme.window);
  return { before: before.length, after: after.length };
}

interface Computed {
  fit: ThemeFit;
  trends: Retrended;
}

/**
 * The batch computed from the stored run and the new papers, each group of rows handed to `writes`
 * as soon as it is known; the trends are left for the last transaction. The map positions and
 * similar papers are found on the placement's worker meanwhile, from fit on.
 */
async function computeBatch(stored: StoredRun, papers: Paper[], timed: Timed, step: (name: string) => void,
  { textPass, placing }: { textPass: TextPassHelper; placing: PlaceHelper }, writes: BatchWrites, batchId: number): Promise<Computed> {
  const n0 = stored.theme.length;
  const n = papers.length;
  const { rows, words, keyText } = await timed('vectorise', () => textPass.finish());
  const fit = await timed('fit', () => fitThemes(rows, stored.centroids, stored.k, stored.novelThreshold, stored.cohesion));
  const themeOf = new Int32Array(n0 + n);
  const similarity = new Float32Array(n0 + n);
  themeOf.set(stored.theme);
  similarity.set(stored.similarity);
  for (let i = 0; i < n; i++) [themeOf[n0 + i], similarity[n0 + i]] = [fit.themes[i * TOP_THEMES], fit.similarity[i * TOP_THEMES]];
  const ranks = rankInTheme({ assignments: themeOf, similarity });
  const changed: number[] = [];
  for (let i = 0; i < n0; i++) if (stored.rank[i] !== ranks[i]) changed.push(i);
  // The run's rows and the new ones read where they lie (no stacked copy). Map positions and similar
  // papers (a new paper's two neighbour queries share its cosines) start on the worker now.
  const blocks = [...stored.vectors, asBlock(rows)];
  placing.start({ blocks, nCols: stored.terms.length, nPlaced: n0, themeOf, k: stored.k, paperXY: stored.xy, themeXY: stored.themeXY });
  // The search index, the TF-IDF rows and what fit decided go to DuckDB meanwhile: their commit
  // (which rewrites every stored vector) runs on DuckDB's thread while the trends are computed here.
  const search = await timed('search', async () => addToSearchIndex(await writes.idle(), stored.runId, words, keyText, n0, stored.searchAverages));
  step('search_postings');
  await writes.rowsAndSearch(n0, rows, search, { batchId, fit, ranks, changedRanks: Int32Array.from(changed) });
  const matrix = blockRowsOf(blocks, stored.terms.length);
  const trends = await timed('trends', () => retrend({
    papers: [...stored.dates, ...papers], assignments: themeOf, k: stored.k, matrix: burstColumns(matrix, stored.burstTerms, themeOf),
    burstTerms: stored.burstTerms, surfaces: stored.surfaces, areaOfTheme: stored.areaOfTheme, nAreas: stored.nAreas,
    window: (stored.params.emergingWindow as number | 'auto' | undefined) ?? 'auto',
    strata: primaryCategories([...stored.categories.map((c) => [c]), ...papers.map(primaryCategoryOf)])
  }));
  // What is left of the placement, then the rows that wait for it.
  const { xy, similar } = await timed('place', () => placing.finish());
  step('paper_vectors');
  await writes.idle();
  step('paper_themes');
  await writes.placement(xy, similar);
  return { fit, trends };
}

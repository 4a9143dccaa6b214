// Owns writing one run: every table of the run appended into the copy that copy-update.ts renames
// over the database once the run is marked complete, so a crash or error leaves the previous file
// (and the dashboard reading it) exactly as it was.
import type { DuckDBConnection } from '@duckdb/node-api';
import { lineageToPrevious } from './lineage.js';
import { keepLocalIdsApart, keptApartWarning } from './local-ids.js';
import { adoptStoredIds, adoptedWarning } from './stored-ids.js';
import { countKinds } from '../lineage/match.js';
import { appendChunks, appendColumns, appendTable, toJsonText } from './append.js';
import { vectorBytes } from '../assign/model.js';
import { updateCopy } from './copy-update.js';
import type { Placement, RunData } from './run-data.js';
import type { Table } from './table-spec.js';
import type { Paper } from '../types.js';
import type { RunWarning } from '../warnings.js';
import { paperColumns, runRows, SEARCH_INDEX_TABLES, type Rows, type RunRows } from './table-rows.js';
import type { SearchIndex } from '../search/index.js';
import { SEARCH_STEM } from '../tokenise/search-tokens.js';
import { PAPERS, TABLES } from './tables.js';

const fromSearchIndex = new Set<string>(SEARCH_INDEX_TABLES);
/**
 * Written after the search index: paper_vectors, whose BLOBs DuckDB holds in memory until the final
 * checkpoint (~1.4 GB at a million papers). Before it, they were held while the index, still in the
 * making, sorted its postings, and the two together made the 1M run's peak (8,569 MB).
 */
const AFTER_SEARCH_INDEX = new Set<string>(['paper_vectors']);
/**
 * The tables that hold the map's part of the run (run-data.ts Placement): written after the others,
 * so that the papers (the store's longest append) go in while the projection ends (WriteOptions.place).
 */
const PLACED = new Set<string>(['themes', 'paper_themes', 'theme_neighbours', 'areas', 'similar_papers']);
/** Which group of the write order a table is in (WRITE_ORDER). */
const writeGroup = (name: string) => (PLACED.has(name) ? 1 : fromSearchIndex.has(name) ? 2 : AFTER_SEARCH_INDEX.has(name) ? 3 : 0);
/**
 * The tables in the order they are written, each group in spec order: those of neither the map nor
 * the search index, then PLACED, then the search index's (it may still be in the making), then
 * AFTER_SEARCH_INDEX.
 */
const WRITE_ORDER = [...TABLES].sort((a, b) => writeGroup(a.name) - writeGroup(b.name));

/** The first table that holds the map's part: before it, the store's 'map' step waits for it (WriteOptions.place). */
const FIRST_PLACED = WRITE_ORDER.find((t) => PLACED.has(t.name))!;

/** The store's steps, in order: one per table (and the wait for the map before its tables), then marking the run complete, then the rename. */
export const STORE_STEPS: readonly string[] = WRITE_ORDER.flatMap((t) => (t === FIRST_PLACED ? ['map', t.name] : [t.name])).concat('complete', 'rename');

export interface WriteOptions {
  /** How long to wait for another writer's lock on the same database. */
  lockWaitMs: number;
  /** Called between stages of the write, for progress and for crash tests. */
  onStep?: (step: string) => void;
  /**
   * The search index when it is still being built (the pipeline's background thread): awaited just
   * before its tables, which are written next to last, and put in run.search. Without it, run.search is used.
   */
  searchIndex?: () => Promise<SearchIndex>;
  /**
   * The map's part of the run when the projection may still be under way (the pipeline's): awaited
   * just before the first table that holds it (PLACED) and put in `run`, whose own fields of it are
   * then placeholders. Without it, the run's own fields are written.
   */
  place?: () => Promise<Placement>;
  /** The map's recall@10 when it is still being measured: awaited before the run is marked complete, into run.metrics.mapRecall10. */
  recall?: () => Promise<number | null>;
}

/**
 * Writes one complete run; returns its run_id. Sets `run.durations.store` (the store's own time) and
 * `run.metrics.peakRssMb` to the values it stores, so whoever prints them prints what the file holds.
 */
export async function writeRun(dbPath: string, run: RunData, options: WriteOptions): Promise<number> {
  const started = performance.now();
  return updateCopy(dbPath, { ...options, memoryLimitMb: storeMemoryMb(run) }, async (connection) => {
    const runId = await nextRunId(connection);
    // Before the lineage, whose shared papers are matched by id, and before any row carries an id:
    // a paper stored under another id takes that id, then a local id naming another stored paper is kept apart.
    const warnings = (run.metrics.warnings ??= []) as RunWarning[];
    // How the search index's keys are stemmed (search-tokens.ts): the dashboard and npm run assign key words so.
    // An index handed over later (options.searchIndex) is checked against it when it comes.
    run.metrics.searchStem = run.search?.stem ?? SEARCH_STEM;
    const adopted = await adoptStoredIds(connection, run.papers);
    if (adopted.length > 0) warnings.push({ code: 'input', message: adoptedWarning(adopted) });
    // A paper that just took a stored id is that paper (its DOI, arXiv id or title said so): not a clash.
    const adoptedPapers = new Set(adopted.map((a) => a.paper));
    const kept = await keepLocalIdsApart(connection, adoptedPapers.size === 0 ? run.papers : run.papers.filter((p) => !adoptedPapers.has(p)));
    if (kept.length > 0) warnings.push({ code: 'input', message: keptApartWarning(kept, 'a paper an earlier run stored') });
    await matchPreviousRun(connection, run);
    await insertRun(connection, runId, run, options, started);
    return runId;
  });
}

/**
 * DuckDB's memory while the run is written: 256 MB, or more when the run's TF-IDF rows
 * (paper_vectors) need it — DuckDB keeps BLOBs over 4 kB in memory until the final checkpoint,
 * ~0.9 GB at a million papers, where 256 MB failed ("failed to pin block").
 */
export function storeMemoryMb(run: Pick<RunData, 'model'>): number {
  return Math.max(256, Math.ceil((1.25 * vectorBytes(run.model.matrix)) / 2 ** 20) + 128);
}

async function nextRunId(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll('SELECT coalesce(max(run_id), 0) + 1 AS id FROM runs');
  return Number(reader.getRows()[0][0]);
}

/** The run's lineage to the previous complete run in the copy (theme_lineage), its counts in runs.metrics.lineage. */
async function matchPreviousRun(connection: DuckDBConnection, run: RunData) {
  run.lineage = await lineageToPrevious(connection, run);
  if (run.lineage) run.metrics.lineage = { prevRunId: run.lineage.prevRunId, ...countKinds(run.lineage.links) };
}

async function insertRun(connection: DuckDBConnection, runId: number, run: RunData, options: WriteOptions, started: number) {
  const step = options.onStep ?? (() => {});
  let rows = runRows(run, runId);
  // The waits for what other threads still make are the pipeline's stages' time (search, map), not the store's.
  let waited = 0;
  const wait = async <T>(value: Promise<T>): Promise<T> => {
    const waiting = performance.now();
    const result = await value;
    waited += performance.now() - waiting;
    return result;
  };
  for (const table of WRITE_ORDER) {
    if (options.place && table === FIRST_PLACED) {
      step('map');
      // What is written so far is committed while the map is awaited: the commit merges the tables'
      // keys into their indexes (~1.4 s at 75k papers, for the papers and paper_theme_ranks most), which
      // the final commit did alone at the end of the run (1.7 → 0.4 s). The copy is this writer's
      // own until the rename, so a commit here is no more visible than one at the end.
      await connection.run('COMMIT; BEGIN TRANSACTION');
      Object.assign(run, await wait(options.place()));
      rows = runRows(run, runId);
    }
    step(table.name);
    if (options.searchIndex && table.name === SEARCH_INDEX_TABLES[0]) {
      run.search = await wait(options.searchIndex());
      if (run.search.stem !== run.metrics.searchStem) throw new Error(`search index stemmed ${run.search.stem}, the run says ${run.metrics.searchStem}`);
    }
    if (table === PAPERS) {
      await upsertPapers(connection, run.papers);
      continue;
    }
    // rows[table.name] are `table`'s rows (RunRows is keyed by table name), a pairing TS cannot follow in a loop.
    const { n, row, columns } = rows[table.name as keyof RunRows] as Rows<never>;
    if (columns) await appendColumns(connection, table as Table, n, columns);
    else await appendTable(connection, table as Table, n, row);
    // An index handed over for the write is let go once its tables are in (its postings: ~1.4 GB
    // at a million papers, which would otherwise be held through paper_vectors and the checkpoint).
    if (options.searchIndex && table.name === SEARCH_INDEX_TABLES[SEARCH_INDEX_TABLES.length - 1]) run.search = null;
  }
  if (options.recall) run.metrics.mapRecall10 = await wait(options.recall().catch((e: unknown) => {
    // A measure of the map, not part of it: its failure does not throw away a run written whole.
    (run.metrics.warnings as RunWarning[]).push({ code: 'map-recall',
      message: `the map's recall check failed (${e instanceof Error ? e.message : String(e)}); the map is stored without its recall@10` });
    return null;
  }));
  step('complete');
  // The store's own time (lock wait included, final checkpoint and rename not) and the peak RSS so
  // far, taken as late as can still be stored; the run object carries the same values to the CLI.
  // The wait for the search index is the search stage's time (the caller's), not the store's.
  run.durations.store = Math.round(performance.now() - started - waited) / 1000;
  run.metrics.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await connection.run(
    `UPDATE runs SET status = 'complete', durations = $durations::JSON, metrics = $metrics::JSON WHERE run_id = $id`,
    { id: runId, durations: toJsonText(run.durations), metrics: toJsonText(run.metrics) }
  );
}

/**
 * Upserts papers: rows with the same paper_id are deleted first (when the table has any), then all
 * are appended straight into `papers` (a staging copy plus INSERT OR REPLACE held ~600 MB more at
 * 75k papers), a data chunk at a time, column by column (table-rows.ts paperColumns).
 */
export async function upsertPapers(connection: DuckDBConnection, papers: readonly Paper[]) {
  const columns = paperColumns(papers);
  if (await hasRows(connection, PAPERS.name)) {
    await connection.run('CREATE TEMP TABLE new_paper_ids (paper_id VARCHAR)');
    await appendChunks(connection, NEW_PAPER_IDS, papers.length, [columns[0]]);
    await connection.run('DELETE FROM papers WHERE paper_id IN (SELECT paper_id FROM new_paper_ids)');
    await connection.run('DROP TABLE new_paper_ids');
  }
  await appendChunks(connection, PAPERS, papers.length, columns);
}

/** The temp table of the ids upsertPapers replaces. */
const NEW_PAPER_IDS: Table = { name: 'new_paper_ids', columns: [{ name: 'paper_id', type: 'VARCHAR' }], key: [] };

async function hasRows(connection: DuckDBConnection, table: string): Promise<boolean> {
  const reader = await connection.runAndReadAll(`SELECT EXISTS (FROM ${table})`);
  return reader.getRows()[0][0] === true;
}

// Owns every write to DuckDB. A run is written into a copy of the database beside it, marked
// complete, checkpointed and renamed over the original: a crash or error at any point leaves the
// previous file (and the dashboard reading it) exactly as it was.
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATE,
  DuckDBDataChunk,
  DuckDBInstance,
  LIST,
  listValue,
  VARCHAR,
  type DuckDBConnection
} from '@duckdb/node-api';
import { acquireLock } from './lock.js';
import { appendRows, dateDays, toJsonText } from './append.js';
import type { RunData } from './run-data.js';

const VARCHAR_LIST = LIST(VARCHAR);
const PAPER_TYPES = [VARCHAR, VARCHAR, VARCHAR, DATE, VARCHAR, VARCHAR_LIST, VARCHAR_LIST, VARCHAR, VARCHAR];
const CHUNK_ROWS = 2048;
const SCHEMA_SQL = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'schema.sql'), 'utf8');

export interface WriteOptions {
  /** How long to wait for another pipeline's lock on the same database. */
  lockWaitMs: number;
  /** Called between stages of the write, for progress and for crash tests. */
  onStep?: (step: string) => void;
}

/** Removes temp copies left by pipelines that died (their pid no longer runs). */
function removeStaleTemps(dbPath: string): void {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(dir, name), { force: true });
    }
  }
}

/** Writes one complete run; returns its run_id. */
export async function writeRun(dbPath: string, run: RunData, options: WriteOptions): Promise<number> {
  const started = performance.now();
  const release = await acquireLock(`${dbPath}.lock`, options.lockWaitMs);
  const tmpPath = `${dbPath}.tmp-${process.pid}`;
  try {
    removeStaleTemps(dbPath);
    rmSync(tmpPath, { force: true });
    rmSync(`${tmpPath}.wal`, { force: true });
    if (existsSync(dbPath)) copyFileSync(dbPath, tmpPath);
    const instance = await DuckDBInstance.create(tmpPath);
    let runId: number;
    try {
      const connection = await instance.connect();
      try {
        await connection.run(SCHEMA_SQL);
        runId = await nextRunId(connection);
        await insertRun(connection, runId, run, options.onStep ?? (() => {}), started);
        await connection.run('CHECKPOINT');
      } finally {
        connection.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    options.onStep?.('rename');
    renameSync(tmpPath, dbPath);
    return runId;
  } catch (e) {
    rmSync(tmpPath, { force: true });
    rmSync(`${tmpPath}.wal`, { force: true });
    throw e;
  } finally {
    release();
  }
}

async function nextRunId(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll('SELECT coalesce(max(run_id), 0) + 1 AS id FROM runs');
  return Number(reader.getRows()[0][0]);
}

async function insertRun(
  connection: DuckDBConnection,
  runId: number,
  run: RunData,
  step: (s: string) => void,
  started: number
) {
  step('runs');
  await connection.run(
    `INSERT INTO runs VALUES ($run_id, $created_at::TIMESTAMP, 'running', $sha, $files::JSON, $n_papers,
       $n_skipped, $n_duplicates, $n_terms, $k, $seed, $stability, $date_min::DATE, $date_max::DATE,
       $params::JSON, $tool_version, $durations::JSON, $metrics::JSON)`,
    {
      run_id: runId,
      created_at: run.createdAt.toISOString().replace('T', ' ').replace('Z', ''),
      sha: run.inputSha256,
      files: toJsonText(run.inputFiles),
      n_papers: run.papers.length,
      n_skipped: run.skipped.length,
      n_duplicates: run.duplicates,
      n_terms: run.nTerms,
      k: run.k,
      seed: run.seed,
      stability: run.stability,
      date_min: run.dateMin,
      date_max: run.dateMax,
      params: toJsonText(run.params),
      tool_version: run.toolVersion,
      durations: toJsonText(run.durations),
      metrics: toJsonText(run.metrics)
    }
  );
  step('papers');
  await writePapers(connection, run);
  step('themes');
  await appendRows(connection, 'themes', run.themes.length, (i, a) => {
    const t = run.themes[i];
    a.appendInteger(runId);
    a.appendInteger(t.themeId);
    a.appendVarchar(t.label);
    a.appendInteger(t.size);
    a.appendDouble(t.share);
    a.appendList(t.keywords, VARCHAR_LIST);
    a.appendDouble(t.x);
    a.appendDouble(t.y);
    a.appendDouble(t.trend.growth);
    a.appendDouble(t.trend.emergingScore);
    a.appendVarchar(t.trend.direction);
    a.appendInteger(t.trend.windowMonths);
    a.appendDouble(t.trend.shareBefore);
    a.appendDouble(t.trend.shareAfter);
    a.appendInteger(t.trend.papersBefore);
    a.appendInteger(t.trend.papersAfter);
    a.appendDouble(t.trend.zScore);
  });
  step('theme_terms');
  const terms = run.themes.flatMap((t) => t.keywords.map((term, r) => ({ t, term, r })));
  await appendRows(connection, 'theme_terms', terms.length, (i, a) => {
    const { t, term, r } = terms[i];
    a.appendInteger(runId);
    a.appendInteger(t.themeId);
    a.appendInteger(r + 1);
    a.appendVarchar(term);
    a.appendDouble(t.weights[r]);
  });
  step('paper_themes');
  const { clustering, layout, rankInTheme } = run;
  await appendRows(connection, 'paper_themes', run.papers.length, (i, a) => {
    a.appendInteger(runId);
    a.appendVarchar(run.papers[i].paperId);
    a.appendInteger(clustering.assignments[i]);
    a.appendDouble(clustering.similarity[i]);
    a.appendInteger(rankInTheme[i]);
    a.appendDouble(layout.paperXY[2 * i]);
    a.appendDouble(layout.paperXY[2 * i + 1]);
  });
  step('theme_periods');
  await appendRows(connection, 'theme_periods', run.periods.length, (i, a) => {
    const p = run.periods[i];
    a.appendInteger(runId);
    a.appendInteger(p.themeId);
    a.appendVarchar(p.granularity);
    a.appendDate(dateDays(p.period));
    a.appendInteger(p.papers);
    a.appendDouble(p.share);
    a.appendBoolean(p.partial);
  });
  await appendRows(connection, 'period_totals', run.totals.length, (i, a) => {
    const p = run.totals[i];
    a.appendInteger(runId);
    a.appendVarchar(p.granularity);
    a.appendDate(dateDays(p.period));
    a.appendInteger(p.papers);
    a.appendBoolean(p.partial);
  });
  step('theme_neighbours');
  await appendRows(connection, 'theme_neighbours', run.neighbours.length, (i, a) => {
    const n = run.neighbours[i];
    a.appendInteger(runId);
    a.appendInteger(n.themeId);
    a.appendInteger(n.rank);
    a.appendInteger(n.neighbourId);
    a.appendDouble(n.similarity);
  });
  await appendRows(connection, 'k_selection', run.kSelection.length, (i, a) => {
    const p = run.kSelection[i];
    a.appendInteger(runId);
    a.appendInteger(p.k);
    a.appendDouble(p.stability);
    a.appendDouble(p.inertia);
    a.appendBoolean(p.chosen);
  });
  await appendRows(connection, 'skipped_records', run.skipped.length, (i, a) => {
    const s = run.skipped[i];
    a.appendInteger(runId);
    a.appendVarchar(s.file);
    a.appendInteger(s.line);
    a.appendVarchar(s.field);
    a.appendVarchar(s.reason);
  });
  step('complete');
  // The store's own time (lock wait included, final checkpoint and rename not) joins the stage durations.
  const durations = { ...run.durations, store: Math.round(performance.now() - started) / 1000 };
  await connection.run(`UPDATE runs SET status = 'complete', durations = $durations::JSON WHERE run_id = $id`, {
    id: runId,
    durations: toJsonText(durations)
  });
}

/**
 * Upserts the run's papers: rows with the same paper_id are deleted first, then all are appended
 * straight into `papers` (a staging copy plus INSERT OR REPLACE held ~600 MB more at 75k papers).
 */
async function writePapers(connection: DuckDBConnection, run: RunData) {
  await connection.run('CREATE TEMP TABLE new_paper_ids (paper_id VARCHAR)');
  await appendRows(connection, 'new_paper_ids', run.papers.length, (i, a) => a.appendVarchar(run.papers[i].paperId));
  await connection.run('DELETE FROM papers WHERE paper_id IN (SELECT paper_id FROM new_paper_ids)');
  await connection.run('DROP TABLE new_paper_ids');
  // Data chunks of plain JS values: appending lists value by value made one native handle per
  // list, freed only at garbage collection (~600 MB held at 75k papers). One chunk, reset and
  // refilled: a new chunk per batch kept every batch's native vectors until GC (~160 MB more).
  const appender = await connection.createAppender('papers');
  const chunk = DuckDBDataChunk.create(PAPER_TYPES, CHUNK_ROWS);
  try {
    for (let start = 0; start < run.papers.length; start += CHUNK_ROWS) {
      const rows = run.papers.slice(start, start + CHUNK_ROWS).map((p) => [
        p.paperId,
        p.title,
        p.abstract,
        p.published === null ? null : dateDays(p.published),
        p.datePrecision,
        listValue(p.authors),
        listValue(p.categories),
        p.url,
        p.source
      ]);
      chunk.reset();
      chunk.setRows(rows);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

// Owns which run a request looks at: the newest complete run, or the one `?run=` names. Also maps
// "no usable database" to a 503 page, so a missing or foreign file never shows up as a 500.
import { error } from '@sveltejs/kit';
import type { RunRow } from '../../../pipeline/types.js';
import { DatabaseMissingError, databasePath, query } from './db.js';

export const RUN_COLUMNS = `run_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at, status, input_sha256,
  n_papers, n_skipped, n_duplicates, n_terms, k, seed, stability, date_min, date_max,
  params::VARCHAR AS params, tool_version, durations::VARCHAR AS durations, metrics::VARCHAR AS metrics,
  input_files::VARCHAR AS input_files`;

/** The `run` parameter as a number: null when absent or empty; 400 unless a positive integer. */
export function readRunParam(url: URL): number | null {
  const raw = url.searchParams.get('run');
  if (raw === null || raw === '') return null;
  if (!/^[1-9]\d{0,8}$/.test(raw)) error(400, 'run must be a positive integer');
  return Number(raw);
}

/** Runs `fn`; a missing database or one without Themescope's tables becomes a 503 with the reason. */
export async function guardDatabase<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DatabaseMissingError) error(503, e.message);
    // DuckDB says "Catalog Error: Table with name runs does not exist!" for a file that is not ours.
    if (e instanceof Error && /^Catalog Error: Table with name \w+ does not exist/.test(e.message)) {
      error(503, `The database at ${databasePath()} has no Themescope tables. Run the pipeline to create it.`);
    }
    if (e instanceof Error && /not a valid DuckDB database file/.test(e.message)) {
      error(503, `The file at ${databasePath()} is not a DuckDB database. Set THEMESCOPE_DB or run the pipeline.`);
    }
    throw e;
  }
}

/** Reads `?run=`; absent → newest complete run. Throws 400 (malformed), 404 (unknown), 503 (no database). */
export async function resolveRun(url: URL): Promise<RunRow> {
  const run = readRunParam(url);
  const rows = await guardDatabase(() =>
    run === null
      ? query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE status = 'complete' ORDER BY run_id DESC LIMIT 1`)
      : query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE status = 'complete' AND run_id = $run`, { run })
  );
  if (rows.length === 0) {
    error(404, run === null ? 'No complete run in the database yet — run the pipeline' : `No run ${run}`);
  }
  return rows[0];
}

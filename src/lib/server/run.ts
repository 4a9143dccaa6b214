// Owns which run a request looks at: the newest complete run, or the one `?run=` names.
import { error } from '@sveltejs/kit';
import type { RunRow } from '../../../pipeline/types.js';
import { DatabaseMissingError, query } from './db.js';

const RUN_COLUMNS = `run_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at, status, input_sha256,
  n_papers, n_skipped, n_duplicates, n_terms, k, seed, stability, date_min, date_max,
  params::VARCHAR AS params, tool_version, durations::VARCHAR AS durations, metrics::VARCHAR AS metrics,
  input_files::VARCHAR AS input_files`;

/** Reads `?run=`; absent → newest complete run. Throws 400 (malformed), 404 (unknown), 503 (no database). */
export async function resolveRun(url: URL): Promise<RunRow> {
  const raw = url.searchParams.get('run');
  if (raw !== null && !/^[1-9]\d{0,8}$/.test(raw)) error(400, 'run must be a positive integer');
  try {
    const rows =
      raw === null
        ? await query<RunRow>(
            `SELECT ${RUN_COLUMNS} FROM runs WHERE status = 'complete' ORDER BY run_id DESC LIMIT 1`
          )
        : await query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE status = 'complete' AND run_id = $run`, {
            run: Number(raw)
          });
    if (rows.length === 0) {
      error(404, raw === null ? 'No complete run in the database yet — run the pipeline' : `No run ${raw}`);
    }
    return rows[0];
  } catch (e) {
    if (e instanceof DatabaseMissingError) error(503, e.message);
    throw e;
  }
}

// Owns which run a request looks at: the newest complete run, or the one `?run=` names (400 when
// malformed, 404 when unknown or not complete). hooks.server.ts resolves it at most once per request
// (`runOnce` on `event.locals.run`); loads and endpoints take it with `readRun`.
import { error, isHttpError } from '@sveltejs/kit';
import type { RunRow } from '../../../pipeline/types.js';
import { query } from './db.js';
import { cachedForRun, jsonBytes } from './run-cache.js';

export const RUN_COLUMNS = `run_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at, status, input_sha256,
  n_papers, n_skipped, n_duplicates, n_terms, k, seed, stability, date_min, date_max,
  params::VARCHAR AS params, tool_version, durations::VARCHAR AS durations, metrics::VARCHAR AS metrics,
  input_files::VARCHAR AS input_files, default_granularity, date_min_precision, date_max_precision`;

/** The `run` parameter as a number: null when absent or empty; 400 unless a positive integer. */
export function readRunParam(url: URL): number | null {
  const raw = url.searchParams.get('run');
  if (raw === null || raw === '') return null;
  if (!/^[1-9]\d{0,8}$/.test(raw)) error(400, 'run must be a positive integer');
  return Number(raw);
}

/** Reads `?run=`; absent → newest complete run. Throws 400 (malformed), 404 (unknown), 503 (no database, from db.ts). */
export async function resolveRun(url: URL): Promise<RunRow> {
  const run = readRunParam(url);
  // The runs of a file never change (the pipeline replaces the file), so each answer is kept per file.
  try {
    return await cachedForRun(0, `run:${run ?? 'newest'}`, () => findRun(run), jsonBytes);
  } catch (e) {
    // An unknown run: the same page for the newest run is the nearest valid choice.
    if (run === null || !isHttpError(e, 404)) throw e;
    const params = new URLSearchParams(url.searchParams);
    params.delete('run');
    params.delete('page');
    const rest = params.toString();
    error(404, {
      message: `No run ${run} in this database — the runs page lists the ones there are`,
      nearest: { href: `${url.pathname}${rest ? `?${rest}` : ''}`, text: 'Open this page for the newest run' }
    });
  }
}

async function findRun(run: number | null): Promise<RunRow> {
  const rows =
    run === null
      ? await query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE status = 'complete' ORDER BY run_id DESC LIMIT 1`)
      : await query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE status = 'complete' AND run_id = $run`, { run });
  if (rows.length === 0) {
    error(404, run === null ? 'No complete run in the database yet — run the pipeline' : `No run ${run}`);
  }
  return rows[0];
}

/**
 * The request's run, resolved on the first call only: the layout and the page share one query and
 * one outcome, the run or the same 400/404/503. Nothing is queried for a request that never asks, and
 * nothing rejects unobserved, since the promise exists only once someone awaits it.
 */
export function runOnce(url: URL): () => Promise<RunRow> {
  let run: Promise<RunRow> | null = null;
  return () => (run ??= resolveRun(url));
}

/**
 * The run a load or endpoint looks at. `run` is read here from the load's own `url` (a 400 at once
 * when malformed) so that SvelteKit records it as a dependency and reruns the load when a client-side
 * navigation changes only `?run=`; the locals' copy of the URL is not tracked.
 */
export function readRun({ url, locals }: { url: URL; locals: Pick<App.Locals, 'run'> }): Promise<RunRow> {
  readRunParam(url);
  return locals.run();
}

// Layout data: the run the header badge describes. It never throws — an error in the root layout's
// load would skip +error.svelte — so a bad or unknown `run` is left for the page's own load to report.
import { resolveRun } from '$lib/server/run';
import type { LayoutServerLoad } from './$types';

export interface RunBadge {
  runId: number;
  nPapers: number;
  k: number;
  date: string;
}

export const load: LayoutServerLoad = async ({ url }) => {
  try {
    const run = await resolveRun(url);
    const badge: RunBadge = { runId: run.run_id, nPapers: run.n_papers, k: run.k, date: run.created_at.slice(0, 10) };
    // Nav links carry `run` only when the request named a run that resolved.
    return { badge, runParam: url.searchParams.get('run') ? String(run.run_id) : null };
  } catch {
    return { badge: null, runParam: null };
  }
};

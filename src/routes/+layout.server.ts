// Layout data: the run the header badge describes (the request's run, shared with the page through
// hooks.server.ts). It never throws — an error in the root layout's load would skip +error.svelte — so
// a bad or unknown `run` is left for the page's own load to report.
import { readRun } from '$lib/server/run';
import { loadRunCuration, summarise } from '$lib/server/curation';
import type { LayoutServerLoad } from './$types';

export interface RunBadge {
  runId: number;
  nPapers: number;
  k: number;
  date: string;
}

export const load: LayoutServerLoad = async ({ url, locals }) => {
  try {
    const run = await readRun({ url, locals });
    const badge: RunBadge = { runId: run.run_id, nPapers: run.n_papers, k: run.k, date: run.created_at.slice(0, 10) };
    // Nav links carry `run` only when the request named a run that resolved.
    // Curated themes' original labels, for every theme name shown (ThemeName.svelte).
    const curatedOriginal = summarise(await loadRunCuration(run.run_id)).original;
    return { badge, runParam: url.searchParams.get('run') ? String(run.run_id) : null, curatedOriginal };
  } catch {
    return { badge: null, runParam: null, curatedOriginal: {} as Record<number, string> };
  }
};

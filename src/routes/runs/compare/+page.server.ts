// Compare page data: two complete runs (`a` earlier, `b` later; by default the last two), the papers
// flowing between their themes and the lineage links (computed as the pipeline computes theme_lineage).
import { addedSinceStored, compareRuns, listCompleteRuns, resolvePair } from '$lib/server/lineage';
import { readRunParam } from '$lib/server/run';
import { loadRunCuration } from '$lib/server/curation';
import { isRegrouped } from '$lib/server/curation/fold';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  readRunParam(url);
  const runs = await listCompleteRuns();
  const pair = resolvePair(url.searchParams, runs);
  if (pair && 'same' in pair) return { runs, comparison: null, same: pair.same.runId, addedSince: [], regrouped: [] };
  const [comparison, addedSince] = pair ? await Promise.all([compareRuns(pair.a, pair.b), addedSinceStored(pair.a.runId, pair.b.runId)]) : [null, []];
  // A run of the pair whose themes a lead merged or split: its links are matched again over the curated themes
  // (curation/overlay-lineage.ts), for the page, its exports and the theme pages alike.
  const regrouped: number[] = [];
  for (const run of pair ? [pair.a.runId, pair.b.runId] : []) {
    const rc = await loadRunCuration(run);
    if (rc !== null && [...rc.curation.themes.values()].some(isRegrouped)) regrouped.push(run);
  }
  return { runs, comparison, same: null, addedSince, regrouped };
};

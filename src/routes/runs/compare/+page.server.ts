// Compare page data: two complete runs (`a` earlier, `b` later; by default the last two), the papers
// flowing between their themes and the lineage links (computed as the pipeline computes theme_lineage).
import { addedSinceStored, compareRuns, listCompleteRuns, resolvePair } from '$lib/server/lineage';
import { readRunParam } from '$lib/server/run';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  readRunParam(url);
  const runs = await listCompleteRuns();
  const pair = resolvePair(url.searchParams, runs);
  if (pair && 'same' in pair) return { runs, comparison: null, same: pair.same.runId, addedSince: [] };
  const [comparison, addedSince] = pair ? await Promise.all([compareRuns(pair.a, pair.b), addedSinceStored(pair.a.runId, pair.b.runId)]) : [null, []];
  return { runs, comparison, same: null, addedSince };
};

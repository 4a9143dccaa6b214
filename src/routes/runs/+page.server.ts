// Runs page data: the whole run history. `?run=` only sets the nav links here, but it answers like
// every page: malformed → 400, unknown → 404 offering the newest run.
import { listRuns } from '$lib/server/runs';
import { listAddedPapers } from '$lib/server/assigned';
import { readRun, readRunParam } from '$lib/server/run';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  if (readRunParam(url) !== null) await readRun({ url, locals });
  const [runs, added] = await Promise.all([listRuns(), listAddedPapers()]);
  return { runs, added };
};

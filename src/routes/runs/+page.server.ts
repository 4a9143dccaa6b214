// Runs page data: the whole run history. It does not depend on `?run=` (that only sets nav links; an
// unknown run is no error here), but a malformed `run` is still a 400 like everywhere else.
import { listRuns } from '$lib/server/runs';
import { listAddedPapers } from '$lib/server/assigned';
import { readRunParam } from '$lib/server/run';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  readRunParam(url);
  const [runs, added] = await Promise.all([listRuns(), listAddedPapers()]);
  return { runs, added };
};

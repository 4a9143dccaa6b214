// Paper page data: the paper of the run, its theme, and its 10 most similar papers.
import { loadPaper, loadSimilarPapers, readPaperId } from '$lib/server/paper';
import { readRun, readRunParam } from '$lib/server/run';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const paperId = readPaperId(params.id);
  const run = await readRun({ url, locals });
  const [paper, similar] = await Promise.all([loadPaper(run.run_id, paperId), loadSimilarPapers(run.run_id, paperId)]);
  return { runId: run.run_id, runParam: readRunParam(url), paper, similar };
};

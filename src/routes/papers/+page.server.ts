// Papers page data: validated filters → one page of matching papers of the run, and its themes.
import { listThemeOptions, readPaperFilter, searchPapers } from '$lib/server/papers';
import { readLimit, readPage } from '$lib/server/params';
import { readRun, readRunParam } from '$lib/server/run';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url, locals }) => {
  const page = readPage(url.searchParams);
  const pageSize = readLimit(url.searchParams, PAGE_SIZE);
  const run = await readRun({ url, locals });
  const filter = await readPaperFilter(url.searchParams, run.run_id);
  const [results, themes] = await Promise.all([
    searchPapers(run.run_id, filter, page, pageSize),
    listThemeOptions(run.run_id)
  ]);
  return { runId: run.run_id, runParam: readRunParam(url), filter, results, themes };
};

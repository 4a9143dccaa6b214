// Papers page data: validated filters → one page of matching papers of the run (ranked with a query),
// its themes, and the facets of the matches (themes, authors, categories) when filtered.
import { countAddedPapers, countCoarseDated, listThemeOptions, paperNamedBy, readPaperFilter, runsWithAddedPapers, searchPapers } from '$lib/server/papers';
import { readLimit, readPage, refusePastEnd } from '$lib/server/params';
import { loadFacets } from '$lib/server/facets';
import { readRun, readRunParam } from '$lib/server/run';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url, locals }) => {
  const page = readPage(url.searchParams);
  const pageSize = readLimit(url.searchParams, PAGE_SIZE);
  const run = await readRun({ url, locals });
  const filter = await readPaperFilter(url.searchParams, run.run_id);
  // Facets for the filters without a query (an author's or a category's papers across themes): a
  // ranked search shows its own list; facet counts over every match would run the search three times more.
  const faceted = filter.q === null && (filter.theme !== null || filter.from !== null || filter.to !== null ||
    filter.granularity !== null || filter.author !== null || filter.category !== null || filter.added !== null);
  const [results, themes, facets, addedPapers, named, coarse] = await Promise.all([
    searchPapers(run.run_id, filter, page, pageSize),
    listThemeOptions(run.run_id),
    faceted ? loadFacets(run.run_id, filter) : null,
    countAddedPapers(run.run_id),
    paperNamedBy(run.run_id, filter.q),
    countCoarseDated(run.run_id, filter)
  ]);
  if (results.total > 0 && page > results.pages) refusePastEnd(url.searchParams, page, results.pages);
  // "Added after clustering" on a run that has none: the runs that have some, so the filter does not look broken.
  const addedElsewhere = filter.added !== null && addedPapers === 0 ? await runsWithAddedPapers() : [];
  // The resolved query (term ids, idf) is server-side detail; the page gets the filter as typed.
  const { match: _match, ...shown } = filter;
  // A query of stop words, numbers or punctuation alone ("++", "the") has no word to look for: said so.
  const noWords = filter.match !== null && filter.match.nWords === 0;
  // "diffusion OR gaussian": OR is no operator (a stop word, dropped), so every other word must appear: said so.
  const orWritten = filter.q !== null && /(^|\s)(OR|\|)(\s|$)/.test(filter.q);
  // A word the run does not hold ("gausian"): the query with the run's most frequent word a letter or two away, offered when nothing matched.
  // Not for a query that names a paper: "10.5555/ünicode" offered "10.5555/encode" beside the paper it found (review of 2026-12-05).
  const suggestion = results.total === 0 && named === null ? (filter.match?.suggestion ?? null) : null;
  return { runId: run.run_id, runParam: readRunParam(url), filter: shown, results, themes, facets, addedPapers, addedElsewhere, noWords, named, orWritten, coarse,
    suggestion, runDates: { min: run.date_min, max: run.date_max } };
};

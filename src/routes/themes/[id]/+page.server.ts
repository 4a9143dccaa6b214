// Theme page data: the theme's figures, keywords, trend at the chosen granularity, 10 typical papers,
// one page (50) of all its papers filtered by `q`, its nearest themes, and its top authors and categories.
import { assignThemeColours } from '$lib/charts/palette.js';
import { readGranularity, readPage, readQuery } from '$lib/server/params';
import { readRun } from '$lib/server/run';
import { loadThemeFacets } from '$lib/server/facets';
import {
  listThemeSizes,
  loadNeighbours,
  loadThemeDetail,
  loadThemePapers,
  loadThemeTerms,
  loadThemeTrend,
  readThemeIdParam
} from '$lib/server/theme';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const TYPICAL = 10;

export const load: PageServerLoad = async ({ url, params, locals }) => {
  const themeId = readThemeIdParam(params.id);
  const granularity = readGranularity(url.searchParams);
  const q = readQuery(url.searchParams);
  const page = readPage(url.searchParams);
  const run = await readRun({ url, locals });
  const theme = await loadThemeDetail(run.run_id, themeId);
  const [terms, trend, typical, papers, neighbours, sizes, facets] = await Promise.all([
    loadThemeTerms(run.run_id, themeId),
    loadThemeTrend(run.run_id, themeId, granularity),
    loadThemePapers(run.run_id, themeId, null, 1, TYPICAL),
    loadThemePapers(run.run_id, themeId, q, page, PAGE_SIZE),
    loadNeighbours(run.run_id, themeId),
    listThemeSizes(run.run_id),
    loadThemeFacets(run.run_id, themeId)
  ]);
  const colours = assignThemeColours(sizes);
  return { runId: run.run_id, theme, colours, terms, granularity, trend, typical: typical.items, q, papers, neighbours, facets };
};

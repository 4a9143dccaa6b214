// Theme page data: the theme's figures, area and quality, keywords, trend at the chosen granularity
// (by default the run's), 10 typical papers, one page (50) of all its papers filtered by `q`, its
// nearest themes, the themes its papers are also close to, its bursts, its lineage, and its top authors and categories.
import { takeRefused } from '$lib/server/curation/refused-flash';
import { confirmationOf, takeDone } from '$lib/server/curation/done-flash';
import { loadRunCuration } from '$lib/server/curation';
import { readGranularity, readPage, readQuery, refusePastEnd } from '$lib/server/params';
import { readRun } from '$lib/server/run';
import { loadThemeBursts } from '$lib/server/bursts';
import { loadThemeFacets } from '$lib/server/facets';
import { loadThemeLineage } from '$lib/server/lineage';
import { coverageUnchecked } from '$lib/server/runs';
import { loadPalette } from '$lib/server/palette';
import {
  loadAlsoClose,
  loadNeighbours,
  loadThemeDetail,
  loadThemeCoverage,
  loadThemePapers,
  loadThemeTerms,
  loadThemeTrend,
  readThemeIdParam
} from '$lib/server/theme';
import { loadDatedSpan, partialOnlyGranularities, loadTrendWindows } from '$lib/server/trend-windows';
import { offeredGranularities } from '$lib/charts/periods';
import { classifyTrend, periodEnd } from '$lib/trend-wording';
import { burstCoverage, coverageMarks } from '$lib/coverage-marks';
import { loadCoverageChanges } from '$lib/server/overview';
import { addedMajorityFrom, countAddedInWindow } from '$lib/server/assigned';
import { curationOfTheme } from '$lib/server/curation/theme-curation';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const TYPICAL = 10;
const ALSO_CLOSE = 5;

export const load: PageServerLoad = async ({ url, params, locals, cookies }) => {
  const themeId = readThemeIdParam(params.id);
  // One address per theme: /themes/01 is /themes/1 (a link or bookmark keeps the canonical one).
  if (params.id !== String(themeId)) redirect(308, `/themes/${themeId}${url.search}`);
  const q = readQuery(url.searchParams);
  const page = readPage(url.searchParams);
  const run = await readRun({ url, locals });
  const defaultGranularity = run.default_granularity ?? 'month'; // NULL in runs stored before it
  const granularity = readGranularity(url.searchParams, defaultGranularity);
  const curation = await curationOfTheme(run.run_id, themeId);
  const theme = await loadThemeDetail(run.run_id, themeId);
  const [terms, trend, typical, papers, neighbours, palette, alsoClose, bursts, facets, lineage, windows, chartSpan] = await Promise.all([
    loadThemeTerms(run.run_id, themeId),
    loadThemeTrend(run.run_id, themeId, granularity),
    loadThemePapers(run.run_id, themeId, null, 1, TYPICAL),
    loadThemePapers(run.run_id, themeId, q, page, PAGE_SIZE),
    loadNeighbours(run.run_id, themeId),
    loadPalette(run.run_id),
    loadAlsoClose(run.run_id, themeId, ALSO_CLOSE),
    loadThemeBursts(run.run_id, themeId),
    loadThemeFacets(run.run_id, themeId),
    loadThemeLineage(run.run_id, themeId),
    loadTrendWindows(run, theme.windowGranularity ?? 'month', theme.windowMonths),
    loadDatedSpan(run.run_id, granularity, themeId)
  ]);
  if (papers.page > papers.pages) refusePastEnd(url.searchParams, papers.page, papers.pages);
  const colours = palette.themes;
  // Papers added after clustering (npm run assign) in the after window: counted in this theme, made without them.
  const lastAfter = windows.after.at(-1);
  const added = lastAfter === undefined ? null
    : await countAddedInWindow(run.run_id, windows.after[0], periodEnd(lastAfter, windows.granularity), windows.granularity, themeId);
  const trendClass = classifyTrend(theme, windows);
  // Which of its categories the corpus holds only part of the time: asked only where that decides its class.
  const [changes, coverage] = await Promise.all([loadCoverageChanges(run.run_id), loadThemeCoverage(run.run_id, themeId)]);
  // The chart marks where the categories holding a real part of its papers come or go (any class: a steady theme may step too).
  const first = windows.before[0] ?? windows.after[0];
  const last = windows.after.at(-1);
  const marksAt = (g: typeof granularity) => (first === undefined || last === undefined ? [] : coverageMarks(changes, coverage, theme.size, g, first, last));
  const marks = marksAt(granularity);
  // Bursts are at the trend granularity, whichever the chart shows.
  const burstMarks = marksAt(windows.granularity);
  // A burst that starts where papers added later are most of every period is marked so (assigned.ts).
  const addedFrom = added !== null && added.added > 0 ? await addedMajorityFrom(run.run_id, windows.granularity) : null;
  const offered = offeredGranularities(defaultGranularity, granularity, await partialOnlyGranularities(run.run_id));
  return { runId: run.run_id, theme, colours, terms, granularity, defaultGranularity, offered, trend, typical: typical.items, q, papers,
    neighbours, alsoClose, bursts: bursts.map((b) => ({ ...b, coverageMark: burstCoverage(b, burstMarks),
      addedLater: addedFrom !== null && b.startPeriod >= addedFrom })), facets, lineage, windows,
    trendClass, coverage, marks, curation: { ...curation, refused: takeRefused(cookies, run.run_id, themeId),
      done: confirmationOf(await loadRunCuration(run.run_id), takeDone(cookies, run.run_id)) }, coverageUnchecked: coverageUnchecked(run, changes),
    addedAfter: added !== null && added.added > 0 ? added : null,
    // Its dated papers in no period of the chart: stragglers far from the rest of the run's dates (pipeline/trends/periods.ts).
    outsidePeriods: chartSpan.outside };
};

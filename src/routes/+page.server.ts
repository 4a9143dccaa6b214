// Overview data: the run's facts, every area and theme with its figures, the view the URL asks for
// (every area by default, one area's themes, or picked themes) with its periods at the requested
// granularity (by default the run's: month, or year for a run dated mostly by year), shares at the
// trend granularity for the movers' sparklines, the k evidence and the bursts still running (the strongest shown first).
import { redirect } from '@sveltejs/kit';
import { stabilityFacts } from '$lib/stability-facts.js';
import { coverageUnchecked } from '$lib/server/runs';
import {
  listAreaSummaries,
  listThemeSummaries,
  loadAreaPeriodRows,
  loadKSelection,
  loadPeriodSeries,
  countClasses,
  countHiddenThemes,
  loadCoverageChanges,
  pickMovers,
  readOverviewView,
  readPickedThemes,
  sharesByTheme,
  DEFAULT_PICKED,
  type OverviewView,
  type ThemeSummary
} from '$lib/server/overview';
import { loadPalette } from '$lib/server/palette';
import { readGranularity, readMeasure } from '$lib/server/params';
import { readRun } from '$lib/server/run';
import { loadOngoingBursts } from '$lib/server/bursts';
import { addedMajorityFrom, countAddedInWindow } from '$lib/server/assigned';
import { countAddedPapers } from '$lib/server/papers';
import { classifyTrend, describeWindows, periodEnd, type TrendClass } from '$lib/trend-wording';
import { burstCoverage, coverageMarks } from '$lib/coverage-marks';
import { loadCoverageByTheme } from '$lib/server/theme';
import type { PageServerLoad } from './$types';
import { loadDatedSpan, partialOnlyGranularities } from '$lib/server/trend-windows';
import { offeredGranularities } from '$lib/charts/periods';
import { query } from '$lib/server/db';
import { cachedForRun } from '$lib/server/run-cache';
import { followGoneThemes, goneText, loadRunCuration, summarise } from '$lib/server/curation';

/** The ids stacked in the view: every area, the area's themes (largest first), or the picked themes. */
function stackedIds(view: OverviewView, params: URLSearchParams, themes: ThemeSummary[], areaIds: number[], goneNote: (id: number) => string): number[] {
  switch (view.kind) {
    case 'areas':
      return areaIds;
    case 'area':
      return themes.filter((t) => t.areaId === view.areaId).map((t) => t.themeId);
    case 'themes':
      return readPickedThemes(params, themes, goneNote);
  }
}

export const load: PageServerLoad = async ({ url, locals }) => {
  const measure = readMeasure(url.searchParams);
  const run = await readRun({ url, locals });
  // Runs stored before default_granularity opened on months.
  const defaultGranularity = run.default_granularity ?? 'month';
  const granularity = readGranularity(url.searchParams, defaultGranularity);
  const [themes, areas, palette, hidden, partialOnly] = await Promise.all([listThemeSummaries(run.run_id), listAreaSummaries(run.run_id), loadPalette(run.run_id),
    countHiddenThemes(run.run_id), partialOnlyGranularities(run.run_id)]);
  const view = readOverviewView(url.searchParams, areas);
  // A run read per year says how many of its dated papers are dated by year only ("every" or "N of M"),
  // counted as the granularity rule counts them (undated papers aside); once per run.
  const yearDated = defaultGranularity !== 'year' ? null : await cachedForRun(run.run_id, 'year-dated', async () => (await query<{ year: number; n: number }>(
    `SELECT count(*) FILTER (WHERE p.date_precision = 'year')::INTEGER AS year, count(p.published)::INTEGER AS n
     FROM paper_rows pr JOIN papers p ON p.paper_id = pr.paper_id WHERE pr.run_id = $run`, { run: run.run_id }))[0], () => 1);
  // A picked theme a lead merged away or split is named as such in the 404 (as /papers?theme= does).
  const curation = view.kind === 'themes' ? await loadRunCuration(run.run_id) : null;
  const gone = summarise(curation).gone;
  // A saved "compare these themes" link naming a theme since merged or split opens on the themes standing for it now.
  const followed = curation === null ? null : followGoneThemes(url.searchParams, curation.curation.gone);
  if (followed !== null) redirect(307, followed);
  const picked = stackedIds(view, url.searchParams, themes, areas.map((a) => a.areaId), (id) => goneText(gone[id]));
  // Sparklines follow the emerging/fading windows' unit: the run's trend granularity.
  const trendGranularity = themes[0]?.windowGranularity ?? 'month';
  const [series, areaRows, trendSeries, kSelection, bursts, addedPapers, coverageChanges, chartSpan] = await Promise.all([
    loadPeriodSeries(run.run_id, granularity),
    view.kind === 'areas' ? loadAreaPeriodRows(run.run_id, granularity) : null,
    granularity === trendGranularity ? null : loadPeriodSeries(run.run_id, trendGranularity),
    loadKSelection(run.run_id),
    loadOngoingBursts(run.run_id),
    countAddedPapers(run.run_id),
    loadCoverageChanges(run.run_id),
    loadDatedSpan(run.run_id, granularity)
  ]);
  const sparkSeries = trendSeries ?? series;
  // The windows the trends stage compared, named by their periods, and the partial periods left out.
  const windows = describeWindows(sparkSeries.totals, trendGranularity, themes[0]?.windowMonths ?? 0,
    trendGranularity === granularity ? chartSpan : await loadDatedSpan(run.run_id, trendGranularity));
  const movers = pickMovers(themes, windows);
  // Papers added after clustering (npm run assign) sit in themes made without them, the novel ones in
  // their nearest theme: the page says how much of the recent window they are.
  const lastAfter = windows.after.at(-1);
  const added = lastAfter === undefined ? null
    : await countAddedInWindow(run.run_id, windows.after[0], periodEnd(lastAfter, trendGranularity), trendGranularity);
  // Added papers in neither window (a week in a partial month, say): no trend reflects them yet, and the page says so.
  const inWindows = lastAfter === undefined || addedPapers === 0 ? 0 : windows.before.length === 0 ? added!.added
    : (await countAddedInWindow(run.run_id, windows.before[0], periodEnd(lastAfter, trendGranularity), trendGranularity)).added;
  const addedOutside = addedPapers - inWindows;
  const moverIds = [...movers.emerging, ...movers.holding, ...movers.fading, ...movers.slower, ...movers.coverage].map((t) => t.themeId);
  const themeClasses: Record<number, TrendClass> = Object.fromEntries(themes.map((t) => [t.themeId, classifyTrend(t, windows)]));
  // An area's papers are all its themes', hidden ones too, as the export's reads_as counts them (overview.ts areaPapersSql).
  const areaClasses: Record<number, TrendClass> = Object.fromEntries(areas.map((a) => [a.areaId, classifyTrend(a, windows)]));
  // A burst that starts the period a category of its theme enters (or stops) the corpus is marked so (coverage-marks.ts).
  const first = windows.before[0] ?? windows.after[0];
  const last = windows.after.at(-1);
  const byTheme = coverageChanges.length === 0 || first === undefined || last === undefined ? new Map() : await loadCoverageByTheme(run.run_id);
  const sizes = new Map(themes.map((t) => [t.themeId, t.size]));
  // The chart marks every coverage change where its granularity is the chart's.
  const chartMarks = first === undefined || last === undefined ? []
    : coverageMarks(coverageChanges, coverageChanges.map((c) => ({ category: c.category, papers: c.papers })), 0, granularity, first, last);
  // A burst that starts where papers added later (npm run assign) are most of every period is marked so.
  const addedFrom = added !== null && added.added > 0 ? await addedMajorityFrom(run.run_id, trendGranularity) : null;
  const markedBursts = bursts.map((b) => {
    const marks = byTheme.has(b.themeId) ? coverageMarks(coverageChanges, byTheme.get(b.themeId)!, sizes.get(b.themeId) ?? 0, b.granularity, first!, last!) : [];
    return { ...b, coverageMark: burstCoverage(b, marks), addedLater: addedFrom !== null && b.startPeriod >= addedFrom };
  });
  // Sparklines draw complete periods only: a partial one would end the line on a misleading point.
  const complete = sparkSeries.totals.map((t, i) => (t.partial ? -1 : i)).filter((i) => i >= 0);
  const shares = sharesByTheme(sparkSeries, moverIds);
  return {
    run: {
      runId: run.run_id,
      createdAt: run.created_at,
      nPapers: run.n_papers,
      // Papers added after clustering (npm run assign): counted in nPapers, not in the themes' making.
      nAdded: addedPapers,
      nSkipped: run.n_skipped,
      nDuplicates: run.n_duplicates,
      nTerms: run.n_terms,
      k: run.k,
      seed: run.seed,
      stability: run.stability,
      stabilityFacts: stabilityFacts(run.stability, run.metrics, run.params),
      dateMin: run.date_min,
      dateMax: run.date_max,
      dateMinPrecision: run.date_min_precision,
      dateMaxPrecision: run.date_max_precision,
      toolVersion: run.tool_version
    },
    granularity,
    defaultGranularity,
    yearDated,
    offered: offeredGranularities(defaultGranularity, granularity, partialOnly),
    trendGranularity,
    measure,
    themes,
    // Themes a lead hid (curation): left out of the lists, counted where the page counts themes.
    hidden,
    areas,
    view,
    colours: palette.themes,
    areaColours: palette.areas,
    picked,
    pickedExplicitly: view.kind === 'themes' && view.explicit,
    // What the picker's “Largest N” link picks: the same themes a default pick shows.
    largest: themes.slice(0, DEFAULT_PICKED).map((t) => t.themeId),
    series: areaRows ? { totals: series.totals, rows: areaRows } : series,
    movers,
    classCounts: countClasses(themes, windows),
    themeClasses,
    areaClasses,
    windows,
    addedAfter: added !== null && added.added > 0 ? added : null,
    addedOutside: lastAfter === undefined ? 0 : addedOutside,
    // Dated papers in no period of the chart: stragglers far from the rest of the dates (pipeline/trends/periods.ts).
    outsidePeriods: chartSpan.outside,
    // The chart's partial periods (at its granularity) and the part of each the data covers.
    chartPartial: describeWindows(series.totals, granularity, 0, chartSpan),
    sparklines: Object.fromEntries(Object.entries(shares).map(([id, v]) => [id, complete.map((i) => v[i])])) as Record<number, number[]>,
    sparkPeriods: complete.map((i) => sparkSeries.totals[i].period),
    kSelection,
    bursts: markedBursts,
    coverageChanges,
    // A run made before the pipeline checked the corpus's coverage (runs.metrics.coverageChecked) reads every trend over all
    // papers: the page says so, as "no change found" and "not looked" would otherwise look alike.
    coverageUnchecked: coverageUnchecked(run, coverageChanges),
    chartMarks
  };
};

// Overview data: the run's facts, every theme's figures, the periods for the stacked chart at the
// requested granularity (by default the run's: month, or year for a run dated mostly by year), the
// picked themes, shares at the trend granularity for the movers' sparklines, k evidence,
// and the strongest bursts still running.
import {
  listThemeSummaries,
  loadKSelection,
  loadPeriodSeries,
  pickMovers,
  readPickedThemes,
  sharesByTheme
} from '$lib/server/overview';
import { assignThemeColours } from '$lib/charts/palette.js';
import { readGranularity, readMeasure } from '$lib/server/params';
import { readRun } from '$lib/server/run';
import { loadOngoingBursts } from '$lib/server/bursts';
import type { PageServerLoad } from './$types';

/** Bursts listed on the overview: the strongest still running at the end of the data. */
const ONGOING_BURSTS = 8;

export const load: PageServerLoad = async ({ url, locals }) => {
  const measure = readMeasure(url.searchParams);
  const run = await readRun({ url, locals });
  // Runs stored before default_granularity opened on months.
  const defaultGranularity = run.default_granularity ?? 'month';
  const granularity = readGranularity(url.searchParams, defaultGranularity);
  const themes = await listThemeSummaries(run.run_id);
  const picked = readPickedThemes(url.searchParams, themes);
  // Sparklines follow the emerging/fading windows' unit: the run's trend granularity.
  const trendGranularity = themes[0]?.windowGranularity ?? 'month';
  const [series, trendSeries, kSelection, bursts] = await Promise.all([
    loadPeriodSeries(run.run_id, granularity),
    granularity === trendGranularity ? null : loadPeriodSeries(run.run_id, trendGranularity),
    loadKSelection(run.run_id),
    loadOngoingBursts(run.run_id, ONGOING_BURSTS)
  ]);
  const sparkSeries = trendSeries ?? series;
  const movers = pickMovers(themes);
  const moverIds = [...movers.emerging, ...movers.fading].map((t) => t.themeId);
  return {
    run: {
      runId: run.run_id,
      createdAt: run.created_at,
      nPapers: run.n_papers,
      nSkipped: run.n_skipped,
      nDuplicates: run.n_duplicates,
      nTerms: run.n_terms,
      k: run.k,
      seed: run.seed,
      stability: run.stability,
      dateMin: run.date_min,
      dateMax: run.date_max,
      dateMinPrecision: run.date_min_precision,
      dateMaxPrecision: run.date_max_precision,
      toolVersion: run.tool_version
    },
    granularity,
    defaultGranularity,
    trendGranularity,
    measure,
    themes,
    colours: assignThemeColours(themes),
    picked,
    pickedExplicitly: url.searchParams.getAll('themes').some((v) => v.trim() !== ''),
    series,
    movers,
    sparklines: sharesByTheme(sparkSeries, moverIds),
    sparkPeriods: sparkSeries.totals.map((t) => t.period),
    kSelection,
    bursts
  };
};

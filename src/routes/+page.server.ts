// Overview data: the run's facts, every theme's figures, the periods for the stacked chart at the
// requested granularity, the picked themes, monthly shares for the movers' sparklines, k evidence,
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
  const granularity = readGranularity(url.searchParams);
  const measure = readMeasure(url.searchParams);
  const run = await readRun({ url, locals });
  const themes = await listThemeSummaries(run.run_id);
  const picked = readPickedThemes(url.searchParams, themes);
  const [series, monthly, kSelection, bursts] = await Promise.all([
    loadPeriodSeries(run.run_id, granularity),
    granularity === 'month' ? null : loadPeriodSeries(run.run_id, 'month'),
    loadKSelection(run.run_id),
    loadOngoingBursts(run.run_id, ONGOING_BURSTS)
  ]);
  const months = monthly ?? series;
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
      toolVersion: run.tool_version
    },
    granularity,
    measure,
    themes,
    colours: assignThemeColours(themes),
    picked,
    pickedExplicitly: url.searchParams.getAll('themes').some((v) => v.trim() !== ''),
    series,
    movers,
    sparklines: sharesByTheme(months, moverIds),
    sparkPeriods: months.totals.map((t) => t.period),
    kSelection,
    bursts
  };
};

// A run dated by year only, as the dashboard's server code sees it: it opens on years (overview,
// theme page, trends export), names its trend window in years, shows dates as years and filters a
// year-dated paper by its whole year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, parseExportName } from '../../../src/lib/server/exports.js';
import { searchPapers, themeOnlyFilter } from '../../../src/lib/server/papers.js';
import { resolveRun } from '../../../src/lib/server/run.js';
import { loadThemePapers } from '../../../src/lib/server/theme.js';
import { load as loadOverview } from '../../../src/routes/+page.server.js';
import { load as loadTheme } from '../../../src/routes/themes/[id]/+page.server.js';
import { handMadeYearRun } from '../../fixtures/hand-made-year-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;
beforeAll(async () => {
  db = await writeTempDb([handMadeYearRun()]);
});
afterAll(() => db.remove());

/** The page load as SvelteKit calls it, with the run resolved as hooks.server.ts does. */
async function loadPage<L extends (event: never) => unknown>(load: L, path: string, params: Record<string, string> = {}) {
  const url = new URL(`http://x${path}`);
  const event = { url, params, locals: { run: () => resolveRun(url) } };
  return (await load(event as never)) as Exclude<Awaited<ReturnType<L>>, void>;
}

describe('a run dated by year only', () => {
  it('stores year as its default granularity, and its date range by year', async () => {
    const run = await resolveRun(new URL('http://x/'));
    expect([run.default_granularity, run.date_min, run.date_max, run.date_min_precision, run.date_max_precision])
      .toStrictEqual(['year', '2015-01-01', '2025-01-01', 'year', 'year']);
  });

  it('opens the overview on years, with the movers and sparklines per year', async () => {
    const data = await loadPage(loadOverview, '/');
    expect([data.granularity, data.defaultGranularity, data.trendGranularity]).toStrictEqual(['year', 'year', 'year']);
    expect(data.series.totals.map((t: { period: string }) => t.period)).toHaveLength(11);
    expect(data.sparkPeriods).toStrictEqual(data.series.totals.map((t: { period: string }) => t.period));
    expect(data.themes.map((t: { windowMonths: number; windowGranularity: string }) => [t.windowMonths, t.windowGranularity])).toStrictEqual([[2, 'year'], [2, 'year'], [2, 'year']]);
  });

  it('still shows months when asked, and they are empty: no paper is counted as January', async () => {
    const data = await loadPage(loadOverview, '/?granularity=month');
    expect([data.granularity, data.series.totals.length]).toStrictEqual(['month', 0]);
  });

  it('opens a theme page on years', async () => {
    const data = await loadPage(loadTheme, '/themes/0', { id: '0' });
    expect([data.granularity, data.defaultGranularity, data.trend.periods.length]).toStrictEqual(['year', 'year', 11]);
  });

  it('exports trends per year when no granularity is given', async () => {
    const url = new URL('http://x/export/trends.csv');
    const response = await buildExport(parseExportName('trends.csv')!, await resolveRun(url), url.searchParams);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="themescope-run1-trends-year-share.csv"');
  });

  it('shows papers’ dates as years', async () => {
    const page = await loadThemePapers(1, 0, null, 1, 3);
    expect(page.items.map((p) => p.published)).toStrictEqual(['2015', '2016', '2017']);
  });

  it('keeps a year-dated paper in a date filter that starts inside its year', async () => {
    const inside = await searchPapers(1, { ...themeOnlyFilter(null), from: '2025-06-01' }, 1, 50);
    expect(inside.items.map((p) => p.published)).toStrictEqual(['2025', '2025']);
    const after = await searchPapers(1, { ...themeOnlyFilter(null), from: '2026-01-01' }, 1, 50);
    expect(after.total).toBe(0);
  });
});

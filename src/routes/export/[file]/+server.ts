// Export downloads (/export/themes.csv, trends.json, papers.parquet, theme-papers.csv, …): thin over
// $lib/server/exports — the name is looked up in a fixed list, never used to build a path.
import { buildExport, parseExportName } from '$lib/server/exports';
import { guardDatabase, resolveRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
  const file = parseExportName(params.file);
  const run = await resolveRun(url);
  return guardDatabase(() => buildExport(file, run, url.searchParams));
};

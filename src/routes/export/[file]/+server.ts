// Export downloads (/export/themes.csv, trends.json, papers.parquet, theme-papers.csv, …): thin over
// $lib/server/exports — the name is looked up in a fixed list, never used to build a path.
import { buildExport, parseExportName } from '$lib/server/exports';
import { readRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
  const file = parseExportName(params.file);
  return buildExport(file, await readRun({ url, locals }), url.searchParams);
};

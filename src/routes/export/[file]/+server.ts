// Export downloads (/export/themes.csv, trends.json, papers.parquet, theme-papers.csv, …): thin over
// $lib/server/exports — the name is looked up in a fixed list, never used to build a path.
import { json } from '@sveltejs/kit';
import { buildExport, exportNames, parseExportName } from '$lib/server/exports';
import { readRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
  const file = parseExportName(params.file);
  // An unknown name answers JSON that lists the valid ones (whatever the Accept header).
  if (file === null) return json({ message: `No export named “${params.file.slice(0, 100)}”`, valid: exportNames() }, { status: 404 });
  return buildExport(file, await readRun({ url, locals }), url.searchParams);
};

// GET /map/points/search?run=N&q=TEXT — indices of the map points whose paper matches the search (as /papers).
import { json } from '@sveltejs/kit';
import { searchMapPapers } from '$lib/server/map';
import { readQuery } from '$lib/server/params';
import { readRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const q = readQuery(url.searchParams);
  const run = await readRun({ url, locals });
  const indices = q === null ? [] : await searchMapPapers(run.run_id, q);
  return json({ q, indices });
};

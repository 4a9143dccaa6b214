// GET /map/points/search?run=N&q=TEXT — indices of the map points whose title matches every word (word starts).
import { json } from '@sveltejs/kit';
import { searchMapTitles } from '$lib/server/map';
import { readQuery } from '$lib/server/params';
import { guardDatabase, resolveRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
  const q = readQuery(url.searchParams);
  const run = await resolveRun(url);
  const indices = q === null ? [] : await guardDatabase(() => searchMapTitles(run.run_id, q));
  return json({ q, indices });
};

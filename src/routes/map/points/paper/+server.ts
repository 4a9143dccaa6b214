// GET /map/points/paper?run=N&i=INDEX — the paper behind one map point (hover read-out).
import { error, json } from '@sveltejs/kit';
import { findMapPaper } from '$lib/server/map';
import { readInt } from '$lib/server/params';
import { guardDatabase, resolveRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
  const index = readInt(url.searchParams, 'i', 0, 100_000_000);
  if (index === null) error(400, 'i: expected a point index (required)');
  const run = await resolveRun(url);
  return json(await guardDatabase(() => findMapPaper(run.run_id, index)));
};

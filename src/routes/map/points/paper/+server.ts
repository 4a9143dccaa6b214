// GET /map/points/paper?run=N&i=INDEX — the paper behind one map point (hover read-out).
import { error, json } from '@sveltejs/kit';
import { findMapPaper } from '$lib/server/map';
import { readInt } from '$lib/server/params';
import { readRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const index = readInt(url.searchParams, 'i', 0, 100_000_000);
  if (index === null) error(400, 'i: expected a point index (required)');
  const run = await readRun({ url, locals });
  return json(await findMapPaper(run.run_id, index));
};

// GET /map/points?run=N — every paper's point as typed columns (JSON, gzipped when the client accepts it).
import { json } from '@sveltejs/kit';
import { gzipSync } from 'node:zlib';
import { loadMapPoints } from '$lib/server/map';
import { guardDatabase, resolveRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
  const run = await resolveRun(url);
  const payload = await guardDatabase(() => loadMapPoints(run.run_id));
  const body = JSON.stringify(payload);
  const headers = { 'content-type': 'application/json', 'cache-control': 'private, max-age=300', vary: 'accept-encoding' };
  // adapter-node compresses static files only; ~1 MB of digits shrinks ~3× with gzip.
  if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    return new Response(gzipSync(body, { level: 6 }), { headers: { ...headers, 'content-encoding': 'gzip' } });
  }
  return json(payload, { headers });
};

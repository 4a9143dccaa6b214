// GET /map/points?run=N — every paper's point as binary Uint16 columns (charts/map-points.ts), gzipped when the client
// accepts it, with an ETag so a revisit is a 304 (the run's points only change with the file).
import { encodedMapPoints } from '$lib/server/map';
import { readRun } from '$lib/server/run';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request, locals }) => {
  const run = await readRun({ url, locals });
  const points = await encodedMapPoints(run.run_id);
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'cache-control': 'no-cache',
    etag: points.etag,
    vary: 'accept-encoding'
  };
  if (request.headers.get('if-none-match') === points.etag) return new Response(null, { status: 304, headers });
  // adapter-node compresses static files only; the theme and day columns shrink well with gzip.
  if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    return new Response(new Uint8Array(points.gzip), { headers: { ...headers, 'content-encoding': 'gzip' } });
  }
  return new Response(new Uint8Array(points.body), { headers });
};

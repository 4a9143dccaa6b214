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
  // adapter-node compresses static files only; the day column shrinks well with gzip.
  if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    return new Response(uncopied(points.gzip), { headers: { ...headers, 'content-encoding': 'gzip', 'content-length': String(points.gzip.byteLength) } });
  }
  return new Response(uncopied(points.body), { headers: { ...headers, 'content-length': String(points.body.byteLength) } });
};

/**
 * The cached bytes as a one-chunk stream: a Response made from the bytes themselves copies them
 * (and the copy made to give it an ArrayBuffer-backed array was a second), ~60 ms of CPU for the 5 MB
 * of a million points on every request. The chunk is only read (written to the socket), never changed.
 */
function uncopied(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    }
  });
}

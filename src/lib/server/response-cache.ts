// Owns whole-response caching and ETags for GET requests. A complete run never changes and the
// database file is replaced whole (a rename), so an answer is fixed by (file identity, run, URL):
// its ETag is a hash of those three (If-None-Match → 304 with no work), and a 200 body up to
// MAX_BODY_BYTES is kept in the run cache (run-cache.ts, LRU, memory-capped). Bodies stream to the
// client as they are made; a copy is kept only while it stays under the cap, so big exports stream
// with constant memory and are not cached.
import { createHash } from 'node:crypto';
import { cachedBody, storeBody, databaseIdentity } from './run-cache.js';

/** Largest body kept (a page's HTML or data is 10–300 kB; the full papers export is ~100 MB and streams). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Response headers a cached copy keeps. */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'link', 'x-sveltekit-page'];

export interface CacheKey {
  key: string;
  etag: string;
}

/** The key and ETag of a request for run `runId` of the file being served. */
export function cacheKey(url: URL, runId: number): CacheKey {
  const key = `${databaseIdentity()}|${runId}|${url.pathname}${url.search}`;
  return { key, etag: `"${createHash('sha1').update(key).digest('base64url')}"` };
}

/** Whether the request's If-None-Match names this ETag (a list, or `*`). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (header === null) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function headersOf(etag: string, from?: Headers): Headers {
  const headers = new Headers();
  if (from) for (const name of KEPT_HEADERS) if (from.has(name)) headers.set(name, from.get(name)!);
  headers.set('etag', etag);
  // Revalidate each time: the same URL without ?run= moves to a newer run when the pipeline adds one.
  headers.set('cache-control', 'no-cache');
  headers.set('x-cache', from ? 'miss' : 'hit');
  return headers;
}

/** The cached answer, if any. */
export function cachedResponse({ key, etag }: CacheKey): Response | null {
  const hit = cachedBody(key);
  if (!hit) return null;
  const headers = headersOf(etag);
  for (const [name, value] of Object.entries(hit.headers)) headers.set(name, value);
  headers.set('x-cache', 'hit');
  return new Response(hit.body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

/** The fresh answer with its ETag, its body teed into the cache while under MAX_BODY_BYTES. */
export function cachingResponse(response: Response, { key, etag }: CacheKey): Response {
  // A route that varies by request headers (/map/points gzips for clients that accept it) answers
  // for itself: passed through untouched. A page's own ETag (SvelteKit's hash of the HTML) is replaced.
  const own = ['set-cookie', 'content-encoding', 'vary'].some((h) => response.headers.has(h));
  if (response.status !== 200 || !response.body || own) return response;
  const headers = headersOf(etag, response.headers);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let keeping = true;
  const tee = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (keeping) {
        size += chunk.byteLength;
        if (size > MAX_BODY_BYTES) [keeping, chunks.length] = [false, 0];
        else chunks.push(chunk);
      }
      controller.enqueue(chunk);
    },
    flush() {
      if (!keeping) return;
      const body = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) [body.set(c, at), (at += c.byteLength)];
      storeBody(key, { body, headers: Object.fromEntries(KEPT_HEADERS.filter((h) => headers.has(h)).map((h) => [h, headers.get(h)!])) });
    }
  });
  return new Response(response.body.pipeThrough(tee), { status: 200, headers });
}

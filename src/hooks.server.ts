// Request context and the last stop of the error path. `handle` puts the request's run on
// `event.locals.run`, resolved lazily and once (see runOnce): the root layout and the page share one
// query. It never throws for a bad or unknown `run`: a throw here would answer every route with a bare
// error, and the root layout must not throw either (that would skip +error.svelte); the load or
// endpoint that needs the run re-raises its 400/404 from `readRun`, after its own parameter checks, so
// statuses, messages and their order stay what each route says.
// Database failures become 503 HttpErrors in db.ts, where every query passes, because SvelteKit answers
// 500 for any other error whatever handleError returns; handleError logs the rest, keeps stack traces
// off the page, and names an unusable database that reached it some other way (status 500, then).
// GET answers are cached and carry ETags by (database file, edits journal, run, URL): response-cache.ts.
// The newest run's per-run caches are warmed at start and after each new file (warm-up.ts).
// A page's `locals.firstLinks` go first in its Link header (withFirstLinks).
// Importing curation/ registers the curated views (edits) that every query reads through.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { unusableReason } from '$lib/server/db';
import { cacheKey, cachedResponse, cachingResponse, notModified } from '$lib/server/response-cache';
import { REFUSED_COOKIE } from '$lib/server/curation/refused-flash';
import { DONE_COOKIE } from '$lib/server/curation/done-flash';
import { runOnce } from '$lib/server/run';
import '$lib/server/curation';
import { warmUp } from '$lib/server/warm-up';
import { isFormRequest, originAllowed } from '$lib/server/origin-check';

/** At start: the newest run's caches are filled in the background (warm-up.ts), not awaited. */
export const init: ServerInit = () => {
  void warmUp();
};

/** A 503 (no usable database, or busy: export-gate.ts, db.ts) says when to ask again, for browsers and download tools. */
export const handle: Handle = async (input) => {
  const response = await route(input);
  if (response.status !== 503 || response.headers.has('retry-after')) return response;
  const headers = new Headers(response.headers);
  headers.set('retry-after', '60');
  return new Response(response.body, { status: 503, statusText: response.statusText, headers });
};

const route: Handle = async ({ event, resolve }) => {
  // Forms from other sites are refused here (origin-check.ts: SvelteKit's own check is off in svelte.config.js).
  if (isFormRequest(event.request) && !originAllowed(event.request.headers.get('origin'), event.url)) {
    const from = event.request.headers.get('origin') ?? 'no Origin header';
    return new Response(`Edits are accepted only from ${event.url.origin} (this server's ORIGIN) or, for a server on this machine, ` +
      `the same port under another local name; this request came from ${from}. Open the dashboard at ${event.url.origin}, or start it ` +
      `with ORIGIN set to the address you open.`, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  event.locals.run = runOnce(event.url);
  event.locals.firstLinks = [];
  // A refused edit coming back to its page (refused-flash.ts), or an edit's confirmation (done-flash.ts),
  // is one user's: neither cached nor answered from the cache.
  const cookie = event.request.headers.get('cookie') ?? '';
  if (event.request.method !== 'GET' || [REFUSED_COOKIE, DONE_COOKIE].some((name) => cookie.includes(`${name}=`))) return resolve(event);
  let key;
  try {
    // The request's own URL, not event.url: SvelteKit strips a client navigation's `/__data.json` and
    // `x-sveltekit-invalidated` from event.url, so keyed by it the page's JSON and its HTML shared one
    // entry, and a reload or a shared link after a client-side navigation got the JSON.
    key = cacheKey(new URL(event.request.url), (await event.locals.run()).run_id);
  } catch {
    return resolve(event); // no database, bad or unknown run: the route answers with its own error
  }
  // Answers cached here carry this ETag; a route that varies (/map/points) checks If-None-Match itself.
  if (notModified(event.request, key.etag)) return new Response(null, { status: 304, headers: { etag: key.etag } });
  return cachedResponse(key) ?? cachingResponse(withFirstLinks(await resolve(event), event.locals.firstLinks), key);
};

/** The response with `links` ahead of the Link header SvelteKit wrote (kept in the cached copy too). */
function withFirstLinks(response: Response, links: string[]): Response {
  if (links.length === 0) return response;
  const rest = response.headers.get('link');
  response.headers.set('link', [...links, ...(rest ? [rest] : [])].join(', '));
  return response;
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const where = `[${status}] ${event.request.method} ${event.url.pathname}`;
  if (status === 404) console.error(where);
  else console.error(where, error);
  return { message: unusableReason(error) ?? message };
};

// Owns which origins may send the dashboard a form (an edit: curation/). SvelteKit's own check
// compares the request's Origin with the server's one origin (ORIGIN), and answered 403 with no word
// on the page to a lead who opened http://localhost:3000 where `npm start` had named
// http://127.0.0.1:3000 (the weekly-use review, 2026-12-04). This check accepts the server's own
// origin and, when that is a loopback address, the same port under any loopback name: the page is
// then on this machine whichever name the browser used. Any other site's form (cross-site request
// forgery), and a name that only resolves to this machine (DNS rebinding), is still refused.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a request with Origin header `origin` (null: none) may change what a server at `own` holds. */
export function originAllowed(origin: string | null, own: URL): boolean {
  if (origin === null) return false;
  if (origin === own.origin) return true;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  return LOOPBACK.has(own.hostname) && LOOPBACK.has(from.hostname) && from.protocol === own.protocol && from.port === own.port;
}

/**
 * Whether a request is one another site's page can send without asking (a form, or a fetch with a form's
 * content type), as SvelteKit's own check reads it: any other body needs the browser's CORS preflight,
 * which this server never grants.
 */
export function isFormRequest(request: Request): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
  return ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', ''].includes(type);
}

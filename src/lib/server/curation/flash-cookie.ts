// Owns the one-shot cookies curation uses to tell the next page about an edit (done-flash.ts: it
// worked; refused-flash.ts: it was refused, with what was typed). A value lives a minute at most,
// httpOnly and same-site, and is read once: deleted whatever it holds, and null unless it is a JSON
// object (each reader then checks every field it takes).
import type { Cookies } from '@sveltejs/kit';

/** Sets cookie `name` to `value` as JSON for the next page load. `secure` as the request came (https or not). */
export function setFlash(cookies: Cookies, name: string, value: string, secure: boolean): void {
  cookies.set(name, value, { path: '/', maxAge: 60, httpOnly: true, sameSite: 'lax', secure });
}

/** Cookie `name`'s JSON object, deleting the cookie; null when absent or not an object (or without a request's cookies, as in a test's event). */
export function takeFlash(cookies: Pick<Cookies, 'get' | 'delete'> | undefined, name: string): Record<string, unknown> | null {
  const raw = cookies?.get(name);
  if (raw === undefined) return null;
  cookies!.delete(name, { path: '/' });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

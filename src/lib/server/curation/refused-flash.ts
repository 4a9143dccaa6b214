// Owns bringing a refused edit back to the page it was made on: an edit made on a theme page posts
// to /curate, and when it is refused ("the name … is taken") the user is sent back to the theme page
// with the reason and what they typed, in a cookie read once, instead of landing on /curate with the
// text gone. Only plain strings of bounded length come back, and they are rendered as text.
import type { Cookies } from '@sveltejs/kit';

/** The cookie's name: a request carrying it is answered afresh, never from the response cache (hooks.server.ts). */
export const REFUSED_COOKIE = 'themescope-refused-edit';
const COOKIE = REFUSED_COOKIE;

export interface RefusedEdit {
  /** Why the edit was not applied (EditRefused's message). */
  error: string;
  /** The theme it was made on. */
  themeId: number;
  /** What was typed into the rename and note fields. */
  name: string | null;
  text: string | null;
}

/** Remembers a refused edit for the next page load (a minute at most). */
export function rememberRefused(cookies: Cookies, edit: RefusedEdit): void {
  cookies.set(COOKIE, JSON.stringify(edit), { path: '/', maxAge: 60, httpOnly: true, sameSite: 'lax' });
}

/** The refused edit of theme `themeId`, if one was just made; read once (the cookie is deleted). */
export function takeRefused(cookies: Pick<Cookies, 'get' | 'delete'> | undefined, themeId: number): RefusedEdit | null {
  // A load called without a request's cookies (a test's event) has no refused edit to show.
  const raw = cookies?.get(COOKIE);
  if (raw === undefined) return null;
  cookies!.delete(COOKIE, { path: '/' });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const text = (x: unknown, max: number) => (typeof x === 'string' && x.length <= max ? x : null);
  const error = text(v.error, 500);
  if (error === null || v.themeId !== themeId) return null;
  return { error, themeId, name: text(v.name, 200), text: text(v.text, 2000) };
}

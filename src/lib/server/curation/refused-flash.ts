// Owns bringing a refused edit back to the page it was made on: an edit made on a theme page posts
// to /curate, and when it is refused ("the name … is taken") the user is sent back to the theme page
// with the reason and what they typed, in a cookie read once, instead of landing on /curate with the
// text gone. Only plain strings of bounded length come back, and they are rendered as text.
import type { Cookies } from '@sveltejs/kit';
import { setFlash, takeFlash } from './flash-cookie.js';

/** The cookie's name: a request carrying it is answered afresh, never from the response cache (hooks.server.ts). */
export const REFUSED_COOKIE = 'themescope-refused-edit';
const COOKIE = REFUSED_COOKIE;

export interface RefusedEdit {
  /** Why the edit was not applied (EditRefused's message). */
  error: string;
  /** The run and theme it was made on. */
  runId: number;
  themeId: number;
  /** What was typed into the rename and note fields. */
  name: string | null;
  text: string | null;
}

/** What the form's fields hold at most (CurationPanel's maxlength), and a cookie's value (browsers keep ~4 KB a cookie). */
const MAX_NAME = 120;
const MAX_TEXT = 2000;
const MAX_COOKIE = 3800;

/**
 * Remembers a refused edit for the next page load (a minute at most). The typed text is cut to the
 * form's limits, and the note dropped (then the name) when the cookie would be too large to keep:
 * the reason always comes back. `secure` as the request came (https or not), so a dashboard served
 * over plain http on a LAN keeps it too.
 */
export function rememberRefused(cookies: Cookies, edit: RefusedEdit, secure: boolean): void {
  const clip = (x: string | null, max: number) => (x === null ? null : x.slice(0, max));
  const error = edit.error.slice(0, 500);
  const tries: RefusedEdit[] = [{ ...edit, error, name: clip(edit.name, MAX_NAME), text: clip(edit.text, MAX_TEXT) },
    { ...edit, error, name: clip(edit.name, MAX_NAME), text: null }, { ...edit, error, name: null, text: null }];
  const value = tries.map((t) => JSON.stringify(t)).find((v) => encodeURIComponent(v).length <= MAX_COOKIE);
  if (value === undefined) return;
  setFlash(cookies, COOKIE, value, secure);
}

/** The refused edit of theme `themeId` of run `runId`, if one was just made; read once (the cookie is deleted). */
export function takeRefused(cookies: Pick<Cookies, 'get' | 'delete'> | undefined, runId: number, themeId: number): RefusedEdit | null {
  // A load called without a request's cookies (a test's event) has no refused edit to show.
  const v = takeFlash(cookies, COOKIE);
  if (v === null) return null;
  const text = (x: unknown, max: number) => (typeof x === 'string' && x.length <= max ? x : null);
  const error = text(v.error, 500);
  if (error === null || v.runId !== runId || v.themeId !== themeId) return null;
  return { error, runId, themeId, name: text(v.name, MAX_NAME), text: text(v.text, MAX_TEXT) };
}

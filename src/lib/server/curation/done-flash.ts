// Owns telling the user that an edit worked. The action remembers which edit it made (and the run's other
// edits it left no longer applying) in a cookie read once by the page the user lands on; that
// page names what was done from the run's history as it now stands, so the confirmation says what the
// journal holds, not what the form asked for. Only ids travel in the cookie; the words come from the history.
import type { Cookies } from '@sveltejs/kit';
import { setFlash, takeFlash } from './flash-cookie.js';
import { EDIT_ID, type EditKind } from './edits.js';
import type { EditStatus } from './fold.js';
import type { RunCuration } from './state.js';

/** The cookie's name: a request carrying it is answered afresh, never from the response cache (hooks.server.ts). */
export const DONE_COOKIE = 'themescope-edit-done';

/** Other edits named as no longer applying, at most (the rest are counted). */
const MAX_BROKE = 20;

export interface EditDone {
  runId: number;
  editId: string;
  broke: string[];
}

/** Remembers the edit just made for the next page load (a minute at most; httpOnly, same-site). */
export function rememberDone(cookies: Cookies, done: EditDone, secure: boolean): void {
  const value = JSON.stringify({ runId: done.runId, editId: done.editId, broke: done.broke.slice(0, MAX_BROKE), more: Math.max(0, done.broke.length - MAX_BROKE) });
  setFlash(cookies, DONE_COOKIE, value, secure);
}

/** The edit just made on run `runId`, if any; read once (the cookie is deleted whatever it holds). */
export function takeDone(cookies: Pick<Cookies, 'get' | 'delete'> | undefined, runId: number): (EditDone & { more: number }) | null {
  const v = takeFlash(cookies, DONE_COOKIE);
  if (v === null) return null;
  const { runId: r, editId, broke, more } = v;
  const isId = (x: unknown): x is string => typeof x === 'string' && EDIT_ID.test(x);
  if (r !== runId || !isId(editId) || !Array.isArray(broke) || broke.length > MAX_BROKE || !broke.every(isId)) return null;
  return { runId, editId, broke, more: Number.isInteger(more) && (more as number) >= 0 ? (more as number) : 0 };
}

/** What the page says about the edit just made: its line and status as the history has them now. */
export interface EditConfirmation {
  id: string;
  kind: EditKind;
  /** 'undo' / 'redo' for an undo: what it did to the edit it reaches. */
  effect: 'undo' | 'redo' | null;
  text: string;
  status: EditStatus;
  reason: string | null;
  /** Other edits of the run that it left no longer applying (an undo or redo can), with why. */
  broke: { id: string; text: string; reason: string | null }[];
  /** How many more such edits there were than are listed. */
  more: number;
}

/** The confirmation of `done` from the run's curation; null when the history does not hold that edit. */
export function confirmationOf(rc: RunCuration | null, done: (EditDone & { more: number }) | null): EditConfirmation | null {
  if (rc === null || done === null) return null;
  const byId = new Map(rc.curation.history.map((h) => [h.edit.id, h]));
  const h = byId.get(done.editId);
  if (h === undefined) return null;
  const broke = done.broke.flatMap((id) => {
    const b = byId.get(id);
    return b && b.status === 'not applied' ? [{ id, text: b.text, reason: b.reason }] : [];
  });
  return { id: h.edit.id, kind: h.edit.kind, effect: h.effect, text: h.text, status: h.status, reason: h.reason, broke, more: done.more };
}

// Owns changing a run's curation from a request: the gate (THEMESCOPE_EDIT=1, same origin, the token
// when THEMESCOPE_EDIT_TOKEN is set), every field checked, and the edit checked against the run's
// curation as the journal holds it under the lock, so two browsers at once are applied one after the other.
import { createHash, timingSafeEqual } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { query } from '../db.js';
import { checkText, checkThemeId, EDIT_ID, MAX_EDITOR, MAX_NAME, MAX_NOTE, themesNamed, type Edit, type EditBody } from './edits.js';
import { foldEdits, nextThemeId, type BaseTheme, type Curation } from './fold.js';
import { loadRunCuration } from './index.js';
import { appendEdits, readJournal } from './journal.js';
import { previewSplit } from './split.js';
import { originAllowed } from '../origin-check.js';

export type ActionKind = 'rename' | 'merge' | 'split' | 'hide' | 'unhide' | 'note' | 'undo';

export class EditRefused extends Error {
  constructor(readonly status: 400 | 404 | 409, message: string) {
    super(message);
  }
}

export function editingEnabled(): boolean {
  return process.env.THEMESCOPE_EDIT === '1';
}

export function tokenRequired(): boolean {
  return (process.env.THEMESCOPE_EDIT_TOKEN ?? '') !== '';
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Throws 403 (editing off, another origin) or 401 (token missing or wrong); nothing is read before. */
export function checkGate(request: Request, url: URL, form: FormData): void {
  if (!editingEnabled()) error(403, 'Editing is off: start the server with THEMESCOPE_EDIT=1 to allow edits');
  if (!originAllowed(request.headers.get('origin'), url)) error(403, 'Edits are accepted only from forms of this dashboard (same origin)');
  if (tokenRequired()) {
    const given = form.get('token');
    if (typeof given !== 'string' || given === '') error(401, 'This dashboard needs the edit token (THEMESCOPE_EDIT_TOKEN) for edits');
    if (!timingSafeEqual(digest(given), digest(process.env.THEMESCOPE_EDIT_TOKEN!))) error(401, 'Wrong edit token');
  }
}

function must<T>(r: { ok: T } | { error: string }): T {
  if ('error' in r) throw new EditRefused(400, r.error);
  return r.ok;
}

/** The edit a form asks for, from its fields; `current` is the run's curation (for split part ids). */
async function editFromForm(kind: ActionKind, form: FormData, runId: number, current: Curation): Promise<EditBody> {
  const theme = () => {
    const id = must(checkThemeId(form.get('theme')));
    if (!current.themes.has(id)) throw new EditRefused(404, `No theme ${id} in run ${runId}${current.gone.has(id) ? ' (it was merged or split)' : ''}`);
    return id;
  };
  switch (kind) {
    case 'rename':
      return { kind, themeId: theme(), name: must(checkText(form.get('name'), 'name', MAX_NAME, true)) };
    case 'note':
      return { kind, themeId: theme(), text: must(checkText(form.get('text'), 'note', MAX_NOTE, false)) };
    case 'hide':
    case 'unhide':
      return { kind, themeId: theme() };
    case 'merge': {
      const into = theme();
      const others = form.getAll('with').map((v) => must(checkThemeId(v, 'with')));
      const ids = [...new Set([into, ...others])];
      if (ids.length < 2) throw new EditRefused(400, 'with: pick at least one other theme to merge');
      for (const id of ids) if (!current.themes.has(id)) throw new EditRefused(404, `No theme ${id} in run ${runId}`);
      const name = must(checkText(form.get('name'), 'name', MAX_NAME, false));
      return { kind, themeIds: ids, into, name: name === '' || name === current.themes.get(into)!.label ? null : name };
    }
    case 'split': {
      const themeId = theme();
      const k = Number(form.get('parts'));
      const others = [...current.themes.values()].filter((t) => t.id !== themeId).map((t) => t.label);
      const preview = await previewSplit(runId, themeId, k, others);
      let id = nextThemeId(current);
      return { kind, themeId, units: current.themes.get(themeId)!.units,
        parts: preview.parts.map((p) => ({ id: id++, label: p.label, keywords: p.keywords, paperIds: p.paperIds })) };
    }
    case 'undo': {
      const target = form.get('target');
      if (typeof target !== 'string' || !EDIT_ID.test(target)) throw new EditRefused(400, 'target: expected an edit id');
      return { kind, target };
    }
  }
}

/** The run's curation from its carried edits and `journal`, as the fold sees it. */
function foldWith(runId: number, base: BaseTheme[], carried: Edit[], journal: Edit[], extra: Edit[] = []): Curation {
  return foldEdits(runId, base, [...carried, ...journal.filter((e) => e.runId === runId), ...extra]);
}

/** An edit made: as stored, and the run's other edits it left no longer applying (an undo or redo can). */
export interface EditMade {
  edit: Edit;
  broke: string[];
}

/**
 * Applies one form's edit to run `runId`; EditRefused (4xx) when a field or the edit does not fit. The
 * edit keeps the labels its themes have now (the history names them so later). A redo (an undo of an
 * undo) is refused when the edit it puts back would not apply now, like that edit made afresh.
 */
export async function applyEditForm(kind: ActionKind, form: FormData, runId: number): Promise<EditMade> {
  const by = must(checkText(form.get('by'), 'your name', MAX_EDITOR, true));
  const base = await query<BaseTheme>(`SELECT theme_id AS "themeId", label, keywords FROM src.main.themes WHERE run_id = $run ORDER BY theme_id`, { run: runId });
  const carried = ((await loadRunCuration(runId))?.curation.history ?? []).map((h) => h.edit).filter((e) => e.carriedFrom);
  // A split is clustered before the lock (about a second); its theme's papers are checked again under it.
  const draft = kind === 'split' ? await editFromForm(kind, form, runId, foldWith(runId, base, carried, readJournal())) : null;
  let broke: string[] = [];
  const [added] = await appendEdits(runId, by, async (journal) => {
    const current = foldWith(runId, base, carried, journal);
    const body = draft ?? (await editFromForm(kind, form, runId, current));
    const named = themesNamed(body).filter((id) => current.themes.has(id));
    const made = body.kind === 'undo' ? body : { ...body, labels: Object.fromEntries(named.map((id) => [id, current.themes.get(id)!.label])) };
    const after = foldWith(runId, base, carried, journal, [{ ...made, id: 'new', runId, at: '', by }]);
    const last = after.history[after.history.length - 1];
    if (last.status !== 'applied') throw new EditRefused(409, `Not applied: ${last.reason}`);
    const root = last.effect === 'redo' ? after.history.find((h) => h.edit.id === last.root) : undefined;
    if (root && root.status !== 'applied') throw new EditRefused(409, `Not applied: edit ${root.edit.id} cannot be redone now: ${root.reason}`);
    broke = current.history.filter((h, i) => h.status === 'applied' && after.history[i].status === 'not applied').map((h) => h.edit.id);
    return [made];
  });
  return { edit: added, broke };
}

// Curate page: every theme of the run with its curated name, original label, hidden mark and note,
// the edit history (with undo), what was carried from the previous run or needs review, and a split
// preview (`split`, `parts`). Its form actions are the only way anything is changed (curation/actions.ts).
import { error, fail, redirect, type Actions } from '@sveltejs/kit';
import { applyEditForm, checkGate, EditRefused, editingEnabled, tokenRequired, type ActionKind } from '$lib/server/curation/actions';
import { goneNote, loadRunCuration, summarise } from '$lib/server/curation';
import { previewSplit } from '$lib/server/curation/split';
import { rememberRefused } from '$lib/server/curation/refused-flash';
import { confirmationOf, rememberDone, takeDone } from '$lib/server/curation/done-flash';
import { listThemeSummaries } from '$lib/server/overview';
import { query } from '$lib/server/db';
import { readRun, resolveRun } from '$lib/server/run';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, cookies }) => {
  const run = await readRun({ url, locals });
  const [rc, visible, all] = await Promise.all([
    loadRunCuration(run.run_id),
    listThemeSummaries(run.run_id),
    query<{ themeId: number; label: string; mixture: boolean | null; size: number }>(
      `SELECT theme_id AS "themeId", label, mixture, size FROM themes WHERE run_id = $run ORDER BY size DESC, theme_id`, { run: run.run_id })
  ]);
  const summary = summarise(rc);
  const splitRaw = url.searchParams.get('split');
  let split = null;
  if (splitRaw !== null) {
    // A preview re-clusters the theme (a second of CPU and more): only where a split can be accepted.
    if (!editingEnabled()) error(403, 'split: editing is off on this server (start it with THEMESCOPE_EDIT=1 to preview and accept a split)');
    if (!/^\d{1,7}$/.test(splitRaw)) error(400, 'split: expected a theme id');
    const themeId = Number(splitRaw);
    if (!all.some((t) => t.themeId === themeId)) error(404, `No theme ${themeId} in run ${run.run_id}${await goneNote(run.run_id, themeId)}`);
    const parts = Number(url.searchParams.get('parts') ?? 2);
    split = await previewSplit(run.run_id, themeId, parts, all.filter((t) => t.themeId !== themeId).map((t) => t.label));
  }
  const history = (rc?.curation.history ?? []).map((h) => ({ id: h.edit.id, at: h.edit.at, by: h.edit.by, text: h.text, status: h.status,
    reason: h.reason, kind: h.edit.kind, effect: h.effect, root: h.root, reconstructed: h.reconstructed, carriedFrom: h.edit.carriedFrom?.runId ?? null }));
  return { runId: run.run_id, themes: all, visible: visible.map((t) => t.themeId), summary, history, review: rc?.review ?? [],
    done: confirmationOf(rc, takeDone(cookies, run.run_id)),
    carriedFrom: rc?.carriedFrom ?? null, split: split && { ...split, parts: split.parts.map(({ paperIds: _, ...p }) => p) },
    editing: editingEnabled(), tokenRequired: tokenRequired() };
};

/** Where to go after an edit: a path of this site given by the form, else this page. */
function returnTo(form: FormData, runId: number): string {
  const r = form.get('return');
  if (typeof r === 'string' && /^\/(?![/\\])[^\s\\]{0,500}$/.test(r)) return r;
  return `/curate?run=${runId}`;
}

function action(kind: ActionKind): Actions[string] {
  return async ({ request, url, cookies }) => {
    const form = await request.formData();
    checkGate(request, url, form);
    const runRaw = form.get('run');
    if (typeof runRaw !== 'string' || !/^[1-9]\d{0,8}$/.test(runRaw)) return fail(400, { error: 'run: expected a run id' });
    const run = await resolveRun(new URL(`?run=${runRaw}`, url));
    try {
      const made = await applyEditForm(kind, form, run.run_id);
      // The page the user lands on says what was done (done-flash.ts), from the history as it now stands.
      rememberDone(cookies, { runId: run.run_id, editId: made.edit.id, broke: made.broke }, url.protocol === 'https:');
    } catch (e) {
      if (!(e instanceof EditRefused)) throw e;
      // Made on a theme page: back there, with the reason and what was typed (refused-flash.ts).
      const back = returnTo(form, run.run_id);
      const themeId = Number(form.get('theme'));
      const field = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : null);
      if (/^\/themes\/\d+(\?|$)/.test(back) && Number.isInteger(themeId)) {
        rememberRefused(cookies, { error: e.message, runId: run.run_id, themeId, name: field('name'), text: field('text') }, url.protocol === 'https:');
        redirect(303, `${back}#curation`);
      }
      return fail(e.status, { error: e.message });
    }
    redirect(303, returnTo(form, run.run_id));
  };
}

export const actions: Actions = {
  rename: action('rename'),
  merge: action('merge'),
  split: action('split'),
  hide: action('hide'),
  unhide: action('unhide'),
  note: action('note'),
  undo: action('undo')
};

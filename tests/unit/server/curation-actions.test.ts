// Edits made as the forms make them (applyEditForm over a hand-made run): each keeps the labels its
// themes had then; an undo of an undo redoes its edit, checked like that edit made afresh; what an
// edit left no longer applying is reported; the page after it names what was done (done-flash.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../src/lib/server/curation/index.js';
import { applyEditForm, EditRefused, type ActionKind } from '../../../src/lib/server/curation/actions.js';
import { confirmationOf } from '../../../src/lib/server/curation/done-flash.js';
import { loadRunCuration } from '../../../src/lib/server/curation/index.js';
import { readJournal } from '../../../src/lib/server/curation/journal.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { writeTempDb, type TempDb } from './temp-db.js';

let db: TempDb;
beforeAll(async () => {
  db = await writeTempDb([handMadeRun()]);
});
afterAll(() => db.remove());

const submit = (kind: ActionKind, fields: Record<string, string | string[]>) => {
  const form = new FormData();
  form.set('by', 'Ada');
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
  return applyEditForm(kind, form, 1);
};
const statusOf = async (id: string) => (await loadRunCuration(1))!.curation.history.find((h) => h.edit.id === id)!;

describe('edits made through the forms', () => {
  it('keep the label each named theme had when the edit was made', async () => {
    const { edit } = await submit('rename', { theme: '0', name: 'LLM serving' });
    const hide = await submit('hide', { theme: '0' });
    expect(readJournal().map((e) => [e.id, e.kind, e.labels])).toStrictEqual([
      [edit.id, 'rename', { 0: 'model merging, task vectors' }], [hide.edit.id, 'hide', { 0: 'LLM serving' }]]);
    const h = await statusOf(hide.edit.id);
    expect([h.text, h.reconstructed]).toStrictEqual(['Hid “LLM serving” (0)', false]);
  });

  it('redo an edit by undoing its undo, and the confirmation names what was done', async () => {
    const rename = readJournal()[0];
    const undo = await submit('undo', { target: rename.id });
    expect((await loadRunCuration(1))!.curation.themes.get(0)!.label).toBe('model merging, task vectors');
    const redo = await submit('undo', { target: undo.edit.id });
    const rc = await loadRunCuration(1);
    expect(rc!.curation.themes.get(0)!.label).toBe('LLM serving');
    expect(confirmationOf(rc, { runId: 1, editId: redo.edit.id, broke: [], more: 0 })).toStrictEqual({
      id: redo.edit.id, kind: 'undo', effect: 'redo', status: 'applied', reason: null, broke: [], more: 0,
      text: `Redid edit ${rename.id} (taking back edit ${undo.edit.id}): Renamed “model merging, task vectors” (0) to “LLM serving”` });
    // the redo's undo row cannot be taken back twice
    await expect(submit('undo', { target: undo.edit.id })).rejects.toMatchObject({ status: 409, message: `Not applied: edit ${undo.edit.id} is already undone (by edit ${redo.edit.id})` });
  });

  it('refuse a redo whose edit would not apply now, and write nothing', async () => {
    const merge = await submit('merge', { theme: '0', with: '2', name: '' });
    const unmerge = await submit('undo', { target: merge.edit.id });
    const hide = await submit('hide', { theme: '2' });
    const unhide = await submit('undo', { target: hide.edit.id });
    const remerge = await submit('undo', { target: unmerge.edit.id }); // theme 2 merged away again
    expect(remerge.broke).toStrictEqual([]); // the hide of theme 2 is undone: nothing to break
    const before = readJournal().length;
    const refused = submit('undo', { target: unhide.edit.id });
    await expect(refused).rejects.toBeInstanceOf(EditRefused);
    await expect(refused).rejects.toMatchObject({ status: 409,
      message: `Not applied: edit ${hide.edit.id} cannot be redone now: theme 2 no longer exists (merged or split)` });
    expect(readJournal().length).toBe(before);
  });

  it('report the later edits a redo leaves no longer applying, and the confirmation lists them', async () => {
    const rename = await submit('rename', { theme: '1', name: 'Long inputs' });
    const undo = await submit('undo', { target: rename.edit.id });
    const taken = await submit('rename', { theme: '0', name: 'Long inputs' }); // free again once the first is undone
    const redo = await submit('undo', { target: undo.edit.id }); // the first rename comes back, ahead of this one
    expect(redo.broke).toStrictEqual([taken.edit.id]);
    const c = confirmationOf(await loadRunCuration(1), { runId: 1, editId: redo.edit.id, broke: redo.broke, more: 0 });
    expect(c!.broke).toStrictEqual([{ id: taken.edit.id, text: 'Renamed “LLM serving” (0) to “Long inputs”',
      reason: 'the name “Long inputs” is taken by another theme of the run' }]);
    expect((await statusOf(rename.edit.id)).status).toBe('applied');
  });
});

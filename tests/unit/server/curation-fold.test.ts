// Curation logic without a database: folding edits (undo, edits that no longer fit), checking fields,
// matching themes of consecutive runs (Jaccard, mutual best) and carrying edits forward.
import { describe, expect, it } from 'vitest';
import { carryForward, CLEAR_MARGIN, CONTINUE_JACCARD, matchThemes } from '../../../src/lib/server/curation/carry.js';
import { checkText, describeEdit, type Edit, type EditBody } from '../../../src/lib/server/curation/edits.js';
import { foldEdits, nextThemeId, type BaseTheme } from '../../../src/lib/server/curation/fold.js';

const BASE: BaseTheme[] = [
  { themeId: 0, label: 'kv cache, speculative decoding', keywords: ['kv cache', 'speculative decoding'] },
  { themeId: 1, label: 'quantization', keywords: ['quantization', 'int4'] },
  { themeId: 2, label: 'gaussian splatting', keywords: ['gaussian splatting'] }
];
let seq = 0;
const edit = (body: EditBody, runId = 1): Edit => ({ ...body, id: String(++seq), runId, at: '2026-12-01T10:00:00Z', by: 'Ada' });

describe('foldEdits', () => {
  it('renames a theme and keeps its original label', () => {
    const c = foldEdits(1, BASE, [edit({ kind: 'rename', themeId: 0, name: 'LLM inference efficiency' })]);
    const t = c.themes.get(0)!;
    expect([t.label, t.originalLabel, t.named, c.changed]).toStrictEqual(['LLM inference efficiency', 'kv cache, speculative decoding', true, true]);
  });

  it('names a stored mixture "Mixture: …" in its history while no merge changed it, as the pages name it (audit of 2026-12-03)', () => {
    const base = BASE.map((b) => (b.themeId === 2 ? { ...b, mixture: true } : b));
    const c = foldEdits(1, base, [edit({ kind: 'hide', themeId: 2 }), edit({ kind: 'merge', themeIds: [2, 1], into: 2, name: null }),
      edit({ kind: 'unhide', themeId: 2 })]);
    expect(c.history.map((h) => h.text)).toStrictEqual(['Hid “Mixture: gaussian splatting” (2)',
      'Merged “Mixture: gaussian splatting” (2) + “quantization” (1) into 2', 'Unhid “gaussian splatting” (2)']);
  });

  it('merges themes into one that holds both, the other id gone into it', () => {
    const c = foldEdits(1, BASE, [edit({ kind: 'merge', themeIds: [0, 1], into: 0, name: 'Efficient LLMs' })]);
    expect(c.themes.get(0)!.units).toStrictEqual([0, 1]);
    expect(c.themes.get(0)!.keywords).toStrictEqual(['kv cache', 'quantization', 'speculative decoding', 'int4']);
    expect(c.themes.get(0)!.originalLabel).toBe('merged from “kv cache, speculative decoding” + “quantization”');
    expect([c.themes.has(1), c.gone.get(1)]).toStrictEqual([false, { mergedInto: 0 }]);
  });

  it('undoes an edit, and an edit that depended on it is kept as not applied with the reason', () => {
    const merge = edit({ kind: 'merge', themeIds: [0, 1], into: 1, name: null });
    const split = edit({ kind: 'split', themeId: 1, units: [0, 1], parts: [
      { id: 3, label: 'a', keywords: [], paperIds: ['p1'] }, { id: 4, label: 'b', keywords: [], paperIds: ['p2'] }] });
    const undo = edit({ kind: 'undo', target: merge.id });
    const c = foldEdits(1, BASE, [merge, split, undo]);
    expect(c.history.map((h) => h.status)).toStrictEqual(['undone', 'not applied', 'applied']);
    expect(c.history[1].reason).toBe('theme 1 no longer holds the papers it was split from (an earlier edit changed)');
    expect([...c.themes.keys()]).toStrictEqual([0, 1, 2]);
  });

  it('splits a theme into parts with new ids; the next free id is above them', () => {
    const c = foldEdits(1, BASE, [edit({ kind: 'split', themeId: 2, units: [2], parts: [
      { id: 3, label: 'splatting', keywords: [{ term: 'splat', weight: 1 }], paperIds: ['p1', 'p2'] },
      { id: 4, label: 'nerf', keywords: [], paperIds: ['p3'] }] })]);
    expect([...c.themes.keys()]).toStrictEqual([0, 1, 3, 4]);
    expect([c.themes.get(3)!.originalLabel, c.gone.get(2), nextThemeId(c)]).toStrictEqual(['part of “gaussian splatting”', { splitInto: [3, 4] }, 5]);
  });

  it('does not apply a name another theme of the run has, whatever its case', () => {
    const c = foldEdits(1, BASE, [edit({ kind: 'rename', themeId: 0, name: 'Quantization' })]);
    expect([c.history[0].status, c.themes.get(0)!.label, c.changed]).toStrictEqual(['not applied', BASE[0].label, false]);
  });

  it('keeps an edit on a theme merged away as not applied', () => {
    const c = foldEdits(1, BASE, [edit({ kind: 'merge', themeIds: [0, 1], into: 0, name: null }), edit({ kind: 'hide', themeId: 1 })]);
    expect([c.history[1].status, c.history[1].reason]).toStrictEqual(['not applied', 'theme 1 no longer exists (merged or split)']);
  });
});

describe('undo and redo', () => {
  const rename = (themeId: number, name: string, labels?: Record<string, string>) => edit({ kind: 'rename', themeId, name, ...(labels ? { labels } : {}) } as EditBody);
  const undo = (target: string) => edit({ kind: 'undo', target });
  const rows = (c: ReturnType<typeof foldEdits>) => c.history.map((h) => [h.edit.id, h.status, h.reason, h.text]);

  it('takes back an undo: the edit it undid applies again (a redo), and the redo can be taken back in turn', () => {
    const r = rename(0, 'LLM serving', { 0: BASE[0].label });
    const u = undo(r.id);
    const redo = undo(u.id);
    const c = foldEdits(1, BASE, [r, u, redo]);
    expect(c.themes.get(0)!.label).toBe('LLM serving');
    expect(rows(c)).toStrictEqual([
      [r.id, 'applied', null, `Renamed “${BASE[0].label}” (0) to “LLM serving”`],
      [u.id, 'undone', `by edit ${redo.id}`, `Undid edit ${r.id}: Renamed “${BASE[0].label}” (0) to “LLM serving”`],
      [redo.id, 'applied', null, `Redid edit ${r.id} (taking back edit ${u.id}): Renamed “${BASE[0].label}” (0) to “LLM serving”`]
    ]);
    expect([c.history[1].effect, c.history[2].effect, c.history[2].root]).toStrictEqual(['undo', 'redo', r.id]);
    const again = undo(redo.id);
    const d = foldEdits(1, BASE, [r, u, redo, again]);
    expect([d.themes.get(0)!.label, d.history.map((h) => h.status)]).toStrictEqual([BASE[0].label, ['undone', 'applied', 'undone', 'applied']]);
    expect(d.history[0].reason).toBe(`by edit ${u.id}`); // back in effect, the first undo takes the rename back again
    expect(d.history[3].text).toBe(`Undid edit ${r.id} again (taking back edit ${redo.id}): Renamed “${BASE[0].label}” (0) to “LLM serving”`);
  });

  it('refuses an undo of an edit already undone, of an undo that did not apply, of no earlier edit, and a redo undone again since', () => {
    const r = rename(1, 'Low-bit LLMs');
    const u = undo(r.id);
    const twice = undo(r.id);
    const ofRefused = undo(twice.id);
    const unknown = undo('99');
    const c = foldEdits(1, BASE, [r, u, twice, ofRefused, unknown]);
    expect(c.history.slice(2).map((h) => [h.status, h.reason])).toStrictEqual([
      ['not applied', `edit ${r.id} is already undone (by edit ${u.id})`],
      ['not applied', `edit ${twice.id} did not apply`],
      ['not applied', 'no edit 99 of this run before it']
    ]);
    // r redone by taking back u, then undone afresh by a plain undo: taking back the redo would undo r a second time
    const redo = undo(u.id);
    const fresh = undo(r.id);
    const stale = undo(redo.id);
    const d = foldEdits(1, BASE, [r, u, redo, fresh, stale]);
    expect([d.history[4].status, d.history[4].reason, d.themes.get(1)!.label]).toStrictEqual(['not applied', `edit ${r.id} was undone again since (by edit ${fresh.id})`, BASE[1].label]);
  });

  it('keeps a split’s part ids in use after it is undone, so a split made since never takes them and a redo puts it back whole', () => {
    const s1 = edit({ kind: 'split', themeId: 2, units: [2], parts: [{ id: 3, label: 'a', keywords: [], paperIds: ['p1'] }, { id: 4, label: 'b', keywords: [], paperIds: ['p2'] }] });
    const u = undo(s1.id);
    const undone = foldEdits(1, BASE, [s1, u]);
    expect([[...undone.themes.keys()], nextThemeId(undone)]).toStrictEqual([[0, 1, 2], 5]);
    const s2 = edit({ kind: 'split', themeId: 0, units: [0], parts: [{ id: 5, label: 'c', keywords: [], paperIds: ['p3'] }, { id: 6, label: 'd', keywords: [], paperIds: ['p4'] }] });
    const c = foldEdits(1, BASE, [s1, u, s2, undo(u.id)]);
    expect([[...c.themes.keys()].sort((a, b) => a - b), c.history.map((h) => h.status)]).toStrictEqual([[1, 3, 4, 5, 6], ['applied', 'undone', 'applied', 'applied']]);
  });
});

describe('the history names themes as they were when each edit was made', () => {
  it('by the labels kept with the edit, whatever was undone since', () => {
    const r = edit({ kind: 'rename', themeId: 0, name: 'LLM serving', labels: { 0: BASE[0].label } } as EditBody);
    const hide = edit({ kind: 'hide', themeId: 0, labels: { 0: 'LLM serving' } } as EditBody);
    const c = foldEdits(1, BASE, [r, hide, edit({ kind: 'undo', target: r.id })]);
    expect(c.history.map((h) => [h.text, h.reconstructed])).toStrictEqual([
      [`Renamed “${BASE[0].label}” (0) to “LLM serving”`, false],
      ['Hid “LLM serving” (0)', false],
      [`Undid edit ${r.id}: Renamed “${BASE[0].label}” (0) to “LLM serving”`, false]
    ]);
  });

  it('for an edit made before labels were kept: rebuilt from the edits before it as they stood then, and marked so', () => {
    const r = edit({ kind: 'rename', themeId: 0, name: 'LLM serving' });
    const hide = edit({ kind: 'hide', themeId: 0 });
    const u = edit({ kind: 'undo', target: r.id });
    const note = edit({ kind: 'note', themeId: 0, text: 'after the undo' });
    const c = foldEdits(1, BASE, [r, hide, u, note]);
    expect(c.history.map((h) => [h.text, h.reconstructed])).toStrictEqual([
      [`Renamed “${BASE[0].label}” (0) to “LLM serving”`, true],
      ['Hid “LLM serving” (0)', true], // the rename stood when it was made, though undone since
      [`Undid edit ${r.id}: Renamed “${BASE[0].label}” (0) to “LLM serving”`, false],
      [`Noted on “${BASE[0].label}” (0): “after the undo”`, true]
    ]);
  });

  it('rebuilds an old edit’s names after an undo and edits that kept theirs (it replays only when an edit needs it)', () => {
    const r = edit({ kind: 'rename', themeId: 0, name: 'LLM serving' });
    const u = edit({ kind: 'undo', target: r.id });
    const r2 = edit({ kind: 'rename', themeId: 0, name: 'Inference', labels: { 0: BASE[0].label } } as EditBody);
    const note = edit({ kind: 'note', themeId: 0, text: 'old journal line' });
    const c = foldEdits(1, BASE, [r, u, r2, note]);
    expect(c.history.slice(2).map((h) => [h.text, h.reconstructed])).toStrictEqual([
      [`Renamed “${BASE[0].label}” (0) to “Inference”`, false],
      ['Noted on “Inference” (0): “old journal line”', true]
    ]);
  });

  it('never marks a carried edit: it is made at the run’s start, over the labels the run stored', () => {
    const carried = { ...edit({ kind: 'rename', themeId: 1, name: 'Low-bit LLMs' }, 2), carriedFrom: { runId: 1, id: '3' } };
    expect(foldEdits(2, BASE, [carried]).history[0].reconstructed).toBe(false);
  });
});

describe('checkText', () => {
  it('trims, and refuses empty, overlong, markup and control characters', () => {
    expect(checkText('  Efficient LLMs ', 'name', 120, true)).toStrictEqual({ ok: 'Efficient LLMs' });
    expect(checkText('   ', 'name', 120, true)).toStrictEqual({ error: 'name: must not be empty' });
    expect(checkText('x'.repeat(121), 'name', 120, true)).toStrictEqual({ error: 'name: at most 120 characters (got 121)' });
    expect(checkText('<script>alert(1)</script>', 'name', 120, true)).toStrictEqual({ error: 'name: must not contain < or >' });
    expect(checkText('a\u0007b', 'name', 120, true)).toStrictEqual({ error: 'name: must not contain control characters' });
    expect(checkText('line one\nline two', 'note', 2000, false)).toStrictEqual({ ok: 'line one\nline two' });
  });
});

describe('matchThemes', () => {
  it('pairs themes that are each other’s best match with Jaccard at or above the threshold', () => {
    const old = new Map([[0, ['a', 'b', 'c', 'd']], [1, ['e', 'f']], [2, ['g', 'h', 'i']]]);
    // new theme 7 = old 0 less one paper (J = 3/4); 8 (5 papers) takes half of old 1 (J = 1/6) and all of old 2 (J = 3/5)
    const next = new Map([['a', 7], ['b', 7], ['c', 7], ['e', 8], ['g', 8], ['h', 8], ['i', 8], ['z', 8]]);
    const m = matchThemes(old, next);
    expect([...m.entries()]).toStrictEqual([[0, { themeId: 7, shared: 3, jaccard: 3 / 4 }], [2, { themeId: 8, shared: 3, jaccard: 3 / 5 }]]);
    expect(CONTINUE_JACCARD).toBe(0.3);
  });

  it('leaves a theme unmatched when its best Jaccard is under the threshold', () => {
    const m = matchThemes(new Map([[0, ['a', 'b', 'c', 'd']]]), new Map([['a', 5], ['x', 5], ['y', 5], ['z', 5]]));
    expect(m.size).toBe(0); // J = 1/7
  });

  it('leaves a theme split into two near-equal halves unmatched (its edits go to review), and matches one clearly ahead', () => {
    const old = new Map([[0, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']]]);
    // halves of 4 and 4 papers plus 1 and 2 of their own: J = 4/9 and 4/10, 1.11× apart
    const near = matchThemes(old, new Map([['a', 5], ['b', 5], ['c', 5], ['d', 5], ['x', 5], ['e', 6], ['f', 6], ['g', 6], ['h', 6], ['y', 6], ['z', 6]]));
    expect(near.size).toBe(0);
    // 6 and 2 papers: J = 6/8 against 2/8
    const clear = matchThemes(old, new Map([['a', 5], ['b', 5], ['c', 5], ['d', 5], ['e', 5], ['f', 5], ['g', 6], ['h', 6], ['y', 6], ['z', 6], ['w', 6], ['v', 6]]));
    expect([...clear.entries()]).toStrictEqual([[0, { themeId: 5, shared: 6, jaccard: 6 / 8 }]]);
    expect(CLEAR_MARGIN).toBe(1.25);
  });
});

describe('carryForward', () => {
  it('carries a rename, a hide and a merge to the continuing themes, and lists what cannot carry', () => {
    const prev = foldEdits(1, BASE, [
      edit({ kind: 'rename', themeId: 2, name: '3D scenes' }),
      edit({ kind: 'merge', themeIds: [0, 1], into: 0, name: null }),
      edit({ kind: 'hide', themeId: 0 })
    ]);
    const byStored = new Map([[0, { themeId: 5, shared: 9, jaccard: 0.9 }], [1, { themeId: 6, shared: 9, jaccard: 0.9 }]]);
    const carried = carryForward(prev, 2, byStored, new Map());
    expect(carried.edits.map(({ kind, ...rest }) => [kind, 'themeIds' in rest ? rest.themeIds : 'themeId' in rest ? rest.themeId : null]))
      .toStrictEqual([['merge', [5, 6]], ['hide', 5]]);
    expect(carried.edits.every((e) => e.runId === 2 && e.carriedFrom?.runId === 1)).toBe(true);
    expect(carried.review.map((r) => r.status)).toStrictEqual(['carried', 'review']);
    expect(carried.review[1].text).toBe('Theme “3D scenes” (2: the name “3D scenes”) has no continuing theme in run 2');
    const next = foldEdits(2, [0, 1, 2, 3, 4, 5, 6].map((id) => ({ themeId: id, label: `t${id}`, keywords: [] })), carried.edits);
    expect([next.themes.get(5)!.units, next.themes.get(5)!.hidden]).toStrictEqual([[5, 6], true]);
  });
});

describe('carried edit ids (weekly-use audit of 2026-12-05)', () => {
  it('keeps a carried edit’s id when the old run is edited again, so an undo in the new run still takes back the same edit', () => {
    const byStored = new Map([[0, { themeId: 5, shared: 9, jaccard: 0.9 }], [1, { themeId: 6, shared: 9, jaccard: 0.9 }], [2, { themeId: 7, shared: 9, jaccard: 0.9 }]]);
    const rename = edit({ kind: 'rename', themeId: 2, name: '3D scenes' });
    const note = edit({ kind: 'note', themeId: 1, text: 'watch it' });
    const before = carryForward(foldEdits(1, BASE, [rename, note]), 2, byStored, new Map());
    const renameId = before.edits.find((e) => e.kind === 'rename')!.id;
    // the lead undoes the carried rename in run 2 …
    const undo = { ...edit({ kind: 'undo', target: renameId }, 2) };
    // … then hides theme 0 of run 1, a theme carried ahead of the others
    const after = carryForward(foldEdits(1, BASE, [rename, note, edit({ kind: 'hide', themeId: 0 })]), 2, byStored, new Map());
    expect(after.edits.find((e) => e.kind === 'rename')!.id).toBe(renameId);
    const base2 = [5, 6, 7].map((id) => ({ themeId: id, label: `t${id}`, keywords: [] }));
    const run2 = foldEdits(2, base2, [...after.edits, undo]);
    expect([run2.themes.get(7)!.label, run2.themes.get(6)!.note, run2.themes.get(5)!.hidden]).toStrictEqual(['t7', 'watch it', true]);
    expect(run2.history.filter((h) => h.status === 'undone').map((h) => h.edit.kind)).toStrictEqual(['rename']);
    // an undo written when carried edits were numbered by their place ('r1.1': the first carried) names none of them now
    const legacy = foldEdits(2, base2, [...after.edits, { ...edit({ kind: 'undo', target: 'r1.1' }, 2) }]);
    expect(legacy.history.at(-1)!.status).toBe('not applied');
    expect(legacy.history.filter((h) => h.status === 'undone')).toStrictEqual([]);
  });
});

describe('counts in what the curate page says', () => {
  it('writes papers with thousands separators: a split part, and the papers a continuing theme shares', () => {
    const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => `p${from + i}`);
    const split: EditBody = { kind: 'split', themeId: 2, units: [2], parts: [
      { id: 7, label: 'radiance fields', keywords: [], paperIds: ids(1234, 0) }, { id: 8, label: 'avatars', keywords: [], paperIds: ids(12, 1234) }] };
    expect(describeEdit(split, () => 'gaussian splatting'))
      .toBe('Split “gaussian splatting” (2) into “radiance fields” (7, 1,234 papers), “avatars” (8, 12 papers)');
    const prev = foldEdits(1, BASE, [edit({ kind: 'rename', themeId: 2, name: '3D scenes' })]);
    const carried = carryForward(prev, 2, new Map([[2, { themeId: 4, shared: 2586, jaccard: 0.91 }]]), new Map());
    expect(carried.review[0].text).toBe('“3D scenes” (2) continues as theme 4 in run 2: 2,586 papers shared, Jaccard 0.91');
  });
});

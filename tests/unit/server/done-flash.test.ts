// An edit's confirmation reaches the next page once, as ids only, for the run it was made on; the words
// come from the run's history as it stands (curation-actions.test.ts checks them on real edits).
import { describe, expect, it } from 'vitest';
import { confirmationOf, DONE_COOKIE, rememberDone, takeDone } from '../../../src/lib/server/curation/done-flash.js';
import { foldEdits } from '../../../src/lib/server/curation/fold.js';
import type { Edit } from '../../../src/lib/server/curation/edits.js';
import { cookieJar as jar } from './cookie-jar.js';

describe('rememberDone and takeDone', () => {
  it('bring the edit id back once, to its run only, in an httpOnly same-site cookie', () => {
    const cookies = jar();
    rememberDone(cookies as never, { runId: 2, editId: '12', broke: ['7'] }, true);
    expect(cookies.options.get(DONE_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, maxAge: 60, path: '/' });
    expect(takeDone(cookies as never, 2)).toStrictEqual({ runId: 2, editId: '12', broke: ['7'], more: 0 });
    expect(takeDone(cookies as never, 2)).toBeNull();
    rememberDone(cookies as never, { runId: 2, editId: '13', broke: [] }, false);
    expect(takeDone(cookies as never, 1)).toBeNull(); // another run: nothing, and the cookie is gone
    expect(cookies.values.size).toBe(0);
  });

  it('name at most 20 other edits, counting the rest', () => {
    const cookies = jar();
    rememberDone(cookies as never, { runId: 1, editId: '99', broke: Array.from({ length: 25 }, (_, i) => String(i + 1)) }, false);
    const done = takeDone(cookies as never, 1)!;
    expect([done.broke.length, done.more]).toStrictEqual([20, 5]);
  });

  it('read nothing from a cookie that is not theirs to trust', () => {
    for (const raw of ['not json', 'null', '{"runId":1,"editId":"<b>","broke":[]}', '{"runId":"1","editId":"3","broke":[]}',
      '{"runId":1,"editId":"3","broke":["x y"]}', '{"runId":1,"editId":"3"}']) {
      const cookies = jar();
      cookies.values.set(DONE_COOKIE, raw);
      expect(takeDone(cookies as never, 1), raw).toBeNull();
    }
  });
});

describe('confirmationOf', () => {
  const edit = (body: object, id: string): Edit => ({ ...body, id, runId: 1, at: '2026-12-01T10:00:00Z', by: 'Ada' }) as Edit;
  const base = [{ themeId: 4, label: 'kv cache', keywords: [] }];

  it('says what the history says of the edit, and nothing for an edit it does not hold', () => {
    const c = foldEdits(1, base, [edit({ kind: 'rename', themeId: 4, name: 'LLM serving', labels: { 4: 'kv cache' } }, '1')]);
    const rc = { curation: c, review: [], carriedFrom: null };
    expect(confirmationOf(rc, { runId: 1, editId: '1', broke: [], more: 0 })).toStrictEqual({
      id: '1', kind: 'rename', effect: null, text: 'Renamed “kv cache” (4) to “LLM serving”', status: 'applied', reason: null, broke: [], more: 0 });
    expect(confirmationOf(rc, { runId: 1, editId: '2', broke: [], more: 0 })).toBeNull();
    expect(confirmationOf(null, { runId: 1, editId: '1', broke: [], more: 0 })).toBeNull();
  });
});

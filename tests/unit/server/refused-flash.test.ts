// A refused edit made on a theme page comes back to it once, in a cookie that stays small enough for a
// browser to keep, and only to the run and theme it was made on.
import { describe, expect, it } from 'vitest';
import { rememberRefused, takeRefused } from '../../../src/lib/server/curation/refused-flash.js';
import { cookieJar as jar } from './cookie-jar.js';

describe('rememberRefused and takeRefused', () => {
  it('bring the reason and the typed text back once, to the run and theme they were made on', () => {
    const cookies = jar();
    rememberRefused(cookies as never, { error: 'the name “x” is taken by another theme of the run', runId: 2, themeId: 7, name: 'x', text: 'a note' }, false);
    expect(takeRefused(cookies as never, 1, 7)).toBeNull(); // another run's theme 7: nothing, and the cookie is gone
    rememberRefused(cookies as never, { error: 'taken', runId: 2, themeId: 7, name: 'x', text: 'a note' }, true);
    expect([...cookies.options.values()].at(-1)).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, maxAge: 60 });
    expect(takeRefused(cookies as never, 2, 7)).toStrictEqual({ error: 'taken', runId: 2, themeId: 7, name: 'x', text: 'a note' });
    expect(takeRefused(cookies as never, 2, 7)).toBeNull();
  });

  it('keep the cookie under a browser\'s 4 KB: the text cut to the form\'s limits, the note dropped when still too large, the reason kept', () => {
    const cookies = jar();
    rememberRefused(cookies as never, { error: 'name: expected at most 120 characters', runId: 1, themeId: 3, name: 'n'.repeat(1_000_000), text: '説'.repeat(2000) }, false);
    const raw = cookies.values.values().next().value!;
    expect(encodeURIComponent(raw).length).toBeLessThanOrEqual(3800);
    expect(takeRefused(cookies as never, 1, 3)).toStrictEqual({ error: 'name: expected at most 120 characters', runId: 1, themeId: 3, name: 'n'.repeat(120), text: null });
  });

  it('read nothing from a cookie that is not theirs to trust', () => {
    for (const raw of ['not json', '{"error":5,"runId":1,"themeId":3}', JSON.stringify({ error: 'x'.repeat(501), runId: 1, themeId: 3 })]) {
      const cookies = jar();
      cookies.values.set('themescope-refused-edit', raw);
      expect(takeRefused(cookies as never, 1, 3)).toBeNull();
    }
  });
});

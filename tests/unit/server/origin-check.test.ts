// originAllowed: which origins may send a form (an edit) to the dashboard.
import { describe, expect, it } from 'vitest';
import { isFormRequest, originAllowed } from '../../../src/lib/server/origin-check.js';

describe('originAllowed', () => {
  const own = new URL('http://127.0.0.1:3000/themes/3');

  it('accepts the server\'s own origin, and the same port under another loopback name', () => {
    expect(['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000'].map((o) => originAllowed(o, own))).toStrictEqual([true, true, true]);
  });

  it('refuses another site, another port or scheme, a name that resolves here (DNS rebinding), no Origin, and garbage', () => {
    expect(['https://evil.example', 'http://localhost:3001', 'https://localhost:3000', 'http://rebind.example:3000', 'null', 'not a url']
      .map((o) => originAllowed(o, own))).toStrictEqual([false, false, false, false, false, false]);
    expect(originAllowed(null, own)).toBe(false);
  });

  it('accepts only its own origin behind a public name', () => {
    const pub = new URL('https://themes.example.org/curate');
    expect([originAllowed('https://themes.example.org', pub), originAllowed('http://localhost:443', pub)]).toStrictEqual([true, false]);
  });
});

describe('isFormRequest', () => {
  const req = (method: string, type?: string) => new Request('http://127.0.0.1:3000/curate', { method, headers: type ? { 'content-type': type } : {} });

  it('is any body a page of another site can send without a preflight, and no GET', () => {
    expect([req('POST', 'application/x-www-form-urlencoded'), req('POST', 'multipart/form-data; boundary=x'), req('POST', 'text/plain'), req('POST')]
      .map(isFormRequest)).toStrictEqual([true, true, true, true]);
    expect([req('POST', 'application/json'), req('GET')].map(isFormRequest)).toStrictEqual([false, false]);
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { handle, handleError } from '../../../src/hooks.server.js';
import { DatabaseMissingError } from '../../../src/lib/server/db.js';
import { readRun } from '../../../src/lib/server/run.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { httpErrorOf } from './http-error.js';
import { writeTempDb, type TempDb } from './temp-db.js';

type RequestEvent = Parameters<Handle>[0]['event'];
let db: TempDb;

beforeAll(async () => {
  db = await writeTempDb([handMadeRun(), handMadeRun()]);
});
afterAll(() => db.remove());

/** Runs `handle` for `http://x/papers{search}` as SvelteKit would; returns the event the loads then see. */
async function request(search: string): Promise<RequestEvent> {
  const url = new URL(`http://x/papers${search}`);
  const event = { url, request: new Request(url), locals: {} } as RequestEvent;
  const response = await handle({ event, resolve: async () => new Response('page') });
  expect(await response.text()).toBe('page');
  return event;
}

/** One GET through `handle` with `headers`, the page answering `body` (counted in `calls`). */
async function get(path: string, headers: Record<string, string>, body: string, calls: { n: number }) {
  const url = new URL(`http://x${path}`);
  const event = { url, request: new Request(url, { headers }), locals: {} } as RequestEvent;
  return handle({ event, resolve: async () => (calls.n++, new Response(body, { headers: { 'content-type': 'text/plain' } })) });
}

describe('handle: caching by run', () => {
  it('answers a repeated GET from the cache, with the same ETag, without rendering again', async () => {
    process.env.THEMESCOPE_DB = db.path;
    const calls = { n: 0 };
    const first = await get('/cached?run=1', {}, 'one', calls);
    const text = await first.text();
    const second = await get('/cached?run=1', {}, 'two', calls);
    expect([text, await second.text(), calls.n, second.headers.get('etag')]).toStrictEqual(['one', 'one', 1, first.headers.get('etag')]);
    expect([first.headers.get('x-cache'), second.headers.get('x-cache'), second.headers.get('content-type')]).toStrictEqual(['miss', 'hit', 'text/plain']);
  });

  it('answers 304 when If-None-Match names the ETag, and gives other runs and URLs other ETags', async () => {
    process.env.THEMESCOPE_DB = db.path;
    const calls = { n: 0 };
    const etag = (await get('/etag?run=1', {}, 'x', calls)).headers.get('etag')!;
    const again = await get('/etag?run=1', { 'if-none-match': `W/"nope", ${etag}` }, 'x', calls);
    const [run2, otherUrl] = [await get('/etag?run=2', {}, 'x', calls), await get('/etag?run=1&q=a', {}, 'x', calls)];
    // No ?run= is the newest complete run, 2: the same answer as ?run=2 under another URL.
    expect([again.status, calls.n]).toStrictEqual([304, 3]);
    expect(new Set([etag, run2.headers.get('etag'), otherUrl.headers.get('etag')]).size).toBe(3);
  });
});

describe('handle: one user\'s edit messages', () => {
  it('neither caches nor answers from the cache a page carrying an edit\'s confirmation or refusal cookie', async () => {
    process.env.THEMESCOPE_DB = db.path;
    const calls = { n: 0 };
    expect(await (await get('/flash?run=1', {}, 'shared', calls)).text()).toBe('shared'); // read whole: now cached
    const withDone = await get('/flash?run=1', { cookie: 'themescope-edit-done=%7B%7D' }, 'confirmed', calls);
    const withRefused = await get('/flash?run=1', { cookie: 'a=b; themescope-refused-edit=%7B%7D' }, 'refused', calls);
    const after = await get('/flash?run=1', {}, 'other', calls);
    expect([await withDone.text(), await withRefused.text(), await after.text(), calls.n]).toStrictEqual(['confirmed', 'refused', 'shared', 3]);
  });
});

describe('handle: a page and its data', () => {
  it('caches a page and the JSON of a client-side navigation to it apart, though SvelteKit gives both one event.url', async () => {
    process.env.THEMESCOPE_DB = db.path;
    const calls = { n: 0 };
    // What SvelteKit hands the hook for /papers/__data.json?q=a&x-sveltekit-invalidated=01: event.url
    // without the suffix and the parameter, event.request with them.
    const dataUrl = new URL('http://x/papers/__data.json?q=json&x-sveltekit-invalidated=01');
    const data = { url: new URL('http://x/papers?q=json'), request: new Request(dataUrl), locals: {}, isDataRequest: true } as unknown as RequestEvent;
    const json = await handle({ event: data, resolve: async () => (calls.n++, new Response('{"type":"data"}', { headers: { 'content-type': 'application/json' } })) });
    const html = await get('/papers?q=json', {}, '<!doctype html>', calls);
    const skipLayout = { ...data, request: new Request('http://x/papers/__data.json?q=json&x-sveltekit-invalidated=11'), locals: {} } as RequestEvent;
    const other = await handle({ event: skipLayout, resolve: async () => (calls.n++, new Response('{"type":"data","all":1}')) });
    expect([await json.text(), await html.text(), html.headers.get('content-type'), await other.text(), calls.n]).toStrictEqual(
      ['{"type":"data"}', '<!doctype html>', 'text/plain', '{"type":"data","all":1}', 3]);
    expect(json.headers.get('etag')).not.toBe(html.headers.get('etag'));
  });
});

describe('handle', () => {
  it('puts the newest complete run on locals when run is absent', async () => {
    process.env.THEMESCOPE_DB = db.path;
    expect((await readRun(await request(''))).run_id).toBe(2);
  });

  it('puts the run that run names on locals', async () => {
    process.env.THEMESCOPE_DB = db.path;
    expect((await readRun(await request('?run=1'))).run_id).toBe(1);
  });

  it('resolves the run once per request: the layout and the page share one answer', async () => {
    process.env.THEMESCOPE_DB = db.path;
    const event = await request('?run=1');
    expect(event.locals.run()).toBe(event.locals.run());
  });

  it('does not throw for a malformed run; the load that reads it answers 400', async () => {
    process.env.THEMESCOPE_DB = db.path;
    expect(await httpErrorOf(async () => readRun(await request('?run=abc')))).toStrictEqual({
      status: 400,
      message: 'run must be a positive integer'
    });
  });

  it('does not throw for an unknown run; the load that reads it answers 404', async () => {
    process.env.THEMESCOPE_DB = db.path;
    expect(await httpErrorOf(async () => readRun(await request('?run=3')))).toStrictEqual({ status: 404, message: 'No run 3 in this database — the runs page lists the ones there are' });
  });

  it('answers 404 from the load when no run is complete yet', async () => {
    const none = await writeTempDb([handMadeRun()], `UPDATE runs SET status = 'running'`);
    try {
      expect(await httpErrorOf(async () => readRun(await request('')))).toStrictEqual({
        status: 404,
        message: 'No complete run in the database yet — run the pipeline'
      });
    } finally {
      none.remove();
    }
  });

  it('answers 503 from the load when there is no database file', async () => {
    process.env.THEMESCOPE_DB = '/nonexistent/themescope/themes.duckdb';
    expect(await httpErrorOf(async () => readRun(await request('')))).toStrictEqual({
      status: 503,
      message: 'No database at /nonexistent/themescope/themes.duckdb. Run the pipeline first (npm run pipeline) or set THEMESCOPE_DB.'
    });
  });
});

describe('readRun', () => {
  it('answers 400 for a malformed run before the database is touched', async () => {
    process.env.THEMESCOPE_DB = '/nonexistent/themescope/themes.duckdb';
    const locals = { run: vi.fn() };
    expect(await httpErrorOf(() => readRun({ url: new URL('http://x/?run=0'), locals }))).toStrictEqual({
      status: 400,
      message: 'run must be a positive integer'
    });
    expect(locals.run).not.toHaveBeenCalled();
  });

  it("reads run from the load's own url, so SvelteKit reruns the load when only run changes", async () => {
    const url = new URL('http://x/?run=1');
    const get = vi.spyOn(url.searchParams, 'get');
    await readRun({ url, locals: { run: async () => ({}) as never } });
    expect(get).toHaveBeenCalledWith('run');
  });
});

describe('handleError', () => {
  const event = { request: new Request('http://x/papers'), url: new URL('http://x/papers') } as RequestEvent;
  const call = (error: unknown) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      return (handleError as HandleServerError)({ error, event, status: 500, message: 'Internal Error' });
    } finally {
      log.mockRestore();
    }
  };

  it('names a missing database that reached it, instead of "Internal Error"', () => {
    const path = join('/nonexistent', 'themes.duckdb');
    expect(call(new DatabaseMissingError(`No database at ${path}.`))).toStrictEqual({ message: `No database at ${path}.` });
  });

  it('keeps any other error to SvelteKit\'s message, no stack trace', () => {
    expect(call(new Error('boom at x.js:1:2'))).toStrictEqual({ message: 'Internal Error' });
  });
});

// Nothing lost, nothing half-visible: the pipeline is SIGKILLed at each stage and inside the write
// while the dashboard serves the database; two pipelines race for one file; the dashboard moves to
// a new run without a restart and without errors to its clients.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDb as select } from '../fixtures/read-db.js';
import { runCli, spawnCli, tempDbPath, THREE_TOPICS } from '../fixtures/cli.js';
import { startServer, type Server } from './harness.js';

const ARGS = ['--input', THREE_TOPICS, '--k', '3', '--min-df', '2', '--quiet'];

function pipeline(db: string, extra: string[] = [], env: Record<string, string> = {}) {
  return spawnCli([...ARGS, '--db', db, ...extra], env);
}

function finished(child: ReturnType<typeof pipeline>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((res) => child.on('exit', (code) => res({ code, stderr })));
}

function runSync(db: string, extra: string[] = []) {
  const r = runCli([...ARGS, '--db', db, ...extra]);
  return { status: r.code, stderr: r.stderr };
}

const SNAPSHOT = `SELECT (SELECT list(run_id || ':' || status ORDER BY run_id) FROM runs) AS runs,
  (SELECT md5(string_agg(theme_id || label, ',' ORDER BY theme_id)) FROM themes) AS themes,
  (SELECT count(*)::INT FROM paper_themes) AS assignments`;

let baseDb: string;
beforeAll(() => {
  baseDb = tempDbPath('themescope-rel-');
  const r = runSync(baseDb);
  if (r.status !== 0) throw new Error(r.stderr);
});

function copyOfBase(): string {
  const db = tempDbPath('themescope-rel-');
  copyFileSync(baseDb, db);
  return db;
}

describe('a pipeline killed with SIGKILL', () => {
  let server: Server;
  let db: string;
  beforeAll(async () => {
    db = copyOfBase();
    server = await startServer(db);
  });
  afterAll(() => server?.stop());

  // Stages, then the store's steps: runs row written, papers, the wait for the map (its step 'map'; the
  // 'map' and 'areas' below are stage names no longer started, so those points stop at the store's
  // 'map' and 'areas' steps), paper_themes (mid-write), the search index's first table (where the
  // store waits for the index), the search postings (the largest table), marked complete, before rename.
  const POINTS = [
    'ingest', 'tokenise', 'cluster', 'label', 'quality', 'map', 'trends', 'areas',
    'runs', 'papers', 'paper_themes', 'bursts', 'paper_rows', 'search_postings', 'complete', 'rename'
  ];
  it.each(POINTS)('at %s leaves the earlier run intact and served, and the next run succeeds', async (point) => {
    const before = await select(db, SNAPSHOT);
    const child = pipeline(db, [], { THEMESCOPE_TEST_HANG_AT: point });
    const done = finished(child);
    await new Promise<void>((res) => child.stderr!.on('data', (d) => String(d).includes(`hanging at ${point}`) && res()));
    child.kill('SIGKILL');
    await done;
    expect(await select(db, SNAPSHOT)).toStrictEqual(before);
    const page = await fetch(`${server.url}/runs`);
    expect(page.status).toBe(200);
    expect(server.output()).not.toMatch(/Error|error/);
  });

  it('and a later run cleans up what the killed ones left and completes', async () => {
    const r = runSync(db);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [{ runs }] = await select(db, 'SELECT list(status ORDER BY run_id) AS runs FROM runs');
    expect(runs).toStrictEqual(['complete', 'complete']);
    expect(readdirSync(join(db, '..')).sort()).toStrictEqual(['themes.duckdb']);
  });
});

describe('two pipelines on one database', () => {
  it('run one after the other when started at once, both complete', async () => {
    const db = copyOfBase();
    const [a, b] = await Promise.all([finished(pipeline(db)), finished(pipeline(db))]);
    expect([a.code, b.code]).toStrictEqual([0, 0]);
    const [{ runs }] = await select(db, 'SELECT list(run_id || status ORDER BY run_id) AS runs FROM runs');
    expect(runs).toStrictEqual(['1complete', '2complete', '3complete']);
  });

  it('the second fails clearly (exit 3) when it may not wait', async () => {
    const db = copyOfBase();
    const first = pipeline(db, [], { THEMESCOPE_TEST_HANG_AT: 'papers' });
    const firstDone = finished(first);
    await new Promise<void>((res) => first.stderr!.on('data', (d) => String(d).includes('hanging at') && res()));
    const second = runSync(db, ['--lock-wait', '0']);
    first.kill('SIGKILL');
    await firstDone;
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(/^themescope: another writer \(npm run pipeline or assign, pid \d+\) is writing this database/);
    expect(await select(db, 'SELECT count(*)::INT AS n FROM runs')).toStrictEqual([{ n: 1 }]);
  });
});

describe('the dashboard while a pipeline writes', () => {
  it('keeps answering without errors and shows the new run once complete, without a restart', async () => {
    const db = copyOfBase();
    const server = await startServer(db);
    try {
      const themesNow = async () => (await (await fetch(`${server.url}/export/themes.json`)).json()).length;
      expect(await themesNow()).toBe(3);
      let requests = 0;
      let failures = 0;
      let writing = true;
      const load = (async () => {
        while (writing) {
          const r = await fetch(`${server.url}/export/themes.json`);
          await r.arrayBuffer();
          requests++;
          if (r.status !== 200) failures++;
        }
      })();
      const done = await finished(pipeline(db, ['--k', '4']));
      writing = false;
      await load;
      expect(done.code).toBe(0);
      expect(requests).toBeGreaterThan(0);
      expect(failures).toBe(0);
      expect(await themesNow()).toBe(4);
    } finally {
      await server.stop();
    }
  });
});

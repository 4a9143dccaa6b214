// Ctrl-C before or while a run or a batch is written: the process stops at once with 130, takes its copy of the
// database and its lock with it, and leaves the database as it was, so the next writer neither waits
// nor finds a stale copy. Found by the CLI review of 2026-12-02 (the lock and a copy as large as the
// database stayed behind until the next writer).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstRunAndRest, spawnCli, spawnFaultyAssign, THREE_TOPICS } from '../fixtures/cli.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let db: string;
let rest: string;
beforeAll(() => {
  ({ db, rest } = firstRunAndRest('themescope-interrupt-'));
});

function ended(child: ReturnType<typeof spawnCli>): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((res) => child.on('exit', (code, signal) => res({ code, signal, stderr })));
}

describe('Ctrl-C before or while the database is written', () => {
  // tokenise and cluster: before the store (the process said nothing before 2026-12-04); the rest while its copy is written.
  it.each(['tokenise', 'cluster', 'papers', 'map', 'themes', 'similar_papers', 'search_postings', 'complete'])('in a run, at %s: exit 130, no copy or lock left, the database unchanged', async (point) => {
    const before = sha(db);
    const r = await ended(spawnCli(['--input', THREE_TOPICS, '--k', '3', '--min-df', '2', '--quiet', '--db', db], { THEMESCOPE_TEST_SIGINT_AT: point }));
    expect([r.code, r.signal]).toStrictEqual([130, null]);
    expect(r.stderr).toContain(`themescope: stopped by SIGINT; ${db} is unchanged`);
    expect(readdirSync(dirname(db))).toStrictEqual(['themes.duckdb']);
    expect(sha(db)).toBe(before);
  });

  it.each(['papers', 'paper_vectors', 'complete'])('in an assign, at %s: the same', async (point) => {
    const before = sha(db);
    const r = await ended(spawnFaultyAssign(['--input', rest, '--db', db, '--quiet'], { THEMESCOPE_TEST_SIGINT_AT: point }));
    expect([r.code, r.signal]).toStrictEqual([130, null]);
    expect(r.stderr).toContain('stopped by SIGINT');
    expect(readdirSync(dirname(db))).toStrictEqual(['themes.duckdb']);
    expect(sha(db)).toBe(before);
  });
});

// `npm run assign` is atomic like a run: SIGKILLed at each of its steps, it leaves the database
// byte for byte as it was, and the next assign cleans up what the killed ones left and completes.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDb as select } from '../fixtures/read-db.js';
import { firstRunAndRest, runAssign, spawnFaultyAssign } from '../fixtures/cli.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let db: string;
let rest: string;
beforeAll(() => {
  ({ db, rest } = firstRunAndRest('themescope-assign-kill-'));
});

// Before the copy (ingest), computing in the copy, each group of writes, marked complete, before rename.
const POINTS = ['ingest', 'read', 'vectorise', 'place', 'search', 'trends', 'papers', 'paper_themes', 'search_postings',
  'paper_vectors', 'theme_periods', 'assign_batches', 'complete', 'rename'];

describe('an assign killed with SIGKILL', () => {
  it.each(POINTS)('at %s leaves the database byte for byte as it was', async (point) => {
    const before = sha(db);
    const child = spawnFaultyAssign(['--input', rest, '--db', db, '--quiet'], { THEMESCOPE_TEST_HANG_AT: point });
    let stderr = '';
    const exited = new Promise<void>((res) => child.on('exit', () => res()));
    await new Promise<void>((res, rej) => {
      child.stderr!.on('data', (d) => {
        stderr += d;
        if (stderr.includes(`hanging at ${point}`)) res();
      });
      child.on('exit', () => rej(new Error(`exited before ${point}: ${stderr}`)));
    });
    child.kill('SIGKILL');
    await exited;
    expect(sha(db)).toBe(before);
  });

  it('and the next assign cleans up after them and adds the papers', async () => {
    // A kill while DuckDB spilled to disk leaves the copy's spill folder too: cleared like the copy
    // (it once made every later writer exit 1, "Path is a directory").
    const dead = spawnSync('true').pid;
    mkdirSync(`${db}.tmp-${dead}.tmp`);
    writeFileSync(`${db}.tmp-${dead}.tmp/duckdb_temp_storage-0.tmp`, 'spilled');
    const r = runAssign(['--input', rest, '--db', db, '--quiet']);
    expect([r.code, r.stderr]).toStrictEqual([0, '']);
    expect(r.stdout).toContain('Batch 1 added 10 papers to run 1');
    expect(readdirSync(dirname(db))).toStrictEqual(['themes.duckdb']);
    const [row] = await select(db, 'SELECT (SELECT count(*) FROM assign_batches)::INT AS batches, (SELECT count(*) FROM paper_themes)::INT AS papers');
    expect(row).toStrictEqual({ batches: 1, papers: 60 });
  });
});

// Lineage through the CLI: runs into one database are each matched to the complete run before them
// (theme_lineage, the summary line), on real abstracts (three-topics.jsonl: gaussian splatting,
// speech recognition, jailbreak attacks; two topics first, then all three, then two again).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDb } from '../fixtures/read-db.js';
import { runAssign, runCli, tempDbPath, THREE_TOPICS } from '../fixtures/cli.js';

const db = tempDbPath('themescope-lineage-');
const twoTopics = join(dirname(db), 'two-topics.jsonl');
const outputs: string[] = [];
const ARGS = ['--seed', '7', '--min-df', '2', '--quiet', '--db', db];

beforeAll(() => {
  const lines = readFileSync(THREE_TOPICS, 'utf8').trim().split('\n');
  writeFileSync(twoTopics, lines.filter((l) => !/jailbreak/i.test(JSON.parse(l).title)).join('\n') + '\n');
  for (const [input, k] of [[twoTopics, '2'], [THREE_TOPICS, '3'], [twoTopics, '2']]) {
    const r = runCli(['--input', input, '--k', k, ...ARGS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    outputs.push(r.stdout);
  }
}, 240_000);

/** A run's lineage rows: kind, and the label of the theme on each side (null on new/gone rows). */
const lineage = (runId: number) => readDb<{ kind: string; prev: string | null; next: string | null; jaccard: number }>(db,
  `SELECT l.kind, p.label AS prev, t.label AS next, l.jaccard FROM theme_lineage l
   LEFT JOIN themes p ON p.run_id = l.prev_run_id AND p.theme_id = l.prev_theme_id
   LEFT JOIN themes t ON t.run_id = l.run_id AND t.theme_id = l.theme_id
   WHERE l.run_id = $run ORDER BY l.kind, l.theme_id, l.prev_theme_id`, { run: runId });

describe('lineage between runs through the CLI', () => {
  it('writes none for the first run and says nothing about it', async () => {
    expect(await lineage(1)).toStrictEqual([]);
    expect(outputs[0]).not.toContain('Lineage');
  });

  it('finds the two topics continued and the third new when the third arrives', async () => {
    const rows = await lineage(2);
    expect(rows.map((r) => r.kind)).toStrictEqual(['continued', 'continued', 'new']);
    for (const r of rows.slice(0, 2)) expect(r.jaccard).toBeGreaterThan(0.8);
    expect(rows[2].next).toMatch(/jailbreak/i);
    expect(outputs[1]).toContain('Lineage to run 1, 3 links: 2 continued, 0 split, 0 merged, 1 new, 0 gone (theme_lineage, /runs/compare)');
    expect(await readDb(db, "SELECT metrics->>'$.lineage.prevRunId' AS prev FROM runs WHERE run_id = 2")).toStrictEqual([{ prev: '1' }]);
  });

  it('finds the third topic gone when it leaves again, matched against the run just before', async () => {
    const rows = await lineage(3);
    expect(rows.map((r) => r.kind)).toStrictEqual(['continued', 'continued', 'gone']);
    expect(rows[2].prev).toMatch(/jailbreak/i);
    expect(outputs[2]).toContain('Lineage to run 2, 3 links: 2 continued, 0 split, 0 merged, 0 new, 1 gone');
  });

  it('warns that papers added to an older run are not in the lineage a newer run stored to it (the weekly-use review of 2026-12-04)', () => {
    const jailbreaks = join(dirname(db), 'jailbreaks.jsonl');
    writeFileSync(jailbreaks, readFileSync(THREE_TOPICS, 'utf8').trim().split('\n').filter((l) => /jailbreak/i.test(JSON.parse(l).title)).join('\n') + '\n');
    const r = runAssign(['--input', jailbreaks, '--db', db, '--run', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: run 2, made after run 1, stored its lineage to run 1 as run 1 was then');
  });
});

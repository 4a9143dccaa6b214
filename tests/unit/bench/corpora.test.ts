import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inputsOf, prepareCorpora, randomSubset } from '../../../pipeline/bench/corpora.js';

/** A project root without ../shared: its "real" corpus is data/sample-arxiv.jsonl.gz, here 10 papers. */
function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'themescope-corpora-'));
  mkdirSync(join(dir, 'project', 'data'), { recursive: true });
  const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify({ id: `r${i}`, title: `Real ${i}`, abstract: 'Text.' }));
  writeFileSync(join(dir, 'project', 'data', 'sample-arxiv.jsonl.gz'), gzipSync(lines.join('\n') + '\n'));
  return join(dir, 'project');
}

describe('prepareCorpora', () => {
  it('with mixReal, makes each synthetic corpus N − real papers and gives the real file as a second input', async () => {
    const project = root();
    const dir = join(project, '..', 'corpora');
    const [mixed] = await prepareCorpora(project, [], [25], { mixReal: true, dir });
    expect(mixed).toStrictEqual({ name: 'synthetic-15+sample-all', path: join(dir, 'synthetic-15.jsonl.gz'), docs: 25,
      with: join(project, 'data', 'sample-arxiv.jsonl.gz') });
    expect(gunzipSync(readFileSync(mixed.path)).toString('utf8').trimEnd().split('\n')).toHaveLength(15);
    expect(inputsOf(mixed)).toStrictEqual([mixed.path, mixed.with]);
    expect(() => randomSubset(mixed, 0.9, 1, dir)).toThrow(/one corpus file/);
  });

  it('without it, a synthetic corpus is N synthetic papers alone', async () => {
    const project = root();
    const [alone] = await prepareCorpora(project, [], [12], { dir: join(project, '..', 'corpora') });
    expect([alone.name, alone.docs, alone.with, inputsOf(alone)]).toStrictEqual(['synthetic-12', 12, undefined, [alone.path]]);
  });

  it('refuses a mixed size the real corpus alone fills', async () => {
    await expect(prepareCorpora(root(), [], [10], { mixReal: true, dir: join(tmpdir(), 'unused') })).rejects.toThrow(/alone has 10 papers/);
  });
});

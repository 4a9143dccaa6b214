import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inputsOf, prepareCorpora, randomSubset, splitByLastMonths } from '../../../pipeline/bench/corpora.js';

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

describe('splitByLastMonths', () => {
  const line = (id: string, published?: string) => JSON.stringify({ id, title: id, abstract: 'Text.', ...(published ? { published } : {}) });

  it('sends the last months (empty ones counted) to added and the rest, undated too, to base, in file order', () => {
    const lines = [line('a', '2026-01-05'), line('b', '2026-04-30'), line('c'), line('d', '2026-02-01'), line('e', '2026-04-01'), line('f', '2025-12-31')];
    // Latest 2026-04 (2 records; March has none, so no stub): the last two months are March and April.
    expect(splitByLastMonths(lines, 2)).toStrictEqual({ base: [lines[0], lines[2], lines[3], lines[5]], added: [lines[1], lines[4]], from: '2026-03' });
    // Three months back from April reach February; across a year boundary, five reach December.
    expect(splitByLastMonths(lines, 3).from).toBe('2026-02');
    expect(splitByLastMonths(lines, 5)).toMatchObject({ from: '2025-12', base: [lines[2]] });
  });

  it('takes a cut-off last month (under a quarter of the month before) along without counting it', () => {
    const lines = [...Array.from({ length: 8 }, (_, i) => line(`m${i}`, '2026-05-10')), ...Array.from({ length: 9 }, (_, i) => line(`j${i}`, '2026-06-10')),
      line('stub', '2026-07-02'), line('old', '2026-04-01')];
    const split = splitByLastMonths(lines, 2);
    expect(split.from).toBe('2026-05');
    expect(split.added).toHaveLength(18);
    expect(split.base).toStrictEqual([line('old', '2026-04-01')]);
    // With three records in July (a third of June's nine), July counts: the last two months are June and July.
    const counted = [...lines, line('x', '2026-07-03'), line('y', '2026-07-04')];
    expect(splitByLastMonths(counted, 2)).toMatchObject({ from: '2026-06' });
  });

  it('counts a small last month when it runs past its 10th day or holds a quarter of the month before, and a gap month as a month', () => {
    const june = Array.from({ length: 8 }, (_, i) => line(`j${i}`, '2026-06-10'));
    const may = line('may', '2026-05-20');
    // Two papers in July (under a quarter of June's 8), one on the 12th: a quiet month, not a cut-off one.
    expect(splitByLastMonths([may, ...june, line('a', '2026-07-01'), line('b', '2026-07-12')], 1).from).toBe('2026-07');
    // Exactly a quarter (2 of 8), both early: counted.
    expect(splitByLastMonths([may, ...june, line('a', '2026-07-01'), line('b', '2026-07-02')], 1).from).toBe('2026-07');
    // One paper on 1 July: a stub, going with June.
    expect(splitByLastMonths([may, ...june, line('a', '2026-07-01')], 1).from).toBe('2026-06');
    // A month-only date may lie late in its month: never a stub.
    expect(splitByLastMonths([may, ...june, line('a', '2026-07')], 1).from).toBe('2026-07');
    // No papers in June: the May before it is no reason to take a stub July along; June still counts as a month.
    expect(splitByLastMonths([line('apr', '2026-04-02'), may, line('a', '2026-07-01')], 2)).toMatchObject({ from: '2026-06', added: [line('a', '2026-07-01')] });
  });

  it('refuses a corpus without dates, one the split would empty, and a months count that is no whole number', () => {
    expect(() => splitByLastMonths([line('a'), line('b')], 1)).toThrow(/no record has a published date/);
    expect(() => splitByLastMonths([line('a', '2026-01-01'), line('b', '2026-02-01')], 2)).toThrow(/nothing left to make the run of/);
    expect(() => splitByLastMonths([line('a', '2026-01-01')], 0)).toThrow(/whole number/);
    expect(() => splitByLastMonths([line('a', '2026-01-01')], 1.5)).toThrow(/whole number/);
  });
});

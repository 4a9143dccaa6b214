import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../../pipeline/bench/synthetic.js';

async function corpus(docs: number, seed: number): Promise<Record<string, unknown>[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'themescope-synthetic-')), 'c.jsonl.gz');
  await writeSyntheticCorpus(path, { docs, seed, topics: 4 });
  return gunzipSync(readFileSync(path)).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
}

describe('writeSyntheticCorpus', () => {
  it('writes the same papers for the same seed and different ones for another seed', async () => {
    const [a, b, c] = await Promise.all([corpus(50, 1), corpus(50, 1), corpus(50, 2)]);
    expect(a).toHaveLength(50);
    expect(b).toStrictEqual(a);
    expect(c).not.toStrictEqual(a);
  });

  it('writes papers the pipeline reads: id, title, abstract, a 2019–2025 date and the primary topic first', async () => {
    const papers = await corpus(200, 7);
    expect(papers.map((p) => p.id)).toStrictEqual(Array.from({ length: 200 }, (_, i) => `synth-${String(i).padStart(7, '0')}`));
    for (const p of papers) {
      expect(p.title).toMatch(/^[A-Z][a-z ]+$/);
      expect(String(p.abstract).split(' ').length).toBeGreaterThanOrEqual(60);
      expect(String(p.published) >= '2019-01-01' && String(p.published) <= '2025-12-31').toBe(true);
      expect((p.categories as string[])[0]).toMatch(/^synth\.t0[0-3]$/);
    }
    // Topic sizes are skewed (weight 1/√(t+1)): topic 0 is the most common primary topic.
    const counts = [0, 1, 2, 3].map((t) => papers.filter((p) => (p.categories as string[])[0] === `synth.t0${t}`).length);
    expect(Math.max(...counts)).toBe(counts[0]);
  });
});

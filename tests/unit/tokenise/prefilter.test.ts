import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spellOut, tokenisePapers } from '../../../pipeline/tokenise/index.js';
import { buildTfidf } from '../../../pipeline/tfidf/index.js';
import { addSketch, bigramHash, countPhrase, hashString, mayReach, sketchCells, trigramHash } from '../../../pipeline/tokenise/phrase-sketch.js';
import { RARE_TERM } from '../../../pipeline/tokenise/term-table.js';
import type { PaperText } from '../../../pipeline/tokenise/chunk.js';

// 60 real arXiv abstracts (Gaussian splatting, model merging, long context): LaTeX, hyphens, Unicode.
const threeTopics: PaperText[] = readFileSync(new URL('../../fixtures/three-topics.jsonl', import.meta.url), 'utf8')
  .split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));

describe('phrase sketch', () => {
  it('never rules out a phrase counted min-count times, whatever else shares its cells', () => {
    const sketch = new Uint8Array(sketchCells(0)); // 65,536 cells
    const phrases = Array.from({ length: 50_000 }, (_, i) => bigramHash(hashString(`w${i}`), hashString(`v${i % 97}`)));
    phrases.forEach((h, i) => {
      for (let n = 0; n < 1 + (i % 4); n++) countPhrase(sketch, h);
    });
    // Every phrase counted 3 or 4 times may reach 3; phrases seen once are mostly ruled out, except where others fill both cells.
    expect(phrases.every((h, i) => i % 4 < 2 || mayReach(sketch, h, 3))).toBe(true);
    const unseen = Array.from({ length: 10_000 }, (_, i) => trigramHash(phrases[i], hashString('x'))).filter((h) => mayReach(sketch, h, 3));
    expect(unseen.length).toBeLessThan(10_000);
  });

  it('adds sketches cell by cell, saturating at 255, and refuses sketches of another size', () => {
    const [a, b] = [Uint8Array.of(1, 200, 255, 0), Uint8Array.of(2, 100, 1, 0)];
    addSketch(a, b);
    expect([...a]).toStrictEqual([3, 255, 255, 0]);
    expect(() => addSketch(a, new Uint8Array(8))).toThrow(RangeError);
  });

  it('sizes the sketch as a power of two, about two cells per phrase, at most 2^27', () => {
    expect([sketchCells(1000), sketchCells(100_000_000), sketchCells(1e10)]).toStrictEqual([2 ** 16, 2 ** 24, 2 ** 27]);
  });
});

describe('tokenisePapers: the rare-phrase filter', () => {
  const options = { ngramMax: 3, minCharsPerThread: 0 };
  const tfidf = { minDf: 2, maxDf: 0.5, maxTerms: 60_000 };

  it('gives the same vocabulary, surfaces and matrix as without it, on 1, 2 and 3 threads', async () => {
    const plain = buildTfidf(await tokenisePapers(threeTopics, { ...options, workers: 1 }), tfidf);
    for (const workers of [1, 2, 3]) {
      const filtered = await tokenisePapers(threeTopics, { ...options, workers, minDf: 2, prefilter: true });
      expect(buildTfidf(filtered, tfidf)).toStrictEqual(plain);
    }
  }, 30_000);

  it('interns no phrase seen once: each is the one rare term, of df 0, and kept terms keep their first-occurrence order', async () => {
    const plain = spellOut(await tokenisePapers(threeTopics, { ...options, workers: 1 }));
    const corpus = await tokenisePapers(threeTopics, { ...options, workers: 2, minDf: 2, prefilter: true });
    const filtered = spellOut(corpus);
    expect(corpus.df[RARE_TERM]).toBe(0);
    expect(filtered.terms.length).toBeLessThan(plain.terms.length / 2);
    // Every unigram is kept; every term kept is in the plain dictionary, in the same order.
    const plainIndex = new Map(plain.terms.map((t, i) => [t, i]));
    const kept = filtered.terms.slice(1).map((t) => plainIndex.get(t)!);
    expect(kept.every((i, j) => i !== undefined && (j === 0 || i > kept[j - 1]))).toBe(true);
    expect(plain.terms.filter((t) => !t.includes(' ')).every((t) => filtered.terms.includes(t))).toBe(true);
    // The documents hold as many ids as before (one per word, phrase and rare phrase).
    expect(filtered.docs.map((d) => d.length)).toStrictEqual(plain.docs.map((d) => d.length));
  }, 30_000);

  it('does not run with min df 1 (nothing is rare) nor, by default, below PREFILTER_CHARS', async () => {
    const plain = spellOut(await tokenisePapers(threeTopics, { ...options, workers: 1 }));
    for (const extra of [{ minDf: 1, prefilter: true }, { minDf: 3 }]) {
      expect(spellOut(await tokenisePapers(threeTopics, { ...options, workers: 1, ...extra }))).toStrictEqual(plain);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { countThreads, spellOut, tokeniseCorpus, tokenisePapers } from '../../../pipeline/tokenise/index.js';
import { splitDocuments } from '../../../pipeline/tokenise/tokenise-threads.js';
import type { PaperText } from '../../../pipeline/tokenise/chunk.js';
import { countDocumentFrequencies } from '../../../pipeline/tokenise/document-frequencies.js';

/** Terms, surfaces, per-document ids (as plain arrays) and document frequencies on `workers` threads. */
async function tokeniseOn(docs: PaperText[], workers: number) {
  expect(countThreads(docs, { ngramMax: 3, workers, minCharsPerThread: 0 })).toBe(Math.min(workers, docs.length));
  const corpus = await tokenisePapers(docs, { ngramMax: 3, workers, minCharsPerThread: 0 });
  const { terms, surfaces } = spellOut(corpus);
  return { terms, surfaces, docs: corpus.docs.map((ids) => [...ids]), df: [...corpus.df] };
}

// 60 real arXiv abstracts (Gaussian splatting, model merging, long context): LaTeX, hyphens, Unicode.
const threeTopics: PaperText[] = readFileSync(new URL('../../fixtures/three-topics.jsonl', import.meta.url), 'utf8')
  .split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));

describe('tokenisePapers: threads', () => {
  it('gives the same terms, surfaces, document ids and frequencies on 1, 2 and 3 threads as tokeniseCorpus', async () => {
    const reference = tokeniseCorpus(threeTopics, { ngramMax: 3 });
    const expected = {
      terms: reference.terms,
      surfaces: reference.surfaces,
      docs: reference.docs.map((ids) => [...ids]),
      df: [...countDocumentFrequencies(reference.docs, reference.terms.length)]
    };
    expect(splitDocuments(threeTopics, 3).every((bound, i, all) => i === 0 || bound > all[i - 1])).toBe(true);
    for (const workers of [1, 2, 3]) expect(await tokeniseOn(threeTopics, workers)).toStrictEqual(expected);
  }, 30_000); // starts 3 sets of worker threads (tsx in each): over 5 s on a loaded 2-core machine

  // Four documents of 60 characters: two threads cut after d1, three after d0 and d1. "graph" is
  // written "graphs" twice in d0-d1 and "graphing" twice in d3, "graph" once in each half: each
  // half's own winner loses to "graph" once the counts are summed (a three-way tie at 2).
  const boundary = [
    'Merged graphs. Model merging, graphs.',
    'Merged models; graph.',
    'We propose a novel approach.',
    'Merging graphing: model merging kernels; graphing, graph.'
  ].map((abstract) => ({ title: '', abstract: abstract.padEnd(60) }));

  it('cuts each run before the document that would carry it past its share of characters', () => {
    expect([splitDocuments(boundary, 2), splitDocuments(boundary, 3)]).toStrictEqual([[0, 2, 4], [0, 1, 2, 4]]);
  });

  it('joins runs at a boundary: ids in first-occurrence order, surfaces by counts summed over the runs', async () => {
    const expected = {
      terms: ['merg', 'graph', 'merg graph', 'model', 'model merg', 'merg model', 'kernel', 'merg kernel', 'model merg kernel'],
      surfaces: ['merging', 'graph', 'merged graphs', 'model', 'model merging', 'merged models', 'kernels', 'merging kernels', 'model merging kernels'],
      docs: [[0, 1, 2, 3, 0, 4, 1], [0, 3, 5, 1], [], [0, 1, 2, 3, 0, 4, 6, 7, 8, 1, 1]],
      df: [3, 3, 2, 3, 2, 1, 1, 1, 1]
    };
    for (const workers of [1, 2, 3]) expect(await tokeniseOn(boundary, workers)).toStrictEqual(expected);
  }, 30_000); // as above: three sets of worker threads

  it('uses no more threads than documents, nor than minCharsPerThread allows', () => {
    const options = { ngramMax: 3, workers: 3 };
    expect([
      countThreads(boundary.slice(0, 1), { ...options, minCharsPerThread: 0 }),
      countThreads(boundary, { ...options, minCharsPerThread: 0 }),
      countThreads(boundary, { ...options, minCharsPerThread: 120 }),
      countThreads(boundary, { ...options, minCharsPerThread: 121 }),
      countThreads(boundary, options)
    ]).toStrictEqual([1, 3, 2, 1, 1]);
  });
});

// indexInBackground: the index built on a worker thread from the texts packed as shared UTF-8 is the
// index built in place, whatever the characters.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../pipeline/search/index.js';
import { indexInBackground, packTexts } from '../../../pipeline/search/in-background.js';

const PAPERS = [
  { title: 'Model merging', abstract: 'Task vectors and weight averaging for model merging.' },
  { title: 'Über Zürich: café-style “retrieval”', abstract: 'Naïve Bayes, C++ code and 中文 tokens 🚀 in one abstract.' },
  { title: '', abstract: 'A paper without a title; long context windows.' },
  { title: 'Long context', abstract: '' }
];

describe('indexInBackground', () => {
  it('packs each title and abstract as UTF-8 between consecutive ends', () => {
    const { bytes, ends } = packTexts(PAPERS);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const fields = Array.from(ends, (end, at) => text.toString('utf8', at === 0 ? 0 : ends[at - 1], end));
    expect(fields).toStrictEqual(PAPERS.flatMap((p) => [p.title, p.abstract]));
  });

  it('builds the same index on its worker as buildSearchIndex here', async () => {
    const background = indexInBackground(PAPERS);
    try {
      expect(await background.result()).toStrictEqual(buildSearchIndex(PAPERS));
    } finally {
      await background.close();
    }
  }, 30_000);
});

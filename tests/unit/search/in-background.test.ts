// indexInBackground: the index built on a worker thread from the texts packed as shared UTF-8 is the
// index built in place, whatever the characters.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../pipeline/search/index.js';
import { indexInBackground, textsOf } from '../../../pipeline/search/in-background.js';
import { packPapers, packTexts } from '../../../pipeline/ingest/packed-texts.js';
import type { Paper } from '../../../pipeline/types.js';

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

  it('builds the same index on its worker as buildSearchIndex here, from strings or from papers ingest packed', async () => {
    const packed = packPapers(PAPERS.map((p, i) => ({ ...p, paperId: `p${i}`, published: null, datePrecision: null, authors: [],
      categories: [], url: null, source: 'x', doi: null, venue: null }) as Paper));
    // Papers ingest packed hand their own buffer over (no copy); a slice of them is packed again.
    expect(textsOf(packed)).toBe((packed[0] as unknown as { texts: unknown }).texts);
    expect(textsOf(packed.slice(1))).not.toBe(textsOf(packed));
    for (const papers of [PAPERS, packed]) {
      const background = indexInBackground(papers);
      try {
        expect(await background.result()).toStrictEqual(buildSearchIndex(PAPERS));
      } finally {
        await background.close();
      }
    }
  }, 30_000);
});

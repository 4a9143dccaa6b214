import { describe, expect, it } from 'vitest';
import { PackedPaper, packPapers, packTexts, packedRun, textField } from '../../../pipeline/ingest/packed-texts.js';
import type { Paper } from '../../../pipeline/types.js';

const paper = (i: number, title: string, abstract: string): Paper => ({
  paperId: `p${i}`, title, abstract, published: '2025-03-01', datePrecision: 'month', authors: [`A${i}`], categories: ['cs.CL'],
  url: null, source: 'f.jsonl', doi: i === 1 ? '10.1/x' : null, venue: null
});

const TEXTS: [string, string][] = [['Model merging', 'Task vectors.'], ['Über “Zürich” 🚀', 'Naïve 中文 abstract.'], ['', 'No title.'], ['Only a title', '']];

describe('packPapers', () => {
  it('replaces each paper in place by one that reads its title and abstract from one shared buffer', () => {
    const papers = TEXTS.map(([t, a], i) => paper(i, t, a));
    const plain = papers.map((p) => ({ ...p }));
    const packed = packPapers(papers);
    expect(packed).toBe(papers);
    expect(packed.every((p) => p instanceof PackedPaper)).toBe(true);
    expect(packed.map((p) => [p.title, p.abstract])).toStrictEqual(TEXTS);
    expect(packed.map((p) => ({ ...p, title: p.title, abstract: p.abstract, texts: undefined, row: undefined, chars: undefined })))
      .toStrictEqual(plain.map((p) => ({ ...p, texts: undefined, row: undefined, chars: undefined })));
    expect(packed.map((p) => (p as PackedPaper).chars)).toStrictEqual(TEXTS.map(([t, a]) => t.length + a.length));
    const { bytes } = (packed[0] as PackedPaper).texts;
    expect([bytes.buffer instanceof SharedArrayBuffer, bytes.byteLength]).toStrictEqual([true, Buffer.byteLength(TEXTS.flat().join(''))]);
  });

  it('keeps the fields that later stages set (date precision) writable', () => {
    const [p] = packPapers([paper(0, 'T', 'A')]);
    p.datePrecision = 'year';
    expect([p.datePrecision, p.title]).toStrictEqual(['year', 'T']);
  });
});

describe('packTexts and packedRun', () => {
  it('packs each title and abstract as UTF-8 between consecutive ends', () => {
    const texts = packTexts(TEXTS.map(([title, abstract]) => ({ title, abstract })));
    expect(Array.from(texts.ends, (_, f) => textField(texts, f))).toStrictEqual(TEXTS.flat());
  });

  it('finds the buffer and first row of packed papers in consecutive rows, and nothing else', () => {
    const packed = packPapers(TEXTS.map(([t, a], i) => paper(i, t, a)));
    const { texts } = packed[0] as PackedPaper;
    expect(packedRun(packed)).toStrictEqual({ texts, from: 0 });
    expect(packedRun(packed.slice(1, 3))).toStrictEqual({ texts, from: 1 });
    expect(packedRun([packed[0], packed[2]])).toBeNull();
    expect(packedRun([paper(0, 'T', 'A')])).toBeNull();
    expect(packedRun([packed[0], ...packPapers([paper(1, 'T', 'A')])])).toBeNull();
  });
});

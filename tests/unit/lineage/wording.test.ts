// pipeline/lineage/wording.ts: a continued link whose keywords barely overlap is flagged (and the SQL
// the export uses says it the same way), and an earlier theme's links are read from its own side.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { KEYWORDS_CHANGED_COSINE, keywordsChanged, linkKindSql, linkKindText, readDescendants, shareText } from '../../../pipeline/lineage/wording.js';

describe('keywordsChanged and linkKindText', () => {
  it('flags a continued link under the cosine threshold, and no other kind nor an unknown cosine', () => {
    expect(KEYWORDS_CHANGED_COSINE).toBe(0.25);
    expect(linkKindText({ kind: 'continued', centroidCosine: 0.06 })).toBe('continued, but its keywords changed (keyword cosine 0.06)');
    expect([0.25, 0.93].map((c) => linkKindText({ kind: 'continued', centroidCosine: c }))).toStrictEqual(['continued', 'continued']);
    expect(keywordsChanged({ kind: 'continued', centroidCosine: null })).toBe(false);
    expect(keywordsChanged({ kind: 'merged', centroidCosine: 0.09 })).toBe(false);
  });

  it('says the same in SQL (the theme-lineage export’s reads_as)', async () => {
    const cases = [['continued', 0.06], ['continued', 0.249], ['continued', 0.25], ['continued', null], ['split', 0.01], ['merged', 0.5],
      ['new', null], ['gone', null]] as const;
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = cases.map(([k, c]) => `('${k}', ${c === null ? 'NULL' : c}::DOUBLE)`).join(', ');
    const got = (await connection.runAndReadAll(`SELECT ${linkKindSql('l')} AS w FROM (VALUES ${rows}) l(kind, centroid_cosine)`))
      .getRowObjectsJS().map((r) => r.w);
    expect(got).toStrictEqual(cases.map(([kind, centroidCosine]) => linkKindText({ kind, centroidCosine })));
    connection.closeSync();
    instance.closeSync();
  });
});

describe('readDescendants', () => {
  it('reads several links as a split, whatever their kinds, and one link by its kind', () => {
    // The review's case: 913 papers, 46% to a theme of the same name (split), 38% to an unrelated larger one (merged).
    expect(readDescendants([{ kind: 'split', share: 0.46, centroidCosine: 0.98 }, { kind: 'merged', share: 0.38, centroidCosine: 0.09 }])).toBe('split');
    expect(readDescendants([{ kind: 'continued', share: 0.82, centroidCosine: 0.98 }])).toBe('continued');
    expect(readDescendants([{ kind: 'merged', share: 0.74, centroidCosine: 0.5 }])).toBe('merged');
    expect(readDescendants([{ kind: 'split', share: 0.3, centroidCosine: 0.5 }])).toBe('part');
    expect(readDescendants([])).toBeNull();
    expect([0.458, 0.004, 0].map(shareText)).toStrictEqual(['46%', '< 1%', '0%']);
  });
});

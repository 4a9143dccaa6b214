import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { escapeRegex, highlightPattern, searchWords, textMatch, wordPattern } from '../../../src/lib/server/text-search.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** Whether DuckDB finds every word of `q` in `text`, through the SQL and bound patterns of textMatch. */
async function matches(q: string, text: string): Promise<boolean> {
  const match = textMatch(searchWords(q));
  // `$text IS NOT NULL` keeps $text bound when there are no words (the condition is then `false`).
  const reader = await connection.runAndReadAll(`SELECT $text IS NOT NULL AND (${match.sql('$text')}) AS hit`, { ...match.params, text });
  return reader.getRowObjectsJson()[0].hit as boolean;
}

describe('searchWords', () => {
  it('splits on spaces, hyphens and other punctuation, lower-cases and drops repeats', () => {
    expect(searchWords('Long-context  LLMs, long (RoPE)')).toStrictEqual(['long', 'context', 'llms', 'rope']);
  });

  it('keeps letters with accents and digits inside words', () => {
    expect(searchWords('Über 3DGS café')).toStrictEqual(['über', '3dgs', 'café']);
  });

  it('has no words for punctuation only or no query', () => {
    expect([searchWords('%_ -- ()'), searchWords(null)]).toStrictEqual([[], []]);
  });
});

describe('wordPattern', () => {
  it('is case-insensitive and anchored at the start of the text or after a non-word character', () => {
    expect(wordPattern('merging')).toBe('(?i)(^|[^\\pL\\pM\\pN])merging');
  });

  it('escapes every regular-expression metacharacter', () => {
    expect(escapeRegex('a.b*c+d?e(f)g[h]i{j}k|l^m$n\\o')).toBe('a\\.b\\*c\\+d\\?e\\(f\\)g\\[h\\]i\\{j\\}k\\|l\\^m\\$n\\\\o');
  });
});

describe('textMatch in DuckDB', () => {
  it('matches a word at a word start, not inside a word', async () => {
    expect([await matches('merging', 'Model merging works'), await matches('merging', 'an emerging field')]).toStrictEqual([true, false]);
  });

  it('matches a prefix of a word, in any case', async () => {
    expect([await matches('merg', 'MERGING models'), await matches('MERGING', 'merging')]).toStrictEqual([true, true]);
  });

  it('treats hyphen and space alike, in the query and in the text', async () => {
    expect([
      await matches('long context', 'Long-context models'),
      await matches('long-context', 'a long context window'),
      await matches('context', 'long-context')
    ]).toStrictEqual([true, true, true]);
  });

  it('requires every word, in any order', async () => {
    expect([await matches('window context', 'context window'), await matches('context splatting', 'context window')]).toStrictEqual([true, false]);
  });

  it('matches at the very start of the text and after punctuation', async () => {
    expect([await matches('rope', 'RoPE scaling'), await matches('rope', 'scaling (RoPE)')]).toStrictEqual([true, true]);
  });

  it('treats accented letters as part of a word', async () => {
    expect([await matches('ber', 'über alles'), await matches('über', 'Über alles')]).toStrictEqual([false, true]);
  });

  it('takes regular-expression characters in the query as separators, never as syntax', async () => {
    expect([await matches('a.b', 'a b'), await matches('(a+b)', 'axb'), await matches('.*', 'anything')]).toStrictEqual([true, false, false]);
  });

  it('binds the patterns as parameters, a substring prefilter and the word-start pattern per word', () => {
    const match = textMatch(['long', 'context']);
    expect([match.sql('t'), match.params]).toStrictEqual([
      'regexp_matches(t, $s0) AND regexp_matches(t, $w0) AND regexp_matches(t, $s1) AND regexp_matches(t, $w1)',
      { s0: '(?i)long', w0: wordPattern('long'), s1: '(?i)context', w1: wordPattern('context') }
    ]);
  });
});

describe('highlightPattern', () => {
  it('finds whole words that start with a search word, longest word first', () => {
    const pattern = highlightPattern(['merg', 'model'])!;
    expect(Array.from('Model-merging, remerging and merged'.matchAll(pattern), (m) => m[0])).toStrictEqual(['Model', 'merging', 'merged']);
  });

  it('is null without words', () => {
    expect(highlightPattern([])).toBe(null);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_PHRASES, parseQuery } from '../../../src/lib/server/search-parse.js';

describe('parseQuery', () => {
  it('normalises words as the index does (stems) and makes the last word typed a prefix', () => {
    expect(parseQuery('Graph Neural netw')).toStrictEqual({
      words: [{ key: 'graph', prefix: null }, { key: 'neural', prefix: null }, { key: 'netw', prefix: 'netw' }],
      excluded: [],
      phrases: [],
      excludedPhrases: [],
      near: ['graph', 'neural', 'netw'],
      nearPrefix: true
    });
  });

  it('stems as the run’s index does: inflection only since 2026-12-04 ("transformers" is not "transformation"), full Porter in runs before', () => {
    const keys = (q: string, stem?: 'porter' | 'inflection') => parseQuery(q, stem).words.map((w) => w.key);
    expect(keys('transformers generative models ')).toStrictEqual(['transformer', 'generativ', 'model']);
    expect(keys('transformation generation modelling ')).toStrictEqual(['transformation', 'generation', 'model']);
    expect(keys('transformers generative models ', 'porter')).toStrictEqual(['transform', 'gener', 'model']);
    expect(keys('transformation generation modelling ', 'porter')).toStrictEqual(['transform', 'gener', 'model']);
  });

  it('has no prefix once the query ends in a space', () => {
    expect(parseQuery('graph networks ').words).toStrictEqual([{ key: 'graph', prefix: null }, { key: 'network', prefix: null }]);
  });

  it('reads a quoted phrase as its words (exact) plus the phrase as written, stop words included', () => {
    expect(parseQuery('"state of the art" agents')).toStrictEqual({
      words: [{ key: 'state', prefix: null }, { key: 'art', prefix: null }, { key: 'agent', prefix: 'agents' }],
      excluded: [],
      phrases: [['state', 'of', 'the', 'art']],
      excludedPhrases: [],
      near: null,
      nearPrefix: false
    });
  });

  it('keeps "C++" and "C#" as words and drops stop words, numbers and single letters', () => {
    expect(parseQuery('C++ and C# in 2024 a b ').words).toStrictEqual([{ key: 'c++', prefix: null }, { key: 'c#', prefix: null }]);
  });

  it('gives a hyphenated word whole and in parts, and the same key once', () => {
    expect(parseQuery('long-context context ').words).toStrictEqual([
      { key: 'long-context', prefix: null },
      { key: 'long', prefix: null },
      { key: 'context', prefix: null }
    ]);
  });

  it('makes a hyphenated word being typed a prefix whole and by its last part', () => {
    expect(parseQuery('GPT-4').words).toStrictEqual([{ key: 'gpt-4', prefix: 'gpt-4' }, { key: 'gpt', prefix: null }]);
    expect(parseQuery('long-conte').words).toStrictEqual([
      { key: 'long-cont', prefix: 'long-conte' },
      { key: 'long', prefix: null },
      { key: 'cont', prefix: 'conte' }
    ]);
  });

  it('reads a word with a leading minus as excluded, not a hyphen inside a word', () => {
    expect(parseQuery('diffusion -video -long-context models')).toStrictEqual({
      words: [{ key: 'diffusion', prefix: null }, { key: 'model', prefix: 'models' }],
      excluded: ['video', 'long-context'],
      phrases: [],
      excludedPhrases: [],
      near: ['diffusion', 'models'],
      nearPrefix: true
    });
    expect(parseQuery('long-context').excluded).toStrictEqual([]);
    // Trailing punctuation and an expanding lower case do not lose the exclusion.
    expect(['graph -videos,', 'graph -video.', "graph -Video's", 'graph -İstanbul'].map((q) => parseQuery(q).excluded))
      .toStrictEqual([['video'], ['video'], ['video'], [parseQuery('İstanbul ').words[0].key]]);
  });

  it('reads a quoted phrase with a minus before it as excluded, not required (found by the dashboard audit of 2026-12-03)', () => {
    expect(parseQuery('"large language" -"code generation"')).toStrictEqual({
      words: [{ key: 'larg', prefix: null }, { key: 'languag', prefix: null }],
      excluded: [],
      phrases: [['large', 'language']],
      excludedPhrases: [['code', 'generation']],
      near: null,
      nearPrefix: false
    });
    // A one-word quote excludes that word; a hyphen inside a word before a quote is no minus.
    expect(parseQuery('graph -"videos"')).toMatchObject({ excluded: ['video'], excludedPhrases: [] });
    expect(parseQuery('graph x-"video"').excludedPhrases).toStrictEqual([]);
    // A quoted hyphenated word with a minus is that word left out, as without quotes (review of 2026-12-05: it left out nothing).
    expect(['graph -"long-context"', 'graph -long-context', 'graph -" Long-Context "'].map((q) => parseQuery(q).excluded))
      .toStrictEqual([['long-context'], ['long-context'], ['long-context']]);
  });

  it('takes at most MAX_PHRASES quoted phrases, required and excluded together, each once (review of 2026-12-05: 22 excluded phrases took ~16 s)', () => {
    const excludedOnly = `model ${Array.from({ length: 22 }, (_, i) => `-"w${i} x${i}"`).join(' ')}`;
    expect(parseQuery(excludedOnly).excludedPhrases).toStrictEqual(Array.from({ length: MAX_PHRASES }, (_, i) => [`w${i}`, `x${i}`]));
    const mixed = parseQuery('"model merging" "model merging" -"code generation" -"code generation" "task arithmetic" -"video diffusion" "weight averaging" "model soups"');
    expect([mixed.phrases, mixed.excludedPhrases]).toStrictEqual([
      [['model', 'merging'], ['task', 'arithmetic']], [['code', 'generation'], ['video', 'diffusion']]
    ]);
    expect(MAX_PHRASES).toBeLessThanOrEqual(4);
  });

  it('keeps the unquoted words in the order written, for the ranking, the last as a prefix while typed (dashboard audit of 2026-12-04)', () => {
    expect(['model merging ', 'State of the art agents ', 'model merg', 'merging', '"model merging" ', 'model "merging" '].map((q) => {
      const { near, nearPrefix } = parseQuery(q);
      return [near, nearPrefix];
    })).toStrictEqual([[['model', 'merging'], false], [['state', 'of', 'the', 'art', 'agents'], false], [['model', 'merg'], true], [null, false], [null, false], [null, false]]);
  });

  it('has no words for punctuation or stop words only', () => {
    expect([parseQuery('%_!').words, parseQuery('the of and').words]).toStrictEqual([[], []]);
  });
});

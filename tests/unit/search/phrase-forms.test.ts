// A quoted phrase's words in any inflected form of their stem (search-index.ts wordForms), as the
// words of a query match by stem: "large language model" finds "large language models" too.
import { describe, expect, it } from 'vitest';
import { phrasePattern, wordForms } from '../../../src/lib/server/search-index.js';
import { searchKey } from '../../../pipeline/tokenise/search-tokens.js';

describe('wordForms', () => {
  it('gives a word its plural, past and -ing forms, from any of them, each of its stem', () => {
    for (const word of ['model', 'models', 'modelling']) {
      expect(wordForms(word)).toEqual(expect.arrayContaining(['model', 'models', 'modeled', 'modeling', 'modelled', 'modelling']));
    }
    expect(wordForms('plan')).toEqual(expect.arrayContaining(['plan', 'plans', 'planned', 'planning']));
    expect(wordForms('embeddings')).toEqual(expect.arrayContaining(['embedding', 'embeddings', 'embedded']));
    for (const word of ['model', 'plan', 'embeddings', 'token', 'language']) {
      expect(new Set(wordForms(word).map((form) => searchKey(form)))).toStrictEqual(new Set([searchKey(word)]));
    }
  });

  it('leaves a stop word, a number and a derived word of the stem alone; inflects the last part of a hyphenated word', () => {
    expect([wordForms('the'), wordForms('2024'), wordForms('gpt-4')]).toStrictEqual([['the'], ['2024'], ['gpt-4']]);
    // Only inflections of the word itself: no derived word of its stem ("generation" stems as "general" does).
    expect(wordForms('general').every((f) => /^generall?(?:s|es|d|ed|ing)?$/.test(f))).toBe(true);
    // Nor a word the run's full Porter keys would have put with it, in a run made with them.
    expect(wordForms('transformers')).toEqual(expect.arrayContaining(['transformer', 'transformers']));
    expect(wordForms('transformers').some((f) => /^transform(?:s|ed|ing|ation)?$/.test(f))).toBe(false);
    expect(wordForms('transformers', 'porter')).toEqual(expect.arrayContaining(['transformer', 'transformers']));
    expect(wordForms('APIs'.toLowerCase())).toEqual(expect.arrayContaining(['apis', 'api']));
    expect(wordForms('api')).toContain('apis');
    expect(wordForms('vision-language-model')).toContain('vision-language-models');
  });

  it('puts the forms in the phrase pattern as alternatives, escaped, between word boundaries', () => {
    expect(phrasePattern(['state', 'of', 'the', 'art'])).toBe(
      '(?i)(^|[^\\pL\\pM\\pN])(?:state|states|stated|stating)[^\\pL\\pM\\pN]+of[^\\pL\\pM\\pN]+the[^\\pL\\pM\\pN]+(?:art|arts|arted|arting)($|[^\\pL\\pM\\pN])');
    expect(phrasePattern(['c++', 'code'])).toMatch(/^\(\?i\)\(\^\|\[\^\\pL\\pM\\pN\]\)c\\\+\\\+\[/);
  });
});

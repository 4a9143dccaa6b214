import { describe, expect, it } from 'vitest';
import { isAcronymOf, pickKeywords, pickLabelParts, repeats } from '../../../pipeline/label/keywords.js';

describe('pickKeywords', () => {
  const keys = ['splat', 'gaussian splat', 'render'];

  it('drops a word when a phrase containing it has at least half its weight', () => {
    const kept = pickKeywords(Float64Array.from([0.4, 0.2, 0.3]), keys, 3);
    expect(kept).toStrictEqual([{ term: 2, weight: 0.3 }, { term: 1, weight: 0.2 }]);
  });

  it('keeps the word when the phrase has less than half its weight', () => {
    const kept = pickKeywords(Float64Array.from([0.4, 0.19, 0.3]), keys, 3);
    expect(kept.map((kw) => kw.term)).toStrictEqual([0, 2, 1]);
  });

  it('breaks ties by term index and skips zero weights', () => {
    expect(pickKeywords(Float64Array.from([0, 0.1, 0.1]), ['a', 'b', 'c'], 3)).toStrictEqual([
      { term: 1, weight: 0.1 }, { term: 2, weight: 0.1 }
    ]);
  });
});

describe('pickLabelParts', () => {
  it('prefers phrases and leaves out acronyms whose expansion is a keyword', () => {
    const keys = ['vlm', 'vision-languag model', 'visual', 'hallucin'];
    const surfaces = ['vlms', 'vision-language models', 'visual', 'hallucination'];
    const keywords = [0.04, 0.03, 0.02, 0.01].map((weight, term) => ({ term, weight }));
    expect(pickLabelParts(keywords, keys, surfaces)).toStrictEqual([1, 2]);
  });

  it('chooses from the first five keywords only', () => {
    const keys = ['antenna', 'wireless', 'mimo', 'beamform', 'isac', 'linear code'];
    const surfaces = ['antenna', 'wireless', 'mimo', 'beamforming', 'isac', 'linear codes'];
    const keywords = [0.1, 0.09, 0.08, 0.07, 0.06, 0.05].map((weight, term) => ({ term, weight }));
    expect(pickLabelParts(keywords, keys, surfaces)).toStrictEqual([0, 1]);
  });

  it('does not take a phrase far below the top keyword over a word', () => {
    const keys = ['speech', 'speaker', 'spoken languag'];
    const keywords = [0.1, 0.05, 0.01].map((weight, term) => ({ term, weight }));
    expect(pickLabelParts(keywords, keys, ['speech', 'speaker', 'spoken language'])).toStrictEqual([0, 1]);
  });
});

describe('repeats', () => {
  it('treats containment and mostly shared words as repetition, one shared word as not', () => {
    expect(repeats('remot sens', 'remot sens imag')).toBe(true);
    expect(repeats('multimod larg languag', 'larg languag model')).toBe(true);
    expect(repeats('imag edit', 'video edit')).toBe(false);
  });

  it('reads a hyphen as a space', () => {
    expect(repeats('larg vision-languag model', 'vision languag model')).toBe(true);
  });

  it('treats a phrase holding an acronym of the other part as repetition', () => {
    expect(repeats('ai system', 'artifici intellig')).toBe(true);
    expect(repeats('retriev-augment gener', 'rag system')).toBe(true);
    expect(repeats('kv cach', 'specul decod')).toBe(false);
  });

  it('treats a stem of five letters or more and a stem extending it as one word, not shorter ones', () => {
    expect(repeats('anomali detect', 'anomal')).toBe(true);
    expect(repeats('data', 'databas')).toBe(false);
  });
});

describe('isAcronymOf', () => {
  it('recognises initials, plurals, digits and phrases cut at three words', () => {
    expect(isAcronymOf('vlms', 'vision-language models')).toBe(true);
    expect(isAcronymOf('cot', 'chain-of-thought')).toBe(true);
    expect(isAcronymOf('3dgs', '3d gaussian splatting')).toBe(true);
    expect(isAcronymOf('mllms', 'multimodal large language')).toBe(true);
  });

  it('rejects words that are not initials', () => {
    expect(isAcronymOf('model', 'multimodal large language')).toBe(false);
    expect(isAcronymOf('rag', 'retrieval')).toBe(false);
    expect(isAcronymOf('rag', 'rag systems')).toBe(false);
  });
});

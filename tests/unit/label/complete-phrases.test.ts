import { describe, expect, it } from 'vitest';
import { completePhrase as completeRaw, COMPLETION_MIN_USES, phraseText } from '../../../pipeline/label/complete-phrases.js';

/** completePhrase on the papers' texts as the label stage hands them over (phraseText). */
const completePhrase = (surface: string, texts: string[]) => completeRaw(surface, texts.map(phraseText));

const uses = (n: number, text: string) => Array.from({ length: n }, () => text);

describe('completePhrase (a phrase cut at --ngram-max words: the 74.7k run labelled a theme "multimodal large language")', () => {
  it('adds the word that nearly always follows, in its most written form, compared by inflection', () => {
    const texts = [
      ...uses(6, 'We study Multimodal Large Language Models (MLLMs) on charts.'),
      ...uses(2, 'A multimodal large language model answers.'),
      'Scaling multimodal large-language models further.',
      'The multimodal large language setting is new.'
    ];
    // 8 of 9 uses go on with "model(s)" (a hyphen joins "large-language", another token): written "models", its most frequent form.
    expect(completePhrase('multimodal large language', texts)).toBe('multimodal large language models');
  });

  it('leaves a phrase its papers continue in several ways, or with a stop word', () => {
    const mixed = [...uses(3, 'weakly supervised semantic segmentation works'), ...uses(3, 'weakly supervised semantic correspondence is')];
    expect(completePhrase('weakly supervised semantic', mixed)).toBeNull();
    expect(completePhrase('agents powered', uses(8, 'LLM agents powered by tools'))).toBeNull();
    // Too few uses to tell.
    expect(completePhrase('masked diffusion language', uses(COMPLETION_MIN_USES - 1, 'masked diffusion language models'))).toBeNull();
    expect(completePhrase('masked diffusion language', uses(COMPLETION_MIN_USES, 'masked diffusion language models'))).toBe('masked diffusion language models');
  });

  it('matches whole words, hyphenated or spaced, and reads the phrase literally (no pattern characters)', () => {
    expect(completePhrase('vision language', uses(5, 'large-vision language models'))).toBeNull();
    expect(completePhrase('multi-modal large language', uses(5, 'our multi-modal large language models'))).toBe('multi-modal large language models');
    expect(completePhrase('c++ code', uses(5, 'we write c++ code generators'))).toBe('c++ code generators');
    expect(completePhrase('gpt-4 level', uses(5, 'a gpt-4 level 7'))).toBeNull();
    // A line break or two spaces inside the phrase, as an abstract has them, are one space.
    expect(completePhrase('masked diffusion language', uses(5, 'Masked diffusion\nlanguage  Models are fast'))).toBe('masked diffusion language models');
  });
});

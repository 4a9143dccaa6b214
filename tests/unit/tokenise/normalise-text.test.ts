import { describe, it, expect } from 'vitest';
import { normaliseText } from '../../../pipeline/tokenise/normalise-text.js';

describe('normaliseText', () => {
  it('joins title and abstract with ". " and lower-cases', () => {
    expect(normaliseText('Model Merging', 'Works WELL')).toBe('model merging. works well');
  });

  it('replaces inline and display math with a phrase break', () => {
    expect(normaliseText('', 'a $x^2$ b $$\\sum_i y$$ c \\(z\\) d')).toBe('. a  |  b  |  c  |  d');
  });

  it('drops LaTeX commands and braces but keeps their arguments', () => {
    expect(normaliseText('', '\\emph{Gaussian} splatting 40\\%')).toBe('.   gaussian  splatting 40 ');
  });

  it('replaces full, www and bare host/path URLs (up to the next space) with a phrase break', () => {
    expect(normaliseText('', 'see https://x.org/a?b=1, www.y.com and github.com/c/d now')).toBe('. see  |   |  and  |  now');
  });

  it('leaves a lone dollar sign and a slash between words alone', () => {
    expect(normaliseText('', 'costs $5 in encoder/decoder')).toBe('. costs $5 in encoder/decoder');
  });

  it('applies NFKC and spells Unicode hyphens as ASCII', () => {
    expect(normaliseText('', 'ﬁne\u2010tuning Ｘ')).toBe('. fine-tuning x');
  });
});

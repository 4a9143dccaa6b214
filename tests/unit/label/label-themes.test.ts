import { describe, expect, it } from 'vitest';
import { labelThemes } from '../../../pipeline/label/index.js';
import type { Vocabulary } from '../../../pipeline/types.js';
import { makeCsr } from '../cluster/make-csr.js';

function vocabularyOf(pairs: [string, string][]): Vocabulary {
  const n = pairs.length;
  return { terms: pairs.map((p) => p[0]), surfaces: pairs.map((p) => p[1]), df: new Uint32Array(n), idf: new Float64Array(n).fill(1) };
}

function clusteringOf(assignments: number[], k: number) {
  return { k, assignments: Int32Array.from(assignments) };
}

describe('labelThemes', () => {
  const vocabulary = vocabularyOf([
    ['gaussian splat', 'gaussian splatting'], ['splat', 'splatting'], ['render', 'rendering'],
    ['model', 'model'], ['languag model', 'language models'], ['token', 'tokens']
  ]);
  // Theme 0 = rows 0, 1; theme 1 = rows 2, 3. Per theme: tf0 = [1, .75, .75, .5, 0, 0] (‖‖₁ = 3),
  // tf1 = [0, 0, 0, .5, 1.25, .75] (‖‖₁ = 2.5); A = 2.75; f = [1, .75, .75, 1, 1.25, .75].
  const matrix = makeCsr([
    [0.5, 0.5, 0.25, 0.25, 0, 0],
    [0.5, 0.25, 0.5, 0.25, 0, 0],
    [0, 0, 0, 0.25, 0.5, 0.5],
    [0, 0, 0, 0.25, 0.75, 0.25]
  ], false);
  const clustering = clusteringOf([0, 0, 1, 1], 2);

  it('weighs keywords by c-TF-IDF times the theme\'s share of the term and drops terms inside a kept phrase', () => {
    const [splats, language] = labelThemes(matrix, vocabulary, clustering, { topTerms: 3 });
    // S = tf/‖tf‖₁ · ln(1 + A/f) · tf/f. "splatting" is inside "gaussian splatting" (weight ≥ half
    // its own); "model" likewise in theme 1. "model" is shared half and half: its share is 0.5.
    expect(splats.keywords).toStrictEqual([
      { term: 'gaussian splatting', weight: (1 / 3) * Math.log(1 + 2.75 / 1) * (1 / 1), column: 0 },
      { term: 'rendering', weight: (0.75 / 3) * Math.log(1 + 2.75 / 0.75) * (0.75 / 0.75), column: 2 },
      { term: 'model', weight: (0.5 / 3) * Math.log(1 + 2.75 / 1) * (0.5 / 1), column: 3 }
    ]);
    expect(language.keywords).toStrictEqual([
      { term: 'language models', weight: (1.25 / 2.5) * Math.log(1 + 2.75 / 1.25) * (1.25 / 1.25), column: 4 },
      { term: 'tokens', weight: (0.75 / 2.5) * Math.log(1 + 2.75 / 0.75) * (0.75 / 0.75), column: 5 }
    ]);
  });

  it('writes a keyword as the theme\'s papers holding it write it, and keeps the lower-cased label otherwise (label/casing.ts)', () => {
    const texts = ['Fast 3D rendering with Gaussian splatting', 'Rendering splats: rendering is fast', 'Language models and LLM tokens', 'Tokens of language models'];
    const cased = labelThemes(matrix, vocabularyOf([
      ['gaussian splat', 'gaussian splatting'], ['splat', 'splatting'], ['render', 'rendering'],
      ['model', 'model'], ['languag model', 'language models'], ['token', 'tokens']
    ]), clustering, { topTerms: 3, textOf: (row) => texts[row] });
    const plain = labelThemes(matrix, vocabulary, clustering, { topTerms: 3 });
    // "Gaussian", "Rendering", "Tokens": only a first capital, so nothing changes.
    expect(cased.map((l) => [l.label, l.keywords.map((k) => k.term)])).toStrictEqual(plain.map((l) => [l.label, l.keywords.map((k) => k.term)]));
    const acronym = vocabularyOf([['gaussian splat', 'gaussian splatting'], ['splat', 'splatting'], ['render', 'rendering'],
      ['model', 'model'], ['languag model', 'llm agents'], ['token', 'tokens']]);
    const agents = ['', '', 'LLM agents plan. LLM agents act.', 'Many LLM agents'];
    expect(labelThemes(matrix, acronym, clustering, { topTerms: 3, textOf: (row) => agents[row] })[1].label).toBe('LLM agents, tokens');
  });

  it('writes a phrase of --ngram-max words whole where its papers nearly always go on with one word, in the run\'s surfaces too (complete-phrases.ts)', () => {
    const cut = vocabularyOf([
      ['gaussian splat', 'gaussian splatting'], ['splat', 'splatting'], ['render', 'rendering'],
      ['model', 'model'], ['languag model', 'language models'], ['token', 'tokens']
    ]);
    cut.surfaces[4] = 'multimodal large language';
    const texts = ['Gaussian splatting renders', 'Rendering by splatting',
      'Multimodal large language models read tokens. Multimodal large language models see.', 'multimodal large language model tokens; multimodal large language models.'];
    const [splats, language] = labelThemes(matrix, cut, clustering, { topTerms: 3, textOf: (row) => texts[row], ngramMax: 3 });
    expect(language.label).toBe('multimodal large language models, tokens');
    expect(cut.surfaces[4]).toBe('multimodal large language models');
    // A two-word phrase is below --ngram-max 3: its longer form would be a term of its own.
    expect(splats.label.startsWith('gaussian splatting')).toBe(true);
    // Without ngramMax (areas), or a phrase shorter than it, nothing is completed.
    const again = vocabularyOf([['gaussian splat', 'gaussian splatting'], ['splat', 'splatting'], ['render', 'rendering'],
      ['model', 'model'], ['languag model', 'multimodal large language'], ['token', 'tokens']]);
    labelThemes(matrix, again, clustering, { topTerms: 3, textOf: (row) => texts[row] });
    expect(again.surfaces[4]).toBe('multimodal large language');
  });

  it('hands on the ids of each theme\'s distinctive terms, best first, beyond the keywords shown', () => {
    const [splats, language] = labelThemes(matrix, vocabulary, clustering, { topTerms: 1 });
    expect([splats.keywords.length, splats.distinctiveTerms, language.distinctiveTerms]).toStrictEqual([1, [0, 2, 3], [4, 5]]);
  });

  it('keeps a word that every theme uses out of a label, though it tops the theme\'s plain c-TF-IDF', () => {
    const routing = vocabularyOf([
      ['problem', 'problem'], ['vehicl rout', 'vehicle routing'], ['solver', 'solvers'], ['imag', 'images'], ['graph', 'graphs']
    ]);
    // tf0 = [1.75, .25, .5, 0, 0] (‖‖₁ = 2.5), tf1 = [.5, 0, 0, .5, 0], tf2 = [.5, 0, 0, 0, .5] (1 each);
    // A = 4.5 / 3 = 1.5, f = [2.75, .25, .5, .5, .5]. Plain c-TF-IDF of theme 0: problem .7 · ln(1 + 1.5/2.75)
    // = .305 > solver .2 · ln(1 + 1.5/.5) = .277 > vehicle routing .1 · ln(1 + 1.5/.25) = .195, which
    // would name it "vehicle routing, problem". Times the share (problem 1.75/2.75, the others 1),
    // problem falls to .194, below both.
    const rows = makeCsr([[0.875, 0.125, 0.25, 0, 0], [0.875, 0.125, 0.25, 0, 0], [0.5, 0, 0, 0.5, 0], [0.5, 0, 0, 0, 0.5]], false);
    const [theme0] = labelThemes(rows, routing, clusteringOf([0, 0, 1, 2], 3), { topTerms: 3 });
    expect(theme0.keywords).toStrictEqual([
      { term: 'solvers', weight: (0.5 / 2.5) * Math.log(1 + 1.5 / 0.5), column: 2 },
      { term: 'vehicle routing', weight: (0.25 / 2.5) * Math.log(1 + 1.5 / 0.25), column: 1 },
      { term: 'problem', weight: (1.75 / 2.5) * Math.log(1 + 1.5 / 2.75) * (1.75 / 2.75), column: 0 }
    ]);
    expect(theme0.label).toBe('vehicle routing, solvers');
  });

  it('names a theme by its best phrase and the next term, in surface form', () => {
    const labels = labelThemes(matrix, vocabulary, clustering, { topTerms: 3 });
    expect(labels.map((l) => [l.themeId, l.label])).toStrictEqual([[0, 'gaussian splatting, rendering'], [1, 'language models, tokens']]);
  });

  it('extends the later of two equal labels with its next distinct keyword', () => {
    const gnn = vocabularyOf([
      ['graph neural network', 'graph neural networks'], ['molecul', 'molecules'], ['protein', 'proteins'],
      ['traffic', 'traffic'], ['citat', 'citation']
    ]);
    // Themes 0 and 1 share their two heavy terms; each has one light term of its own.
    const rows = makeCsr([[0.75, 0.75, 0.03, 0, 0], [0.75, 0.75, 0, 0, 0.03], [0, 0, 0, 0.5, 0]], false);
    const labels = labelThemes(rows, gnn, clusteringOf([0, 1, 2], 3), { topTerms: 5 });
    expect(labels.map((l) => l.label)).toStrictEqual([
      'graph neural networks, molecules', 'graph neural networks, molecules, citation', 'traffic'
    ]);
  });

  it('names a theme of empty papers by its id', () => {
    const rows = makeCsr([[0.5, 0], [0, 0]], false);
    const labels = labelThemes(rows, vocabularyOf([['a', 'a'], ['b', 'b']]), clusteringOf([0, 1], 2), { topTerms: 2 });
    expect(labels[1]).toStrictEqual({ themeId: 1, label: 'theme 1', keywords: [], distinctiveTerms: [] });
  });
});

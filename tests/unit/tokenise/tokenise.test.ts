import { describe, it, expect } from 'vitest';
import { tokeniseCorpus } from '../../../pipeline/tokenise/index.js';
import type { TokenisedCorpus } from '../../../pipeline/types.js';

const tokenise = (abstracts: string[], ngramMax = 3): TokenisedCorpus =>
  tokeniseCorpus(abstracts.map((abstract) => ({ title: '', abstract })), { ngramMax });

/** Surfaces of the one-word terms of document `doc`, in order of occurrence. */
function wordsOf(corpus: TokenisedCorpus, doc = 0): string[] {
  return [...corpus.docs[doc]].filter((t) => !corpus.terms[t].includes(' ')).map((t) => corpus.surfaces[t]);
}

/** Surfaces of all terms of document `doc`, in order. */
function termsOf(corpus: TokenisedCorpus, doc = 0): string[] {
  return [...corpus.docs[doc]].map((t) => corpus.surfaces[t]);
}

describe('tokeniseCorpus: tokens', () => {
  it('keeps hyphenated, letter-digit, dotted-version and slash-digit terms whole', () => {
    const corpus = tokenise(['GPT-4 and ViT-B/16 render 3D scenes for LLMs; text-to-image Qwen2.5 models.'], 1);
    expect(wordsOf(corpus)).toStrictEqual(['gpt-4', 'vit-b/16', 'render', '3d', 'scenes', 'llms', 'text-to-image', 'qwen2.5', 'models']);
  });

  it('drops stop words, abstract boilerplate, numbers, single characters and tokens over 40 characters', () => {
    const long = 'z'.repeat(41);
    const corpus = tokenise([`We propose a novel state-of-the-art approach that significantly outperforms existing methods on 2024 data, 0.5 x and ${long} token.`], 1);
    expect(wordsOf(corpus)).toStrictEqual(['data', 'token']);
  });

  it('drops "we prove" but keeps "theorem proving", whose stem is the same', () => {
    const corpus = tokenise(['We prove lower bounds and explicitly confirm them by theorem proving.'], 2);
    expect(termsOf(corpus)).toStrictEqual(['lower', 'bounds', 'lower bounds', 'theorem', 'proving', 'theorem proving']);
  });

  it('keeps the words that live inside research phrases, so the phrases can form', () => {
    const corpus = tokenise(['Direct preference optimization; support vector machines; motion capture; code generation; knowledge base; reinforcement learning; model evaluation.'], 3);
    expect(termsOf(corpus).filter((surface) => surface.includes(' '))).toStrictEqual([
      'direct preference', 'preference optimization', 'direct preference optimization',
      'support vector', 'vector machines', 'support vector machines',
      'motion capture', 'code generation', 'knowledge base', 'reinforcement learning', 'model evaluation'
    ]);
  });

  it('keeps a token of exactly 40 characters', () => {
    const forty = 'y'.repeat(40);
    expect(wordsOf(tokenise([`${forty} graphs`], 1))).toStrictEqual([forty, 'graphs']);
  });

  it('reads NFKC-normalised lower-case text without LaTeX math, LaTeX commands and URLs', () => {
    const corpus = tokenise(['Ｆｕｌｌｗｉｄｔｈ ﬁne-tuning with $\\alpha$-divergence and \\emph{Gaussian} splatting, see https://github.com/a/b and github.com/c/d.'], 1);
    expect(wordsOf(corpus)).toStrictEqual(['fullwidth', 'fine-tuning', 'divergence', 'gaussian', 'splatting']);
  });

  it('joins title and abstract with a sentence break', () => {
    const corpus = tokeniseCorpus([{ title: 'Model Merging', abstract: 'Graphs' }], { ngramMax: 2 });
    expect(termsOf(corpus)).toStrictEqual(['model', 'merging', 'model merging', 'graphs']);
  });

  it('gives a document without content words an empty id list', () => {
    expect(tokenise(['We propose it.', 'graphs']).docs.map((ids) => [...ids])).toStrictEqual([[], [0]]);
  });
});

describe('tokeniseCorpus: stems and surfaces', () => {
  it('maps "merging" and "merged" to one key whose surface is the more frequent form', () => {
    const corpus = tokenise(['merging, merged; merging.']);
    expect(corpus).toStrictEqual({ terms: ['merg'], surfaces: ['merging'], docs: [Uint32Array.from([0, 0, 0])] });
  });

  it('breaks a surface tie by the lexicographically smallest form, whatever the order of occurrence', () => {
    expect(tokenise(['merging, merged.']).surfaces).toStrictEqual(['merged']);
    expect(tokenise(['merged, merging.']).surfaces).toStrictEqual(['merged']);
  });

  it('stems each part of a hyphenated word, so singular and plural compounds share a key', () => {
    const corpus = tokenise(['multi-agents, multi-agent, multi-agent.']);
    expect([corpus.terms, corpus.surfaces]).toStrictEqual([['multi-agent'], ['multi-agent']]);
  });

  it('picks the most frequent surface of a phrase across documents', () => {
    const corpus = tokenise(['models merged', 'model merging', 'model merging'], 2);
    expect(corpus.terms).toStrictEqual(['model', 'merg', 'model merg']);
    expect(corpus.surfaces).toStrictEqual(['model', 'merging', 'model merging']);
  });
});

describe('tokeniseCorpus: phrases', () => {
  it('emits at each word its unigram, then the bigram and trigram that end there, in first-occurrence id order', () => {
    const corpus = tokenise(['Model merging improves long context reasoning']);
    expect(corpus.terms).toStrictEqual(['model', 'merg', 'model merg', 'long', 'context', 'long context', 'reason', 'context reason', 'long context reason']);
    expect(corpus.surfaces).toStrictEqual(['model', 'merging', 'model merging', 'long', 'context', 'long context', 'reasoning', 'context reasoning', 'long context reasoning']);
    expect([...corpus.docs[0]]).toStrictEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('does not let a phrase cross a stop word or punctuation', () => {
    const corpus = tokenise(['long context, reasoning (model) merging: graphs. kernels the attention']);
    expect(termsOf(corpus)).toStrictEqual(['long', 'context', 'long context', 'reasoning', 'model', 'merging', 'graphs', 'kernels', 'attention']);
  });

  it('does not let a phrase cross a dropped number', () => {
    expect(termsOf(tokenise(['graph 2024 kernels']))).toStrictEqual(['graph', 'kernels']);
  });

  it('stops at two-word phrases when ngramMax is 2 and at words when it is 1', () => {
    expect(termsOf(tokenise(['long context reasoning'], 2))).toStrictEqual(['long', 'context', 'long context', 'reasoning', 'context reasoning']);
    expect(termsOf(tokenise(['long context reasoning'], 1))).toStrictEqual(['long', 'context', 'reasoning']);
  });

  it('rejects an ngramMax outside 1..3', () => {
    expect(() => tokenise(['graphs'], 4)).toThrow(RangeError);
    expect(() => tokenise(['graphs'], 0)).toThrow(RangeError);
  });
});

describe('tokeniseCorpus: determinism', () => {
  it('gives identical output for the same documents twice', () => {
    const abstracts = ['Gaussian splatting for 3D scenes.', 'Retrieval-augmented generation with LLMs; long context.', 'Gaussian splatting, again.'];
    expect(tokenise(abstracts)).toStrictEqual(tokenise(abstracts));
  });

  it('keeps term ids consistent across documents (repeated ids are term frequency)', () => {
    const corpus = tokenise(['graph kernels', 'kernels graph kernels']);
    expect(corpus.docs.map((ids) => [...ids])).toStrictEqual([[0, 1, 2], [1, 0, 3, 1, 2, 4]]);
    expect(corpus.terms).toStrictEqual(['graph', 'kernel', 'graph kernel', 'kernel graph', 'kernel graph kernel']);
  });
});

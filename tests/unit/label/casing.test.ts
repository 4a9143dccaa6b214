import { describe, expect, it } from 'vitest';
import { applyCasing, wordCasing } from '../../../pipeline/label/casing.js';

describe('wordCasing and applyCasing (dashboard audit of 2026-12-03: labels read "reward, cot", "diffusion models, fid", "vlms")', () => {
  const texts = [
    'Chain-of-thought (CoT) prompting helps LLMs. We report FID and CLIP scores for 3D scenes.',
    'CoT traces of LLMs are long; FID drops. Diffusion models beat GANs. VLMs and LoRA adapters.',
    'Diffusion is slow. We use cot as a unit (CoT). LoRA with MoE; VLMs see 3D. Gaussian splatting.',
    'Gaussian splatting renders. MoE layers. AI agents, and the AI act.'
  ];
  const casing = wordCasing(texts);

  it('writes a word as its papers mostly write it when that form has a capital after its first letter', () => {
    expect(['cot', 'llms', 'fid', '3d', 'vlms', 'lora', 'moe', 'ai'].map((w) => casing.get(w))).toStrictEqual(
      ['CoT', 'LLMs', 'FID', '3D', 'VLMs', 'LoRA', 'MoE', 'AI']);
  });

  it('leaves a word lower-case when its papers only capitalise it, write it once so, or mostly not so', () => {
    // "Diffusion", "Gaussian": sentence starts and proper adjectives; "CLIP", "GANs": seen once.
    expect(['diffusion', 'gaussian', 'clip', 'gans', 'models'].map((w) => casing.get(w))).toStrictEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(wordCasing(['MoE moe moe', 'moe MoE']).get('moe')).toBeUndefined();
  });

  it('recases each word of a phrase, keeping its separators', () => {
    expect([applyCasing('reward, cot', casing), applyCasing('llm agents', new Map([['llm', 'LLM']])), applyCasing('vision-language models', casing),
      applyCasing('3d gaussian splatting', casing)]).toStrictEqual(['reward, CoT', 'LLM agents', 'vision-language models', '3D gaussian splatting']);
  });
});

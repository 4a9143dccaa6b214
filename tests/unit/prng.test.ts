// createRandom (mulberry32): a fixed sequence per seed, uniform on [0, 1).
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../pipeline/prng.js';

describe('createRandom', () => {
  it('draws the same numbers as mulberry32 for a seed', () => {
    const random = createRandom(42);
    expect([random(), random()]).toStrictEqual([0.6011037519201636, 0.44829055899754167]);
  });

  it('yields the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(draw(42)).toStrictEqual(draw(42));
    expect(draw(42)).not.toStrictEqual(draw(43));
  });

  it('reads a negative seed as its 32-bit unsigned twin', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(draw(-1)).toStrictEqual(draw(2 ** 32 - 1));
  });

  it('stays in [0, 1) with a mean near 1/2 over 10,000 draws', () => {
    const random = createRandom(0);
    const xs = Array.from({ length: 10_000 }, random);
    expect(xs.filter((x) => !(x >= 0 && x < 1))).toStrictEqual([]);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.01);
  });
});

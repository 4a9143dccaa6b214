// mulberry32: a fixed sequence per seed, uniform on [0, 1).
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../pipeline/map/prng.js';

describe('mulberry32', () => {
  it('yields the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(42)).toStrictEqual(draw(42));
    expect(draw(42)).not.toStrictEqual(draw(43));
  });

  it('stays in [0, 1) with a mean near 1/2 over 10,000 draws', () => {
    const random = mulberry32(0);
    const xs = Array.from({ length: 10_000 }, random);
    expect(xs.filter((x) => !(x >= 0 && x < 1))).toStrictEqual([]);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.01);
  });
});

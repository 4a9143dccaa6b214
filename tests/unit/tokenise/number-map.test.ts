import { describe, it, expect } from 'vitest';
import { NumberMap } from '../../../pipeline/tokenise/number-map.js';

describe('NumberMap', () => {
  it('returns -1 for a key it does not hold', () => {
    expect(new NumberMap().get(7)).toBe(-1);
  });

  it('holds packed keys up to 2^53 exactly, beyond the int32 range', () => {
    const map = new NumberMap();
    const keys = [0, 2 ** 31, 2 ** 32 + 5, 2 ** 52 + 1, 2 ** 53 - 1];
    keys.forEach((key, i) => map.add(key, i));
    expect(keys.map((key) => map.get(key))).toStrictEqual([0, 1, 2, 3, 4]);
    expect(map.get(2 ** 32 + 4)).toBe(-1);
  });

  it('keeps every entry when it grows past its first capacity', () => {
    const map = new NumberMap(16);
    for (let i = 0; i < 5000; i++) map.add(i * 4194304 + 3, i);
    const wrong = Array.from({ length: 5000 }, (_, i) => i).filter((i) => map.get(i * 4194304 + 3) !== i);
    expect([wrong, map.size]).toStrictEqual([[], 5000]);
  });
});

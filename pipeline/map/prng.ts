// A tiny seeded PRNG (mulberry32) for the map's jitter: same seed, same layout, on every platform.

/** Returns a function yielding uniform numbers in [0, 1), a fixed sequence per 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

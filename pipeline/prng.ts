// Owns the pipeline's seeded pseudo-random numbers: mulberry32, so a seed fixes every draw (k-means++
// seeding, the k-selection subsample, the map's jitter) on any machine; and the papers' fixed keys.

/** Returns a function yielding uniform floats in [0, 1) from a 32-bit seed (mulberry32). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The indices of round(share × n) of 0..n−1, drawn without replacement from `seed` (the first steps
 * of a Fisher–Yates shuffle), ascending.
 */
export function pickSubset(n: number, share: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = createRandom(seed);
  const m = Math.round(share * n);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, m).sort((a, b) => a - b);
}

/**
 * A 32-bit key fixed by a paper's id (FNV-1a over its UTF-16 units, then murmur3's finaliser): the
 * same paper gets the same key in any corpus, so "the papers with the smallest keys" is nearly the
 * same set in a corpus and in most of it.
 */
export function paperKey(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Owns the pipeline's seeded pseudo-random numbers: mulberry32, so a seed fixes every draw (k-means++
// seeding, the k-selection subsample, the map's jitter) on any machine.

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

// Owns each theme's reproducibility: whether another k-means restart (another seed) finds the same
// group of papers. A theme that no other restart reproduces is one draw of k-means, not a finding.

/**
 * For each theme t of `best` (labels 0..k-1): the mean over the `others` (the other restarts'
 * labelings of the same papers) of max over their themes s of the Jaccard index
 * |t ∩ s| / |t ∪ s| of the two sets of papers. 1 = some other restart has exactly this theme;
 * about 0.5 = it is split or blended there. Null without another restart.
 */
export function themeReproducibility(best: Int32Array, others: readonly Int32Array[], k: number): Float64Array | null {
  if (others.length === 0) return null;
  const size = new Float64Array(k);
  for (const t of best) size[t]++;
  const out = new Float64Array(k);
  for (const other of others) {
    if (other.length !== best.length) throw new Error(`themeReproducibility: ${other.length} labels for ${best.length} papers`);
    let kOther = 0;
    for (const s of other) kOther = Math.max(kOther, s + 1);
    const otherSize = new Float64Array(kOther);
    const shared = new Float64Array(k * kOther);
    for (let i = 0; i < best.length; i++) {
      otherSize[other[i]]++;
      shared[best[i] * kOther + other[i]]++;
    }
    for (let t = 0; t < k; t++) {
      let bestJaccard = 0;
      for (let s = 0; s < kOther; s++) {
        const n = shared[t * kOther + s];
        if (n > 0) bestJaccard = Math.max(bestJaccard, n / (size[t] + otherSize[s] - n));
      }
      out[t] += bestJaccard / others.length;
    }
  }
  return out;
}

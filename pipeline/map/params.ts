// Owns the projection's settings: umap's defaults where they apply, sized for this machine elsewhere.

export const PROJECTION = {
  /** LSA components for the PCA start (the range finder keeps dims + 8, with one power iteration). */
  dims: 4, powerIterations: 1,
  /**
   * Neighbour candidates: terms in at most maxDf papers index them, and the `pool` best by those
   * terms are re-scored exactly. On a 10k arXiv subset, maxDf 500 / pool 60 found 98.6% of each
   * paper's 10 exact nearest (sample of 300 papers; scratch measurement noted in docs/ARCHITECTURE.md).
   * On the 74.7k corpus (300 papers): maxDf 1000 found 0.90 of them in 12.2 CPU-s, 500 found 0.85 in
   * 7.9 CPU-s, with the same map recall@10 (0.141, seed 42); these lists are also the similar papers.
   */
  maxDf: 500, pool: 60,
  /** Neighbours per paper in the graph (umap's n_neighbors; 10 beat 15 on recall@10 and time). */
  neighbours: 10,
  /** Curve 1 / (1 + a d^(2b)) of the layout; b = 1 avoids two Math.pow per update (2.5× faster). */
  a: 1, b: 1,
  /**
   * Scale on the attraction. Only a head moves (both directions of a pair are edges), so 1 is
   * umap's balance; 0.5 (more repulsion, closer to t-SNE's balance) raised recall@10 on a 10k
   * arXiv subset from 0.21 to 0.26 (0.25: 0.22), and on the 74.7k corpus from 0.11 to 0.14.
   */
  attraction: 0.5,
  negativeRate: 5
};

/** Epochs: umap's 500 below 10k points, 200 above (its own defaults), fewer for very large corpora. */
export function epochsFor(n: number): number {
  return n <= 10_000 ? 500 : n <= 200_000 ? 200 : 120;
}

// Owns the projection's settings: umap's defaults where they apply, sized for this machine elsewhere.
// Recall@10 figures are the map's (recall.ts, seed 42) on the 74.7k-paper corpus ("75k", 100 epochs)
// and the 4,982-paper shipped sample (500 epochs, mean of SGD seeds 1 and 2), each setting varied
// alone from the others' values here, the neighbour lists and PCA start cached (scratch measurements,
// README "The map stage").

export const PROJECTION = {
  /** LSA components for the PCA start (the range finder keeps dims + 8, with one power iteration; 0 iterations: 75k 0.098 before the smoothing). */
  dims: 4, powerIterations: 1,
  /**
   * Neighbour candidates: terms in at most maxDf papers index them, and the `pool` best by those
   * terms are re-scored exactly. On a 10k arXiv subset, maxDf 500 / pool 60 found 98.6% of each
   * paper's 10 exact nearest (sample of 300 papers; scratch measurement noted in docs/ARCHITECTURE.md).
   * On the 74.7k corpus (the recall check's 2,000 papers): 0.851 of them; maxDf 700 / pool 40 0.849
   * and 1000 / 30 0.846 at about the same CPU, 350 / 60 0.811, 1000 / 60 0.912 at 1.4×; these
   * lists are also the similar papers.
   */
  maxDf: 500, pool: 60,
  /** Neighbours per paper in the graph (umap's n_neighbors; 10 beat 15 on recall@10 and time: 75k 0.256 vs 0.245). */
  neighbours: 10,
  /** Curve 1 / (1 + a d^(2b)) of the layout; b = 1 avoids two Math.pow per update (2.5× faster). */
  a: 1, b: 1,
  /**
   * Scale on the attraction. Only a head moves (both directions of a pair are edges), so 1 is
   * umap's balance; 0.5 (more repulsion, closer to t-SNE's balance) raised recall@10 on a 10k
   * arXiv subset from 0.21 to 0.26 with the old start. Now the two corpora pull apart: 75k 0.35 →
   * 0.252, 0.5 → 0.256, 0.7 → 0.258, 1 → 0.262; sample 0.35 → 0.349, 0.5 → 0.342, 0.7 → 0.327.
   */
  attraction: 0.5,
  /**
   * The attraction for the first earlyShare of the epochs, as t-SNE's early exaggeration: the
   * neighbourhoods gather before the repulsion spreads them (75k: 0.243 without, 0.256 with).
   */
  earlyAttraction: 1, earlyShare: 0.3,
  /**
   * The expected push from random points per sampled edge, umap's 5 negative samples × repulsion 1:
   * spread over negativesFor(n) pushes of push / negatives each (fewer random reads for the same
   * balance of pull and push).
   */
  negativePush: 5,
  /**
   * Root-mean-square distance of the start's points from their centre, in the curve's units (where
   * 1 / (1 + d²) = ½ at d = 1), at 60k papers and above (startRadiusFor below). A layout barely grows
   * or shrinks in its epochs, so this sets its scale: 75k 20 → 0.206, 30 → 0.247, 40 → 0.256, 50 →
   * 0.250, 60 → 0.234. (The old start, max |coordinate| 10, RMS about 4, left 75k at 0.141: too
   * cramped to unfold in umap's 200 epochs.)
   */
  startRadius: 40,
  /**
   * The smallest start radius. Below 60k papers the radius shrinks as √n, so the start has the same
   * density of papers: at 40 the 4,982-paper sample scored 0.339 but drew tight islands in a mostly
   * empty map (the themes' own spread does not grow with the field); at 16 it scores 0.306 (10:
   * 0.302, 24: 0.323) and fills the map as one landscape (screenshots looked at, 2026-12-02).
   */
  minStartRadius: 16
};

/** The start's root-mean-square radius for n papers: startRadius from 60k papers, ∝ √n below, at least minStartRadius. */
export function startRadiusFor(n: number): number {
  return Math.max(PROJECTION.minStartRadius, Math.min(PROJECTION.startRadius, PROJECTION.startRadius * Math.sqrt(n / 60_000)));
}

/**
 * Random points pushed away per sampled edge. Up to 10k points, 2, where the 500 epochs settle into
 * a balance of pull and push (sample 2 × 2.5 0.342; 1 × 5 0.329; 5 × 1 0.351 at 1.7× the SGD
 * time); above, 1: in 100 epochs a random point is nearly always far off and barely moves anything
 * (75k, mean of SGD seeds 42, 1, 2, 3: 1 × 5 0.256; 2 × 2.5 0.259 at 1.35× the SGD time; 5 × 1
 * 0.260 at 2.4×).
 */
export function negativesFor(n: number): number {
  return n <= 10_000 ? 2 : 1;
}

/**
 * Epochs: umap's 500 up to 10k points; above, 100 rather than umap's 200, as the start (start.ts)
 * leaves less to unfold (75k: 60 epochs 0.237, 80 0.253, 100 0.256, 150 0.262, 200 0.260).
 */
export function epochsFor(n: number): number {
  return n <= 10_000 ? 500 : 100;
}

// The quality stage: how far each theme can be trusted (cohesion, separation, keyword coherence, the
// mixture mark) and each paper's place among the themes (top 3, weak member).
import { themeCohesion } from '../cluster/describe.js';
import type { Clustering, CsrMatrix, ThemeLabel } from '../types.js';
import { markMixtures } from './mixture.js';
import { keywordCoherence } from './npmi.js';
import { paperMemberships, type PaperMemberships } from './top-themes.js';

export { cohesionZ, markMixtures, MIXTURE_MIN_THEMES, MIXTURE_Z } from './mixture.js';
export { COHERENCE_TOP, keywordCoherence, npmi } from './npmi.js';
export { paperMemberships, WEAK_SHARE, type PaperMemberships } from './top-themes.js';

export interface ThemeQuality {
  /** Mean cosine of the theme's papers to its centroid. */
  cohesion: number;
  /** Cosine between its centroid and the nearest other theme's (lower = better separated); NaN when k = 1. */
  separation: number;
  /** Mean NPMI over pairs of its top keywords (npmi.ts); NaN with fewer than two keywords. */
  coherence: number;
  mixture: boolean;
}

export interface QualityResult {
  themes: ThemeQuality[];
  papers: PaperMemberships;
}

/**
 * Cosine of each theme's centroid to its nearest other one (the rank-1 similarity of theme_neighbours),
 * from the k × k centroid cosines `sim`; NaN when k = 1.
 */
function separations(sim: Float64Array, k: number): Float64Array {
  return Float64Array.from({ length: k }, (_, t) => {
    let best = -Infinity;
    for (let j = 0; j < k; j++) if (j !== t && sim[t * k + j] > best) best = sim[t * k + j];
    return best === -Infinity ? NaN : best;
  });
}

/** `themeSimilarity`: the k × k centroid cosines the cluster stage hands on. */
export function assessQuality(matrix: CsrMatrix, clustering: Clustering, labels: ThemeLabel[], themeSimilarity: Float64Array): QualityResult {
  const { k } = clustering;
  const cohesion = themeCohesion(clustering);
  const separation = separations(themeSimilarity, k);
  const coherence = keywordCoherence(matrix, labels.map((l) => l.keywords.map((kw) => kw.column)));
  const mixture = markMixtures(cohesion, coherence);
  return {
    themes: Array.from({ length: k }, (_, t) => ({
      cohesion: cohesion[t], separation: separation[t], coherence: coherence[t], mixture: mixture[t]
    })),
    papers: paperMemberships(clustering, cohesion)
  };
}

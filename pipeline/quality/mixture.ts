// Owns the rule that marks a theme as a mixture: a theme whose papers agree far less than the run's
// other themes do, and whose keywords do not go together.

/** How far below the run's median cohesion, in robust standard deviations, a mixture lies. */
export const MIXTURE_Z = -1.5;
/** Below this many themes a run has no "typical" cohesion to compare with: nothing is marked. */
export const MIXTURE_MIN_THEMES = 5;
/** 1.4826 · MAD estimates the standard deviation of normally distributed values. */
const MAD_TO_SD = 1.4826;

function median(values: ArrayLike<number>): number {
  const s = Array.from(values).sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}

/**
 * Robust z of each theme's cohesion within the run: z_t = (cohesion_t − median) / (1.4826 · MAD),
 * MAD = median |cohesion − median|. NaN everywhere when MAD = 0 (all themes alike).
 */
export function cohesionZ(cohesion: ArrayLike<number>): Float64Array {
  const m = median(cohesion);
  const mad = median(Array.from(cohesion, (c) => Math.abs(c - m)));
  return Float64Array.from(cohesion, (c) => (mad > 0 ? (c - m) / (MAD_TO_SD * mad) : NaN));
}

/**
 * A theme is a mixture when, in a run of at least MIXTURE_MIN_THEMES themes, both hold:
 * - its cohesion (mean cosine of its papers to its centroid) is low for the run: robust z <
 *   MIXTURE_Z (more than 1.5 robust standard deviations below the run's median), so its papers are
 *   much less alike than a typical theme's — several topics share one centroid; and
 * - its keyword coherence (mean NPMI of its top keywords, npmi.ts) is below the run's median: its
 *   keywords are not used together, so the label names only part of it.
 * Measured on 74,728 arXiv cs papers at k = 40 (seed 42): it marks "antenna, finite" (cohesion
 * 0.16, z −2.1, NPMI 0.14 vs the median 0.27: wireless, coding theory and game theory papers),
 * "vision transformers, representation learning" (z −1.6, NPMI 0.18: ViT, contrastive learning,
 * EEG) and "target domain, domain shift" (z −1.6, NPMI 0.14: domain adaptation, category discovery,
 * OOD detection); on the 4,982-paper sample at k = 20 "explainable ai, time series forecasting"
 * (z −1.9, NPMI −0.68). At z < −2 only the first would be caught there and none here. Neither
 * figure alone is enough: narrow phrases rarely co-occur even within one topic, so a coherent
 * theme like "image restoration" has a low NPMI at typical cohesion.
 */
export function markMixtures(cohesion: ArrayLike<number>, coherence: ArrayLike<number>): boolean[] {
  if (cohesion.length < MIXTURE_MIN_THEMES) return Array.from(cohesion, () => false);
  const z = cohesionZ(cohesion);
  const typicalCoherence = median(Array.from(coherence).filter((v) => !Number.isNaN(v)));
  return Array.from(z, (zt, t) => zt < MIXTURE_Z && coherence[t] < typicalCoherence);
}

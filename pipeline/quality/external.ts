// Owns the external check of a clustering against known labels (each paper's primary arXiv category):
// homogeneity, completeness, V-measure, NMI and ARI, computed by every run and by the bench.
import { adjustedRandIndex } from '../cluster/ari.js';

/** Below this share of papers with a category the check is skipped: the figures would describe few papers. */
export const MIN_LABELLED_SHARE = 0.5;

export interface Quality {
  homogeneity: number;
  completeness: number;
  vMeasure: number;
  nmi: number;
}

export interface ExternalCheck extends Quality {
  ari: number;
  /** Papers with a category (the ones scored) and the distinct primary categories among them. */
  labelledPapers: number;
  classes: number;
}

export type ExternalCheckResult =
  | ({ status: 'done' } & ExternalCheck)
  | { status: 'skipped'; labelledPapers: number; reason: string };

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/** Class ids 0, 1, … in order of first appearance. */
function classIds(labels: string[]): { ids: Int32Array; count: number } {
  const seen = new Map<string, number>();
  const ids = Int32Array.from(labels, (l) => {
    if (!seen.has(l)) seen.set(l, seen.size);
    return seen.get(l)!;
  });
  return { ids, count: seen.size };
}

/**
 * H(C) and H(K) are the entropies of classes and clusters, I(C;K) their mutual information (natural
 * logs); homogeneity = I/H(C), completeness = I/H(K), V = 2·h·c/(h + c) = I / ((H(C) + H(K)) / 2) =
 * NMI with the arithmetic mean, as scikit-learn defines both. h (c) is 1 when H(C) (H(K)) is 0.
 */
export function scoreAgainstLabels(labels: string[], clusters: ArrayLike<number>): Quality {
  const n = labels.length;
  const { ids: cls, count } = classIds(labels);
  const joint = new Map<number, number>();
  const classCounts = new Float64Array(count);
  const clusterCounts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = cls[i] * 1_000_003 + clusters[i];
    joint.set(key, (joint.get(key) ?? 0) + 1);
    classCounts[cls[i]]++;
    clusterCounts.set(clusters[i], (clusterCounts.get(clusters[i]) ?? 0) + 1);
  }
  const hC = entropy(classCounts, n);
  const hK = entropy(clusterCounts.values(), n);
  let mi = 0;
  for (const [key, nij] of joint) {
    const c = Math.floor(key / 1_000_003);
    const k = key - c * 1_000_003;
    mi += (nij / n) * Math.log((n * nij) / (classCounts[c] * clusterCounts.get(k)!));
  }
  const homogeneity = hC === 0 ? 1 : mi / hC;
  const completeness = hK === 0 ? 1 : mi / hK;
  const vMeasure = homogeneity + completeness === 0 ? 0 : (2 * homogeneity * completeness) / (homogeneity + completeness);
  const nmi = hC + hK === 0 ? 1 : mi / ((hC + hK) / 2);
  return { homogeneity, completeness, vMeasure, nmi };
}

/**
 * The themes against each paper's primary category (categories[0]), over the papers that have one;
 * skipped when fewer than MIN_LABELLED_SHARE of the papers do. The caller passes each paper's
 * primary category as trends/coverage.ts primaryCategoryOf gives it: a record with only keywords
 * (Scopus, RIS, BibTeX) has none, as its first keyword ("ChatGPT") is no class.
 */
export function checkAgainstCategories(categories: readonly (readonly string[])[], themes: ArrayLike<number>): ExternalCheckResult {
  const labelled: number[] = [];
  categories.forEach((c, i) => { if (c.length > 0 && c[0] !== '') labelled.push(i); });
  if (categories.length === 0 || labelled.length < MIN_LABELLED_SHARE * categories.length) {
    return { status: 'skipped', labelledPapers: labelled.length,
      reason: `${labelled.length} of ${categories.length} papers have a category (fewer than ${100 * MIN_LABELLED_SHARE}%)` };
  }
  const primary = labelled.map((i) => categories[i][0]);
  const clusters = labelled.map((i) => themes[i]);
  const { ids, count } = classIds(primary);
  return { status: 'done', ...scoreAgainstLabels(primary, clusters), ari: adjustedRandIndex(ids, clusters),
    labelledPapers: labelled.length, classes: count };
}

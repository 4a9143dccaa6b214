// External clustering quality against known labels (the arXiv primary category): homogeneity,
// completeness, V-measure (= NMI with the arithmetic mean, as scikit-learn defines both).

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

export interface Quality {
  homogeneity: number;
  completeness: number;
  vMeasure: number;
  nmi: number;
}

/**
 * H(C) and H(K) are the entropies of classes and clusters, I(C;K) their mutual information;
 * homogeneity = I/H(C), completeness = I/H(K), V = 2·h·c/(h + c) = I / ((H(C) + H(K)) / 2) = NMI (arithmetic).
 */
export function scoreAgainstLabels(labels: string[], clusters: ArrayLike<number>): Quality {
  const n = labels.length;
  const classIds = new Map<string, number>();
  const cls = labels.map((l) => {
    if (!classIds.has(l)) classIds.set(l, classIds.size);
    return classIds.get(l)!;
  });
  const joint = new Map<number, number>();
  const classCounts = new Float64Array(classIds.size);
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

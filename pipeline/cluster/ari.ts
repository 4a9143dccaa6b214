// Owns the adjusted Rand index (Hubert & Arabie 1985): agreement between two labelings of the same
// items, corrected for chance; the stability figure of a clustering is built from it.

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * ARI of labelings a and b (any integer labels, same length n). With the contingency table
 * n_ij = #{items labelled i in a and j in b}, row sums a_i, column sums b_j and C(x) = x(x−1)/2:
 *
 *   index    = Σ_ij C(n_ij)
 *   expected = Σ_i C(a_i) · Σ_j C(b_j) / C(n)
 *   max      = ½ (Σ_i C(a_i) + Σ_j C(b_j))
 *   ARI      = (index − expected) / (max − expected)
 *
 * max = expected only when both labelings are the one-cluster or both the all-singletons
 * partition (identical partitions), and for n < 2; ARI is 1 then, as in scikit-learn.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new Error(`labelings differ in length (${n} and ${b.length})`);
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let sumA = 0;
  for (const c of rows.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of cols.values()) sumB += pairs(c);
  if (n < 2) return 1;
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

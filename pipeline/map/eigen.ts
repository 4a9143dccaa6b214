// Eigen-decomposition of a small symmetric matrix (cyclic Jacobi rotations), for classical MDS of
// the k × k theme matrix: exact, robust to equal eigenvalues, and O(k³) per sweep, nothing at k ≤ 100s.

export interface Eigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvector i (unit length) at vectors[i * n .. i * n + n), in the order of `values`. */
  vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/** Diagonalises the symmetric n × n row-major `matrix` (not modified) by Jacobi rotations A ← PᵀAP. */
export function symmetricEigen(matrix: Float64Array, n: number): Eigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let scale = 0;
  for (const x of a) scale += x * x;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off <= 1e-30 * scale) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y] - a[x * n + x] || x - y);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = new Float64Array(n * n);
  order.forEach((col, i) => {
    for (let r = 0; r < n; r++) vectors[i * n + r] = v[r * n + col];
  });
  return { values, vectors };
}

/** One rotation in the (p, q) plane that zeroes a[p][q] (Numerical Recipes' tan θ formulation). */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q];
  if (apq === 0) return;
  const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let r = 0; r < n; r++) {
    const [arp, arq] = [a[r * n + p], a[r * n + q]];
    a[r * n + p] = c * arp - s * arq;
    a[r * n + q] = s * arp + c * arq;
  }
  for (let r = 0; r < n; r++) {
    const [apr, aqr] = [a[p * n + r], a[q * n + r]];
    a[p * n + r] = c * apr - s * aqr;
    a[q * n + r] = s * apr + c * aqr;
  }
  for (let r = 0; r < n; r++) {
    const [vrp, vrq] = [v[r * n + p], v[r * n + q]];
    v[r * n + p] = c * vrp - s * vrq;
    v[r * n + q] = s * vrp + c * vrq;
  }
}

// Owns where the layout's optimisation starts: the PCA coordinates (pca-start.ts) each moved to the
// weighted mean of itself and its graph neighbours, then scaled to params.ts startRadius.

/**
 * sᵢ = (pᵢ + Σ wᵢⱼ pⱼ) / (1 + Σ wᵢⱼ) over head i's edges in `graph` (one Jacobi step of neighbour
 * averaging: papers the graph joins start nearer, while the principal components keep the corpus's
 * global shape), then centred on the mean and scaled by one factor so the root-mean-square distance
 * from the centre is `radius` (a few outlying papers do not set the scale, as a maximum would).
 * `pca`: x,y per paper, interleaved.
 */
export function startLayout(pca: Float32Array, graph: { heads: Uint32Array; tails: Uint32Array; weights: Float32Array },
  n: number, radius: number): Float32Array {
  const { heads, tails, weights } = graph;
  const out = new Float32Array(2 * n);
  const sums = new Float64Array(2 * n);
  let [meanX, meanY] = [0, 0];
  for (let i = 0; i < n; i++) {
    let [sx, sy, sw] = [pca[2 * i], pca[2 * i + 1], 1];
    for (let e = heads[i]; e < heads[i + 1]; e++) {
      const j = tails[e];
      const w = weights[e];
      sx += w * pca[2 * j];
      sy += w * pca[2 * j + 1];
      sw += w;
    }
    [sums[2 * i], sums[2 * i + 1]] = [sx / sw, sy / sw];
    meanX += sums[2 * i];
    meanY += sums[2 * i + 1];
  }
  [meanX, meanY] = [meanX / n, meanY / n];
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sums[2 * i] - meanX) ** 2 + (sums[2 * i + 1] - meanY) ** 2;
  const rms = Math.sqrt(squares / n);
  const scale = rms > 0 ? radius / rms : 0;
  for (let i = 0; i < n; i++) [out[2 * i], out[2 * i + 1]] = [(sums[2 * i] - meanX) * scale, (sums[2 * i + 1] - meanY) * scale];
  return out;
}

// Cosine similarity between theme centroids (k × k): computed once by the cluster stage (ClusterResult
// themeSimilarity) for the quality, map and areas stages.

/**
 * sim[i * k + j] = c_i · c_j / (|c_i| |c_j|) over the dense row-major k × nCols centroids; 0 where
 * a centroid is all zeros (an empty theme). Centroids are unit rows by contract, but dividing by the
 * norms costs nothing at k × k and keeps the diagonal at exactly 1.
 */
export function centroidSimilarities(centroids: Float32Array, k: number, nCols: number): Float64Array {
  if (centroids.length !== k * nCols) {
    throw new Error(`centroidSimilarities: ${centroids.length} centroid values, expected k × nCols = ${k} × ${nCols}`);
  }
  const norms = new Float64Array(k);
  for (let i = 0; i < k; i++) norms[i] = Math.sqrt(dot(centroids, i * nCols, i * nCols, nCols));
  const sim = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    sim[i * k + i] = norms[i] > 0 ? 1 : 0;
    for (let j = i + 1; j < k; j++) {
      const denominator = norms[i] * norms[j];
      const s = denominator > 0 ? dot(centroids, i * nCols, j * nCols, nCols) / denominator : 0;
      sim[i * k + j] = s;
      sim[j * k + i] = s;
    }
  }
  return sim;
}

function dot(values: Float32Array, a: number, b: number, length: number): number {
  let sum = 0;
  for (let c = 0; c < length; c++) sum += values[a + c] * values[b + c];
  return sum;
}

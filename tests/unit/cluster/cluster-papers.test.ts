import { describe, expect, it } from 'vitest';
import { InputError } from '../../../pipeline/errors.js';
import { centroidSimilarities } from '../../../pipeline/cluster/centroid-similarity.js';
import { clusterPapers, themeCohesion } from '../../../pipeline/cluster/index.js';
import { adjustedRandIndex } from '../../../pipeline/cluster/ari.js';
import { blobs, makeCsr } from './make-csr.js';

// The k-means++ start (--init kmeans++): seeded restarts; the divisive default is in divisive.test.ts.
const options = { k: 2, seed: 42, restarts: 1, maxIter: 20, tolerance: 1e-4, workers: 1, init: 'kmeans++' as const };
const fourRows = makeCsr([[1, 0.1, 0], [0.9, 0.2, 0], [0, 0.1, 1], [0.1, 0, 0.8]]);
// 120 sparse-ish rows around 4 directions in 12 dimensions, with noise, for the larger checks.
const centres = [0, 1, 2, 3].map((b) => Array.from({ length: 12 }, (_, j) => (j % 4 === b ? 1 : 0.05 * ((j + b) % 3))));
const noisy = makeCsr(blobs(centres, 30, 1.5, 7));

describe('clusterPapers', () => {
  it('separates two obvious pairs of papers with seed 42', async () => {
    const { best } = await clusterPapers(fourRows, options);
    expect(best.assignments).toStrictEqual(Int32Array.from([1, 1, 0, 0]));
  });

  it('gives identical results for two runs with one seed', async () => {
    const a = await clusterPapers(noisy, { ...options, k: 4, restarts: 2 });
    const b = await clusterPapers(noisy, { ...options, k: 4, restarts: 2 });
    expect(b).toStrictEqual(a);
  });

  it('gives identical results with one thread and with worker threads', async () => {
    const inThread = await clusterPapers(noisy, { ...options, k: 4, restarts: 2, workers: 1 });
    const threaded = await clusterPapers(noisy, { ...options, k: 4, restarts: 2, workers: 3 });
    expect(threaded).toStrictEqual(inThread);
  });

  it('runs restart r with seed + r and keeps the run of lowest inertia', async () => {
    const { best, runs } = await clusterPapers(noisy, { ...options, k: 4, restarts: 3 });
    const second = await clusterPapers(noisy, { ...options, k: 4, seed: options.seed + 1 });
    expect(runs[1]).toStrictEqual(second.best);
    // The fixture's restarts disagree, and the second one is the best.
    expect(runs[0].inertia).toBeGreaterThan(runs[1].inertia);
    expect(best).toBe(runs[1]);
  });

  it('reports the mean pairwise ARI of the restarts as stability', async () => {
    const { runs, stability } = await clusterPapers(noisy, { ...options, k: 4, restarts: 3 });
    const [a, b, c] = runs.map((r) => r.assignments);
    const mean = (adjustedRandIndex(a, b) + adjustedRandIndex(a, c) + adjustedRandIndex(b, c)) / 3;
    expect(stability).toBe(mean);
    expect(stability).toBeLessThan(1);
  });

  it('reports no stability for a single run', async () => {
    expect((await clusterPapers(fourRows, options)).stability).toBe(null);
  });

  it('returns unit centroids, similarity = row · own centroid and inertia = Σ(1 − similarity)', async () => {
    const { best } = await clusterPapers(noisy, { ...options, k: 4 });
    const nCols = noisy.nCols;
    for (let c = 0; c < 4; c++) {
      const norm = Math.hypot(...best.centroids.subarray(c * nCols, (c + 1) * nCols));
      expect(Math.abs(norm - 1)).toBeLessThan(1e-6);
    }
    let inertia = 0;
    for (let i = 0; i < noisy.nRows; i++) {
      let dot = 0;
      for (let p = noisy.indptr[i]; p < noisy.indptr[i + 1]; p++) dot += noisy.values[p] * best.centroids[best.assignments[i] * nCols + noisy.indices[p]];
      expect(Math.abs(best.similarity[i] - dot)).toBeLessThan(1e-6);
      inertia += 1 - best.similarity[i];
    }
    expect(Math.abs(best.inertia - inertia)).toBeLessThan(1e-4);
  });

  it('hands on theme sizes, ranks in theme and each paper\'s two most similar other themes', async () => {
    const { best } = await clusterPapers(noisy, { ...options, k: 4, workers: 2 });
    const nCols = noisy.nCols;
    const cosine = (i: number, c: number) => {
      let dot = 0;
      for (let p = noisy.indptr[i]; p < noisy.indptr[i + 1]; p++) dot += noisy.values[p] * best.centroids[c * nCols + noisy.indices[p]];
      return dot;
    };
    const themes = [0, 1, 2, 3];
    expect(Array.from(best.sizes)).toStrictEqual(themes.map((c) => best.assignments.filter((a) => a === c).length));
    const second = Array.from(best.assignments, (own, i) =>
      themes.reduce((o, c) => (c !== own && (o < 0 || cosine(i, c) > cosine(i, o)) ? c : o), -1));
    expect(Array.from(best.secondTheme)).toStrictEqual(second);
    expect(Array.from(best.secondSimilarity)).toStrictEqual(second.map((o, i) => Math.fround(cosine(i, o))));
    const third = Array.from(best.assignments, (own, i) =>
      themes.reduce((o, c) => (c !== own && c !== second[i] && (o < 0 || cosine(i, c) > cosine(i, o)) ? c : o), -1));
    expect(Array.from(best.thirdTheme)).toStrictEqual(third);
    expect(Array.from(best.thirdSimilarity)).toStrictEqual(third.map((o, i) => Math.min(Math.fround(cosine(i, o)), best.secondSimilarity[i])));
    const rank = Array.from(best.assignments, (own, i) => 1 + Array.from(best.assignments).filter((c, j) =>
      c === own && (best.similarity[j] > best.similarity[i] || (best.similarity[j] === best.similarity[i] && j < i))).length);
    expect(Array.from(best.rankInTheme)).toStrictEqual(rank);
  });

  it('rejects more themes than papers', async () => {
    await expect(clusterPapers(fourRows, { ...options, k: 5 })).rejects.toThrow('fewer papers (4) than themes (5)');
  });

  it('rejects fewer distinct papers than themes with an InputError (exit 2), not a bug', async () => {
    const twins = makeCsr([[1, 0], [1, 0], [0, 1], [0, 1]]);
    const error = await clusterPapers(twins, { ...options, k: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'only 2 distinct papers with terms for k = 3 themes; choose a smaller k (--k, or --k-range with --k auto)'
    );
  });

  it('hands on the k × k cosines between the best run\'s centroids, 1 on the diagonal', async () => {
    const { best, themeSimilarity } = await clusterPapers(fourRows, options);
    expect(Array.from(themeSimilarity)).toStrictEqual(Array.from(centroidSimilarities(best.centroids, 2, 3)));
    expect([themeSimilarity[0], themeSimilarity[3]]).toStrictEqual([1, 1]);
  });

  it('puts an empty paper in theme 0 with similarity 0', async () => {
    const withEmpty = makeCsr([[1, 0.1, 0], [0, 0, 0], [0.9, 0.2, 0], [0, 0.1, 1], [0.1, 0, 0.8]]);
    const { best } = await clusterPapers(withEmpty, options);
    expect(best.assignments).toStrictEqual(Int32Array.from([1, 0, 1, 0, 0]));
    expect(best.similarity[1]).toBe(0);
  });
});

describe('themeCohesion', () => {
  it('is the mean similarity of each theme’s papers to its centroid, 0 for an empty theme', () => {
    const cohesion = themeCohesion({
      k: 3,
      assignments: Int32Array.from([0, 1, 0, 1, 1]),
      similarity: Float32Array.from([0.5, 0.25, 0.75, 0.5, 0.75]),
      sizes: Int32Array.from([2, 3, 0])
    });
    expect(Array.from(cohesion)).toStrictEqual([0.625, 0.5, 0]);
  });
});

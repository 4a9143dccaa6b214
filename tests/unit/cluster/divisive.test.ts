import { describe, expect, it } from 'vitest';
import { bisectingStart, topEigenpair } from '../../../pipeline/cluster/bisect.js';
import { clusterPapers } from '../../../pipeline/cluster/index.js';
import { sliceRows } from '../../../pipeline/cluster/run-seeded.js';
import { adjustedRandIndex } from '../../../pipeline/cluster/ari.js';
import { themeReproducibility } from '../../../pipeline/cluster/reproducibility.js';
import { paperKey, pickSubset } from '../../../pipeline/prng.js';
import { blobs, makeCsr } from './make-csr.js';

const options = { k: 4, seed: 42, restarts: 1, maxIter: 50, tolerance: 1e-6, workers: 1, init: 'divisive' as const };
// Four directions in 12 dimensions; `clean` is well separated, `noisy` overlaps.
const centres = [0, 1, 2, 3].map((b) => Array.from({ length: 12 }, (_, j) => (j % 4 === b ? 1 : 0.05 * ((j + b) % 3))));
const clean = makeCsr(blobs(centres, 25, 0.3, 3));
const noisy = makeCsr(blobs(centres, 30, 1.5, 7));
const truth = Int32Array.from({ length: 100 }, (_, i) => i % 4);

describe('topEigenpair', () => {
  it('finds the largest eigenvalue and its eigenvector of a symmetric tridiagonal matrix', () => {
    const alpha = [2, 1, 3, 0.5];
    const beta = [1, 0.5, 2];
    const { value, vector } = topEigenpair(alpha, beta);
    const times = alpha.map((a, i) => a * vector[i] + (i > 0 ? beta[i - 1] * vector[i - 1] : 0) + (i < 3 ? beta[i] * vector[i + 1] : 0));
    times.forEach((x, i) => expect(x).toBeCloseTo(value * vector[i], 10));
    expect(Math.hypot(...vector)).toBeCloseTo(1, 12);
    // Gershgorin: every eigenvalue ≤ max_i (alpha_i + |beta_i−1| + |beta_i|) = 5.5; the largest here is 4.179…
    expect(value).toBeCloseTo(4.17912, 4);
  });

  it('handles a 1 × 1 matrix', () => {
    expect(topEigenpair([3], [])).toStrictEqual({ value: 3, vector: Float64Array.from([1]) });
  });
});

describe('bisectingStart', () => {
  it('cuts well-separated groups exactly, top down', () => {
    expect(adjustedRandIndex(bisectingStart(clean, 4), truth)).toBe(1);
  });

  it('gives k themes numbered 0..k−1 and every row one of them', () => {
    const labels = bisectingStart(noisy, 6);
    expect(new Set(labels).size).toBe(6);
    expect(Math.min(...labels)).toBe(0);
    expect(Math.max(...labels)).toBe(5);
  });

  it('estimates a big theme’s cut from the rows with the smallest keys, and still finds clear groups', () => {
    const keys = Uint32Array.from({ length: clean.nRows }, (_, i) => paperKey(`paper-${i}`));
    const labels = bisectingStart(clean, 4, { keys, sampleCap: 20 });
    expect(adjustedRandIndex(labels, truth)).toBe(1);
  });

  it('stops short of k when the rows allow no more cuts (identical rows)', () => {
    const same = makeCsr([[1, 0], [1, 0], [1, 0], [0, 1]]);
    const labels = bisectingStart(same, 3);
    expect(new Set(labels).size).toBe(2);
  });
});

describe('clusterPapers with the divisive start', () => {
  it('gives the same themes for any seed', async () => {
    const a = await clusterPapers(noisy, { ...options, seed: 1 });
    const b = await clusterPapers(noisy, { ...options, seed: 1001 });
    expect(b.best).toStrictEqual(a.best);
  });

  it('gives identical results with one thread and with worker threads', async () => {
    const one = await clusterPapers(noisy, { ...options, restarts: 2, workers: 1 });
    const three = await clusterPapers(noisy, { ...options, restarts: 2, workers: 3 });
    expect(three).toStrictEqual(one);
  });

  it('measures stability against the same start on seeded 90% subsamples, on the papers both hold', async () => {
    const result = await clusterPapers(noisy, { ...options, restarts: 3 });
    expect(result.stabilityKind).toBe('subsample');
    expect(result.runs).toStrictEqual([result.best]);
    let sum = 0;
    const repro = new Float64Array(4);
    for (const seed of [options.seed, options.seed + 1]) {
      const rows = pickSubset(noisy.nRows, 0.9, seed);
      const part = await clusterPapers(sliceRows(noisy, rows), { ...options, keys: Uint32Array.from(rows) });
      const mine = Int32Array.from(rows, (i) => result.best.assignments[i]);
      sum += adjustedRandIndex(mine, part.best.assignments);
      themeReproducibility(mine, [part.best.assignments], 4)!.forEach((j, t) => (repro[t] += j / 2));
    }
    expect(result.stability).toBeCloseTo(sum / 2, 12);
    expect(Array.from(result.reproducibility!)).toStrictEqual(Array.from(repro));
  });

  it('measures nothing with one run', async () => {
    const result = await clusterPapers(noisy, options);
    expect(result.stability).toBe(null);
    expect(result.reproducibility).toBe(null);
  });

  it('rejects fewer distinct papers than themes with an InputError (exit 2), as the k-means++ start does', async () => {
    const twins = makeCsr([[1, 0], [1, 0], [0, 1], [0, 1]]);
    await expect(clusterPapers(twins, { ...options, k: 3 })).rejects.toThrow(
      'only 2 distinct papers with terms for k = 3 themes; choose a smaller k (--k, or --k-range with --k auto)'
    );
  });

  it('refuses keys that do not match the rows', async () => {
    await expect(clusterPapers(noisy, { ...options, keys: new Uint32Array(3) })).rejects.toThrow(/3 keys for 120 rows/);
  });
});

describe('paperKey', () => {
  it('is fixed by the id and spreads ids over 32 bits', () => {
    expect(paperKey('2501.00001')).toBe(paperKey('2501.00001'));
    expect(paperKey('2501.00001')).not.toBe(paperKey('2501.00002'));
    const keys = Array.from({ length: 1000 }, (_, i) => paperKey(`id-${i}`));
    const low = keys.filter((k) => k < 2 ** 31).length;
    expect(low).toBeGreaterThan(430);
    expect(low).toBeLessThan(570);
  });
});

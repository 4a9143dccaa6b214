import { describe, expect, it } from 'vitest';
import { clusterPapers } from '../../../pipeline/cluster/index.js';
import { meanSelfPull, refineByHartigan } from '../../../pipeline/cluster/hartigan.js';
import type { Clustering, CsrMatrix } from '../../../pipeline/types.js';
import { blobs, makeCsr, toDense } from './make-csr.js';

const options = { maxPasses: 100, tolerance: 0 };
const angle = (50 * Math.PI) / 180;
// a = (1, 0); b at 50° from a; three rows c = (0, 1). With b beside a, Lloyd keeps it there:
// cos(b, a + b) = cos 25° = .906 > cos(b, c) = sin 50° = .766. But b's own weight is half of theme 0:
// moving it gains ‖3c + b‖ − 3 = sqrt(10 + 6 sin 50°) − 3 = .8205 and loses ‖a + b‖ − ‖a‖ = 2 cos 25° − 1 = .8126.
const rows = makeCsr([[1, 0], [Math.cos(angle), Math.sin(angle)], [0, 1], [0, 1], [0, 1]]);

function runOf(assignments: number[], similarity: number[], k: number): Clustering {
  return {
    k, assignments: Int32Array.from(assignments), similarity: Float32Array.from(similarity),
    centroids: new Float32Array(k * 2), inertia: 0, iterations: 1
  };
}

describe('meanSelfPull', () => {
  it('averages 1 / S over rows, S being the sum of the theme\'s cosines', () => {
    // S0 = .5 + .5 = 1, S1 = 2: (2 · 1/1 + 1 · 1/2) / 3.
    expect(meanSelfPull(runOf([0, 0, 1], [0.5, 0.5, 2], 2))).toBe((2 / 1 + 1 / 2) / 3);
  });
});

describe('refineByHartigan', () => {
  it('moves a row that only its own pull keeps in its theme', () => {
    const refined = refineByHartigan(rows, runOf([0, 0, 1, 1, 1], [1, 0.9, 1, 1, 1], 2), options);
    expect(refined.assignments).toStrictEqual(Int32Array.from([0, 1, 1, 1, 1]));
    // Theme 1 = b + 3c, S1 = sqrt(10 + 6 sin 50°); Σ cos = 1 + S1, so inertia = 5 − 1 − S1.
    expect(Math.abs(refined.inertia - (4 - Math.sqrt(10 + 6 * Math.sin(angle))))).toBeLessThan(1e-6);
    expect(Array.from(refined.centroids.subarray(0, 2))).toStrictEqual([1, 0]);
  });

  it('never empties a theme, even for a row identical to another theme\'s rows', () => {
    const run = runOf([0, 1, 1], [1, 1, 1], 2);
    expect(refineByHartigan(makeCsr([[1, 0], [1, 0], [1, 0]]), run, options)).toBe(run);
  });

  it('leaves themes whose mean self-pull is below 1% as Lloyd made them', () => {
    // The first test's rows, with cosine sums S0 = 120 and S1 = 180: (2/120 + 3/180) / 5 = .0067.
    const run = runOf([0, 0, 1, 1, 1], [60, 60, 60, 60, 60], 2);
    expect(refineByHartigan(rows, run, options)).toBe(run);
  });
});

describe('clusterPapers with the refinement', () => {
  it('ends where no single row can move to raise Σ_c ‖s_c‖', async () => {
    const centres = [0, 1, 2, 3].map((b) => Array.from({ length: 12 }, (_, j) => (j % 4 === b ? 1 : 0.05 * ((j + b) % 3))));
    const noisy: CsrMatrix = makeCsr(blobs(centres, 30, 1.5, 7));
    const { best } = await clusterPapers(noisy, { k: 4, seed: 42, restarts: 1, maxIter: 100, tolerance: 0, workers: 1 });
    const dense = toDense(noisy);
    const sums = [0, 1, 2, 3].map((c) => dense.reduce((s, row, i) => (best.assignments[i] === c ? s.map((v, j) => v + row[j]) : s), new Array(12).fill(0)));
    const norm = (v: number[]) => Math.hypot(...v);
    let bestGain = -Infinity;
    dense.forEach((x, i) => {
      const a = best.assignments[i];
      const loss = norm(sums[a]) - norm(sums[a].map((v, j) => v - x[j]));
      for (let b = 0; b < 4; b++) if (b !== a) bestGain = Math.max(bestGain, norm(sums[b].map((v, j) => v + x[j])) - norm(sums[b]) - loss);
    });
    expect(bestGain).toBeLessThan(1e-9);
  });
});

import { describe, expect, it } from 'vitest';
import { clusterPapers } from '../../../pipeline/cluster/index.js';
import { meanSelfPull, refineByHartigan } from '../../../pipeline/cluster/hartigan.js';
import { sharedArray } from '../../../pipeline/shared-memory.js';
import type { CsrMatrix } from '../../../pipeline/types.js';
import { blobs, makeCsr, toDense } from './make-csr.js';

const options = { maxPasses: 100, tolerance: 0 };
const angle = (50 * Math.PI) / 180;
// a = (1, 0); b at 50° from a; three rows c = (0, 1). With b beside a, Lloyd keeps it there:
// cos(b, a + b) = cos 25° = .906 > cos(b, c) = sin 50° = .766. But b's own weight is half of theme 0:
// moving it gains ‖3c + b‖ − 3 = sqrt(10 + 6 sin 50°) − 3 = .8205 and loses ‖a + b‖ − ‖a‖ = 2 cos 25° − 1 = .8126.
const rows = makeCsr([[1, 0], [Math.cos(angle), Math.sin(angle)], [0, 1], [0, 1], [0, 1]]);

function runOf(assignments: number[], similarity: number[], k: number) {
  const sizes = Int32Array.from({ length: k }, (_, c) => assignments.filter((a) => a === c).length);
  return { k, assignments: Int32Array.from(assignments), similarity: Float32Array.from(similarity), sizes };
}

/** Term-major centroids (2 terms × k) in shared memory, as Lloyd leaves them. */
const centroidsOf = (k: number): Float32Array => sharedArray(Float32Array, 2 * k);

describe('meanSelfPull', () => {
  it('averages 1 / S over rows, S being the sum of the theme\'s cosines', () => {
    // S0 = .5 + .5 = 1, S1 = 2: (2 · 1/1 + 1 · 1/2) / 3.
    expect(meanSelfPull(runOf([0, 0, 1], [0.5, 0.5, 2], 2))).toBe((2 / 1 + 1 / 2) / 3);
  });
});

describe('refineByHartigan', () => {
  it('moves a row that only its own pull keeps in its theme', () => {
    const refined = refineByHartigan(rows, runOf([0, 0, 1, 1, 1], [1, 0.9, 1, 1, 1], 2), centroidsOf(2), options);
    expect(refined?.assignments).toStrictEqual(Int32Array.from([0, 1, 1, 1, 1]));
    // Term-major: centT[term · k + theme]. Theme 0 = a; theme 1 = (b + 3c) / S1, S1 = sqrt(10 + 6 sin 50°).
    const s1 = Math.sqrt(10 + 6 * Math.sin(angle));
    const expected = [1, Math.cos(angle) / s1, 0, (Math.sin(angle) + 3) / s1];
    refined!.centT.forEach((x, q) => expect(x).toBeCloseTo(expected[q], 6));
  });

  it('never empties a theme, even for a row identical to another theme\'s rows', () => {
    const run = runOf([0, 1, 1], [1, 1, 1], 2);
    expect(refineByHartigan(makeCsr([[1, 0], [1, 0], [1, 0]]), run, centroidsOf(2), options)).toBe(null);
  });

  it('leaves themes whose mean self-pull is below 1% as Lloyd made them', () => {
    // The first test's rows, with cosine sums S0 = 120 and S1 = 180: (2/120 + 3/180) / 5 = .0067.
    const run = runOf([0, 0, 1, 1, 1], [60, 60, 60, 60, 60], 2);
    expect(refineByHartigan(rows, run, centroidsOf(2), options)).toBe(null);
  });
});

describe('clusterPapers with the refinement', () => {
  it('ends where no single row can move to raise Σ_c ‖s_c‖', async () => {
    const centres = [0, 1, 2, 3].map((b) => Array.from({ length: 12 }, (_, j) => (j % 4 === b ? 1 : 0.05 * ((j + b) % 3))));
    const noisy: CsrMatrix = makeCsr(blobs(centres, 30, 1.5, 7));
    const { best } = await clusterPapers(noisy, { k: 4, seed: 42, restarts: 1, maxIter: 100, tolerance: 0, workers: 1, init: 'kmeans++' });
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

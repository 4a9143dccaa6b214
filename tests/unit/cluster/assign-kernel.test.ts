// assignRange, assignBoundedRange and scoreRange: the assignment step's argmax (with and without bounds), and the final pass's own, second and third cosines.
import { describe, expect, it } from 'vitest';
import { assignBoundedRange, assignRange, scoreRange } from '../../../pipeline/cluster/assign-kernel.mjs';
import { createRandom } from '../../../pipeline/prng.js';
import { makeCsr } from './make-csr.js';

// Unit rows e0, e1, e2 and (3, 0, 4) / 5; term-major centroids e0, e1, e2 (centT[term · k + c]).
const matrix = makeCsr([[1, 0, 0], [0, 1, 0], [0, 0, 1], [3, 0, 4]]);
const centT = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
const { indptr, indices, values } = matrix;

describe('assignRange', () => {
  it('assigns each row its centroid of largest cosine, with that cosine', () => {
    const assignments = new Int32Array(4);
    const scores = new Float64Array(4);
    assignRange(indptr, indices, values, centT, 3, 0, 4, assignments, scores);
    expect(Array.from(assignments)).toStrictEqual([0, 1, 2, 2]);
    expect(Array.from(scores)).toStrictEqual([1, 1, 1, Math.fround(0.8)]);
  });

  it('breaks a tie towards the lower centroid and writes only its own rows', () => {
    const assignments = Int32Array.from([9, 9, 9, 9]);
    const scores = new Float64Array(4);
    assignRange(indptr, indices, values, Float32Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0]), 3, 1, 3, assignments, scores);
    expect(Array.from(assignments)).toStrictEqual([9, 0, 0, 9]);
  });
});

describe('scoreRange', () => {
  it('keeps the given themes and finds the most similar other theme, with its cosine', () => {
    const assignments = Int32Array.from([0, 1, 2, 0]);
    const [scores, second, secondScores] = [new Float64Array(4), new Int32Array(4), new Float64Array(4)];
    scoreRange(indptr, indices, values, centT, 3, 0, 4, assignments, scores, second, secondScores);
    expect(Array.from(scores)).toStrictEqual([1, 1, 1, Math.fround(0.6)]);
    expect(Array.from(second)).toStrictEqual([1, 0, 0, 2]);
    expect(Array.from(secondScores)).toStrictEqual([0, 0, 0, Math.fround(0.8)]);
  });

  it('finds the third theme from the same dots: the most similar after the own and the second, ties to the lower id', () => {
    // Row (4, 3, 2, 1) / √30 against the axes of R^4, in theme 0: second 1, third 2; row e2 in theme 2: second 0, third 1 (all 0, ties low).
    const m4 = makeCsr([[4, 3, 2, 1], [0, 0, 1, 0]]);
    const axes = Float32Array.from({ length: 16 }, (_, x) => (x % 5 === 0 ? 1 : 0));
    const [scores, second, secondScores, third, thirdScores] = [new Float64Array(2), new Int32Array(2), new Float64Array(2), new Int32Array(2), new Float64Array(2)];
    scoreRange(m4.indptr, m4.indices, m4.values, axes, 4, 0, 2, Int32Array.from([0, 2]), scores, second, secondScores, third, thirdScores);
    expect([Array.from(second), Array.from(third)]).toStrictEqual([[1, 0], [2, 1]]);
    expect(Array.from(thirdScores)).toStrictEqual([m4.values[2], 0]);
  });

  it('gives no third theme when there are two', () => {
    const [third, thirdScores] = [Int32Array.from([9]), Float64Array.from([9])];
    scoreRange(Uint32Array.from([0, 2]), Uint32Array.from([0, 1]), Float32Array.from([0.6, 0.8]), Float32Array.from([1, 0, 0, 1]), 2, 0, 1,
      new Int32Array(1), new Float64Array(1), new Int32Array(1), new Float64Array(1), third, thirdScores);
    expect([third[0], thirdScores[0]]).toStrictEqual([-1, 0]);
  });

  it('gives no second theme when there is one theme', () => {
    const [scores, second, secondScores] = [new Float64Array(1), new Int32Array(1), new Float64Array(1)];
    scoreRange(Uint32Array.from([0, 1]), Uint32Array.from([0]), Float32Array.from([1]), Float32Array.from([0.5]), 1, 0, 1,
      new Int32Array(1), scores, second, secondScores);
    expect([scores[0], second[0], secondScores[0]]).toStrictEqual([0.5, -1, 0]);
  });
});

describe('assignBoundedRange', () => {
  // 300 random unit rows over 12 terms, 5 unit centroids; then the centroids move a little, twice.
  const random = createRandom(3);
  const [n, m, k] = [300, 12, 5];
  const unit = (v: number[]) => v.map((x) => x / Math.hypot(...v));
  const rows = Array.from({ length: n }, () => unit(Array.from({ length: m }, () => (random() < 0.4 ? random() : 0)).map((x, j) => (j === 0 && x === 0 ? 0.01 : x))));
  const indptr = Uint32Array.from([0, ...rows.map((_, i) => (i + 1) * m)]);
  const indices = Uint32Array.from(rows.flatMap(() => Array.from({ length: m }, (_, j) => j)));
  const values = Float32Array.from(rows.flat());
  const centroids = (shift: number) => {
    const cs = Array.from({ length: k }, (_, c) => unit(Array.from({ length: m }, (_, j) => 1 + Math.sin(c * 7 + j * 3 + shift))));
    return Float32Array.from({ length: m * k }, (_, q) => cs[q % k][Math.floor(q / k)]);
  };
  const drift = (a: Float32Array, b: Float32Array) => Float64Array.from({ length: k }, (_, c) => {
    let s = 0;
    for (let q = c; q < a.length; q += k) s += (a[q] - b[q]) ** 2;
    return Math.sqrt(s);
  });

  it('assigns exactly as a full scan after each move, scanning fewer rows in full once the moves are small', () => {
    const [a, s, upper] = [new Int32Array(n).fill(-1), new Float64Array(n), new Float32Array(n * k)];
    let previous = centroids(0);
    assignBoundedRange(indptr, indices, values, previous, k, 0, n, a, s, upper, new Float64Array(k), true);
    const scannedAfter: number[] = [];
    for (const shift of [0.2, 0.21, 0.215]) {
      const next = centroids(shift);
      scannedAfter.push(assignBoundedRange(indptr, indices, values, next, k, 0, n, a, s, upper, drift(previous, next), false));
      const [fa, fs] = [new Int32Array(n), new Float64Array(n)];
      assignRange(indptr, indices, values, next, k, 0, n, fa, fs);
      expect(Array.from(a)).toStrictEqual(Array.from(fa));
      expect(Array.from(s)).toStrictEqual(Array.from(fs));
      previous = next;
    }
    expect(scannedAfter[2]).toBeLessThan(n / 2);
  });
});

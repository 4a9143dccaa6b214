// assignRange and scoreRange: the assignment step's argmax, and the final pass's own and second cosines.
import { describe, expect, it } from 'vitest';
import { assignRange, scoreRange } from '../../../pipeline/cluster/assign-kernel.mjs';
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

  it('gives no second theme when there is one theme', () => {
    const [scores, second, secondScores] = [new Float64Array(1), new Int32Array(1), new Float64Array(1)];
    scoreRange(Uint32Array.from([0, 1]), Uint32Array.from([0]), Float32Array.from([1]), Float32Array.from([0.5]), 1, 0, 1,
      new Int32Array(1), scores, second, secondScores);
    expect([scores[0], second[0], secondScores[0]]).toStrictEqual([0.5, -1, 0]);
  });
});

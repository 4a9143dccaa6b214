import { describe, expect, it } from 'vitest';
import { splitRows } from '../../../pipeline/cluster/assigner.js';
import { repairEmptyClusters } from '../../../pipeline/cluster/centroids.js';
import { rankInTheme } from '../../../pipeline/cluster/rank-in-theme.js';

describe('rankInTheme', () => {
  it('ranks by similarity within each theme, ties to the lower row', () => {
    const clustering = { assignments: Int32Array.from([0, 1, 0, 1, 0]), similarity: Float32Array.from([0.5, 0.9, 0.7, 0.9, 0.5]) };
    expect(rankInTheme(clustering)).toStrictEqual(Int32Array.from([2, 1, 1, 2, 3]));
  });
});

describe('repairEmptyClusters', () => {
  it('moves the row farthest from its centroid into the empty cluster', () => {
    // ‖x − c‖² = ‖x‖² − 2·score: rows 0..3 → −0.8, 0.6, 0, −1; row 1 is the farthest.
    const assignments = Int32Array.from([0, 0, 0, 1]);
    const moved = repairEmptyClusters(assignments, Float64Array.from([0.9, 0.2, 0.5, 1]), Float64Array.from([1, 1, 1, 1]), 3);
    expect(moved).toStrictEqual([1]);
    expect(assignments).toStrictEqual(Int32Array.from([0, 2, 0, 1]));
  });

  it('never takes the last row of a cluster nor an empty row', () => {
    // Row 2 is farthest but alone in cluster 1; row 3 is empty (‖x‖² = 0).
    const assignments = Int32Array.from([0, 0, 1, 0]);
    const moved = repairEmptyClusters(assignments, Float64Array.from([0.9, 0.8, 0.1, 0]), Float64Array.from([1, 1, 1, 0]), 3);
    expect(moved).toStrictEqual([1]);
    expect(assignments).toStrictEqual(Int32Array.from([0, 2, 1, 0]));
  });
});

describe('splitRows', () => {
  it('cuts the rows into parts of about equal nonzeros', () => {
    expect(splitRows(Uint32Array.from([0, 1, 2, 3, 10]), 4, 2)).toStrictEqual([0, 3, 4]);
    expect(splitRows(Uint32Array.from([0, 2, 4, 6, 8, 10, 12]), 6, 3)).toStrictEqual([0, 2, 4, 6]);
  });
});

// findSecondThemes and rankWithinThemes: the inputs to each paper's offset from its theme.
import { describe, expect, it } from 'vitest';
import { findSecondThemes, rankWithinThemes } from '../../../pipeline/map/paper-positions.js';
import { clusteringOf, csrOf } from './toy.js';

describe('findSecondThemes', () => {
  it('finds the most similar theme other than the own one, with its cosine', () => {
    // Centroids e0, e1, e2 (one paper each, plus the mixed paper 3 in theme 0).
    const matrix = csrOf([[1, 0, 0], [0, 1, 0], [0, 0, 1], [3, 0, 4]], 3);
    const clustering = { ...clusteringOf(matrix, [0, 1, 2, 0], 3), centroids: Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]) };
    const second = findSecondThemes(matrix, clustering);
    expect(Array.from(second.theme)).toStrictEqual([1, 0, 0, 2]);
    expect(Array.from(second.similarity)).toStrictEqual([0, 0, 0, Math.fround(0.8)]);
  });
});

describe('rankWithinThemes', () => {
  it('ranks papers within each theme by similarity, highest first, ties by row', () => {
    const ranks = rankWithinThemes(Int32Array.from([1, 0, 1, 0, 1]), Float32Array.from([0.2, 0.5, 0.9, 0.7, 0.2]));
    expect(Array.from(ranks)).toStrictEqual([1, 1, 0, 0, 2]);
  });
});

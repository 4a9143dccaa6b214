// Owns the order of papers inside a theme: most similar to the centroid first (computed once, in describe.ts).
import type { Clustering } from '../types.js';

/** Rank of each paper within its theme: 1 = highest similarity; ties go to the lower row index. */
export function rankInTheme(clustering: Pick<Clustering, 'assignments' | 'similarity'>): Int32Array {
  const { assignments, similarity } = clustering;
  const order = Array.from({ length: assignments.length }, (_, i) => i);
  order.sort((a, b) => assignments[a] - assignments[b] || similarity[b] - similarity[a] || a - b);
  const ranks = new Int32Array(assignments.length);
  let previousTheme = -1;
  let rank = 0;
  for (const row of order) {
    rank = assignments[row] === previousTheme ? rank + 1 : 1;
    previousTheme = assignments[row];
    ranks[row] = rank;
  }
  return ranks;
}

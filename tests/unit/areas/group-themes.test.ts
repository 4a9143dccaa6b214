import { describe, expect, it } from 'vitest';
import { centroidSimilarities } from '../../../pipeline/cluster/centroid-similarity.js';
import { groupThemes } from '../../../pipeline/areas/index.js';
import { labelThemes } from '../../../pipeline/label/index.js';
import type { Vocabulary } from '../../../pipeline/types.js';
import { makeCsr } from '../cluster/make-csr.js';

const SURFACES = ['language models', 'tokens', 'long context', 'model merging', 'gaussian splatting', 'rendering', 'point cloud', 'meshes'];
const vocabulary: Vocabulary = {
  terms: SURFACES, surfaces: SURFACES, df: new Uint32Array(SURFACES.length), idf: new Float64Array(SURFACES.length).fill(1)
};

/** Theme t's papers: the area's two shared terms plus the theme's own; themes 0, 1 language, 2, 3 3d. */
function paperRow(theme: number): number[] {
  const row = new Array<number>(SURFACES.length).fill(0);
  const area = theme < 2 ? 0 : 4;
  row[area] = 1;
  row[area + 1] = 1;
  row[area + 2 + (theme % 2)] = 2;
  return row;
}

describe('groupThemes', () => {
  // Sizes 3, 3, 2, 1: the language area (6 papers) is larger than the 3d one (3).
  const assignments = [0, 0, 0, 1, 1, 1, 2, 2, 3];
  const matrix = makeCsr(assignments.map(paperRow));
  const k = 4;
  const sizes = Int32Array.from([3, 3, 2, 1]);
  const centroids = new Float32Array(k * SURFACES.length);
  for (let t = 0; t < k; t++) {
    const row = paperRow(t);
    const norm = Math.hypot(...row);
    row.forEach((v, j) => (centroids[t * SURFACES.length + j] = v / norm));
  }
  const clustering = { k, assignments: Int32Array.from(assignments), sizes, centroids };
  const themeLabels = labelThemes(matrix, vocabulary, clustering, { topTerms: 4 });
  const papers = assignments.map((_, i) => ({ published: `2025-0${1 + (i % 6)}-10`, datePrecision: 'day' as const }));
  const themeXY = Float64Array.from([0, 0, 2, 0, 10, 10, 13, 10]);
  const themeSimilarity = centroidSimilarities(centroids, k, SURFACES.length);
  const result = groupThemes({ matrix, vocabulary, clustering, themeSimilarity, themeLabels, themeXY, papers }, { topTerms: 4, window: 2 });

  it('groups themes whose centroids share terms, numbering areas largest first', () => {
    expect(Array.from(result.areaOfTheme)).toStrictEqual([0, 0, 1, 1]);
    expect(result.areas.map((a) => [a.areaId, a.themes, a.size, a.share])).toStrictEqual([
      [0, [0, 1], 6, 6 / 9],
      [1, [2, 3], 3, 3 / 9]
    ]);
  });

  it('places an area at the paper-weighted mean of its themes', () => {
    expect([result.areas[1].x, result.areas[1].y]).toStrictEqual([(2 * 10 + 1 * 13) / 3, 10]);
  });

  it('names areas by c-TF-IDF over their papers, with labels no theme has', () => {
    const themeNames = new Set(themeLabels.map((l) => l.label));
    // Only each area's own vocabulary is distinctive of it (terms 0..3 language, 4..7 3d).
    expect(result.areas[0].keywords.every((w) => SURFACES.indexOf(w.term) < 4)).toBe(true);
    expect(result.areas[1].keywords.every((w) => SURFACES.indexOf(w.term) >= 4)).toBe(true);
    for (const area of result.areas) expect(themeNames.has(area.label)).toBe(false);
    expect(new Set(result.areas.map((a) => a.label)).size).toBe(2);
  });

  it('scores each area’s trend with its area id', () => {
    expect(result.areas.map((a) => a.trend.themeId)).toStrictEqual([0, 1]);
  });
});

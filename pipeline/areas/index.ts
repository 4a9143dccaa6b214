// The areas stage: groups the k themes into about 6–12 named areas (Ward's tree over the theme
// centroids, cut where the data says, see cut.ts), each labelled by c-TF-IDF over its papers like a
// theme, with its size, map position and trend.
import { labelGroups } from '../label/index.js';
import { computeTrends, type Strata } from '../trends/index.js';
import type { Clustering, CsrMatrix, Paper, ThemeLabel, ThemeTrend, Vocabulary } from '../types.js';
import { chooseAreaCut } from './cut.js';
import { wardLinkage } from './hierarchy.js';

export { areaRange, chooseAreaCut, MAX_AREAS, MIN_AREAS } from './cut.js';
export { cutTree, wardLinkage, type Merge } from './hierarchy.js';

export interface Area {
  /** 0 = the largest area (papers; ties to the one with the lower first theme). */
  areaId: number;
  /** Unique within the run among areas and themes where the keywords allow. */
  label: string;
  keywords: { term: string; weight: number }[];
  /** Its theme ids, ascending. */
  themes: number[];
  size: number;
  share: number;
  /** Paper-weighted mean of its themes' map positions. */
  x: number;
  y: number;
  /** Emerging/fading figures of the area as a whole (trends/emerging.ts); `themeId` holds the area id. */
  trend: ThemeTrend;
}

export interface AreaResult {
  areas: Area[];
  /** Area id of each theme. */
  areaOfTheme: Int32Array;
  /** Ward's cost jump at the chosen cut (cut.ts). */
  jump: number;
}

export interface AreaInput {
  matrix: CsrMatrix;
  vocabulary: Vocabulary;
  clustering: Pick<Clustering, 'k' | 'assignments' | 'sizes'>;
  /** k × k cosines between the theme centroids (the cluster stage's themeSimilarity). */
  themeSimilarity: Float64Array;
  themeLabels: ThemeLabel[];
  themeXY: Float64Array;
  /** With their title and abstract, the areas' labels write words as the papers do (label/casing.ts). */
  papers: (Pick<Paper, 'published' | 'datePrecision'> & Partial<Pick<Paper, 'title' | 'abstract'>>)[];
}

/** Area ids renumbered so 0 is the largest area (by papers; ties to the lower first theme). */
function bySize(areaOfTheme: Int32Array, groups: number, sizes: Int32Array): Int32Array {
  const papers = new Float64Array(groups);
  areaOfTheme.forEach((a, t) => (papers[a] += sizes[t]));
  const order = Array.from({ length: groups }, (_, a) => a).sort((a, b) => papers[b] - papers[a] || a - b);
  const rank = new Int32Array(groups);
  order.forEach((a, r) => (rank[a] = r));
  return areaOfTheme.map((a) => rank[a]);
}

export function groupThemes(input: AreaInput, options: { topTerms: number; window: number | 'auto'; strata?: Strata }): AreaResult {
  const { matrix, clustering, themeLabels, themeXY, papers } = input;
  const { k, sizes, assignments } = clustering;
  const cut = chooseAreaCut(wardLinkage(input.themeSimilarity, sizes, k), k);
  const areaOfTheme = bySize(cut.areaOfTheme, cut.groups, sizes);
  const areaOfPaper = assignments.map((t) => areaOfTheme[t]);
  const textOf = papers.length > 0 && papers[0].title !== undefined ? (row: number) => `${papers[row].title ?? ''}\n${papers[row].abstract ?? ''}` : undefined;
  const labels = labelGroups(matrix, input.vocabulary, areaOfPaper, cut.groups, { topTerms: options.topTerms, textOf },
    new Set(themeLabels.map((l) => l.label)), 'area');
  // Scored as the themes are: at the run's default granularity, over the same windows.
  const { trends } = computeTrends(papers, areaOfPaper, cut.groups, { window: options.window, strata: options.strata });
  const areas = labels.map((l, a): Area => {
    const themes = Array.from({ length: k }, (_, t) => t).filter((t) => areaOfTheme[t] === a);
    const size = themes.reduce((s, t) => s + sizes[t], 0);
    const mean = (axis: 0 | 1) => themes.reduce((s, t) => s + sizes[t] * themeXY[2 * t + axis], 0) / (size || 1);
    return {
      areaId: a, label: l.label, keywords: l.keywords.map(({ term, weight }) => ({ term, weight })), themes, size,
      share: size / Math.max(1, assignments.length), x: mean(0), y: mean(1), trend: trends[a]
    };
  });
  return { areas, areaOfTheme, jump: cut.jump };
}

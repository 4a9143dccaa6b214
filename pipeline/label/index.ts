// Owns the label stage: names each theme from its distinctive c-TF-IDF keywords (surface forms, phrases
// first), keeps labels unique within the run, and lists each theme's most typical papers.
import type { Clustering, CsrMatrix, ThemeLabel, Vocabulary } from '../types.js';
import { classTermTotals, classTfidf } from './ctfidf.js';
import { pickKeywords, pickLabelParts, repeats, type Keyword } from './keywords.js';

export interface LabelOptions {
  /** Keywords kept per theme. */
  topTerms: number;
  /** Papers listed as typical per theme (default 10). */
  typical?: number;
}

/**
 * One ThemeLabel per theme id 0..k-1. A label that an earlier theme already has is extended with the
 * theme's next keyword that does not repeat a part of it, until it is unique (as a last resort the theme
 * id is appended).
 */
export function labelThemes(
  matrix: CsrMatrix, vocabulary: Vocabulary, clustering: Clustering, options: LabelOptions
): ThemeLabel[] {
  const { k, assignments } = clustering;
  const weights = classTfidf(classTermTotals(matrix, assignments, k), k, matrix.nCols, 'distinctive');
  const keys = vocabulary.terms;
  const typical = typicalPapers(clustering, options.typical ?? 10);
  const used = new Set<string>();
  const labels: ThemeLabel[] = [];
  for (let c = 0; c < k; c++) {
    const keywords = pickKeywords(weights.subarray(c * matrix.nCols, (c + 1) * matrix.nCols), keys, options.topTerms);
    const label = uniqueLabel(pickLabelParts(keywords, keys, vocabulary.surfaces), keywords, vocabulary, used, c);
    used.add(label);
    labels.push({
      themeId: c,
      label,
      keywords: keywords.map((kw) => ({ term: vocabulary.surfaces[kw.term], weight: kw.weight })),
      typical: typical[c]
    });
  }
  return labels;
}

function uniqueLabel(parts: number[], keywords: Keyword[], vocabulary: Vocabulary, used: Set<string>, themeId: number): string {
  const text = () => parts.map((t) => vocabulary.surfaces[t]).join(', ');
  for (const kw of keywords) {
    if (parts.length > 0 && !used.has(text())) return text();
    if (!parts.some((t) => repeats(vocabulary.terms[t], vocabulary.terms[kw.term]))) parts.push(kw.term);
  }
  if (parts.length > 0 && !used.has(text())) return text();
  return parts.length > 0 ? `${text()} (theme ${themeId})` : `theme ${themeId}`;
}

/** Per theme, its papers' row indices by similarity desc (ties: lower row first), at most `count`. */
export function typicalPapers(clustering: Pick<Clustering, 'k' | 'assignments' | 'similarity'>, count: number): number[][] {
  const { k, assignments, similarity } = clustering;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < assignments.length; i++) members[assignments[i]].push(i);
  return members.map((rows) => rows.sort((a, b) => similarity[b] - similarity[a] || a - b).slice(0, count));
}

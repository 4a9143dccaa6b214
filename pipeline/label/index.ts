// Owns the label stage: names each theme from its distinctive c-TF-IDF keywords (surface forms, phrases
// first) and keeps labels unique within the run.
import type { Clustering, CsrMatrix, ThemeLabel, Vocabulary } from '../types.js';
import { classTermTotals, distinctiveTfidf } from './ctfidf.js';
import { pickKeywords, pickLabelParts, repeats, type Keyword } from './keywords.js';

export interface LabelOptions {
  /** Keywords kept per theme. */
  topTerms: number;
}

/** Distinctive terms handed on per theme for burst detection (more than the keywords shown). */
export const BURST_CANDIDATES = 40;

/**
 * One ThemeLabel per theme id 0..k-1. A label that an earlier theme already has is extended with the
 * theme's next keyword that does not repeat a part of it, until it is unique (as a last resort the theme
 * id is appended).
 */
export function labelThemes(
  matrix: CsrMatrix, vocabulary: Vocabulary, clustering: Pick<Clustering, 'k' | 'assignments'>, options: LabelOptions
): ThemeLabel[] {
  return labelGroups(matrix, vocabulary, clustering.assignments, clustering.k, options);
}

/**
 * Labels groups 0..k−1 of papers (`groupOf` per paper row: themes, or the areas above them) the same
 * way; a label in `taken` (e.g. the themes' labels when naming areas) counts as used.
 */
export function labelGroups(
  matrix: CsrMatrix, vocabulary: Vocabulary, groupOf: Int32Array, k: number, options: LabelOptions,
  taken: ReadonlySet<string> = new Set(), noun: 'theme' | 'area' = 'theme'
): ThemeLabel[] {
  const weights = distinctiveTfidf(classTermTotals(matrix, groupOf, k), k, matrix.nCols);
  const keys = vocabulary.terms;
  const used = new Set(taken);
  const labels: ThemeLabel[] = [];
  for (let c = 0; c < k; c++) {
    const themeWeights = weights.subarray(c * matrix.nCols, (c + 1) * matrix.nCols);
    const keywords = pickKeywords(themeWeights, keys, options.topTerms);
    const label = uniqueLabel(pickLabelParts(keywords, keys, vocabulary.surfaces), keywords, vocabulary, used, `${noun} ${c}`);
    used.add(label);
    labels.push({
      themeId: c,
      label,
      keywords: keywords.map((kw) => ({ term: vocabulary.surfaces[kw.term], weight: kw.weight, column: kw.term })),
      distinctiveTerms: pickKeywords(themeWeights, keys, BURST_CANDIDATES).map((kw) => kw.term)
    });
  }
  return labels;
}

function uniqueLabel(parts: number[], keywords: Keyword[], vocabulary: Vocabulary, used: Set<string>, fallback: string): string {
  const text = () => parts.map((t) => vocabulary.surfaces[t]).join(', ');
  for (const kw of keywords) {
    if (parts.length > 0 && !used.has(text())) return text();
    if (!parts.some((t) => repeats(vocabulary.terms[t], vocabulary.terms[kw.term]))) parts.push(kw.term);
  }
  if (parts.length > 0 && !used.has(text())) return text();
  return parts.length > 0 ? `${text()} (${fallback})` : fallback;
}

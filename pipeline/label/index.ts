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
  const { k, assignments } = clustering;
  const weights = distinctiveTfidf(classTermTotals(matrix, assignments, k), k, matrix.nCols);
  const keys = vocabulary.terms;
  const used = new Set<string>();
  const labels: ThemeLabel[] = [];
  for (let c = 0; c < k; c++) {
    const themeWeights = weights.subarray(c * matrix.nCols, (c + 1) * matrix.nCols);
    const keywords = pickKeywords(themeWeights, keys, options.topTerms);
    const label = uniqueLabel(pickLabelParts(keywords, keys, vocabulary.surfaces), keywords, vocabulary, used, c);
    used.add(label);
    labels.push({
      themeId: c,
      label,
      keywords: keywords.map((kw) => ({ term: vocabulary.surfaces[kw.term], weight: kw.weight })),
      distinctiveTerms: pickKeywords(themeWeights, keys, BURST_CANDIDATES).map((kw) => kw.term)
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

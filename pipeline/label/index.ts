// Owns the label stage: names each theme from its distinctive c-TF-IDF keywords (surface forms, phrases
// first) and keeps labels unique within the run.
import type { Clustering, CsrMatrix, ThemeLabel, Vocabulary } from '../types.js';
import { classTermTotals, distinctiveTfidf } from './ctfidf.js';
import { pickKeywords, pickLabelParts, repeats, type Keyword } from './keywords.js';
import { applyCasing, CASING_SAMPLE, surfaceWords, wordCasing } from './casing.js';
import { COMPLETION_SAMPLE, completePhrase, MAX_COMPLETION_WORDS, phraseText, wordCount } from './complete-phrases.js';

export interface LabelOptions {
  /** Keywords kept per theme. */
  topTerms: number;
  /** Paper row → its title and abstract as written: labels and keywords then write words as the papers do ("CoT", not "cot"; casing.ts). */
  textOf?: (row: number) => string;
  /**
   * The vocabulary's longest phrase, in words (--ngram-max): with textOf, a phrase of this length that
   * its papers nearly always continue with one word is written with it (complete-phrases.ts), in
   * vocabulary.surfaces itself, so that every later stage and table shows it so.
   */
  ngramMax?: number;
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
  // Labels are made and kept unique in lower case (the vocabulary's), and written as the papers write them last.
  const used = new Set([...taken].map((label) => label.toLowerCase()));
  const labels: ThemeLabel[] = [];
  const rowsOf = options.textOf === undefined ? null : groupRows(groupOf, k);
  const seen = new Int32Array(rowsOf === null ? 0 : matrix.nCols).fill(-1);
  const picked = Array.from({ length: k }, (_, c) => {
    const themeWeights = weights.subarray(c * matrix.nCols, (c + 1) * matrix.nCols);
    return { keywords: pickKeywords(themeWeights, keys, options.topTerms), distinctive: pickKeywords(themeWeights, keys, BURST_CANDIDATES) };
  });
  if (rowsOf !== null && options.ngramMax !== undefined && options.ngramMax > 1) {
    completeCutPhrases(matrix, vocabulary, rowsOf, picked.map((p) => p.distinctive.map((kw) => kw.term)), options.ngramMax, options.textOf!, seen);
  }
  for (let c = 0; c < k; c++) {
    const { keywords, distinctive } = picked[c];
    const label = uniqueLabel(pickLabelParts(keywords, keys, vocabulary.surfaces), keywords, vocabulary, used, `${noun} ${c}`);
    used.add(label);
    const casing = rowsOf === null ? new Map<string, string>()
      : wordCasing(rowsHolding(matrix, rowsOf[c], keywords.map((kw) => kw.term), CASING_SAMPLE, seen).map(options.textOf!),
        surfaceWords(keywords.map((kw) => vocabulary.surfaces[kw.term])));
    labels.push({
      themeId: c,
      label: applyCasing(label, casing),
      keywords: keywords.map((kw) => ({ term: applyCasing(vocabulary.surfaces[kw.term], casing), weight: kw.weight, column: kw.term })),
      distinctiveTerms: distinctive.map((kw) => kw.term)
    });
  }
  return labels;
}

/**
 * Each group's distinctive phrases of `ngramMax` words (its keywords among them) written whole where
 * a few of the group's papers that hold one nearly always continue it with one word
 * (complete-phrases.ts): vocabulary.surfaces is changed in place. A phrase distinctive of several
 * groups is read in the first one's papers.
 */
function completeCutPhrases(matrix: CsrMatrix, vocabulary: Vocabulary, rowsOf: number[][], termsOf: number[][], ngramMax: number,
  textOf: (row: number) => string, seen: Int32Array): void {
  const done = new Set<number>();
  for (let c = 0; c < termsOf.length; c++) {
    const terms = termsOf[c].filter((t) => !done.has(t) && wordCount(vocabulary.surfaces[t]) === ngramMax);
    if (terms.length === 0) continue;
    for (const t of terms) done.add(t);
    const textsOf = new Map<number, string[]>(terms.map((t) => [t, []]));
    for (const row of rowsHolding(matrix, rowsOf[c], terms, COMPLETION_SAMPLE, seen)) {
      const text = phraseText(textOf(row));
      for (let p = matrix.indptr[row]; p < matrix.indptr[row + 1]; p++) {
        const texts = textsOf.get(matrix.indices[p]);
        if (texts !== undefined && texts.length < COMPLETION_SAMPLE) texts.push(text);
      }
    }
    for (const [t, texts] of textsOf) {
      // Up to MAX_COMPLETION_WORDS more ("benchmarking multimodal large" → "… language" → "… language models").
      for (let added = 0, whole: string | null; added < MAX_COMPLETION_WORDS && (whole = completePhrase(vocabulary.surfaces[t], texts)) !== null; added++) {
        vocabulary.surfaces[t] = whole;
      }
    }
  }
}

/** The rows of each group 0..k−1, in row order. */
function groupRows(groupOf: Int32Array, k: number): number[][] {
  const out: number[][] = Array.from({ length: k }, () => []);
  for (let row = 0; row < groupOf.length; row++) if (groupOf[row] >= 0 && groupOf[row] < k) out[groupOf[row]].push(row);
  return out;
}

/**
 * Of `rows` (in order), up to `n` holding each of `columns`: the papers that write each keyword, for
 * its casing. `seen` (one slot per column, all −1) counts them and is left all −1 again.
 */
function rowsHolding(matrix: Pick<CsrMatrix, 'indptr' | 'indices'>, rows: readonly number[], columns: readonly number[], n: number,
  seen: Int32Array): number[] {
  for (const c of columns) seen[c] = 0;
  const out: number[] = [];
  let open = new Set(columns).size;
  const { indptr, indices } = matrix;
  for (let r = 0; r < rows.length && open > 0; r++) {
    const row = rows[r];
    let taken = false;
    for (let p = indptr[row]; p < indptr[row + 1]; p++) {
      const c = indices[p];
      if (seen[c] < 0 || seen[c] >= n) continue;
      if (++seen[c] === n) open--;
      taken = true;
    }
    if (taken) out.push(row);
  }
  for (const c of columns) seen[c] = -1;
  return out;
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

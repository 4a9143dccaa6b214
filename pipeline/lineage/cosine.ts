// Owns the centroid evidence of lineage: each theme's stored keyword profile (theme_terms: its top
// c-TF-IDF terms and weights, the part of the centroid that runs keep) and the cosine of two profiles.
import { searchTokens } from '../tokenise/search-tokens.js';

/** Term key → weight. Keys are stem keys, so "model merging" and "model merge" are one term. */
export type TermWeights = ReadonlyMap<string, number>;

/**
 * The key of a keyword as written (surface form): the search keys of its words (lower case, Porter
 * stem per hyphen part, pipeline/tokenise/search-tokens.ts), space-joined; the lower-cased text
 * when no word is searchable. Runs may pick different surface forms of one stem; the key is the same.
 */
export function termKey(surface: string): string {
  const keys = searchTokens(surface, 'porter').map((t) => t.key);
  return keys.length > 0 ? keys.join(' ') : surface.toLowerCase();
}

/** A theme's keyword profile from its terms (weights of two surface forms with one key add up). */
export function keywordWeights(terms: readonly { term: string; weight: number }[]): TermWeights {
  const weights = new Map<string, number>();
  for (const { term, weight } of terms) {
    const key = termKey(term);
    weights.set(key, (weights.get(key) ?? 0) + weight);
  }
  return weights;
}

/** Each theme's keyword profile from its theme_terms rows (any order within a theme: weights add up). */
export function keywordProfiles(rows: readonly { themeId: number; term: string; weight: number }[]): Map<number, TermWeights> {
  const byTheme = new Map<number, { term: string; weight: number }[]>();
  for (const r of rows) {
    const list = byTheme.get(r.themeId);
    if (list) list.push(r);
    else byTheme.set(r.themeId, [r]);
  }
  return new Map([...byTheme].map(([id, list]) => [id, keywordWeights(list)]));
}

/**
 * cos(a, b) = Σ_t a_t·b_t / (‖a‖·‖b‖): the sum runs over the terms in both profiles (the shared
 * vocabulary; a term a profile lacks weighs 0 there), the norms over each whole profile. 0 when
 * either profile is empty or all zero. A term one profile has and the other lacks is the same term
 * as one the other has whole with words added after it, when neither has a term of its own to match
 * ("multimodal large language" and "multimodal large language models": the label stage writes a
 * phrase cut at --ngram-max whole, label/complete-phrases.ts, so a run from before that, or one whose
 * papers completed it otherwise, wrote it shorter; theme 8 of the 74.7k run read 0.69 against itself).
 */
export function keywordCosine(a: TermWeights, b: TermWeights): number {
  let dot = 0;
  const unmatchedB = [...b.keys()].filter((t) => !a.has(t));
  for (const [term, w] of a) {
    const exact = b.get(term);
    if (exact !== undefined) {
      dot += w * exact;
      continue;
    }
    const i = unmatchedB.findIndex((t) => t.startsWith(`${term} `) || term.startsWith(`${t} `));
    if (i < 0) continue;
    dot += w * b.get(unmatchedB[i])!;
    unmatchedB.splice(i, 1);
  }
  const norm = (p: TermWeights) => Math.sqrt([...p.values()].reduce((s, w) => s + w * w, 0));
  const denominator = norm(a) * norm(b);
  return denominator > 0 ? dot / denominator : 0;
}

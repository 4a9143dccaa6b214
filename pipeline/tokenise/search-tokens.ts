// Owns the words of full-text search, shared by the pipeline (indexing titles and abstracts) and the
// dashboard (reading queries and marking hits), so both cut and normalise a word identically: the
// tokeniser's scanner (token-scanner.ts), lower case, its content-word rule (word-table.ts
// isContentToken) and a stem key per hyphen part — inflection only (porter-stemmer.ts
// inflectionStem) in runs made since 2026-12-04, full Porter (word-table.ts stemKey) in runs before,
// whose stored index has those keys: a run says which in runs.metrics.searchStem (absent: porter).
import { inflectionStem, porterStem } from './porter-stemmer.js';
import { TokenScanner } from './token-scanner.js';
import { isContentToken, stemKey } from './word-table.js';

/** How a run's search keys are stemmed: 'inflection' (plural, past, gerund) since 2026-12-04; 'porter' before. */
export type SearchStem = 'porter' | 'inflection';
/** What a new run's index is stemmed with. */
export const SEARCH_STEM: SearchStem = 'inflection';

/** A run's search stem from its runs.metrics (absent in runs made before inflection stems: porter). */
export function searchStemOf(metrics: { searchStem?: unknown } | null | undefined): SearchStem {
  return metrics?.searchStem === 'inflection' ? 'inflection' : 'porter';
}

/** The stemmer of each search stem (word-table.ts stemKey applies it per hyphen part). */
export const STEMMERS: Record<SearchStem, (word: string) => string> = { porter: porterStem, inflection: inflectionStem };

export interface SearchToken {
  /** The search key: stem key of the lower-cased word, or the word itself for "c++"-like words. */
  key: string;
  /** The lower-cased word as written (for prefix matching of the word being typed). */
  word: string;
  /** The word is text[start, end). */
  start: number;
  end: number;
}

// Stems cost ~1 µs each; a server repeats query words. Bounded, then cleared; one per stem.
const caches: Record<SearchStem, Map<string, string | null>> = { porter: new Map(), inflection: new Map() };
const CACHE_LIMIT = 100_000;

/** Search key of one lower-cased word, or null when the word is not searchable (stop word, number, too short or long). */
export function searchKey(word: string, stem: SearchStem = SEARCH_STEM): string | null {
  const cache = caches[stem];
  let key = cache.get(word);
  if (key !== undefined) return key;
  key = isContentToken(word) ? stemKey(word, STEMMERS[stem]) : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

const PLUS = 0x2b;
const HASH = 0x23;

/**
 * Length of a "++" or "#" right after a token of one or two characters ("c++", "c#", "f#"), else 0.
 * These are the one exception to the rule against symbols: kept whole and unstemmed, so "C++"
 * finds papers that write C++ and not every paper with the letter c (too short to be a word).
 */
export function symbolSuffix(text: string, start: number, end: number): number {
  if (end - start > 2) return 0;
  if (text.charCodeAt(end) === PLUS && text.charCodeAt(end + 1) === PLUS) return 2;
  return text.charCodeAt(end) === HASH ? 1 : 0;
}

const scanner = new TokenScanner();

/**
 * The searchable words of a text, in order, with their positions in `text`. A hyphenated word also
 * gives each of its parts ("long-context" → "long-context", "long", "context"), so that "long
 * context" finds "long-context" and "long-context" finds it exactly.
 */
export function searchTokens(text: string, stem: SearchStem = SEARCH_STEM): SearchToken[] {
  const tokens: SearchToken[] = [];
  // Positions are the lower-cased text's: the same as the text's except for the few characters
  // whose lower case is longer (e.g. "İ"), where a mark may be shifted.
  const lower = text.toLowerCase();
  scanner.reset(lower);
  while (scanner.next()) {
    const { start } = scanner;
    const end = scanner.end + symbolSuffix(lower, start, scanner.end);
    const word = lower.slice(start, end);
    const key = end > scanner.end ? word : searchKey(word, stem);
    if (key !== null) tokens.push({ key, word, start, end });
    if (!word.includes('-')) continue;
    let at = start;
    for (const part of word.split('-')) {
      const partKey = searchKey(part, stem);
      if (partKey !== null) tokens.push({ key: partKey, word: part, start: at, end: at + part.length });
      at += part.length + 1;
    }
  }
  return tokens;
}

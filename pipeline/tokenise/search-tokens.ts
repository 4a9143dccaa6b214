// Owns the words of full-text search, shared by the pipeline (indexing titles and abstracts) and the
// dashboard (reading queries and marking hits), so both cut and normalise a word identically: the
// tokeniser's scanner (token-scanner.ts), lower case, its content-word rule and stem key
// (word-table.ts isContentToken, stemKey: Porter per hyphen part).
import { TokenScanner } from './token-scanner.js';
import { isContentToken, stemKey } from './word-table.js';

export interface SearchToken {
  /** The search key: stem key of the lower-cased word, or the word itself for "c++"-like words. */
  key: string;
  /** The lower-cased word as written (for prefix matching of the word being typed). */
  word: string;
  /** The word is text[start, end). */
  start: number;
  end: number;
}

// Stems cost ~1 µs each; a server repeats query words. Bounded, then cleared.
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 100_000;

/** Search key of one lower-cased word, or null when the word is not searchable (stop word, number, too short or long). */
export function searchKey(word: string): string | null {
  let key = cache.get(word);
  if (key !== undefined) return key;
  key = isContentToken(word) ? stemKey(word) : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

/**
 * Search keys already known for words (`key` = stemKey(word) for a content word, null otherwise, as
 * the tokeniser's word table decides them): `npm run assign` tokenises the same texts first, so the
 * index build need not stem them again.
 */
export function rememberSearchKeys(words: readonly string[], keys: readonly (string | null)[]): void {
  for (let i = 0; i < words.length && cache.size < CACHE_LIMIT; i++) cache.set(words[i], keys[i]);
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
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  // Positions are the lower-cased text's: the same as the text's except for the few characters
  // whose lower case is longer (e.g. "İ"), where a mark may be shifted.
  const lower = text.toLowerCase();
  scanner.reset(lower);
  while (scanner.next()) {
    const { start } = scanner;
    const end = scanner.end + symbolSuffix(lower, start, scanner.end);
    const word = lower.slice(start, end);
    const key = end > scanner.end ? word : searchKey(word);
    if (key !== null) tokens.push({ key, word, start, end });
    if (!word.includes('-')) continue;
    let at = start;
    for (const part of word.split('-')) {
      const partKey = searchKey(part);
      if (partKey !== null) tokens.push({ key: partKey, word: part, start: at, end: at + part.length });
      at += part.length + 1;
    }
  }
  return tokens;
}

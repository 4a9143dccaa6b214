// Owns the words of full-text search, shared by the pipeline (indexing titles and abstracts) and the
// dashboard (reading queries and marking hits), so both normalise a word identically: lower case,
// the tokeniser's content-token rule (isContentToken) and stem key (stemKey, Porter per hyphen part).
import { isContentToken, stemKey } from './word-table.js';

/**
 * A word: letters, marks and digits, joined by an inner hyphen before a letter ("state-of-the-art",
 * "gpt-4" keeps its digit part through the dot/slash rules of token-scanner.ts as "gpt-4"), a dot
 * between digits ("qwen2.5") or a slash before a digit ("vit-b/16"). A trailing "++" or "#" is part
 * of a word of one or two letters ("c++", "c#", "f#"): those keys are kept unstemmed, so "C++"
 * finds papers that write C++ and not every paper with the letter c (which is too short to index).
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:-(?=[\p{L}\p{M}\p{N}])|(?<=\p{N})\.(?=\p{N})|\/(?=\p{N}))[\p{L}\p{M}\p{N}]+)*(?:\+\+|#)?/gu;
const SYMBOL_WORD = /^[\p{L}]{1,2}(?:\+\+|#)$/u;

export interface SearchToken {
  /** The search key: stem key of the lower-cased word, or the word itself for "c++"-like words. */
  key: string;
  /** The lower-cased word as written (for prefix matching of the word being typed). */
  word: string;
  /** The word is text[start, end). */
  start: number;
  end: number;
}

// Stems cost ~1 µs each; a corpus repeats words, a server repeats queries. Bounded, then cleared.
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 500_000;

/** Search key of one lower-cased word, or null when the word is not searchable (stop word, number, too short or long). */
export function searchKey(word: string): string | null {
  let key = cache.get(word);
  if (key !== undefined) return key;
  // A "c++"-like word is the one exception to the rule against symbols; anything else as the tokeniser decides.
  const base = word.replace(/(?:\+\+|#)$/, '');
  if (SYMBOL_WORD.test(word)) key = word;
  else key = isContentToken(base) ? stemKey(base) : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

/**
 * The searchable words of a text, in order, with their positions in `text`. A hyphenated word also
 * gives each of its parts ("long-context" → "long-context", "long", "context"), so that "long
 * context" finds "long-context" and "long-context" finds it exactly.
 */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    const start = match.index;
    const key = searchKey(word);
    if (key !== null) tokens.push({ key, word, start, end: start + match[0].length });
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

/**
 * The words of a text as searchTokens finds them (hyphenated words and their parts), lower-cased,
 * without positions or keys: for indexing, where the caller maps each distinct word to its key once.
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    words.push(word);
    if (word.includes('-')) words.push(...word.split('-'));
  }
  return words;
}

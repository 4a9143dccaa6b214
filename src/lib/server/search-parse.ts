// Owns what a search query means (pure, no database): its words, each normalised like the index
// (pipeline/tokenise/search-tokens.ts), its quoted phrases, and the word being typed (a prefix).
// AND by default: every word must match, in the title or the abstract.
import { SEARCH_STEM, searchTokens, type SearchStem } from '../../../pipeline/tokenise/search-tokens.js';

export interface QueryWord {
  /** Search key (stem key) to match exactly. */
  key: string;
  /** For the last word typed (no space after it, not in quotes): the word as written; any key starting with it also matches. */
  prefix: string | null;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Keys of the words written with a leading minus ("-diffusion"): a paper holding one is left out. */
  excluded: string[];
  /** Quoted phrases of two or more words: the words as written, lower-cased, in order. */
  phrases: string[][];
  /** Quoted phrases written with a minus before the quote (-"code generation"): a paper holding one is left out. */
  excludedPhrases: string[][];
  /**
   * The words of a query written without quotes, as written, when there are two or more ("model
   * merging"): papers holding them in this order rank first (search-index.ts); the last one also as
   * a prefix when it is being typed (nearPrefix).
   */
  near: string[] | null;
  nearPrefix: boolean;
}

/** A word of a phrase as written: letters and digits, with inner hyphens, dots, slashes, "++" or "#". */
const PHRASE_WORD = /[\p{L}\p{M}\p{N}]+(?:[-./][\p{L}\p{M}\p{N}]+)*(?:\+\+|#)?/gu;

/**
 * A word written with a leading minus at the query's start or after a space: "-diffusion", "-long-context",
 * "-c++"; as a phrase word is written, so trailing punctuation ("-videos,") stays out of it.
 */
const EXCLUDED_WORD = /(^|\s)-([\p{L}\p{M}\p{N}]+(?:[-./][\p{L}\p{M}\p{N}]+)*(?:\+\+|#)?)/gu;

/** Words per query at most; the rest are ignored (a query is at most 200 characters anyway). */
export const MAX_WORDS = 12;

/**
 * Quoted phrases per query at most, required and excluded together; the rest are ignored, as words
 * past MAX_WORDS are, and a phrase written twice counts once. Each is a regexp over the text of every
 * paper holding the query's words: 22 excluded phrases beside "model" read 61k abstracts 22 times,
 * ~16 s of a server's CPU for one request (review of 2026-12-05).
 */
export const MAX_PHRASES = 4;

/**
 * Parses a query: `"..."` is a phrase (its words must also appear in this order, separated only by
 * spaces or punctuation); other words match anywhere. The last unquoted word, when the query does
 * not end in a space or quote, also matches as a prefix ("transfor" finds "transformer"; a
 * hyphenated one whole and by its last part, "GPT-4" finds "GPT-4o"). Stop
 * words, numbers and one-letter words are dropped as the index drops them; "c++" and "c#" stay. A
 * word written with a leading minus ("-diffusion") leaves out the papers that hold it (its exact key),
 * and so does a phrase ('-"code generation"': its words in order).
 */
export function parseQuery(q: string, stem: SearchStem = SEARCH_STEM): ParsedQuery {
  const words: QueryWord[] = [];
  const excluded: string[] = [];
  const phrases: string[][] = [];
  const excludedPhrases: string[][] = [];
  const seen = new Set<string>();
  const unquoted: string[] = [];
  const phraseIds = new Set<string>();
  /** Whether one more phrase is taken (not one already taken, and fewer than MAX_PHRASES so far). */
  const takePhrase = (sign: string, written: string[]) => {
    const id = `${sign}${written.join(' ')}`;
    if (phraseIds.has(id) || phraseIds.size >= MAX_PHRASES) return false;
    phraseIds.add(id);
    return true;
  };
  const add = (key: string, prefix: string | null) => {
    const id = `${key}\u0000${prefix ?? ''}`;
    if (seen.has(id) || words.length >= MAX_WORDS) return;
    seen.add(id);
    words.push({ key, prefix });
  };
  // Split into quoted and unquoted parts; an unclosed quote runs to the end.
  const parts = q.split('"');
  parts.forEach((whole, i) => {
    const quoted = i % 2 === 1;
    // "-word" at the start of a word (not "long-context"): that word excludes; the rest is searched.
    const part = quoted ? whole : whole.replace(EXCLUDED_WORD, (_m, before: string, word: string) => {
      // The word whole (a hyphenated one's first token; the lower case may be longer, "İ").
      const token = searchTokens(word, stem).find((t) => t.start === 0 && t.end === word.toLowerCase().length);
      if (token !== undefined && !excluded.includes(token.key)) excluded.push(token.key);
      return `${before} `;
    });
    const tokens = searchTokens(part, stem);
    // A minus right before the quote, at the query's start or after a space: the phrase leaves papers
    // out (read as a required phrase, it did the opposite of what was asked).
    if (quoted && /(^|\s)-$/.test(parts[i - 1])) {
      const written = part.toLowerCase().match(PHRASE_WORD) ?? [];
      if (written.length >= 2) {
        if (takePhrase('-', written)) excludedPhrases.push(written);
      } else {
        // One word: that word whole, a hyphenated one too (-"long-context" had left nothing out: its parts made it no single token).
        const whole = tokens.find((t) => t.word === written[0]);
        if (written.length === 1 && whole !== undefined && !excluded.includes(whole.key)) excluded.push(whole.key);
      }
      return;
    }
    if (quoted) {
      for (const t of tokens) add(t.key, null);
      // The phrase as written (stop words included: "state of the art"), checked against the text.
      const written = part.toLowerCase().match(PHRASE_WORD) ?? [];
      if (written.length >= 2 && tokens.length > 0 && takePhrase('+', written)) phrases.push(written);
      return;
    }
    const typing = i === parts.length - 1 && parts.length % 2 === 1 && /[\p{L}\p{M}\p{N}+#]$/u.test(part);
    // The word being typed is every token that ends where the query does: a hyphenated word whole
    // and its last part ("gpt-4" finds "gpt-4o"; "long-conte" finds "long-context").
    for (const t of tokens) add(t.key, typing && t.end === part.length ? t.word : null);
    if (part.trim() !== '') unquoted.push(part);
  });
  // The words in order, when the query is one stretch of unquoted words (no quote to say which order is meant).
  const written = unquoted.length === 1 && phrases.length === 0 && excludedPhrases.length === 0 ? unquoted[0].toLowerCase().match(PHRASE_WORD) ?? [] : [];
  const near = written.length >= 2 && words.length >= 2 ? written : null;
  return { words, excluded, phrases, excludedPhrases, near, nearPrefix: near !== null && words.some((w) => w.prefix !== null) };
}

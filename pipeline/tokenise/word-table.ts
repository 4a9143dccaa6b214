// Owns the words of a corpus: each distinct lower-cased token gets an id once, with its decision
// (dropped, or the id of its stem key) cached, so the stemmer and the stop list run once per word.
import { porterStem } from './porter-stemmer.js';
import { ensureCapacity } from './grow.js';
import { isMisreadWord } from './english-words.js';
import { STOP_WORDS } from './stop-words.js';

/** Word and key ids must fit in 22 bits: n-gram keys pack them into one exact double (see term-table.ts). */
export const ID_BITS = 22;
export const ID_LIMIT = 2 ** ID_BITS;

// Pure numbers, dates and versions ("2024", "0.5", "3/4", "2024-05") say nothing about a theme.
const NUMBER = /^[\p{N}./-]+$/u;
/**
 * Word endings that are no word: what is left of a word broken across lines without a hyphen
 * ("computa tion", "learn ing"). Endings that are also words or names stay out: "less", "able",
 * "ship", "ising" (the Ising model), "al" (et al. is a stop word anyway), "er", "ed", "ic".
 */
const FRAGMENTS = new Set(['tion', 'tions', 'sion', 'sions', 'ing', 'ings', 'ment', 'ments', 'ness', 'ity', 'ities',
  'ance', 'ances', 'ence', 'ences', 'ous', 'ously', 'ally', 'ical', 'ically', 'ation', 'ations', 'ization',
  'izations', 'isation', 'izing', 'ive', 'ives', 'ively', 'ture', 'tures', 'bility', 'ful', 'ism', 'ists']);

/**
 * Whether a token can be a term: 2 to 40 characters, not a stop word, not a number, not a broken
 * word's ending, not a word misread with digits ("calculat10n"; see english-words.ts).
 */
export function isContentToken(token: string): boolean {
  return token.length >= 2 && token.length <= 40 && !STOP_WORDS.has(token) && !NUMBER.test(token) &&
    !FRAGMENTS.has(token) && !isMisreadWord(token);
}

/**
 * Matching key of a word: the stem (Porter's, or the search index's: search-tokens.ts) of each
 * hyphen-separated part, so "multi-agents" and "multi-agent" meet at "multi-agent" (stemming the
 * whole string would measure the syllables of all parts and cut "agent" to "ag").
 */
export function stemKey(token: string, stem: (word: string) => string = porterStem): string {
  if (!token.includes('-')) return stem(token);
  return token.split('-').map((part) => stem(part)).join('-');
}

export class WordTable {
  // Open addressing, looked up by a span of the text and its hash, so that a token becomes a string
  // only the first time the corpus shows it. Slot s holds the hash at [2s] and the word id at
  // [2s + 1] (-1 = empty): a probe reads one place, not a slot and then the id's hash elsewhere.
  private slots = new Int32Array(1 << 17).fill(-1);
  private hashes = new Int32Array(1024);
  private readonly keyIds = new Map<string, number>();
  /** Surface string of each word id. */
  readonly words: string[] = [];
  /** Stem key of each key id. */
  readonly keys: string[] = [];
  /** Key id of each word id, or -1 when the word is not a content token. */
  keyOf = new Int32Array(1024);
  /** Occurrences of each word id as a content token (for choosing surface forms). */
  counts = new Uint32Array(1024);

  /** `withKeys` false: words only, keyOf stays -1 (the search index makes its own keys, search-tokens.ts). */
  constructor(private readonly withKeys = true) {}

  /** Word id of `text[start, end)` whose FNV-1a hash is `hash`, interning it on first sight. */
  idOfSpan(text: string, start: number, end: number, hash: number): number {
    const { slots, words } = this;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    let slot = hash & mask;
    for (let id = slots[2 * slot + 1]; id >= 0; id = slots[2 * slot + 1]) {
      if (slots[2 * slot] === hash && words[id].length === length && text.startsWith(words[id], start)) return id;
      slot = (slot + 1) & mask;
    }
    // V8 makes a slice of 13 or more characters a view that keeps the whole abstract alive;
    // split + join copies it (exactly, code unit by code unit).
    const word = length < 13 ? text.slice(start, end) : text.slice(start, end).split('').join('');
    return this.intern(word, hash, slot);
  }

  private intern(word: string, hash: number, slot: number): number {
    const id = this.words.length;
    if (id >= ID_LIMIT) throw new RangeError(`tokenise: more than ${ID_LIMIT} distinct words`);
    this.words.push(word);
    if (id >= this.keyOf.length) {
      this.hashes = ensureCapacity(this.hashes, id + 1);
      this.keyOf = ensureCapacity(this.keyOf, id + 1);
      this.counts = ensureCapacity(this.counts, id + 1);
    }
    this.hashes[id] = hash;
    this.keyOf[id] = this.withKeys && isContentToken(word) ? this.internKey(stemKey(word)) : -1;
    [this.slots[2 * slot], this.slots[2 * slot + 1]] = [hash, id];
    if (this.words.length * 4 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = (this.slots.length >> 1) - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & mask;
      while (this.slots[2 * slot + 1] >= 0) slot = (slot + 1) & mask;
      [this.slots[2 * slot], this.slots[2 * slot + 1]] = [this.hashes[id], id];
    }
  }

  /** Key id of stem key `key`, interned on first sight (also by the merge of other chunks' keys). */
  internKey(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keys.length;
      if (id >= ID_LIMIT) throw new RangeError(`tokenise: more than ${ID_LIMIT} distinct stem keys`);
      this.keyIds.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

// Owns the interning of terms (stem-key unigrams, two- and three-word phrases) to ids in order of
// first occurrence. Surface forms are counted later, only for the terms that need a label
// (surface-counts.ts), from the word stream that chunk.ts records.
import type { TermRefs } from './chunk-data.js';
import { ensureCapacity } from './grow.js';
import { NumberMap } from './number-map.js';
import { ID_LIMIT, type WordTable } from './word-table.js';

// Why numeric keys: a corpus of 75k abstracts has millions of distinct phrases; keying them by
// strings would build a string per occurrence. A phrase's key packs into one exact double below 2^53:
//   bigram = key1 · 2^22 + key2        trigram = bigramTerm · 2^22 + key3
// (stem key ids < 2^22, terms < 2^31).
const TERM_LIMIT = 2 ** 31;

/** Term id of every rare phrase, in a table made for the rare-phrase filter (phrase-sketch.ts). */
export const RARE_TERM = 0;

/** Term kinds, by number of words; RARE: the one term that stands for every phrase the sketch ruled out. */
export const RARE = 0;
export const UNIGRAM = 1;
export const BIGRAM = 2;
export const TRIGRAM = 3;

export class TermTable {
  private bigrams: NumberMap;
  private trigrams: NumberMap;
  private unigramTerm = new Int32Array(1024).fill(-1);

  nTerms = 0;
  /** Per term: its kind, and (key id) | (key1, key2) | (bigram term id, key3). */
  private kind = new Uint8Array(1024);
  private refA = new Int32Array(1024);
  private refB = new Int32Array(1024);

  /**
   * `expected`: distinct phrases to size the maps for (they grow past it; each growth rehashes all).
   * With `rare`, term RARE_TERM (kind RARE) is made first: the stand-in for the phrases not interned.
   */
  constructor(readonly words: WordTable, expected: { bigrams: number; trigrams: number } = { bigrams: 1024, trigrams: 1024 }, rare = false) {
    [this.bigrams, this.trigrams] = [new NumberMap(expected.bigrams), new NumberMap(expected.trigrams)];
    if (rare) this.newTerm(RARE, 0, 0);
  }

  /** Term id of content word `word` (a word id whose key id is >= 0); counts the word. */
  addUnigram(word: number): number {
    this.words.counts[word]++;
    return this.unigramOfKey(this.words.keyOf[word]);
  }

  /** Term id of consecutive content words `word1 word2`. */
  addBigram(word1: number, word2: number): number {
    const { keyOf } = this.words;
    return this.internTerm(BIGRAM, keyOf[word1], keyOf[word2]);
  }

  /** Term id of the three words `bigramTerm word3`. */
  addTrigram(bigramTerm: number, word3: number): number {
    return this.internTerm(TRIGRAM, bigramTerm, this.words.keyOf[word3]);
  }

  /** Term id of (kind, refA, refB), interned on first sight; merge-chunks.ts calls it with refs already mapped here. */
  internTerm(kind: number, a: number, b: number): number {
    if (kind === UNIGRAM) return this.unigramOfKey(a);
    const map = kind === BIGRAM ? this.bigrams : this.trigrams;
    const key = a * ID_LIMIT + b;
    let term = map.get(key);
    if (term < 0) {
      term = this.newTerm(kind, a, b);
      map.add(key, term);
    }
    return term;
  }

  /** Term id of (kind, refA, refB), or -1 if it is not interned. */
  findTerm(kind: number, a: number, b: number): number {
    if (kind === UNIGRAM) return a < this.unigramTerm.length ? this.unigramTerm[a] : -1;
    return (kind === BIGRAM ? this.bigrams : this.trigrams).get(a * ID_LIMIT + b);
  }

  /**
   * Adds a term that findTerm did not find, without indexing it: for the last chunk merged, whose
   * new terms no later lookup asks for (indexing 1M terms was half of the merge's time).
   */
  appendTerm(kind: number, a: number, b: number): number {
    return this.newTerm(kind, a, b);
  }

  /** Unigram term of each word of the word table, or -1 for a word that is not a content token. */
  wordTerms(): Int32Array {
    const { words, keyOf } = this.words;
    return Int32Array.from(keyOf.subarray(0, words.length), (key) => (key < 0 ? -1 : this.unigramTerm[key]));
  }

  private unigramOfKey(key: number): number {
    if (key >= this.unigramTerm.length) {
      const old = this.unigramTerm.length;
      this.unigramTerm = ensureCapacity(this.unigramTerm, key + 1);
      this.unigramTerm.fill(-1, old);
    }
    let term = this.unigramTerm[key];
    if (term < 0) term = this.unigramTerm[key] = this.newTerm(UNIGRAM, key, 0);
    return term;
  }

  private newTerm(kind: number, a: number, b: number): number {
    const term = this.nTerms++;
    if (term >= TERM_LIMIT) throw new RangeError('tokenise: more than 2^31 distinct terms');
    if (term >= this.kind.length) {
      this.kind = ensureCapacity(this.kind, term + 1);
      this.refA = ensureCapacity(this.refA, term + 1);
      this.refB = ensureCapacity(this.refB, term + 1);
    }
    this.kind[term] = kind;
    this.refA[term] = a;
    this.refB[term] = b;
    return term;
  }

  /** Ends interning: drops the hash maps and trims the term arrays (grown by doubling) to their length. */
  finish(): TermRefs {
    this.bigrams = this.trigrams = new NumberMap();
    this.unigramTerm = new Int32Array(0);
    const n = this.nTerms;
    return { kind: this.kind.slice(0, n), refA: this.refA.slice(0, n), refB: this.refB.slice(0, n) };
  }
}

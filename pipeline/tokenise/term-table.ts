// Owns the interning of terms (stem-key unigrams, two- and three-word phrases) to ids in order of
// first occurrence, and the counts of each surface form that term-strings.ts picks labels from.
import type { SurfaceUnits, TermRefs } from './chunk-data.js';
import { ensureCapacity } from './grow.js';
import { NumberMap } from './number-map.js';
import { ID_LIMIT, type WordTable } from './word-table.js';

// Why numeric keys: a corpus of 75k abstracts has millions of distinct phrases; keying them by
// strings would build a string per occurrence. Ids pack instead into one exact double below 2^53:
//   surface bigram  = word1 · 2^22 + word2          key bigram  = key1 · 2^22 + key2
//   surface trigram = surfaceBigram · 2^22 + word3  key trigram = bigramTerm · 2^22 + key3
// (words and keys < 2^22, surface bigrams and terms < 2^31). A surface n-gram is the words as
// written; its key n-gram (the term) is their stems. Surfaces are counted to pick each label.
const BIGRAM_LIMIT = 2 ** 31;

/** Term kinds, by number of words. */
export const UNIGRAM = 1;
export const BIGRAM = 2;
export const TRIGRAM = 3;

export class TermTable {
  private surfaceBigrams = new NumberMap();
  private keyBigrams = new NumberMap();
  private surfaceTrigrams = new NumberMap();
  private keyTrigrams = new NumberMap();
  private unigramTerm = new Int32Array(1024).fill(-1);

  nTerms = 0;
  /** Per term: its kind, and (key id) | (key1, key2) | (bigram term id, key3). */
  kind = new Uint8Array(1024);
  refA = new Int32Array(1024);
  refB = new Int32Array(1024);

  nSurfaceBigrams = 0;
  bigramKey = new Float64Array(1024);
  bigramTerm = new Int32Array(1024);
  bigramCount = new Uint32Array(1024);

  nSurfaceTrigrams = 0;
  trigramKey = new Float64Array(1024);
  trigramTerm = new Int32Array(1024);
  trigramCount = new Uint32Array(1024);

  constructor(readonly words: WordTable) {}

  /** Term id of content word `word` (a word id whose key id is >= 0); counts the surface. */
  addUnigram(word: number): number {
    this.words.counts[word]++;
    return this.unigramOfKey(this.words.keyOf[word]);
  }

  /**
   * Term id of a key-level term of another chunk's table, its key ids (or, for a trigram, its
   * bigram term id) already mapped into this table; interned here on first sight.
   */
  internTerm(kind: number, a: number, b: number): number {
    if (kind === UNIGRAM) return this.unigramOfKey(a);
    if (kind === BIGRAM) return this.termOf(this.keyBigrams, a * ID_LIMIT + b, BIGRAM, a, b);
    return this.termOf(this.keyTrigrams, a * ID_LIMIT + b, TRIGRAM, a, b);
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

  /** Surface-bigram index of consecutive content words `word1 word2`; counts it. */
  addBigram(word1: number, word2: number): number {
    const surface = word1 * ID_LIMIT + word2;
    let index = this.surfaceBigrams.get(surface);
    if (index < 0) {
      index = this.nSurfaceBigrams++;
      if (index >= BIGRAM_LIMIT) throw new RangeError('tokenise: more than 2^31 distinct phrases');
      this.surfaceBigrams.add(surface, index);
      if (index >= this.bigramKey.length) this.growBigrams();
      this.bigramKey[index] = surface;
      const [key1, key2] = [this.words.keyOf[word1], this.words.keyOf[word2]];
      this.bigramTerm[index] = this.termOf(this.keyBigrams, key1 * ID_LIMIT + key2, BIGRAM, key1, key2);
    }
    this.bigramCount[index]++;
    return index;
  }

  /** Term id of the three words `surfaceBigram word3`; counts the surface. */
  addTrigram(surfaceBigram: number, word3: number): number {
    const surface = surfaceBigram * ID_LIMIT + word3;
    let index = this.surfaceTrigrams.get(surface);
    if (index < 0) {
      index = this.nSurfaceTrigrams++;
      this.surfaceTrigrams.add(surface, index);
      if (index >= this.trigramKey.length) this.growTrigrams();
      this.trigramKey[index] = surface;
      const [prefix, key3] = [this.bigramTerm[surfaceBigram], this.words.keyOf[word3]];
      this.trigramTerm[index] = this.termOf(this.keyTrigrams, prefix * ID_LIMIT + key3, TRIGRAM, prefix, key3);
    }
    this.trigramCount[index]++;
    return this.trigramTerm[index];
  }

  private growBigrams(): void {
    const length = this.nSurfaceBigrams;
    [this.bigramKey, this.bigramTerm, this.bigramCount] = [ensureCapacity(this.bigramKey, length), ensureCapacity(this.bigramTerm, length), ensureCapacity(this.bigramCount, length)];
  }

  private growTrigrams(): void {
    const length = this.nSurfaceTrigrams;
    [this.trigramKey, this.trigramTerm, this.trigramCount] = [ensureCapacity(this.trigramKey, length), ensureCapacity(this.trigramTerm, length), ensureCapacity(this.trigramCount, length)];
  }

  private termOf(map: NumberMap, key: number, kind: number, a: number, b: number): number {
    let term = map.get(key);
    if (term < 0) {
      term = this.newTerm(kind, a, b);
      map.add(key, term);
    }
    return term;
  }

  private newTerm(kind: number, a: number, b: number): number {
    const term = this.nTerms++;
    if (term >= BIGRAM_LIMIT) throw new RangeError('tokenise: more than 2^31 distinct terms');
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

  /**
   * Ends counting surfaces: drops their hash maps and trims their arrays (grown by doubling), and
   * returns them with each content word's unigram term, for surface-strings.ts to pick labels from.
   */
  finishSurfaces(): SurfaceUnits {
    this.surfaceBigrams = this.surfaceTrigrams = new NumberMap();
    const { words } = this;
    const nWords = words.words.length;
    const wordTerm = Int32Array.from(words.keyOf.subarray(0, nWords), (key) => (key < 0 ? -1 : this.unigramTerm[key]));
    const [bigrams, trigrams] = [this.nSurfaceBigrams, this.nSurfaceTrigrams];
    const units: SurfaceUnits = {
      words: words.words, wordCounts: words.counts.slice(0, nWords), wordTerm,
      bigramKey: this.bigramKey.slice(0, bigrams), bigramTerm: this.bigramTerm.slice(0, bigrams), bigramCount: this.bigramCount.slice(0, bigrams),
      trigramKey: this.trigramKey.slice(0, trigrams), trigramTerm: this.trigramTerm.slice(0, trigrams), trigramCount: this.trigramCount.slice(0, trigrams)
    };
    [this.bigramKey, this.bigramTerm, this.bigramCount] = [new Float64Array(0), new Int32Array(0), new Uint32Array(0)];
    [this.trigramKey, this.trigramTerm, this.trigramCount] = [new Float64Array(0), new Int32Array(0), new Uint32Array(0)];
    return units;
  }

  /** Ends interning: drops the key maps and trims the term arrays to their length. */
  finishTerms(): TermRefs {
    this.keyBigrams = this.keyTrigrams = new NumberMap();
    this.unigramTerm = new Int32Array(0);
    const n = this.nTerms;
    return { kind: this.kind.slice(0, n), refA: this.refA.slice(0, n), refB: this.refB.slice(0, n) };
  }
}

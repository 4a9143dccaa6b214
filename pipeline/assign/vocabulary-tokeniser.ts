// Owns reading a new paper's text once for both things `npm run assign` needs of it: the term
// counts over a stored vocabulary and the words of the search index.
//  - Vocabulary terms: the tokeniser's own rules (normalise-text.ts, token-scanner.ts, word-table.ts:
//    content words, Porter stem keys, phrases of consecutive content words within a phrase break, up
//    to ngram_max words), but each unigram, bigram and trigram is looked up among the run's terms
//    instead of interned, so only known terms count.
//  - Search words: what search/index.ts indexes (search-tokens.ts rules: the lower-cased title and
//    abstract, each word's stem key, a hyphenated word's parts, "c++"-like words whole), per field.
// Both read the same words, so one word table stems each distinct word once, and when normalising
// changed nothing but the case (most abstracts) one scan of the text serves both.
//
// The scan is the assign command's hottest loop (~20M characters for 14k papers), so it is one
// specialised loop: token-scanner.ts's rules inlined, and each distinct word's facts (stem key,
// unigram column, whether a vocabulary pair starts or ends with it, hyphen parts) cached in one
// Int32Array record, found by one probe of its own hash table, so a token costs one probe and a
// few array reads. A new word is decided by the word table's rule (word-table.ts isContentToken,
// stemKey), its key interned in the word table; a hyphenated word's parts are found among the
// words seen, and each part is stemmed once.
import { ensureCapacity } from '../tokenise/grow.js';
import { normaliseFields } from '../tokenise/normalise-text.js';
import { searchKey, symbolSuffix } from '../tokenise/search-tokens.js';
import { BREAK, DIGIT, DOT, HYPHEN, LETTER, SLASH, classOf } from '../tokenise/token-scanner.js';
import { porterStem } from '../tokenise/porter-stemmer.js';
import { WordTable, isContentToken } from '../tokenise/word-table.js';
import { PairMap } from './pair-map.js';
import type { SearchWords } from './search-words.js';

/** One paper's vocabulary terms: the count of each column, and the columns seen, in order of first occurrence. */
export class PaperTerms {
  readonly tf: Uint32Array;
  columns = new Int32Array(256);
  n = 0;

  constructor(nCols: number) {
    this.tf = new Uint32Array(nCols);
  }

  add(column: number): void {
    if (this.tf[column]++ === 0) {
      if (this.n === this.columns.length) this.columns = ensureCapacity(this.columns, this.n + 1);
      this.columns[this.n++] = column;
    }
  }
}

// A word's record: RECORD Int32 slots at word id × RECORD (32 bytes: two records a cache line).
const RECORD = 8;
/**
 * The word's last 8 char codes, 8 bits each (PACK_LOW the last 4): with SHAPE, the word itself when
 * it is at most 8 chars long and all its chars are below 256, so then no char is compared.
 */
const PACK_LOW = 0;
const PACK_HIGH = 1;
/** Its length, plus WIDE when a char is 256 or more. */
const SHAPE = 2;
const WIDE = 1 << 8;
/** Stem key id, -1 when the word is no content word. */
const KEY = 3;
/** Column of the key's unigram, -1 when it is no term. */
const UNIGRAM = 4;
/** The key's pair role: 1 when a vocabulary pair (bigram, or a trigram's first two words) starts with it, 2 when one ends with it (bits). */
const ROLE = 5;
/** Where the search keys of a hyphenated word's parts start in `parts` (-1: not looked up yet), and how many. */
const PARTS = 6;
const N_PARTS = 7;

export class VocabularyTokeniser {
  private readonly words = new WordTable();
  /** Column of each stem key id's unigram, -1 when it is no term. */
  private readonly unigram: Int32Array;
  /** (key1, key2) → pair index; a pair is a bigram term or the start of a trigram term. */
  private readonly pairs = new PairMap();
  private pairColumn = new Int32Array(1024);
  private nPairs = 0;
  /** (pair index, key3) → column. */
  private readonly trigrams = new PairMap();
  /** Per stem key id: 1 when a pair (bigram term or trigram start) begins with it, 2 when one ends with it (bits). */
  private readonly pairRole: Uint8Array;
  // The words seen, by word table id: open addressing over (hash, id) pairs, -1 = empty; a record per word.
  private slots = new Int32Array(1 << 16).fill(-1);
  private record = new Int32Array(RECORD * 1024);
  private chars = new Uint16Array(8192);
  /** Per word id: where its char codes start in `chars`, and its FNV-1a hash (for rehashing). */
  private charsFrom = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private nChars = 0;
  private nWords = 0;
  private parts = new Int32Array(1024);
  /** Porter stem of each part of the hyphenated words seen. */
  private readonly partStems = new Map<string, string>();
  private nParts = 0;

  /** `terms[c]` is column c's stem key: stems joined by one space (tfidf Vocabulary.terms). */
  constructor(terms: readonly string[], private readonly ngramMax: number) {
    // Each term's stem key ids, three slots per column (-1 past its last word), without an array per term.
    const keys = new Int32Array(3 * terms.length).fill(-1);
    for (let c = 0; c < terms.length; c++) {
      const term = terms[c];
      for (let j = 0, from = 0; j < 3; j++) {
        const space = term.indexOf(' ', from);
        keys[3 * c + j] = this.words.internKey(space < 0 ? term.slice(from) : term.slice(from, space));
        if (space < 0) break;
        from = space + 1;
      }
    }
    this.unigram = new Int32Array(this.words.keys.length).fill(-1);
    // Most consecutive content words are no pair of the vocabulary: a flag per key skips their lookup.
    this.pairRole = new Uint8Array(this.words.keys.length);
    for (let c = 0; c < terms.length; c++) {
      const [k1, k2, k3] = [keys[3 * c], keys[3 * c + 1], keys[3 * c + 2]];
      if (k2 < 0) {
        this.unigram[k1] = c;
        continue;
      }
      this.pairRole[k1] |= 1;
      this.pairRole[k2] |= 2;
      const pair = this.pairOf(k1, k2); // before reading this.pairColumn, which it may grow
      if (k3 < 0) this.pairColumn[pair] = c;
      else this.trigrams.add(pair, k3, c);
    }
  }

  /** The string of key id `key` (a stem key, or a "c++"-like word). */
  keyText(key: number): string {
    return this.words.keys[key];
  }

  /** The key id of a key's string (another thread's key: text-pass-threads.ts), interned on first sight. */
  keyIdOf(text: string): number {
    return this.words.internKey(text);
  }

  private pairOf(key1: number, key2: number): number {
    let pair = this.pairs.get(key1, key2);
    if (pair < 0) {
      pair = this.nPairs++;
      this.pairColumn = ensureCapacity(this.pairColumn, this.nPairs);
      this.pairColumn[pair] = -1;
      this.pairs.add(key1, key2, pair);
    }
    return pair;
  }

  /**
   * Counts the vocabulary terms of `title + ". " + abstract` into `terms` (as tokenise/chunk.ts
   * emits terms: at each content word its unigram, the bigram and the trigram ending there) and,
   * with `words`, adds the search words of the title (field 0) and of the abstract (field 1) in order.
   */
  scan(title: string, abstract: string, terms: PaperTerms, words: SearchWords | null): void {
    const { text, plain } = normaliseFields(title, abstract);
    if (words === null) {
      this.scanText(text, -1, terms, null);
      return;
    }
    // Cleaning changed nothing but the case (most abstracts): one scan, fields told apart by
    // position (no token crosses the ". " between them: "." joins digits only, "-" letters only).
    if (plain) {
      this.scanText(text, title.length, terms, words);
      return;
    }
    this.scanText(text, -1, terms, null);
    const lowerTitle = title.toLowerCase();
    this.scanText(lowerTitle, lowerTitle.length + 1, null, words);
    this.scanText(abstract.toLowerCase(), -1, null, words);
  }

  /**
   * The tokens of `text` (token-scanner.ts): with `terms`, the vocabulary terms of normalised text;
   * with `words`, the search words (search/index.ts termsOf), field 0 before `titleEnd`, else 1.
   */
  private scanText(text: string, titleEnd: number, terms: PaperTerms | null, words: SearchWords | null): void {
    const { unigram, ngramMax, pairs, trigrams } = this;
    let { record, slots, chars } = this;
    let mask = (slots.length >> 1) - 1;
    const length = text.length;
    let prevKey = -1; // stem key of the previous content word, -1 after a break or a stop word
    let prevRole = 0; // its pair role
    let prevPair = -1; // pair ending at the previous word, -1 when no term starts with it
    let i = 0;
    for (;;) {
      // token-scanner.ts next(): skip to the token, noting a phrase break; the token's end and hash.
      let broke = false;
      while (i < length) {
        const kind = classOf(text.charCodeAt(i));
        if (kind >= LETTER) break;
        if (kind === BREAK) broke = true;
        i++;
      }
      if (i >= length) return;
      const start = i;
      let hash = 0x811c9dc5 | 0;
      let low = 0;
      let high = 0;
      let codes = 0; // the chars' bits or-ed: ≥ 256 when one is wide
      let previous = 0;
      let hyphen = false;
      while (i < length) {
        const code = text.charCodeAt(i);
        const kind = classOf(code);
        if (kind < LETTER) {
          const after = i + 1 < length ? classOf(text.charCodeAt(i + 1)) : BREAK;
          if (code === HYPHEN && after >= LETTER) hyphen = true;
          else if (!((code === DOT && previous === DIGIT && after === DIGIT) || (code === SLASH && after === DIGIT))) break;
        }
        hash = Math.imul(hash ^ code, 0x01000193);
        high = (high << 8) | (low >>> 24);
        low = (low << 8) | code;
        codes |= code;
        previous = kind;
        i++;
      }
      const end = i;
      if (broke) prevKey = prevPair = -1;
      const field = start < titleEnd ? 0 : 1;
      const size = end - start;
      let symbol = 0;
      if (words !== null && size <= 2) {
        symbol = symbolSuffix(text, start, end);
        if (symbol > 0) {
          words.add(field, this.words.internKey(text.slice(start, end + symbol)));
          if (terms === null) continue;
        }
      }
      if (size < 2 || size > 40) {
        prevKey = prevPair = -1;
        continue;
      }
      // The word's record: one probe; a short word is its packed chars, a long one's chars are compared with the text's.
      const shape = codes < 256 ? size : size | WIDE;
      let slot = hash & mask;
      let word = -1;
      for (let id = slots[2 * slot + 1]; id >= 0; id = slots[2 * slot + 1]) {
        const at = id * RECORD;
        if (slots[2 * slot] === hash && record[at + SHAPE] === shape) {
          if (shape <= 8) {
            if (record[at + PACK_LOW] === low && record[at + PACK_HIGH] === high) {
              word = id;
              break;
            }
          } else {
            let k = 0;
            for (let c = this.charsFrom[id] - start, j = start; k < size && chars[c + j] === text.charCodeAt(j); j++) k++;
            if (k === size) {
              word = id;
              break;
            }
          }
        }
        slot = (slot + 1) & mask;
      }
      if (word < 0) {
        word = this.addWord(text, start, end, hash, slot, hyphen, shape, low, high);
        ({ record, slots, chars } = this);
        mask = (slots.length >> 1) - 1;
      }
      const at = word * RECORD;
      const key = record[at + KEY];
      if (words !== null && symbol === 0) {
        if (key >= 0) words.add(field, key);
        let from = record[at + PARTS];
        if (from < 0) {
          from = this.partsOf(word);
          record = this.record;
        }
        const to = from + record[at + N_PARTS];
        for (let p = from; p < to; p++) words.add(field, this.parts[p]);
      }
      if (terms === null) continue;
      if (key < 0) {
        prevKey = prevPair = -1;
        continue;
      }
      const column = record[at + UNIGRAM];
      if (column >= 0) terms.add(column);
      const role = record[at + ROLE];
      let pair = -1;
      if (ngramMax >= 2 && prevKey >= 0 && (prevRole & 1) !== 0 && (role & 2) !== 0) {
        pair = pairs.get(prevKey, key);
        if (pair >= 0 && this.pairColumn[pair] >= 0) terms.add(this.pairColumn[pair]);
      }
      if (ngramMax >= 3 && prevPair >= 0) {
        const trigram = trigrams.get(prevPair, key);
        if (trigram >= 0) terms.add(trigram);
      }
      prevKey = key;
      prevRole = role;
      prevPair = pair;
    }
  }

  /**
   * Records a word on first sight, `slot` being the empty slot its probe ended at. Its key is the
   * word table's rule (word-table.ts intern: a content token's stem key, interned now, else -1).
   */
  private addWord(text: string, start: number, end: number, hash: number, slot: number, hyphen: boolean, shape: number, low: number,
    high: number): number {
    const id = this.nWords++;
    const size = end - start;
    this.record = ensureCapacity(this.record, this.nWords * RECORD);
    this.charsFrom = ensureCapacity(this.charsFrom, this.nWords);
    this.hashes = ensureCapacity(this.hashes, this.nWords);
    if (this.nChars + size > this.chars.length) {
      const bigger = new Uint16Array(Math.max(this.nChars + size, this.chars.length * 2));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    const { record, chars, unigram, pairRole } = this;
    const from = this.nChars;
    for (let j = 0; j < size; j++) chars[from + j] = text.charCodeAt(start + j);
    this.nChars += size;
    // V8 makes a slice of 13 or more characters a view that would keep the whole abstract alive
    // through a stem key made of it: those are copied.
    const word = size < 13 ? text.slice(start, end) : this.textOf(from, size);
    const key = isContentToken(word) ? this.words.internKey(hyphen ? this.hyphenatedStemKey(word) : porterStem(word)) : -1;
    const at = id * RECORD;
    record[at + PACK_LOW] = low;
    record[at + PACK_HIGH] = high;
    record[at + SHAPE] = shape;
    record[at + KEY] = key;
    record[at + UNIGRAM] = key >= 0 && key < unigram.length ? unigram[key] : -1;
    record[at + ROLE] = key >= 0 && key < pairRole.length ? pairRole[key] : 0;
    // A word without a hyphen has no parts; a hyphenated one's are looked up when it is first a search word.
    record[at + PARTS] = hyphen ? -1 : 0;
    record[at + N_PARTS] = 0;
    this.charsFrom[id] = from;
    this.hashes[id] = hash;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id;
    if (this.nWords * 4 > this.slots.length) this.rehash();
    return id;
  }

  /** `chars[from, from + size)` as a string of its own. */
  private textOf(from: number, size: number): string {
    return String.fromCharCode.apply(null, this.chars.subarray(from, from + size) as unknown as number[]);
  }

  /** stemKey (word-table.ts) of a hyphenated word: the Porter stem of each part, each part stemmed once per tokeniser. */
  private hyphenatedStemKey(word: string): string {
    const parts = word.split('-');
    for (let j = 0; j < parts.length; j++) {
      let stem = this.partStems.get(parts[j]);
      if (stem === undefined) this.partStems.set(parts[j], (stem = porterStem(parts[j])));
      parts[j] = stem;
    }
    return parts.join('-');
  }

  /** Id of the word `chars[from, from + size)` whose hash is `hash`, -1 when it has not been seen. */
  private findInChars(from: number, size: number, hash: number): number {
    const { slots, record, chars } = this;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask, id = slots[2 * slot + 1]; id >= 0; slot = (slot + 1) & mask, id = slots[2 * slot + 1]) {
      if (slots[2 * slot] !== hash || (record[id * RECORD + SHAPE] & ~WIDE) !== size) continue;
      const other = this.charsFrom[id];
      let k = 0;
      while (k < size && chars[other + k] === chars[from + k]) k++;
      if (k === size) return id;
    }
    return -1;
  }

  private rehash(): void {
    const slots = (this.slots = new Int32Array(this.slots.length * 2).fill(-1));
    const mask = (slots.length >> 1) - 1;
    for (let id = 0; id < this.nWords; id++) {
      const hash = this.hashes[id];
      let slot = hash & mask;
      while (slots[2 * slot + 1] >= 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = id;
    }
  }

  /**
   * The search keys of a hyphenated word's parts (search-tokens.ts searchKey of each part, in order),
   * kept in `parts`; returns where they start. A part seen as a word has its key in its record (the
   * same rule: a content token's stem key), already interned.
   */
  private partsOf(word: number): number {
    const first = this.nParts;
    const from = this.charsFrom[word];
    const to = from + (this.record[word * RECORD + SHAPE] & ~WIDE);
    for (let start = from; start < to; ) {
      let end = start;
      let hash = 0x811c9dc5 | 0;
      for (; end < to && this.chars[end] !== HYPHEN; end++) hash = Math.imul(hash ^ this.chars[end], 0x01000193);
      const seen = this.findInChars(start, end - start, hash);
      let key = -1;
      if (seen >= 0) key = this.record[seen * RECORD + KEY];
      else {
        const partKey = searchKey(this.textOf(start, end - start));
        if (partKey !== null) key = this.words.internKey(partKey);
      }
      if (key >= 0) {
        this.parts = ensureCapacity(this.parts, this.nParts + 1);
        this.parts[this.nParts++] = key;
      }
      start = end + 1;
    }
    this.record[word * RECORD + PARTS] = first;
    this.record[word * RECORD + N_PARTS] = this.nParts - first;
    return first;
  }
}

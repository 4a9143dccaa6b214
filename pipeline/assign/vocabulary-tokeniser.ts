// Owns reading a new paper's text once for both things `npm run assign` needs of it: the term
// counts over a stored vocabulary and the words of the search index.
//  - Vocabulary terms: the tokeniser's own rules (normalise-text.ts, token-scanner.ts, word-table.ts:
//    content words, Porter stem keys, phrases of consecutive content words within a phrase break, up
//    to ngram_max words), but each unigram, bigram and trigram is looked up among the run's terms
//    instead of interned, so only known terms count.
//  - Search words: what search/index.ts indexes (search-tokens.ts rules: the lower-cased title and
//    abstract, each word's search key under the run's search stem — its Porter stem key in runs
//    before 2026-12-04, its inflection stem since — a hyphenated word's parts, "c++"-like words whole), per field.
// Both read the same words, so one word table stems each distinct word once, and when normalising
// changed nothing but the case (most abstracts) one scan of the text serves both.
//
// The scan is the assign command's hottest loop (~20M characters for 14k papers), so it is one
// specialised loop: token-scanner.ts's rules inlined, and each distinct word's facts (stem key,
// unigram column, whether a vocabulary pair starts or ends with it, hyphen parts) cached in its
// slot of the tokeniser's own hash table of words, so a token costs one probe and a few reads.
// A new word is decided by the word table's rule (word-table.ts isContentToken, stemKey), its key
// numbered as the word table would (key-table.ts); a hyphenated word's parts are found among the
// words seen, and each part is stemmed once.
import { ensureCapacity } from '../tokenise/grow.js';
import { normaliseFields } from '../tokenise/normalise-text.js';
import { SEARCH_STEM, searchKey, STEMMERS, symbolSuffix, type SearchStem } from '../tokenise/search-tokens.js';
import { BREAK, CLASSES, DIGIT, DOT, HYPHEN, LETTER, SLASH } from '../tokenise/token-scanner.js';
import { porterStem } from '../tokenise/porter-stemmer.js';
import { isContentToken, stemKey } from '../tokenise/word-table.js';
import { KeyTable } from './key-table.js';
import { PairMap } from './pair-map.js';
import type { SearchWords } from './search-words.js';
import { emptySlots, grownSlots } from './slot-table.js';

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

// The words seen are an open-addressing table whose slot is the word's record: SLOT Int32s (32
// bytes, two a cache line), so that finding a word and reading what the scan needs of it is one
// memory access. Slot s starts at s × SLOT.
const SLOT = 8;
/** The word's FNV-1a hash (token-scanner.ts), and its id (order of first sight; -1: empty slot). */
const HASH = 0;
const ID = 1;
/**
 * The word's last 8 char codes, 8 bits each (PACK_LOW the last 4): with its shape, the word itself
 * when it is at most 8 chars long and all its chars are below 256, so then no char is compared.
 */
const PACK_LOW = 2;
const PACK_HIGH = 3;
/** Its length, plus WIDE when a char is 256 or more, plus its key's pair role × ROLE_UNIT. */
const SHAPE = 4;
const WIDE = 1 << 8;
const SHAPE_MASK = (1 << 9) - 1;
/** Pair role: 1 when a vocabulary pair (bigram, or a trigram's first two words) starts with the key, 2 when one ends with it (bits). */
const ROLE_UNIT = 1 << 9;
/** Stem key id, -1 when the word is no content word. */
const KEY = 5;
/** Column of the key's unigram, -1 when it is no term. */
const UNIGRAM = 6;
/** Search keys of a hyphenated word's parts: where they start in `parts` × 256 + how many; -1 when not looked up yet. */
const PARTS = 7;

export class VocabularyTokeniser {
  /** The stem keys (and "c++"-like words), numbered in order of first sight as word-table.ts numbers them. */
  private readonly keyTable = new KeyTable();
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
  /** The words seen (SLOT above), at a load of at most 1/2. */
  private slots = emptySlots(1 << 14, SLOT);
  private chars = new Uint16Array(8192);
  /** Per word id: where its char codes start in `chars`. */
  private charsFrom = new Int32Array(1024);
  private nChars = 0;
  private nWords = 0;
  private parts = new Int32Array(1024);
  /** Porter stem of each part of the hyphenated words seen that was not seen as a content word. */
  private readonly partStems = new Map<string, string>();
  private readonly stems: string[] = [];
  private nParts = 0;
  /**
   * Search key id of each word id (-1: no content word) when the run's search keys are stemmed
   * otherwise than its vocabulary (`searchStem` 'inflection'); with 'porter' (runs before 2026-12-04)
   * a word's search key is its stem key (KEY) and this stays empty.
   */
  private searchKeyOfWord = new Int32Array(0);
  private readonly ownSearchKeys: boolean;

  /**
   * `terms[c]` is column c's stem key: stems joined by one space (tfidf Vocabulary.terms).
   * `papers`: how many papers it will read, to size the word table once (it grows as needed).
   */
  constructor(terms: readonly string[], private readonly ngramMax: number, papers = 0, private readonly searchStem: SearchStem = SEARCH_STEM) {
    this.ownSearchKeys = searchStem !== 'porter';
    if (this.ownSearchKeys) this.searchKeyOfWord = new Int32Array(1024);
    // The tables that grow mid-scan are stored twice: V8 takes a field stored only once for a
    // constant, and optimised scan code built on that would be thrown away the first time a table
    // grows (in the first call), the scan then running unoptimised until it is compiled again.
    [this.slots, this.chars, this.charsFrom, this.parts] = [emptySlots(wordSlots(papers), SLOT), new Uint16Array(8192), new Int32Array(1024), new Int32Array(1024)];
    // Each term's stem key ids, three slots per column (-1 past its last word), without an array per term.
    const keys = new Int32Array(3 * terms.length).fill(-1);
    for (let c = 0; c < terms.length; c++) {
      const term = terms[c];
      for (let j = 0, from = 0; j < 3; j++) {
        const space = term.indexOf(' ', from);
        keys[3 * c + j] = this.keyTable.internKey(space < 0 ? term.slice(from) : term.slice(from, space));
        if (space < 0) break;
        from = space + 1;
      }
    }
    this.unigram = new Int32Array(this.keyTable.keys.length).fill(-1);
    // Most consecutive content words are no pair of the vocabulary: a flag per key skips their lookup.
    this.pairRole = new Uint8Array(this.keyTable.keys.length);
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
    return this.keyTable.keys[key];
  }

  /** The key id of a key's string (another thread's key: text-pass-threads.ts), interned on first sight. */
  keyIdOf(text: string): number {
    return this.keyTable.internKey(text);
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
    const { ngramMax, pairs, trigrams } = this;
    let { slots, chars } = this;
    let mask = slots.length / SLOT - 1;
    const length = text.length;
    let prevKey = -1; // stem key of the previous content word, -1 after a break or a stop word
    let prevShape = 0; // its shape (pair role)
    let prevPair = -1; // pair ending at the previous word, -1 when no term starts with it
    let i = 0;
    for (;;) {
      // token-scanner.ts next(): skip to the token, noting a phrase break; the token's end and hash.
      let broke = false;
      while (i < length) {
        const kind = CLASSES[text.charCodeAt(i)];
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
        const kind = CLASSES[code];
        if (kind < LETTER) {
          const after = i + 1 < length ? CLASSES[text.charCodeAt(i + 1)] : BREAK;
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
      // (At the end of the text there is no suffix: symbolSuffix would read past it.)
      if (words !== null && size <= 2 && end < length) {
        symbol = symbolSuffix(text, start, end);
        if (symbol > 0) {
          words.add(field, this.keyTable.internKey(text.slice(start, end + symbol)));
          if (terms === null) continue;
        }
      }
      if (size < 2 || size > 40) {
        prevKey = prevPair = -1;
        continue;
      }
      // The word's slot: a short word is its packed chars, a long one's chars are compared with the text's.
      const shape = codes < 256 ? size : size | WIDE;
      let at = (hash & mask) * SLOT;
      for (;;) {
        const id = slots[at + ID];
        if (id < 0) {
          at = this.addWord(text, start, end, hash, at, hyphen, shape, low, high);
          ({ slots, chars } = this);
          mask = slots.length / SLOT - 1;
          break;
        }
        if (slots[at + HASH] === hash && (slots[at + SHAPE] & SHAPE_MASK) === shape) {
          if (shape <= 8) {
            if (slots[at + PACK_LOW] === low && slots[at + PACK_HIGH] === high) break;
          } else {
            let k = 0;
            for (let c = this.charsFrom[id] - start, j = start; k < size && chars[c + j] === text.charCodeAt(j); j++) k++;
            if (k === size) break;
          }
        }
        at = (at + SLOT) & (slots.length - 1);
      }
      const key = slots[at + KEY];
      if (words !== null && symbol === 0) {
        const searchKeyId = this.ownSearchKeys ? this.searchKeyOfWord[slots[at + ID]] : key;
        if (searchKeyId >= 0) words.add(field, searchKeyId);
        let parts = slots[at + PARTS];
        if (parts !== 0) {
          if (parts < 0) parts = this.partsOf(at);
          for (let p = parts >> 8, to = p + (parts & 255); p < to; p++) words.add(field, this.parts[p]);
        }
      }
      if (terms === null) continue;
      if (key < 0) {
        prevKey = prevPair = -1;
        continue;
      }
      const column = slots[at + UNIGRAM];
      if (column >= 0) terms.add(column);
      const wordShape = slots[at + SHAPE];
      let pair = -1;
      if (ngramMax >= 2 && prevKey >= 0 && (prevShape & ROLE_UNIT) !== 0 && (wordShape & (2 * ROLE_UNIT)) !== 0) {
        pair = pairs.get(prevKey, key);
        if (pair >= 0 && this.pairColumn[pair] >= 0) terms.add(this.pairColumn[pair]);
      }
      if (ngramMax >= 3 && prevPair >= 0) {
        const trigram = trigrams.get(prevPair, key);
        if (trigram >= 0) terms.add(trigram);
      }
      prevKey = key;
      prevShape = wordShape;
      prevPair = pair;
    }
  }

  /**
   * Records a word on first sight in the empty slot at `at` (where its probe ended); returns where
   * its slot is then (the table may have grown). Its key is the word table's rule (word-table.ts
   * intern: a content token's stem key, interned now, else -1).
   */
  private addWord(text: string, start: number, end: number, hash: number, at: number, hyphen: boolean, shape: number, low: number,
    high: number): number {
    const id = this.nWords++;
    const size = end - start;
    this.charsFrom = ensureCapacity(this.charsFrom, this.nWords);
    if (this.nChars + size > this.chars.length) {
      const bigger = new Uint16Array(Math.max(this.nChars + size, this.chars.length * 2));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    const { chars, unigram, pairRole } = this;
    const from = this.nChars;
    for (let j = 0; j < size; j++) chars[from + j] = text.charCodeAt(start + j);
    this.nChars += size;
    this.charsFrom[id] = from;
    // V8 makes a slice of 13 or more characters a view that would keep the whole abstract alive
    // through a stem key made of it: those are copied.
    const word = size < 13 ? text.slice(start, end) : this.textOf(from, size);
    const content = isContentToken(word);
    const key = content ? this.keyTable.internKey(hyphen ? this.hyphenatedStemKey(from, size) : porterStem(word)) : -1;
    if (this.ownSearchKeys) {
      // The stemmer itself, not searchKey: its cache (a Map, cleared at 100k words) cost ~0.3 s a 14k-paper batch.
      this.searchKeyOfWord = ensureCapacity(this.searchKeyOfWord, this.nWords);
      this.searchKeyOfWord[id] = content ? this.keyTable.internKey(stemKey(word, STEMMERS[this.searchStem])) : -1;
    }
    const role = key >= 0 && key < pairRole.length ? pairRole[key] : 0;
    const slots = this.slots;
    slots[at + HASH] = hash;
    slots[at + ID] = id;
    slots[at + PACK_LOW] = low;
    slots[at + PACK_HIGH] = high;
    slots[at + SHAPE] = shape | (role * ROLE_UNIT);
    slots[at + KEY] = key;
    slots[at + UNIGRAM] = key >= 0 && key < unigram.length ? unigram[key] : -1;
    // A word without a hyphen has no parts; a hyphenated one's are looked up when it is first a search word.
    slots[at + PARTS] = hyphen ? -1 : 0;
    if (this.nWords * 2 <= slots.length / SLOT) return at;
    this.rehash();
    return this.slotOf(id, hash);
  }

  /** `chars[from, from + size)` as a string of its own. */
  private textOf(from: number, size: number): string {
    return String.fromCharCode.apply(null, this.chars.subarray(from, from + size) as unknown as number[]);
  }

  /**
   * stemKey (word-table.ts) of the hyphenated word `chars[from, from + size)`: the Porter stem of
   * each part joined by hyphens. A part seen as a content word has its stem as its key; any other
   * part is stemmed once per tokeniser.
   */
  private hyphenatedStemKey(from: number, size: number): string {
    const { stems } = this;
    stems.length = 0;
    this.eachPart(from, from + size, (start, end, seen) => {
      const key = seen >= 0 ? this.slots[seen + KEY] : -1;
      if (key >= 0) stems.push(this.keyTable.keys[key]);
      else {
        const part = this.textOf(start, end - start);
        let stem = this.partStems.get(part);
        if (stem === undefined) this.partStems.set(part, (stem = porterStem(part)));
        stems.push(stem);
      }
    });
    return stems.join('-');
  }

  /**
   * Calls `visit(start, end, seen)` for each hyphen-separated part `chars[start, end)` of the word
   * `chars[from, to)`: `seen` is that part's slot when it was seen as a word, else -1.
   */
  private eachPart(from: number, to: number, visit: (start: number, end: number, seen: number) => void): void {
    const { chars } = this;
    for (let start = from; start < to; ) {
      let end = start;
      let hash = 0x811c9dc5 | 0;
      for (; end < to && chars[end] !== HYPHEN; end++) hash = Math.imul(hash ^ chars[end], 0x01000193);
      visit(start, end, this.findInChars(start, end - start, hash));
      start = end + 1;
    }
  }

  /** Where the slot of the word `chars[from, from + size)` whose hash is `hash` is, -1 when it has not been seen. */
  private findInChars(from: number, size: number, hash: number): number {
    const { slots, chars } = this;
    for (let at = (hash & (slots.length / SLOT - 1)) * SLOT; slots[at + ID] >= 0; at = (at + SLOT) & (slots.length - 1)) {
      if (slots[at + HASH] !== hash || (slots[at + SHAPE] & SHAPE_MASK & ~WIDE) !== size) continue;
      const other = this.charsFrom[slots[at + ID]];
      let k = 0;
      while (k < size && chars[other + k] === chars[from + k]) k++;
      if (k === size) return at;
    }
    return -1;
  }

  /** Where the slot of word `id` (hash `hash`) is. */
  private slotOf(id: number, hash: number): number {
    const slots = this.slots;
    let at = (hash & (slots.length / SLOT - 1)) * SLOT;
    while (slots[at + ID] !== id) at = (at + SLOT) & (slots.length - 1);
    return at;
  }

  private rehash(): void {
    this.slots = grownSlots(this.slots, SLOT);
  }

  /**
   * The search keys of a hyphenated word's parts (search-tokens.ts searchKey of each part, in order),
   * kept in `parts`; returns them as the word's PARTS (also stored in its slot, at `at`). A part seen
   * as a word has its search key already interned (the same rule: a content token's key).
   */
  private partsOf(at: number): number {
    const first = this.nParts;
    const from = this.charsFrom[this.slots[at + ID]];
    this.eachPart(from, from + (this.slots[at + SHAPE] & SHAPE_MASK & ~WIDE), (start, end, seen) => {
      let key = -1;
      if (seen >= 0) key = this.ownSearchKeys ? this.searchKeyOfWord[this.slots[seen + ID]] : this.slots[seen + KEY];
      else {
        const partKey = searchKey(this.textOf(start, end - start), this.searchStem);
        if (partKey !== null) key = this.keyTable.internKey(partKey);
      }
      if (key >= 0) {
        this.parts = ensureCapacity(this.parts, this.nParts + 1);
        this.parts[this.nParts++] = key;
      }
    });
    if (first >= 1 << 22) throw new RangeError('vocabulary-tokeniser: too many hyphen parts');
    return (this.slots[at + PARTS] = first * 256 + (this.nParts - first));
  }
}

/**
 * Slots of the word table for `papers` papers: ~7 distinct words a paper (97,649 in 14,309 arXiv
 * abstracts, fewer a paper in more), at a load of at most 1/2; each doubling on the way there
 * copied the table into fresh memory.
 */
function wordSlots(papers: number): number {
  return 2 ** Math.min(20, Math.max(14, Math.ceil(Math.log2(16 * papers))));
}

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
import { normaliseFields } from '../tokenise/normalise-text.js';
import { NumberMap } from '../tokenise/number-map.js';
import { searchKey, symbolSuffix } from '../tokenise/search-tokens.js';
import { TokenScanner } from '../tokenise/token-scanner.js';
import { ID_LIMIT, WordTable } from '../tokenise/word-table.js';

/** Where a paper's words go: `term(column)` per vocabulary term occurrence, `search(field, key)` per search word (key id). */
export interface PaperSink {
  term(column: number): void;
  search(field: 0 | 1, key: number): void;
}

export class VocabularyTokeniser {
  private readonly words = new WordTable();
  private readonly scanner = new TokenScanner();
  /** Column of each stem key id's unigram, -1 when it is no term. */
  private readonly unigram: Int32Array;
  /** (key1, key2) → pair index; a pair is a bigram term or the start of a trigram term. */
  private readonly pairs = new NumberMap();
  private pairColumn: number[] = [];
  /** (pair index, key3) → column. */
  private readonly trigrams = new NumberMap();
  /** Search key ids of a hyphenated word's parts (word id → key ids), empty when it has none. */
  private readonly partsOfWord = new Map<number, number[]>();
  /** Per word id: 0 not seen yet, 1 no hyphen, 2 hyphenated (its parts in partsOfWord). */
  private hyphenated = new Uint8Array(1 << 16);
  /** Per stem key id: 1 when a pair (bigram term or trigram start) begins with it, 2 when one ends with it (bits). */
  private pairRole: Uint8Array;

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
      if (k3 < 0) this.pairColumn[this.pairOf(k1, k2)] = c;
      else this.trigrams.add(this.pairOf(k1, k2) * ID_LIMIT + k3, c);
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
    const packed = key1 * ID_LIMIT + key2;
    let pair = this.pairs.get(packed);
    if (pair < 0) {
      pair = this.pairColumn.length;
      this.pairColumn.push(-1);
      this.pairs.add(packed, pair);
    }
    return pair;
  }

  /**
   * Reports the vocabulary terms of `title + ". " + abstract` (in the order tokenise/chunk.ts emits
   * terms: at each content word its unigram, the bigram and the trigram ending there) and, when
   * `withSearch`, the search words of the title (field 0) and of the abstract (field 1) in order.
   */
  scan(title: string, abstract: string, sink: PaperSink, withSearch = true): void {
    const { text, plain } = normaliseFields(title, abstract);
    if (!withSearch) {
      this.scanText(text, -1, sink, false);
      return;
    }
    // Cleaning changed nothing but the case (most abstracts): one scan, fields told apart by
    // position (no token crosses the ". " between them: "." joins digits only, "-" letters only).
    if (plain) {
      this.scanText(text, title.length, sink, true);
      return;
    }
    this.scanText(text, -1, sink, false);
    this.scanSearch(title.toLowerCase(), 0, sink);
    this.scanSearch(abstract.toLowerCase(), 1, sink);
  }

  /** Vocabulary terms of normalised `text`; with `search`, its search words too, field 0 before `titleEnd`. */
  private scanText(text: string, titleEnd: number, sink: PaperSink, search: boolean): void {
    const { scanner, words, unigram, ngramMax, pairRole } = this;
    let prevKey = -1; // stem key of the previous content word, -1 after a break or a stop word
    let prevPair = -1; // pair ending at the previous word, -1 when no term starts with it
    scanner.reset(text);
    while (scanner.next()) {
      const { start, end } = scanner;
      if (scanner.brokeBefore) prevKey = prevPair = -1;
      const field = start < titleEnd ? 0 : 1;
      const length = end - start;
      const symbol = search && length <= 2 ? symbolSuffix(text, start, end) : 0;
      if (symbol > 0) sink.search(field, this.symbolKey(text.slice(start, end + symbol)));
      if (length < 2 || length > 40) {
        prevKey = prevPair = -1;
        continue;
      }
      const word = words.idOfSpan(text, start, end, scanner.hash);
      const key = words.keyOf[word];
      if (search && symbol === 0) this.searchWord(word, key, field, sink);
      if (key < 0) {
        prevKey = prevPair = -1;
        continue;
      }
      if (key < unigram.length && unigram[key] >= 0) sink.term(unigram[key]);
      let pair = -1;
      if (ngramMax >= 2 && prevKey >= 0 && (pairRole[prevKey] & 1) !== 0 && key < pairRole.length && (pairRole[key] & 2) !== 0) {
        pair = this.pairs.get(prevKey * ID_LIMIT + key);
        if (pair >= 0 && this.pairColumn[pair] >= 0) sink.term(this.pairColumn[pair]);
      }
      if (ngramMax >= 3 && prevPair >= 0) {
        const column = this.trigrams.get(prevPair * ID_LIMIT + key);
        if (column >= 0) sink.term(column);
      }
      prevKey = key;
      prevPair = pair;
    }
  }

  /** Search words of one lower-cased field (search/index.ts termsOf). */
  private scanSearch(lower: string, field: 0 | 1, sink: PaperSink): void {
    const { scanner, words } = this;
    scanner.reset(lower);
    while (scanner.next()) {
      const { start, end } = scanner;
      const symbol = symbolSuffix(lower, start, end);
      if (symbol > 0) {
        sink.search(field, this.symbolKey(lower.slice(start, end + symbol)));
        continue;
      }
      if (end - start < 2 || end - start > 40) continue;
      const word = words.idOfSpan(lower, start, end, scanner.hash);
      this.searchWord(word, words.keyOf[word], field, sink);
    }
  }

  /** A word's search key (its stem key: searchKey is the word table's content rule and stem) and its hyphen parts' keys. */
  private searchWord(word: number, key: number, field: 0 | 1, sink: PaperSink): void {
    if (key >= 0) sink.search(field, key);
    if (word >= this.hyphenated.length) {
      const bigger = new Uint8Array(Math.max(word + 1, this.hyphenated.length * 2));
      bigger.set(this.hyphenated);
      this.hyphenated = bigger;
    }
    let state = this.hyphenated[word];
    if (state === 0) {
      const text = this.words.words[word];
      state = this.hyphenated[word] = text.includes('-') ? 2 : 1;
      if (state === 2) {
        const parts: number[] = [];
        for (const part of text.split('-')) {
          const partKey = searchKey(part);
          if (partKey !== null) parts.push(this.words.internKey(partKey));
        }
        this.partsOfWord.set(word, parts);
      }
    }
    if (state === 1) return;
    for (const part of this.partsOfWord.get(word)!) sink.search(field, part);
  }

  /** Key id of a "c++"-like word, kept whole: no stem key has a "+" or "#", so both share the key ids. */
  private symbolKey(word: string): number {
    return this.words.internKey(word);
  }
}

// Owns turning new papers into the term counts of a stored vocabulary: the tokeniser's own rules
// (normalise-text.ts, token-scanner.ts, word-table.ts: content words, Porter stem keys, phrases of
// consecutive content words within a phrase break, up to ngram_max words), but each unigram, bigram
// and trigram is looked up among the run's terms instead of interned, so only known terms count.
import { normaliseText } from '../tokenise/normalise-text.js';
import { NumberMap } from '../tokenise/number-map.js';
import { TokenScanner } from '../tokenise/token-scanner.js';
import { ID_LIMIT, WordTable } from '../tokenise/word-table.js';

export class VocabularyTokeniser {
  private readonly words = new WordTable();
  private readonly scanner = new TokenScanner();
  /** Column of each stem key id's unigram, -1 when it is no term. */
  private unigram: Int32Array;
  /** (key1, key2) → pair index; a pair is a bigram term or the start of a trigram term. */
  private readonly pairs = new NumberMap();
  private pairColumn: number[] = [];
  /** (pair index, key3) → column. */
  private readonly trigrams = new NumberMap();

  /** `terms[c]` is column c's stem key: stems joined by one space (tfidf Vocabulary.terms). */
  constructor(terms: readonly string[], private readonly ngramMax: number) {
    const columns: [number[], number][] = terms.map((term, c) => [term.split(' ').map((stem) => this.words.internKey(stem)), c]);
    this.unigram = new Int32Array(this.words.keys.length).fill(-1);
    for (const [keys, c] of columns) {
      if (keys.length === 1) this.unigram[keys[0]] = c;
      else if (keys.length === 2) this.pairColumn[this.pairOf(keys[0], keys[1])] = c;
      else this.trigrams.add(this.pairOf(keys[0], keys[1]) * ID_LIMIT + keys[2], c);
    }
  }

  /** Every word seen so far and its stem key (null: not a content word), for search-tokens.ts rememberSearchKeys. */
  wordKeys(): { words: string[]; keys: (string | null)[] } {
    const { words, keyOf, keys } = this.words;
    return { words, keys: words.map((_, id) => (keyOf[id] < 0 ? null : keys[keyOf[id]])) };
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
   * Calls `found(column)` for every occurrence of a known term in `title + ". " + abstract`, in the
   * order tokenise/chunk.ts emits terms (at each content word: its unigram, the bigram and the
   * trigram ending there).
   */
  scan(title: string, abstract: string, found: (column: number) => void): void {
    const text = normaliseText(title, abstract);
    const { scanner, words, unigram, ngramMax } = this;
    let prevKey = -1; // stem key of the previous content word, -1 after a break or a stop word
    let prevPair = -1; // pair ending at the previous word, -1 when no term starts with it
    scanner.reset(text);
    while (scanner.next()) {
      const { start, end } = scanner;
      if (scanner.brokeBefore) prevKey = prevPair = -1;
      const word = end - start < 2 || end - start > 40 ? -1 : words.idOfSpan(text, start, end, scanner.hash);
      const key = word < 0 ? -1 : words.keyOf[word];
      if (key < 0) {
        prevKey = prevPair = -1;
        continue;
      }
      if (key < unigram.length && unigram[key] >= 0) found(unigram[key]);
      let pair = -1;
      if (ngramMax >= 2 && prevKey >= 0) {
        pair = this.pairs.get(prevKey * ID_LIMIT + key);
        if (pair >= 0 && this.pairColumn[pair] >= 0) found(this.pairColumn[pair]);
      }
      if (ngramMax >= 3 && prevPair >= 0) {
        const column = this.trigrams.get(prevPair * ID_LIMIT + key);
        if (column >= 0) found(column);
      }
      prevKey = key;
      prevPair = pair;
    }
  }
}

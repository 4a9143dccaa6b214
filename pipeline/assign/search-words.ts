// Owns the new papers' search words as the text pass (vocabulary-tokeniser.ts) reports them: per
// paper one posting per distinct word key with its count in the title and in the abstract, and the
// number of searchable words in each field (the BM25 lengths), as search/index.ts collects them.
import { ensureCapacity } from '../tokenise/grow.js';

export interface PaperWords {
  /** Postings in paper row order: key id (vocabulary-tokeniser.ts), row among the new papers, counts per field. */
  key: Int32Array;
  row: Int32Array;
  tfTitle: Int32Array;
  tfAbstract: Int32Array;
  titleLength: Int32Array;
  abstractLength: Int32Array;
}

export class SearchWords {
  // One typed array per field rather than an array of them: add() is the text pass's most called
  // function, and each of its reads stays monomorphic.
  private key: Int32Array;
  private row: Int32Array;
  private tfTitle: Int32Array;
  private tfAbstract: Int32Array;
  private n = 0;
  /** Posting of each key id in the current paper (valid when ≥ the paper's first posting). */
  private slot = new Int32Array(1 << 16).fill(-1);
  private first = 0;
  private current = -1;
  private readonly titleLength: Int32Array;
  private readonly abstractLength: Int32Array;

  constructor(nPapers: number) {
    this.titleLength = new Int32Array(nPapers);
    this.abstractLength = new Int32Array(nPapers);
    // ~85 distinct search words a paper (title and abstract): sized once, seldom grown.
    const capacity = Math.max(1 << 12, nPapers * 96);
    [this.key, this.row, this.tfTitle, this.tfAbstract] = [new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity)];
    // The slot table grows mid-scan: stored twice, so that V8 does not take it for a constant
    // (optimised code relying on that would be thrown away when it grows).
    this.slot = new Int32Array(1 << 16).fill(-1);
  }

  /** Starts paper `row`'s words. */
  begin(row: number): void {
    this.current = row;
    this.first = this.n;
  }

  add(field: 0 | 1, key: number): void {
    if (key >= this.slot.length) this.growSlots(key);
    let at = this.slot[key];
    if (at < this.first) {
      at = this.slot[key] = this.n++;
      if (at >= this.key.length) this.grow(at + 1);
      this.key[at] = key;
      this.row[at] = this.current;
      // tfTitle and tfAbstract are 0 there: a posting is written once, the arrays made or grown zeroed.
    }
    if (field === 0) {
      this.tfTitle[at]++;
      this.titleLength[this.current]++;
    } else {
      this.tfAbstract[at]++;
      this.abstractLength[this.current]++;
    }
  }

  private growSlots(key: number): void {
    const bigger = new Int32Array(Math.max(key + 1, this.slot.length * 2)).fill(-1);
    bigger.set(this.slot);
    this.slot = bigger;
  }

  private grow(length: number): void {
    [this.key, this.row] = [ensureCapacity(this.key, length), ensureCapacity(this.row, length)];
    [this.tfTitle, this.tfAbstract] = [ensureCapacity(this.tfTitle, length), ensureCapacity(this.tfAbstract, length)];
  }

  result(): PaperWords {
    const n = this.n;
    return { key: this.key.slice(0, n), row: this.row.slice(0, n), tfTitle: this.tfTitle.slice(0, n), tfAbstract: this.tfAbstract.slice(0, n),
      titleLength: this.titleLength, abstractLength: this.abstractLength };
  }
}

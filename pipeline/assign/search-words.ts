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
  private key: Int32Array;
  private row: Int32Array;
  private tf: [Int32Array, Int32Array];
  private n = 0;
  /** Posting of each key id in the current paper (valid when ≥ the paper's first posting). */
  private slot = new Int32Array(1 << 16).fill(-1);
  private first = 0;
  private current = -1;
  readonly length: [Int32Array, Int32Array];

  constructor(nPapers: number) {
    this.length = [new Int32Array(nPapers), new Int32Array(nPapers)];
    // ~85 distinct search words a paper (title and abstract): sized once, seldom grown.
    const capacity = Math.max(1 << 12, nPapers * 96);
    [this.key, this.row, this.tf] = [new Int32Array(capacity), new Int32Array(capacity), [new Int32Array(capacity), new Int32Array(capacity)]];
  }

  /** Starts paper `row`'s words. */
  begin(row: number): void {
    this.current = row;
    this.first = this.n;
  }

  add(field: 0 | 1, key: number): void {
    this.length[field][this.current]++;
    if (key >= this.slot.length) {
      const bigger = new Int32Array(Math.max(key + 1, this.slot.length * 2)).fill(-1);
      bigger.set(this.slot);
      this.slot = bigger;
    }
    let at = this.slot[key];
    if (at < this.first) {
      at = this.slot[key] = this.n++;
      if (at >= this.key.length) {
        [this.key, this.row] = [ensureCapacity(this.key, at + 1), ensureCapacity(this.row, at + 1)];
        this.tf = [ensureCapacity(this.tf[0], at + 1), ensureCapacity(this.tf[1], at + 1)];
      }
      this.key[at] = key;
      this.row[at] = this.current;
      this.tf[0][at] = this.tf[1][at] = 0;
    }
    this.tf[field][at]++;
  }

  result(): PaperWords {
    const n = this.n;
    return { key: this.key.slice(0, n), row: this.row.slice(0, n), tfTitle: this.tf[0].slice(0, n), tfAbstract: this.tf[1].slice(0, n),
      titleLength: this.length[0], abstractLength: this.length[1] };
  }
}

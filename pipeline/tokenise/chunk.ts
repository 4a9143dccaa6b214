// Owns tokenising one contiguous run of documents into its own word and term tables, term ids in
// order of first occurrence within the run (merge-chunks.ts joins runs into one dictionary).
import { ensureCapacity } from './grow.js';
import { normaliseText } from './normalise-text.js';
import { TermTable } from './term-table.js';
import { TokenScanner } from './token-scanner.js';
import { WordTable } from './word-table.js';

export interface PaperText {
  title: string;
  abstract: string;
}

/**
 * A tokenised run of documents. All their term ids sit back to back in one buffer; document i is
 * ids[ends[i-1], ends[i]). Why one buffer: 75k small typed arrays each own an ArrayBuffer, which
 * every young-generation collection must sweep; views into one buffer cost nothing of the kind.
 */
export interface Chunk {
  words: WordTable;
  table: TermTable;
  ids: Uint32Array;
  ends: Uint32Array;
}

interface IdPool {
  ids: Uint32Array;
  length: number;
  scanner: TokenScanner;
}

/** Appends the term ids of one text: at each content word its unigram, then the bigram and trigram ending there. */
function tokeniseText(text: string, words: WordTable, table: TermTable, ngramMax: number, pool: IdPool): void {
  let n = pool.length;
  let prevWord = -1; // previous content word, -1 after a break or a stop word
  let prevBigram = -1; // surface bigram ending at the previous word
  const scanner = pool.scanner;
  scanner.reset(text);
  while (scanner.next()) {
    const { start, end } = scanner;
    if (scanner.brokeBefore) prevWord = prevBigram = -1;
    const word = end - start < 2 || end - start > 40 ? -1 : words.idOfSpan(text, start, end, scanner.hash);
    if (word < 0 || words.keyOf[word] < 0) {
      prevWord = prevBigram = -1;
      continue;
    }
    if (n + 3 > pool.ids.length) pool.ids = ensureCapacity(pool.ids, n + 3);
    const ids = pool.ids;
    ids[n++] = table.addUnigram(word);
    let bigram = -1;
    if (ngramMax >= 2 && prevWord >= 0) {
      bigram = table.addBigram(prevWord, word);
      ids[n++] = table.bigramTerm[bigram];
    }
    if (ngramMax >= 3 && prevBigram >= 0) ids[n++] = table.addTrigram(prevBigram, word);
    prevWord = word;
    prevBigram = bigram;
  }
  pool.length = n;
}

/** Tokenises documents one by one into fresh tables (`title + ". " + abstract` of each). */
export class ChunkTokeniser {
  private readonly words = new WordTable();
  private readonly table = new TermTable(this.words);
  private readonly pool: IdPool;
  private ends: Uint32Array;
  private nDocs = 0;

  /** `expectedIds` sizes the id buffer (it grows if needed): a good guess spares copies and slack. */
  constructor(private readonly ngramMax: number, expectedIds: number, expectedDocs: number) {
    this.pool = { ids: new Uint32Array(Math.max(1024, expectedIds)), length: 0, scanner: new TokenScanner() };
    this.ends = new Uint32Array(expectedDocs);
  }

  add(title: string, abstract: string): void {
    tokeniseText(normaliseText(title, abstract), this.words, this.table, this.ngramMax, this.pool);
    this.ends = ensureCapacity(this.ends, this.nDocs + 1);
    this.ends[this.nDocs++] = this.pool.length;
  }

  finish(): Chunk {
    const { pool } = this;
    const ids = pool.length === pool.ids.length ? pool.ids : pool.ids.slice(0, pool.length); // trimmed: the slack can be large
    pool.ids = new Uint32Array(0);
    return { words: this.words, table: this.table, ids, ends: this.ends.slice(0, this.nDocs) };
  }
}

/**
 * First size of the id buffer for documents of `chars` characters in all. 75k arXiv abstracts gave
 * 0.113 ids per character with phrases up to three words (12.0M ids over 106M characters); 0.12 is
 * a little over, so that the buffer rarely grows.
 */
export const expectedIds = (chars: number): number => Math.ceil(chars * 0.12);

/** Characters of a document's text, before normalising. */
export const textLength = (doc: PaperText): number => doc.title.length + doc.abstract.length;

/** Tokenises `title + ". " + abstract` of each document into fresh tables. */
export function tokeniseChunk(docs: readonly PaperText[], ngramMax: number): Chunk {
  const chars = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  const tokeniser = new ChunkTokeniser(ngramMax, expectedIds(chars), docs.length);
  for (const doc of docs) tokeniser.add(doc.title, doc.abstract);
  return tokeniser.finish();
}

/** Views of each document's ids into the chunk's one buffer. */
export function documentViews(ids: Uint32Array, ends: Uint32Array): Uint32Array[] {
  return Array.from(ends, (end, i) => ids.subarray(i === 0 ? 0 : ends[i - 1], end));
}

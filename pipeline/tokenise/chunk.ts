// Owns tokenising one contiguous run of documents into its own word and term tables, term ids in
// order of first occurrence within the run (merge-chunks.ts joins runs into one dictionary).
import { countDocumentFrequencies } from './document-frequencies.js';
import { ensureCapacity } from './grow.js';
import { normaliseText } from './normalise-text.js';
import { TermTable } from './term-table.js';
import { TokenScanner } from './token-scanner.js';
import { PHRASE_START } from './surface-counts.js';
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
  /** The content words in order (see surface-counts.ts). */
  stream: Uint32Array;
  /** Number of the chunk's documents each of its terms occurs in. */
  df: Uint32Array;
}

/** Growing outputs: term ids, and the word stream that surface-counts.ts replays. */
interface Pool {
  ids: Uint32Array;
  nIds: number;
  stream: Uint32Array;
  nStream: number;
  scanner: TokenScanner;
}

/** Appends the term ids of one text: at each content word its unigram, then the bigram and trigram ending there. */
function tokeniseText(text: string, words: WordTable, table: TermTable, ngramMax: number, pool: Pool): void {
  let [n, m] = [pool.nIds, pool.nStream];
  let prevWord = -1; // previous content word, -1 after a break or a stop word
  let prevBigram = -1; // bigram term ending at the previous word
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
    if (m + 1 > pool.stream.length) pool.stream = ensureCapacity(pool.stream, m + 1);
    pool.stream[m++] = prevWord < 0 ? word | PHRASE_START : word;
    const ids = pool.ids;
    ids[n++] = table.addUnigram(word);
    let bigram = -1;
    if (ngramMax >= 2 && prevWord >= 0) ids[n++] = bigram = table.addBigram(prevWord, word);
    if (ngramMax >= 3 && prevBigram >= 0) ids[n++] = table.addTrigram(prevBigram, word);
    prevWord = word;
    prevBigram = bigram;
  }
  [pool.nIds, pool.nStream] = [n, m];
}

/**
 * First sizes of the buffers for documents of `chars` characters in all. 75k arXiv abstracts gave
 * 0.113 term ids (phrases up to three words) and 0.070 content words per character (12.0M ids and
 * 7.4M words over 106M characters); a little over, so that the buffers rarely grow.
 */
const IDS_PER_CHAR = 0.12;
const WORDS_PER_CHAR = 0.075;
/**
 * Distinct phrases per character, to size the phrase maps: the same corpus had 0.0099 distinct
 * bigrams and 0.0080 trigrams per character in all, 0.0102 and 0.0074 in half of it (0.0145 and
 * 0.0080 in 5,000 abstracts); growing from small rehashed them ~12 times.
 */
const BIGRAMS_PER_CHAR = 0.011;
const TRIGRAMS_PER_CHAR = 0.008;

/** Tokenises documents one by one into fresh tables (`title + ". " + abstract` of each). */
export class ChunkTokeniser {
  private readonly words = new WordTable();
  private readonly table: TermTable;
  private readonly pool: Pool;
  private ends: Uint32Array;
  private nDocs = 0;

  /** `chars` and `docs` (of all the documents to come) size the buffers; they grow if needed. */
  constructor(private readonly ngramMax: number, chars: number, docs: number) {
    const [ids, stream] = [Math.ceil(chars * IDS_PER_CHAR), Math.ceil(chars * WORDS_PER_CHAR)];
    this.table = new TermTable(this.words, ngramMax < 2 ? undefined :
      { bigrams: Math.ceil(chars * BIGRAMS_PER_CHAR), trigrams: ngramMax < 3 ? 1024 : Math.ceil(chars * TRIGRAMS_PER_CHAR) });
    this.pool = { ids: new Uint32Array(Math.max(1024, ids)), nIds: 0, stream: new Uint32Array(Math.max(1024, stream)), nStream: 0, scanner: new TokenScanner() };
    this.ends = new Uint32Array(docs);
  }

  add(title: string, abstract: string): void {
    tokeniseText(normaliseText(title, abstract), this.words, this.table, this.ngramMax, this.pool);
    this.ends = ensureCapacity(this.ends, this.nDocs + 1);
    this.ends[this.nDocs++] = this.pool.nIds;
  }

  finish(): Chunk {
    const { pool } = this;
    const [ids, stream] = [pool.ids.slice(0, pool.nIds), pool.stream.slice(0, pool.nStream)]; // trimmed: the slack can be large
    [pool.ids, pool.stream] = [new Uint32Array(0), new Uint32Array(0)];
    const ends = this.ends.slice(0, this.nDocs);
    const df = countDocumentFrequencies(documentViews(ids, ends), this.table.nTerms);
    return { words: this.words, table: this.table, ids, ends, stream, df };
  }
}

/** Characters of a document's text, before normalising. */
export const textLength = (doc: PaperText): number => doc.title.length + doc.abstract.length;

/** Tokenises `title + ". " + abstract` of each document into fresh tables. */
export function tokeniseChunk(docs: readonly PaperText[], ngramMax: number): Chunk {
  const tokeniser = new ChunkTokeniser(ngramMax, docs.reduce((sum, doc) => sum + textLength(doc), 0), docs.length);
  for (const doc of docs) tokeniser.add(doc.title, doc.abstract);
  return tokeniser.finish();
}

/** Views of each document's ids into the chunk's one buffer. */
export function documentViews(ids: Uint32Array, ends: Uint32Array): Uint32Array[] {
  return Array.from(ends, (end, i) => ids.subarray(i === 0 ? 0 : ends[i - 1], end));
}

// Owns tokenising one contiguous run of documents into its own word and term tables, term ids in
// order of first occurrence within the run (merge-chunks.ts joins runs into one dictionary). For a
// large corpus in two phases: the texts to the word stream first, then (once the threads' phrase
// sketches are summed, phrase-sketch.ts) the stream to term ids, every rare phrase as RARE_TERM.
import { countDocumentFrequencies } from './document-frequencies.js';
import { ensureCapacity } from './grow.js';
import { normaliseText } from './normalise-text.js';
import { bigramHash, countPhrase, hashString, mayReach, trigramHash } from './phrase-sketch.js';
import { RARE_TERM, TermTable } from './term-table.js';
import { TokenScanner } from './token-scanner.js';
import { PHRASE_START } from './surface-counts.js';
import { WordTable } from './word-table.js';

export interface PaperText {
  title: string;
  abstract: string;
  /** title.length + abstract.length when known without reading them (ingest/packed-texts.ts PackedPaper). */
  readonly chars?: number;
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

/** Appends the content words of one text to the stream, PHRASE_START where no phrase runs on (tokeniseText without terms). */
function streamText(text: string, words: WordTable, pool: Pool): void {
  let m = pool.nStream;
  let phraseRuns = false;
  const scanner = pool.scanner;
  scanner.reset(text);
  while (scanner.next()) {
    const { start, end } = scanner;
    if (scanner.brokeBefore) phraseRuns = false;
    const word = end - start < 2 || end - start > 40 ? -1 : words.idOfSpan(text, start, end, scanner.hash);
    if (word < 0 || words.keyOf[word] < 0) {
      phraseRuns = false;
      continue;
    }
    if (m + 1 > pool.stream.length) pool.stream = ensureCapacity(pool.stream, m + 1);
    pool.stream[m++] = phraseRuns ? word : word | PHRASE_START;
    phraseRuns = true;
  }
  pool.nStream = m;
}

const WORD_BITS = PHRASE_START - 1;

/**
 * Walks a word stream as tokeniseText walks its text: at each word its unigram, then the bigram
 * ending there if a phrase ran on from the word before, then the trigram if one ran on to that word.
 * `visit` gets each word, and the phrase hashes (phrase-sketch.ts; −1: no such phrase); it returns
 * the bigram's term (or −1), which says whether a trigram can end at the next word.
 */
function walkStream(stream: Uint32Array, from: number, to: number, keyHash: Uint32Array, keyOf: Int32Array,
  visit: (word: number, prevWord: number, bigram: number, trigram: number, prevBigramTerm: number) => number): void {
  let [prevWord, prevHash, prevBigram, prevBigramHash] = [-1, 0, -1, 0];
  for (let s = from; s < to; s++) {
    const word = stream[s] & WORD_BITS;
    if (stream[s] >= PHRASE_START) prevWord = prevBigram = -1;
    const hash = keyHash[keyOf[word]];
    const bigram = prevWord >= 0 ? bigramHash(prevHash, hash) : -1;
    const trigram = prevBigram >= 0 ? trigramHash(prevBigramHash, hash) : -1;
    const bigramTerm = visit(word, prevWord, bigram, trigram, prevBigram);
    [prevWord, prevHash, prevBigram, prevBigramHash] = [word, hash, bigramTerm, bigram];
  }
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

/**
 * Tokenises documents one by one into fresh tables (`title + ". " + abstract` of each). With
 * `twoPhase`, add() records only the word stream (`ends` then index it); sketch() counts the
 * phrases, intern() makes the term ids from the stream, rare phrases as RARE_TERM.
 */
export class ChunkTokeniser {
  private readonly words = new WordTable();
  private readonly table: TermTable;
  private readonly pool: Pool;
  private ends: Uint32Array;
  private nDocs = 0;

  /** `chars` and `docs` (of all the documents to come) size the buffers; they grow if needed. */
  constructor(private readonly ngramMax: number, chars: number, docs: number, private readonly twoPhase = false) {
    const [ids, stream] = [twoPhase ? 0 : Math.ceil(chars * IDS_PER_CHAR), Math.ceil(chars * WORDS_PER_CHAR)];
    this.pool = { ids: new Uint32Array(Math.max(1024, ids)), nIds: 0, stream: new Uint32Array(Math.max(1024, stream)), nStream: 0, scanner: new TokenScanner() };
    this.ends = new Uint32Array(docs);
    this.table = new TermTable(this.words, ngramMax < 2 || twoPhase ? undefined :
      { bigrams: Math.ceil(chars * BIGRAMS_PER_CHAR), trigrams: ngramMax < 3 ? 1024 : Math.ceil(chars * TRIGRAMS_PER_CHAR) }, twoPhase);
  }

  add(title: string, abstract: string): void {
    const text = normaliseText(title, abstract);
    if (this.twoPhase) streamText(text, this.words, this.pool);
    else tokeniseText(text, this.words, this.table, this.ngramMax, this.pool);
    this.ends = ensureCapacity(this.ends, this.nDocs + 1);
    this.ends[this.nDocs++] = this.twoPhase ? this.pool.nStream : this.pool.nIds;
  }

  /** Hash of each stem key (phrase-sketch.ts hashString), by key id. */
  private keyHashes(): Uint32Array {
    return Uint32Array.from(this.words.keys, hashString);
  }

  /** Two-phase, after add(): counts every phrase of the stream into `sketch`. */
  sketch(sketch: Uint8Array): void {
    const { ngramMax, pool } = this;
    walkStream(pool.stream, 0, pool.nStream, this.keyHashes(), this.words.keyOf, (_word, _prev, bigram, trigram) => {
      if (ngramMax >= 2 && bigram >= 0) countPhrase(sketch, bigram);
      if (ngramMax >= 3 && trigram >= 0) countPhrase(sketch, trigram);
      return bigram; // any number ≥ 0: a bigram ended here, so a trigram can end at the next word
    });
  }

  /**
   * Two-phase, after the threads' sketches are summed into `sketch`: the term ids of every document,
   * as tokeniseText gives them, but a phrase the sketch rules out (fewer than `minCount` occurrences
   * in the corpus), and a three-word phrase whose first two words are one, is RARE_TERM.
   */
  intern(sketch: Uint8Array, minCount: number): void {
    const { ngramMax, pool, table } = this;
    const [keyHash, keyOf] = [this.keyHashes(), this.words.keyOf];
    pool.ids = new Uint32Array(Math.max(1024, Math.ceil(pool.nStream * (ngramMax >= 3 ? 2.6 : ngramMax))));
    let n = 0;
    for (let doc = 0, from = 0; doc < this.nDocs; doc++) {
      const to = this.ends[doc];
      walkStream(pool.stream, from, to, keyHash, keyOf, (word, prevWord, bigram, trigram, prevBigramTerm) => {
        if (n + 3 > pool.ids.length) pool.ids = ensureCapacity(pool.ids, n + 3);
        const ids = pool.ids;
        ids[n++] = table.addUnigram(word);
        let bigramTerm = -1;
        if (ngramMax >= 2 && bigram >= 0) {
          ids[n++] = bigramTerm = mayReach(sketch, bigram, minCount) ? table.addBigram(prevWord, word) : RARE_TERM;
        }
        if (ngramMax >= 3 && trigram >= 0) {
          ids[n++] = prevBigramTerm !== RARE_TERM && mayReach(sketch, trigram, minCount) ? table.addTrigram(prevBigramTerm, word) : RARE_TERM;
        }
        return bigramTerm;
      });
      [from, this.ends[doc]] = [to, n];
    }
    pool.nIds = n;
  }

  finish(): Chunk {
    const { pool } = this;
    // Trimmed: the slack can be large. Two-phase (a large corpus), a view when the slack is under an
    // eighth: a copy would hold both for a moment (1.4 GB of ids at a million papers).
    const trim = (array: Uint32Array, n: number) => (this.twoPhase && n >= array.length * 0.875 ? array.subarray(0, n) : array.slice(0, n));
    const [ids, stream] = [trim(pool.ids, pool.nIds), trim(pool.stream, pool.nStream)];
    [pool.ids, pool.stream] = [new Uint32Array(0), new Uint32Array(0)];
    const ends = this.ends.slice(0, this.nDocs);
    const df = countDocumentFrequencies(documentViews(ids, ends), this.table.nTerms);
    if (this.twoPhase) df[RARE_TERM] = 0; // not a term: never a column
    return { words: this.words, table: this.table, ids, ends, stream, df };
  }
}

/** Characters of a document's text, before normalising. */
export const textLength = (doc: PaperText): number => doc.chars ?? doc.title.length + doc.abstract.length;

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

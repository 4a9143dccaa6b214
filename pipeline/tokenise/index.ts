// Owns the tokenise stage: papers in, one interned dictionary of terms (stemmed words and two- and
// three-word phrases) and each paper's term ids out. Stop list in stop-words.ts.
import type { TokenisedCorpus } from '../types.js';
import { ensureCapacity } from './grow.js';
import { normaliseText } from './normalise-text.js';
import { TermTable } from './term-table.js';
import { buildTermStrings } from './term-strings.js';
import { TokenScanner } from './token-scanner.js';
import { WordTable } from './word-table.js';

export interface TokeniseOptions {
  /** Longest phrase in words, 1..3. */
  ngramMax: number;
}

/**
 * All documents' term ids, back to back in one growing buffer; document i is ids[ends[i-1], ends[i]).
 * Why one buffer: 75k small typed arrays each own an ArrayBuffer, which every young-generation
 * collection must sweep; views into one buffer cost nothing of the kind.
 */
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

/**
 * Tokenises `title + ". " + abstract` of each document. Term ids are given in order of first
 * occurrence, so the same documents in the same order always give the same dictionary. Every
 * phrase is a term, however rare: pruning is tfidf's job (min df). `docs[i]` are views into one
 * shared buffer (read them; do not transfer their `.buffer` to a worker).
 */
export function tokeniseCorpus(docs: { title: string; abstract: string }[], options: TokeniseOptions): TokenisedCorpus {
  const { ngramMax } = options;
  if (!Number.isInteger(ngramMax) || ngramMax < 1 || ngramMax > 3) {
    throw new RangeError(`tokenise: ngramMax must be 1, 2 or 3, got ${ngramMax}`);
  }
  const words = new WordTable();
  const table = new TermTable(words);
  const pool: IdPool = { ids: new Uint32Array(1 << 16), length: 0, scanner: new TokenScanner() };
  const ends = new Float64Array(docs.length);
  docs.forEach((doc, i) => {
    tokeniseText(normaliseText(doc.title, doc.abstract), words, table, ngramMax, pool);
    ends[i] = pool.length;
  });
  table.finishCounting();
  const ids = pool.ids.slice(0, pool.length); // trimmed: the doubling slack is up to half
  pool.ids = new Uint32Array(0);
  const termIds = docs.map((_, i) => ids.subarray(i === 0 ? 0 : ends[i - 1], ends[i]));
  const { terms, surfaces } = buildTermStrings(table);
  return { terms, surfaces, docs: termIds };
}

// Owns counting the surface forms (words as written) of the terms that need a label. Only their
// phrases are counted, by replaying a chunk's word stream against its term ids: counting every
// phrase while tokenising took two more hash maps of millions of entries, for 60k labels.
import { NumberMap } from './number-map.js';
import { ID_LIMIT } from './word-table.js';

/**
 * The word stream holds each content word id of a chunk in order, PHRASE_START added where no
 * phrase runs on from the word before (a document's start, punctuation, a dropped token).
 */
export const PHRASE_START = 0x40000000;
const WORD_BITS = PHRASE_START - 1;

/** What a chunk keeps for counting surfaces: its words, their counts and unigram terms, its stream. */
export interface WordData {
  words: string[];
  counts: Uint32Array;
  /** Unigram term of each word, or -1 for a word that is not a content token. */
  terms: Int32Array;
  stream: Uint32Array;
}

/** Phrases as written, by index: their words packed in one number, their term and their count. */
export interface PhraseList {
  words: number[];
  term: number[];
  count: number[];
}

/**
 * Surface forms and counts: words by word id (all of them), phrases by index (those of the terms
 * counted). A pair of words is packed as word1 · 2^22 + word2, a triple as pairIndex · 2^22 + word3.
 */
export interface SurfaceUnits {
  words: string[];
  wordCounts: Uint32Array;
  wordTerm: Int32Array;
  pairs: PhraseList;
  triples: PhraseList;
}

/** Index of the phrase `packed` (of term `term`) in `list`, added on first sight with count 0. */
function indexOf(list: PhraseList, index: NumberMap, packed: number, term: number): number {
  let found = index.get(packed);
  if (found < 0) {
    found = list.words.length;
    index.add(packed, found);
    list.words.push(packed);
    list.term.push(term);
    list.count.push(0);
  }
  return found;
}

/**
 * Counts the surfaces of the phrases whose term is `counted` (a byte per term: a quarter of the
 * cache misses of a slot array), replaying the stream as tokeniseText walked it: at each word its unigram id, then a bigram id if a phrase ran
 * on from the word before, then a trigram id if one also ran on to that word.
 */
export function countSurfaces(data: WordData, ids: Uint32Array, ngramMax: number, counted: Uint8Array): SurfaceUnits {
  const phrases = (): PhraseList => ({ words: [], term: [], count: [] });
  const [pairs, triples] = [phrases(), phrases()];
  const [pairIndex, tripleIndex] = [new NumberMap(), new NumberMap()];
  const { stream } = data;
  let p = 0;
  let prevWord = -1;
  let prevPrevWord = -1; // >= 0 when a bigram ended at prevWord: prevPrevWord prevWord
  let prevBigram = -1;
  for (let i = 0; i < stream.length; i++) {
    const word = stream[i] & WORD_BITS;
    if (stream[i] >= PHRASE_START) prevWord = prevPrevWord = -1;
    p++; // the unigram
    let bigram = -1;
    if (ngramMax >= 2 && prevWord >= 0) {
      bigram = ids[p++];
      if (counted[bigram]) pairs.count[indexOf(pairs, pairIndex, prevWord * ID_LIMIT + word, bigram)]++;
    }
    if (ngramMax >= 3 && prevPrevWord >= 0) {
      const trigram = ids[p++];
      if (counted[trigram]) {
        const pair = indexOf(pairs, pairIndex, prevPrevWord * ID_LIMIT + prevWord, prevBigram);
        triples.count[indexOf(triples, tripleIndex, pair * ID_LIMIT + word, trigram)]++;
      }
    }
    prevPrevWord = bigram >= 0 ? prevWord : -1;
    prevBigram = bigram;
    prevWord = word;
  }
  if (p !== ids.length) throw new Error(`tokenise: the word stream replayed ${p} of ${ids.length} term ids`);
  return { words: data.words, wordCounts: data.counts, wordTerm: data.terms, pairs, triples };
}

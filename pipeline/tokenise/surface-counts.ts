// Owns counting the surface forms (words as written) of the terms that need a label. Only their
// phrases are counted, by replaying each chunk's word stream against its term ids: counting every
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
 * Surface forms and their counts over all chunks: words by joined word id (all of them), phrases
 * by index (those of the counted terms only). A pair of words is packed as word1 · 2^22 + word2,
 * a triple as pairIndex · 2^22 + word3.
 */
export interface SurfaceUnits {
  words: string[];
  wordCounts: Uint32Array;
  wordTerm: Int32Array;
  pairs: PhraseList;
  triples: PhraseList;
}

/**
 * The chunks' words as one list, counts summed (a string is the same word in every chunk), with
 * each chunk's map from its word ids to the joined ones. The first chunk's ids are kept.
 */
function joinWords(chunks: WordData[]): { units: SurfaceUnits; wordOf: Int32Array[] } {
  const words = chunks[0].words.slice();
  const idOf = new Map<string, number>();
  if (chunks.length > 1) words.forEach((word, id) => idOf.set(word, id));
  const wordOf = chunks.map((chunk, c) => {
    const map = new Int32Array(chunk.words.length);
    for (let id = 0; id < map.length; id++) {
      if (c === 0) map[id] = id;
      else {
        const word = chunk.words[id];
        const joined = idOf.get(word);
        if (joined !== undefined) map[id] = joined;
        else idOf.set(word, (map[id] = words.push(word) - 1));
      }
    }
    return map;
  });
  if (words.length > ID_LIMIT) throw new RangeError(`tokenise: more than ${ID_LIMIT} distinct words`);
  const [wordCounts, wordTerm] = [new Uint32Array(words.length), new Int32Array(words.length)];
  chunks.forEach(({ counts, terms }, c) => {
    const map = wordOf[c];
    for (let id = 0; id < map.length; id++) {
      wordCounts[map[id]] += counts[id];
      wordTerm[map[id]] = terms[id];
    }
  });
  const phrases = (): PhraseList => ({ words: [], term: [], count: [] });
  return { units: { words, wordCounts, wordTerm, pairs: phrases(), triples: phrases() }, wordOf };
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

interface PhraseCounts {
  pairs: PhraseList;
  triples: PhraseList;
  pairIndex: NumberMap;
  tripleIndex: NumberMap;
}

/**
 * Replays one chunk's stream as tokeniseText walked it: at each word its unigram id, then a bigram
 * id if a phrase ran on from the word before, then a trigram id if one also ran on to that word.
 * Counts the phrases whose term is `counted`, by joined word ids (`joined` maps the chunk's ids).
 */
function countChunk(stream: Uint32Array, ids: Uint32Array, joined: Int32Array, ngramMax: number, counted: Uint8Array, into: PhraseCounts): void {
  const { pairs, triples, pairIndex, tripleIndex } = into;
  let p = 0;
  let prevWord = -1;
  let prevPrevWord = -1; // >= 0 when a bigram ended at prevWord: prevPrevWord prevWord
  let prevBigram = -1;
  for (let i = 0; i < stream.length; i++) {
    const word = joined[stream[i] & WORD_BITS];
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
  if (p !== ids.length) throw new Error(`tokenise: a word stream replayed ${p} of ${ids.length} term ids`);
}

/**
 * Counts, over all chunks, the surfaces of the terms that are `counted` (a byte per term: a quarter
 * of the cache misses of a slot array). `ids` are each chunk's term ids, already joined
 * (merge-chunks.ts).
 */
export function countSurfaces(chunks: { words: WordData; ids: Uint32Array }[], ngramMax: number, counted: Uint8Array): SurfaceUnits {
  const { units, wordOf } = joinWords(chunks.map((chunk) => chunk.words));
  const into = { pairs: units.pairs, triples: units.triples, pairIndex: new NumberMap(), tripleIndex: new NumberMap() };
  chunks.forEach((chunk, c) => countChunk(chunk.words.stream, chunk.ids, wordOf[c], ngramMax, counted, into));
  return units;
}

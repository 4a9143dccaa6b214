// Owns joining chunks tokenised apart (in worker threads) onto the first chunk's tables. A later
// chunk's terms are interned in its local id order, which is its order of first occurrence, so the
// joined ids come out in the corpus' order of first occurrence: the ids one thread would give.
import type { ChunkData } from './chunk-data.js';
import { RARE, RARE_TERM, TRIGRAM, UNIGRAM, type TermTable } from './term-table.js';
import type { WordTable } from './word-table.js';

/** Rewrites ids (or -1) through `map`, in place. */
function remap(ids: Uint32Array | Int32Array, map: Uint32Array): void {
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) ids[i] = map[ids[i]];
}

/**
 * Interns the terms of `part` into `table` (keys into `words`) and rewrites, in place, the part's
 * document ids and its words' unigram terms to the joined ids. Returns the joined id of each of
 * the part's terms. The `last` part's new terms are only looked up, not indexed: nothing is
 * merged after it.
 */
export function mergeChunk(words: WordTable, table: TermTable, part: ChunkData, last: boolean): Uint32Array {
  const keyIds = Int32Array.from(part.keys, (key) => words.internKey(key));
  const { kind, refA, refB } = part.refs;
  const toJoined = new Uint32Array(kind.length);
  const known = table.nTerms; // joined ids from here on are new in this part
  for (let t = 0; t < kind.length; t++) {
    if (kind[t] === RARE) {
      toJoined[t] = RARE_TERM; // both tables were made for the rare-phrase filter
      continue;
    }
    // A trigram's refA is its bigram term, whose local id is smaller: already mapped.
    const a = kind[t] === TRIGRAM ? toJoined[refA[t]] : keyIds[refA[t]];
    const b = kind[t] === UNIGRAM ? 0 : keyIds[refB[t]];
    if (!last) {
      toJoined[t] = table.internTerm(kind[t], a, b);
      continue;
    }
    // A trigram whose bigram is new is new too: no lookup.
    const found = kind[t] === TRIGRAM && a >= known ? -1 : table.findTerm(kind[t], a, b);
    toJoined[t] = found >= 0 ? found : table.appendTerm(kind[t], a, b);
  }
  remap(part.ids, toJoined);
  remap(part.words.terms, toJoined);
  return toJoined;
}

/** Document frequencies of the joined terms: chunks hold disjoint documents, so their counts add. */
export function joinDocumentFrequencies(nTerms: number, first: Uint32Array, rest: { df: Uint32Array; toJoined: Uint32Array }[]): Uint32Array {
  const df = new Uint32Array(nTerms);
  df.set(first);
  for (const { df: partDf, toJoined } of rest) {
    for (let t = 0; t < toJoined.length; t++) df[toJoined[t]] += partDf[t];
  }
  return df;
}

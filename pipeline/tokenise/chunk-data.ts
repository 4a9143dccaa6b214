// Owns the plain data a tokenised chunk hands on: typed arrays and string lists only, so a worker
// thread can post it to the main thread (the arrays' buffers are transferred, not copied).
import type { Chunk } from './chunk.js';
import type { WordData } from './surface-counts.js';

/** Per term: its kind, and (key id) | (key1, key2) | (bigram term id, key3). */
export interface TermRefs {
  kind: Uint8Array;
  refA: Int32Array;
  refB: Int32Array;
}

/** A chunk with its hash maps dropped: what merge-chunks.ts needs to join it to the first chunk. */
export interface ChunkData {
  /** Stem key of each key id. */
  keys: string[];
  refs: TermRefs;
  words: WordData;
  ids: Uint32Array;
  ends: Uint32Array;
  df: Uint32Array;
}

/** The chunk's words for counting surfaces; call before finishChunk (which drops the unigram index). */
export function wordDataOf({ words, table, stream }: Chunk): WordData {
  return { words: words.words, counts: words.counts.slice(0, words.words.length), terms: table.wordTerms(), stream };
}

export function finishChunk(chunk: Chunk): ChunkData {
  const words = wordDataOf(chunk);
  return { keys: chunk.words.keys, refs: chunk.table.finish(), words, ids: chunk.ids, ends: chunk.ends, df: chunk.df };
}

/** The buffers to transfer with a posted ChunkData (each array owns its whole buffer). */
export function transferList({ refs, words, ids, ends, df }: ChunkData): ArrayBuffer[] {
  const arrays = [refs.kind, refs.refA, refs.refB, ids, ends, df, words.counts, words.terms, words.stream];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

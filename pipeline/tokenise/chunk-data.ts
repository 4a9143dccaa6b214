// Owns the plain data a tokenised chunk hands on: typed arrays and string lists only, so a worker
// thread can post it to the main thread (the arrays' buffers are transferred, not copied).
import type { Chunk } from './chunk.js';

/**
 * Every surface form a chunk counted, with the (chunk-local) term it belongs to: content words by
 * word id, surface n-grams by index, their words packed as in term-table.ts.
 */
export interface SurfaceUnits {
  words: string[];
  wordCounts: Uint32Array;
  /** Unigram term of each word, or -1 for a word that is not a content token. */
  wordTerm: Int32Array;
  bigramKey: Float64Array;
  bigramTerm: Int32Array;
  bigramCount: Uint32Array;
  trigramKey: Float64Array;
  trigramTerm: Int32Array;
  trigramCount: Uint32Array;
}

/** Per term: its kind, and (key id) | (key1, key2) | (bigram term id, key3). */
export interface TermRefs {
  kind: Uint8Array;
  refA: Int32Array;
  refB: Int32Array;
}

/** A chunk with its tables dropped: what merge-chunks.ts needs to join it to the first chunk. */
export interface ChunkData {
  /** Stem key of each key id. */
  keys: string[];
  refs: TermRefs;
  units: SurfaceUnits;
  ids: Uint32Array;
  ends: Uint32Array;
}

export function finishChunk({ words, table, ids, ends }: Chunk): ChunkData {
  const units = table.finishSurfaces();
  return { keys: words.keys, refs: table.finishTerms(), units, ids, ends };
}

/** The buffers to transfer with a posted ChunkData (each array owns its buffer: see finishSurfaces). */
export function transferList({ refs, units, ids, ends }: ChunkData): ArrayBuffer[] {
  const arrays = [refs.kind, refs.refA, refs.refB, ids, ends, units.wordCounts, units.wordTerm, units.bigramKey,
    units.bigramTerm, units.bigramCount, units.trigramKey, units.trigramTerm, units.trigramCount];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

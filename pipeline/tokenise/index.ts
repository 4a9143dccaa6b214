// Owns the tokenise stage: papers in, one interned dictionary of terms (stemmed words and two- and
// three-word phrases) and each paper's term ids out. Stop list in stop-words.ts.
import type { InternedCorpus, TokenisedCorpus } from '../types.js';
import { documentViews, textLength, tokeniseChunk, type Chunk, type PaperText } from './chunk.js';
import { countDocumentFrequencies } from './document-frequencies.js';
import { wordDataOf, type ChunkData } from './chunk-data.js';
import { joinDocumentFrequencies, mergeChunk } from './merge-chunks.js';
import type { WordData } from './surface-counts.js';
import { TermDictionary } from './term-strings.js';
import { PREFILTER_CHARS, sketchCells } from './phrase-sketch.js';
import { tokeniseFilteredHere, tokeniseOnThreads, type Prefilter } from './tokenise-threads.js';

export interface TokeniseOptions {
  /** Longest phrase in words, 1..3. */
  ngramMax: number;
}

export interface ThreadedTokeniseOptions extends TokeniseOptions {
  /** Threads at most, this one included; 1 tokenises on this thread alone. The output is the same. */
  workers: number;
  /** Characters each thread must have at least, or fewer threads are used (default 8M). */
  minCharsPerThread?: number;
  /**
   * tfidf's min df: with it, a corpus of more than PREFILTER_CHARS characters (or any, with
   * `prefilter: true`) never interns a phrase seen fewer times (phrase-sketch.ts): the same
   * vocabulary and matrix in a fraction of the memory, every such phrase standing as one term of df 0.
   */
  minDf?: number;
  prefilter?: boolean;
}

/**
 * A worker costs ~0.5 s before it pays: ~0.25 s to register tsx, a cold JIT, and the merge. The
 * 5k-paper sample (7.1M characters) took 0.8-1.0 s on one thread and 1.1-1.2 s on two; the 75k
 * corpus (106M) gains ~2 s per extra thread.
 */
const MIN_CHARS_PER_THREAD = 8_000_000;

/** Threads to use for `docs`: at most `workers` and one per document, each with minCharsPerThread characters. */
export function countThreads(docs: readonly PaperText[], { workers, minCharsPerThread = MIN_CHARS_PER_THREAD }: ThreadedTokeniseOptions): number {
  const chars = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  const byChars = minCharsPerThread > 0 ? Math.floor(chars / minCharsPerThread) : Infinity;
  return Math.max(1, Math.min(Math.floor(workers), docs.length, byChars));
}

function validate({ ngramMax }: TokeniseOptions): void {
  if (!Number.isInteger(ngramMax) || ngramMax < 1 || ngramMax > 3) {
    throw new RangeError(`tokenise: ngramMax must be 1, 2 or 3, got ${ngramMax}`);
  }
}

/** Merges the later chunks onto the first; `docs[i]` are views into one buffer per chunk. */
function internCorpus(first: Chunk, firstWords: WordData, rest: ChunkData[], ngramMax: number): InternedCorpus {
  const joined = rest.map((part, i) => ({ df: part.df, toJoined: mergeChunk(first.words, first.table, part, i === rest.length - 1) }));
  const chunks = [{ words: firstWords, ids: first.ids, ends: first.ends }, ...rest];
  const dictionary = new TermDictionary(first.words.keys, first.table.finish(), chunks, ngramMax);
  return {
    nTerms: dictionary.nTerms,
    docs: chunks.flatMap((part) => documentViews(part.ids, part.ends)),
    df: joinDocumentFrequencies(dictionary.nTerms, first.df, joined),
    keysOf: (termIds) => dictionary.keysOf(termIds),
    surfacesOf: (termIds) => dictionary.surfacesOf(termIds)
  };
}

/**
 * Tokenises `title + ". " + abstract` of each document. Term ids are given in order of first
 * occurrence, so the same documents in the same order always give the same dictionary, on any
 * number of threads. Every phrase is a term, however rare: pruning is tfidf's job (min df), and
 * strings are made only for the terms it asks for. `docs[i]` are views into shared buffers (read
 * them; do not transfer their `.buffer` to a worker).
 */
export async function tokenisePapers(docs: readonly PaperText[], options: ThreadedTokeniseOptions): Promise<InternedCorpus> {
  validate(options);
  const threads = countThreads(docs, options);
  const prefilter = prefilterOf(docs, options);
  if (threads === 1) {
    if (prefilter === null) return tokeniseOnThisThread(docs, options.ngramMax);
    const first = await tokeniseFilteredHere(docs, options.ngramMax, prefilter);
    return internCorpus(first, wordDataOf(first), [], options.ngramMax);
  }
  const { first, firstWords, rest } = await tokeniseOnThreads(docs, options.ngramMax, threads, prefilter);
  return internCorpus(first, firstWords, rest, options.ngramMax);
}

/** The rare-phrase filter's settings for these documents, or null when it does not run. */
function prefilterOf(docs: readonly PaperText[], { minDf = 1, prefilter, ngramMax }: ThreadedTokeniseOptions): Prefilter | null {
  if (minDf <= 1 || ngramMax < 2 || prefilter === false) return null;
  const chars = docs.reduce((sum, doc) => sum + textLength(doc), 0);
  return prefilter === true || chars > PREFILTER_CHARS ? { cells: sketchCells(chars), minCount: minDf } : null;
}

function tokeniseOnThisThread(docs: readonly PaperText[], ngramMax: number): InternedCorpus {
  const first = tokeniseChunk(docs, ngramMax);
  return internCorpus(first, wordDataOf(first), [], ngramMax);
}

/** Every term's key and surface, spelt out. */
export function spellOut(corpus: InternedCorpus): TokenisedCorpus {
  const all = Uint32Array.from({ length: corpus.nTerms }, (_, term) => term);
  return { terms: corpus.keysOf(all), surfaces: corpus.surfacesOf(all), docs: corpus.docs };
}

/** The inverse of spellOut: a spelt-out corpus (hand-made in tests) behind the hand-off's interface. */
export function fromSpelledOut({ terms, surfaces, docs }: TokenisedCorpus): InternedCorpus {
  return {
    nTerms: terms.length,
    docs,
    df: countDocumentFrequencies(docs, terms.length),
    keysOf: (termIds) => Array.from(termIds, (term) => terms[term]),
    surfacesOf: (termIds) => Array.from(termIds, (term) => surfaces[term])
  };
}

/** tokenisePapers on this thread alone, with every term's strings (for small corpora and tests). */
export function tokeniseCorpus(docs: readonly PaperText[], options: TokeniseOptions): TokenisedCorpus {
  validate(options);
  return spellOut(tokeniseOnThisThread(docs, options.ngramMax));
}

// Owns the rare-phrase filter of large corpora: a count sketch of every two- and three-word phrase,
// so that the dictionary never holds the phrases tfidf would drop anyway. A million abstracts make
// ~76M distinct phrases, nearly all seen once or twice, and each costs ~40 bytes of tables while it
// is interned (~3 GB); a phrase seen fewer than min-df times is in fewer than min-df papers, which
// tfidf prunes, so it need not be interned at all.
//
// The sketch counts phrase occurrences in saturating 8-bit cells, two cells per phrase (count-min):
// the smaller of the two is at least the phrase's count, as other phrases can only add to a cell.
// So a phrase whose sketch count is below min-df is certainly rare — dropping it never changes the
// vocabulary, the matrix or anything after them — and a rare phrase sharing both cells with common
// ones is merely kept (a few per cent of them with the cells below). Phrases are hashed from their
// stem keys' strings, so each thread's sketch counts the same phrase in the same cells, and the
// threads' sketches add up to the corpus's, the same for any number of threads.

/** Characters of text above which the filter runs (the 74.7k arXiv corpus has 107M: below). */
export const PREFILTER_CHARS = 250_000_000;

/** Two- and three-word phrase occurrences per character of text (0.07 on arXiv abstracts): sizes the sketch. */
const PHRASES_PER_CHAR = 0.07;
/** Cells at most: 128 MB a thread. */
const MAX_CELLS = 2 ** 27;

/** Cells of the sketch for `chars` characters of text: a power of two, about two per phrase occurrence. */
export function sketchCells(chars: number): number {
  return Math.min(MAX_CELLS, 2 ** Math.max(16, Math.ceil(Math.log2(2 * PHRASES_PER_CHAR * chars))));
}

/** FNV-1a of a string's UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** fmix32 of MurmurHash3. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of the phrase `first second` (hashString of each stem key). */
export const bigramHash = (first: number, second: number): number => fmix(first ^ Math.imul(second, 0x9e3779b1) ^ 0x2545f491);

/** Hash of a three-word phrase: its first two words' bigramHash, then the third word's key hash. */
export const trigramHash = (bigram: number, third: number): number => fmix(bigram ^ Math.imul(third, 0x27d4eb2f) ^ 0x165667b1);

/** The second cell of a phrase: its hash mixed again. */
const secondCell = (hash: number): number => fmix(hash ^ 0x5bd1e995);

/** Counts one occurrence of the phrase `hash` (cells saturate at 255). */
export function countPhrase(sketch: Uint8Array, hash: number): void {
  const mask = sketch.length - 1;
  const [a, b] = [hash & mask, secondCell(hash) & mask];
  if (sketch[a] < 255) sketch[a]++;
  if (b !== a && sketch[b] < 255) sketch[b]++;
}

/** Whether the phrase `hash` may occur `minCount` times or more (false: certainly fewer). */
export function mayReach(sketch: Uint8Array, hash: number, minCount: number): boolean {
  const mask = sketch.length - 1;
  return sketch[hash & mask] >= minCount && sketch[secondCell(hash) & mask] >= minCount;
}

/** Adds `other` into `sketch`, cell by cell, saturating: the sketch of both threads' text. */
export function addSketch(sketch: Uint8Array, other: Uint8Array): void {
  if (other.length !== sketch.length) throw new RangeError(`phrase sketch: ${other.length} cells added to ${sketch.length}`);
  for (let i = 0; i < sketch.length; i++) {
    const sum = sketch[i] + other[i];
    sketch[i] = sum > 255 ? 255 : sum;
  }
}

// Owns the run's model: what `npm run assign` needs to place new papers as the run placed its own
// (vocabulary + IDF, tokeniser setting, unit centroids, every paper's TF-IDF row, the novel
// threshold), how it is packed into BLOBs (little-endian typed arrays) and read back.
import type { Clustering, CsrMatrix, ThemeLabel, Vocabulary } from '../types.js';

/** Paper rows per paper_vectors block: ~0.4 MB a block at ~80 terms a row. */
export const BLOCK_ROWS = 4096;
/** The novel threshold is this quantile of the clustered papers' cosine to their own centroid. */
export const NOVEL_QUANTILE = 0.05;

export interface RunModel {
  ngramMax: number;
  /** Papers the IDF was computed over. */
  nDocs: number;
  vocabulary: Pick<Vocabulary, 'terms' | 'surfaces' | 'df' | 'idf'>;
  k: number;
  /** Dense k × nCols unit centroids, row-major (as Clustering.centroids). */
  centroids: Float32Array;
  /** Per theme, the vocabulary ids whose bursts trends watches (ThemeLabel.distinctiveTerms). */
  burstTerms: number[][];
  /** TF-IDF rows of the run's papers, paper row order. */
  matrix: CsrMatrix;
  /** A paper whose cosine to its nearest centroid is below this is novel (see novelThreshold). */
  novelThreshold: number;
}

/**
 * The NOVEL_QUANTILE quantile of the clustered papers' cosine to their own centroid (linear
 * interpolation between order statistics, numpy's default): a new paper below it fits its nearest
 * theme worse than 95 % of the papers the themes were made from. Papers with empty rows (no term of
 * the vocabulary, cosine 0 to every centroid) are left out: they say nothing about fit.
 */
export function novelThreshold(similarity: ArrayLike<number>, matrix: Pick<CsrMatrix, 'indptr' | 'nRows'>): number {
  const kept: number[] = [];
  for (let i = 0; i < matrix.nRows; i++) if (matrix.indptr[i + 1] > matrix.indptr[i]) kept.push(similarity[i]);
  return quantile(Float64Array.from(kept).sort(), NOVEL_QUANTILE);
}

/** q-quantile of ascending `sorted` by linear interpolation (0 for none). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
}

export function describeModel(input: { matrix: CsrMatrix; vocabulary: Vocabulary; clustering: Clustering;
  labels: ThemeLabel[]; ngramMax: number }): RunModel {
  const { matrix, vocabulary, clustering, labels } = input;
  const burstTerms = Array.from({ length: clustering.k }, (): number[] => []);
  for (const l of labels) burstTerms[l.themeId] = l.distinctiveTerms;
  return { ngramMax: input.ngramMax, nDocs: matrix.nRows, vocabulary, k: clustering.k, centroids: clustering.centroids, burstTerms,
    matrix, novelThreshold: novelThreshold(clustering.similarity, matrix) };
}

/** Bytes the paper_vectors blocks of `matrix` hold (packBlock: row ends, 16- or 32-bit terms, float32 weights). */
export function vectorBytes(matrix: Pick<CsrMatrix, 'nRows' | 'nCols' | 'indptr'>): number {
  return 4 * matrix.nRows + (matrix.nCols <= 65536 ? 6 : 8) * matrix.indptr[matrix.nRows];
}

/** Bytes of a typed array (a view: no copy). */
export const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A typed array over a copy of `bytes` (a BLOB read back may be a Buffer view, unaligned, over a larger pool). */
function typed<T>(bytes: Uint8Array, make: (buffer: ArrayBuffer) => T): T {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return make(copy.buffer);
}
export const int32Of = (b: Uint8Array) => typed(b, (x) => new Int32Array(x));
export const uint32Of = (b: Uint8Array) => typed(b, (x) => new Uint32Array(x));
export const float32Of = (b: Uint8Array) => typed(b, (x) => new Float32Array(x));

/** Theme t's centroid as its non-zeros. */
export function packCentroid(model: Pick<RunModel, 'centroids' | 'vocabulary'>, theme: number): { terms: Int32Array; weights: Float32Array } {
  const nCols = model.vocabulary.terms.length;
  const row = model.centroids.subarray(theme * nCols, (theme + 1) * nCols);
  const terms: number[] = [];
  row.forEach((w, c) => w !== 0 && terms.push(c));
  return { terms: Int32Array.from(terms), weights: Float32Array.from(terms, (c) => row[c]) };
}

/** Rows [first, first + n) of `matrix` as one paper_vectors block; term ids in 16 bits when the vocabulary allows. */
export function packBlock(matrix: CsrMatrix, first: number, n: number) {
  const [from, to] = [matrix.indptr[first], matrix.indptr[first + n]];
  const ends = Uint32Array.from({ length: n }, (_, i) => matrix.indptr[first + i + 1] - from);
  const cols = matrix.indices.subarray(from, to);
  const terms = matrix.nCols <= 65536 ? Uint16Array.from(cols) : Uint32Array.from(cols);
  return { ends: bytesOf(ends), terms: bytesOf(terms), weights: bytesOf(matrix.values.subarray(from, to)) };
}

/** `bytes` as a typed array: a view when aligned (a BLOB read back is its own buffer), else a copy. */
function viewOf<T>(bytes: Uint8Array, Ctor: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
  make: (buffer: ArrayBuffer) => T): T {
  if (bytes.byteOffset % Ctor.BYTES_PER_ELEMENT === 0 && bytes.buffer instanceof ArrayBuffer) {
    return new Ctor(bytes.buffer, bytes.byteOffset, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  return typed(bytes, make);
}

/** One paper_vectors block decoded: row ends (from 0), term ids, weights (views of its BLOBs when aligned). */
export interface VectorBlock {
  ends: Uint32Array;
  terms: Uint16Array | Uint32Array;
  weights: Float32Array;
}

/** The blocks' BLOBs as typed arrays (a copy only where a BLOB is not aligned). */
export function decodeBlocks(blocks: { ends: Uint8Array; terms: Uint8Array; weights: Uint8Array }[], nCols: number): VectorBlock[] {
  return blocks.map((b) => ({
    ends: viewOf(b.ends, Uint32Array, (x) => new Uint32Array(x)),
    terms: nCols <= 65536 ? viewOf(b.terms, Uint16Array, (x) => new Uint16Array(x)) : viewOf(b.terms, Uint32Array, (x) => new Uint32Array(x)),
    weights: viewOf(b.weights, Float32Array, (x) => new Float32Array(x))
  }));
}

/** Rows held by decoded blocks. */
export const blockRows = (parts: readonly VectorBlock[]): number => parts.reduce((s, p) => s + p.ends.length, 0);

/** A matrix's rows as one block (views of its arrays, no copy), for blockRowsOf. */
export function asBlock(m: CsrMatrix): VectorBlock {
  const nnz = m.indptr[m.nRows];
  return { ends: m.indptr.subarray(1, m.nRows + 1), terms: m.indices.subarray(0, nnz), weights: m.values.subarray(0, nnz) };
}

/**
 * Rows of several blocks read where they lie: row r's non-zeros are terms/weights[part[r]] at
 * [from[r], to[r]). The run's rows and the new ones are read this way by the steps after fit
 * (topTermsOf, the neighbour search, burstColumns) instead of being copied into one CsrMatrix: that
 * copy (~6M non-zeros, ~50 MB of fresh memory) cost more than every read of it.
 */
export interface BlockRows {
  nRows: number;
  nCols: number;
  part: Int32Array;
  from: Uint32Array;
  to: Uint32Array;
  terms: (Uint16Array | Uint32Array)[];
  weights: Float32Array[];
}

/**
 * Blocks (in row order, same columns) as BlockRows: views, only three numbers per row made. Every
 * block's term ids in one array type (16 bits when the columns allow, as decodeBlocks reads them):
 * a block in the other (the new rows' CsrMatrix indices) is copied, so that the loops reading
 * terms[part] see one type (a mix made their reads polymorphic and slower).
 */
export function blockRowsOf(parts: readonly VectorBlock[], nCols: number): BlockRows {
  const nRows = blockRows(parts);
  const terms = parts.map((p) => (nCols <= 65536 ? (p.terms instanceof Uint16Array ? p.terms : Uint16Array.from(p.terms))
    : (p.terms instanceof Uint32Array ? p.terms : Uint32Array.from(p.terms))));
  const out: BlockRows = { nRows, nCols, part: new Int32Array(nRows), from: new Uint32Array(nRows), to: new Uint32Array(nRows),
    terms, weights: parts.map((p) => p.weights) };
  let row = 0;
  parts.forEach((p, b) => {
    for (let i = 0; i < p.ends.length; i++, row++) {
      out.part[row] = b;
      out.from[row] = i === 0 ? 0 : p.ends[i - 1];
      out.to[row] = p.ends[i];
    }
  });
  return out;
}

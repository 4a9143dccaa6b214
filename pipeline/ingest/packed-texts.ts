// Owns keeping the papers' titles and abstracts compactly: as UTF-8 in one buffer of shared memory,
// each paper reading its own on request. Once ingest has merged duplicates, the run's texts live
// only there (a million abstracts: 1.4 GB, against ~1.9 GB of strings, and no second copy for the
// threads): the tokenise workers and the search-index worker read the same bytes, uncopied.
import { sharedArray } from '../shared-memory.js';
import type { Paper } from '../types.js';

/** A title and an abstract. */
export interface Texts {
  title: string;
  abstract: string;
}

/**
 * The texts as UTF-8 in one shared buffer: paper i's title is bytes ends[2i − 1] .. ends[2i] (from 0
 * for i = 0), its abstract ends[2i] .. ends[2i + 1]. Plain data (two typed arrays over shared memory),
 * so a worker thread gets it in its workerData without a copy; textField reads one field.
 */
export interface PackedTexts {
  bytes: Uint8Array;
  ends: Uint32Array;
}

/** Largest buffer packTexts makes (the byte offsets are 32-bit). */
const MAX_BYTES = 2 ** 32 - 1;

/** UTF-8 bytes of each title and abstract, in `ends` order; null when they would not fit MAX_BYTES. */
function byteEnds(papers: readonly Texts[]): Uint32Array | null {
  const ends = sharedArray(Uint32Array, 2 * papers.length);
  let total = 0;
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i];
    total += Buffer.byteLength(p.title, 'utf8');
    ends[2 * i] = total;
    total += Buffer.byteLength(p.abstract, 'utf8');
    ends[2 * i + 1] = total;
    if (total > MAX_BYTES) return null;
  }
  return ends;
}

function write(papers: readonly Texts[], ends: Uint32Array, each?: (i: number, texts: PackedTexts) => void): PackedTexts {
  const total = ends.length === 0 ? 0 : ends[ends.length - 1];
  const bytes = sharedArray(Uint8Array, total);
  const view = Buffer.from(bytes.buffer, 0, total);
  const texts = { bytes, ends };
  for (let i = 0; i < papers.length; i++) {
    view.write(papers[i].title, i === 0 ? 0 : ends[2 * i - 1], 'utf8');
    view.write(papers[i].abstract, ends[2 * i], 'utf8');
    each?.(i, texts);
  }
  return texts;
}

/** The texts of `papers` in one shared buffer (throws past 4 GB of text). */
export function packTexts(papers: readonly Texts[]): PackedTexts {
  const ends = byteEnds(papers);
  if (ends === null) throw new RangeError('packTexts: more than 4 GB of titles and abstracts');
  return write(papers, ends);
}

/** A Buffer view of each packed buffer, made once (per thread). */
const views = new WeakMap<Uint8Array, Buffer>();

/** Field f of packed texts: 2i is paper i's title, 2i + 1 its abstract. */
export function textField({ bytes, ends }: PackedTexts, f: number): string {
  let view = views.get(bytes);
  if (!view) views.set(bytes, (view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  return view.toString('utf8', f === 0 ? 0 : ends[f - 1], ends[f]);
}

/** Field f's UTF-8 bytes (a view of the packed buffer, not a copy). */
export function textFieldBytes({ bytes, ends }: PackedTexts, f: number): Uint8Array {
  return bytes.subarray(f === 0 ? 0 : ends[f - 1], ends[f]);
}

/** A paper's title or abstract as UTF-8 bytes when it is packed (no string made), else as its string. */
export function textOrBytes(p: Paper, field: 'title' | 'abstract'): string | Uint8Array {
  return p instanceof PackedPaper ? textFieldBytes(p.texts, 2 * p.row + (field === 'title' ? 0 : 1)) : p[field];
}

/** A paper whose title and abstract are read from packed texts (a new string at each read). */
export class PackedPaper implements Paper {
  paperId: string;
  published: string | null;
  datePrecision: Paper['datePrecision'];
  declare datePrecisionDeclared?: true; // own property only when set, as on a plain paper
  declare keywordsOnly?: true;
  authors: string[];
  categories: string[];
  url: string | null;
  source: string;
  doi: string | null;
  venue: string | null;
  /** Characters (UTF-16 code units) of title and abstract: what tokenise sizes its work by, without reading them. */
  readonly chars: number;

  constructor(p: Paper, readonly texts: PackedTexts, readonly row: number) {
    [this.paperId, this.published, this.datePrecision] = [p.paperId, p.published, p.datePrecision];
    if (p.datePrecisionDeclared) this.datePrecisionDeclared = true;
    if (p.keywordsOnly) this.keywordsOnly = true;
    [this.authors, this.categories, this.url, this.source, this.doi, this.venue] = [p.authors, p.categories, p.url, p.source, p.doi, p.venue];
    this.chars = p.title.length + p.abstract.length;
  }

  get title(): string {
    return textField(this.texts, 2 * this.row);
  }

  get abstract(): string {
    return textField(this.texts, 2 * this.row + 1);
  }
}

/**
 * Moves the papers' texts into one shared buffer: each element of `papers` is replaced, in place, by
 * a PackedPaper, so the strings it held are garbage as the packing goes. Papers whose texts exceed
 * 4 GB stay as they are.
 */
export function packPapers(papers: Paper[]): Paper[] {
  const ends = byteEnds(papers);
  if (ends === null) return papers;
  write(papers, ends, (i, texts) => (papers[i] = new PackedPaper(papers[i], texts, i)));
  return papers;
}

/**
 * The packed texts behind `docs` and the row of the first, when they are PackedPapers of one buffer
 * in consecutive rows (a run's papers or a slice of them); else null.
 */
export function packedRun(docs: readonly object[]): { texts: PackedTexts; from: number } | null {
  const first = docs[0];
  if (!(first instanceof PackedPaper)) return null;
  for (let i = 1; i < docs.length; i++) {
    const doc = docs[i];
    if (!(doc instanceof PackedPaper) || doc.texts !== first.texts || doc.row !== first.row + i) return null;
  }
  return { texts: first.texts, from: first.row };
}

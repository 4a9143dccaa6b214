// Owns running `npm run assign`'s text pass (vectorise.ts: each new paper's TF-IDF row and search
// words) on a thread of its own (text-worker.ts), so that it overlaps what the main thread and
// DuckDB do meanwhile: the rest of reading the run back, finding which papers are new, the papers'
// commit. The thread starts with the command (its module loading overlaps the database copy) and
// is given the input's texts as soon as both they and the run's vocabulary are read.
import type { PackedTexts } from '../ingest/packed-texts.js';
import { textsOf } from '../search/in-background.js';
import type { CsrMatrix } from '../types.js';
import type { PaperText } from '../tokenise/chunk.js';
import { startWorkers } from '../workers.js';
import type { PaperWords } from './search-words.js';
import type { Vectorised } from './vectorise.js';

export interface TextJob {
  texts: PackedTexts;
  terms: readonly string[];
  idf: Float64Array;
  ngramMax: number;
}

export interface TextResult {
  rows: CsrMatrix;
  words: PaperWords;
  /** Text of each key id that words.key holds ('' for the others). */
  keyTexts: string[];
}

export interface BackgroundText {
  /** Hands the thread the papers to read (once). */
  start(papers: readonly PaperText[], vocabulary: Omit<TextJob, 'texts'>): void;
  /** The text pass of the papers given to start(); rejects when the thread fails. */
  result(): Promise<Vectorised>;
  /** Ends the thread; callers must call it in a finally. */
  close(): Promise<void>;
}

export function textPassInBackground(): BackgroundText {
  const worker = startWorkers<TextResult>(new URL('./text-worker.ts', import.meta.url), [null]);
  let reply: Promise<Vectorised> | null = null;
  return {
    start(papers, vocabulary) {
      worker.post({ texts: textsOf(papers), ...vocabulary } satisfies TextJob);
      reply = worker.replies({ end: true }).then(([r]) => ({ rows: r.rows, words: r.words, keyText: (key: number) => r.keyTexts[key] }));
      reply.catch(() => {}); // a failure surfaces where result() is awaited
    },
    result() {
      if (reply === null) throw new Error('text pass not started');
      return reply;
    },
    close: () => worker.close()
  };
}

/** The text pass of papers[keep[0]], papers[keep[1]], … out of that of all `papers` (rows and postings renumbered). */
export function keepRows(all: Vectorised, keep: Int32Array): Vectorised {
  const { rows, words } = all;
  const n = keep.length;
  const indptr = new Uint32Array(n + 1);
  for (let j = 0; j < n; j++) indptr[j + 1] = indptr[j] + rows.indptr[keep[j] + 1] - rows.indptr[keep[j]];
  const indices = new Uint32Array(indptr[n]);
  const values = new Float32Array(indptr[n]);
  for (let j = 0; j < n; j++) {
    const [from, to] = [rows.indptr[keep[j]], rows.indptr[keep[j] + 1]];
    indices.set(rows.indices.subarray(from, to), indptr[j]);
    values.set(rows.values.subarray(from, to), indptr[j]);
  }
  const newRow = new Int32Array(rows.nRows).fill(-1);
  keep.forEach((i, j) => (newRow[i] = j));
  const postings: number[] = [];
  for (let x = 0; x < words.key.length; x++) if (newRow[words.row[x]] >= 0) postings.push(x);
  const pick = (a: Int32Array) => Int32Array.from(postings, (x) => a[x]);
  return {
    rows: { nRows: n, nCols: rows.nCols, indptr, indices, values },
    words: { key: pick(words.key), row: Int32Array.from(postings, (x) => newRow[words.row[x]]), tfTitle: pick(words.tfTitle),
      tfAbstract: pick(words.tfAbstract), titleLength: Int32Array.from(keep, (i) => words.titleLength[i]),
      abstractLength: Int32Array.from(keep, (i) => words.abstractLength[i]) },
    keyText: all.keyText
  };
}

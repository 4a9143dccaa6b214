// Owns `npm run assign`'s text pass: the new papers in chunks taken from a shared counter, on this
// thread between its other work (the rest of the run is read and the papers written meanwhile, on
// DuckDB's thread: a chunk here, then DuckDB's answers, then the next chunk) and, with --workers 2,
// on one worker too, each thread through its own tokeniser; the chunks are then put back in paper
// order, the worker's search-word keys renumbered into this thread's. Same rows and words as one
// run over all papers (tests/unit/assign/text-pass.test.ts), the worker reading the texts as
// UTF-8: ingest's cleanText leaves no lone surrogate, the one thing UTF-8 would change. The worker
// is started first thing, so its start-up (tsx, the tokeniser's modules: ~0.3 s) overlaps reading
// the input and the database.
import { packTexts, textField, type PackedTexts } from '../ingest/packed-texts.js';
import { sharedArray } from '../shared-memory.js';
import type { PaperText } from '../tokenise/chunk.js';
import type { SearchStem } from '../tokenise/search-tokens.js';
import type { CsrMatrix } from '../types.js';
import { startWorkers, type Workers } from '../workers.js';
import type { PaperWords } from './search-words.js';
import { TextPass, vectoriseRun, type Vectorised } from './vectorise.js';
import { VocabularyTokeniser } from './vocabulary-tokeniser.js';

/**
 * Papers per chunk (~10 ms of text): small enough that DuckDB's answers wait little for this thread
 * and the two threads end close together, large enough to cost nothing to hand out.
 */
export const CHUNK_PAPERS = 64;

/** What the worker is sent: the vocabulary, the texts (shared memory) and the counter of chunks handed out. */
export interface TextPassJob {
  terms: readonly string[];
  idf: Float64Array;
  ngramMax: number;
  /** How the run's search keys are stemmed (runs.metrics.searchStem). */
  searchStem: SearchStem;
  texts: PackedTexts;
  count: number;
  next: Int32Array;
}

/** A chunk's rows and words (rows numbered from the chunk's first paper, keys the thread's own). */
export interface ChunkPass {
  chunk: number;
  rows: CsrMatrix;
  words: PaperWords;
}

/** What the worker posts back: its chunks and the text of each key id they use. */
export interface TextPassReply {
  chunks: ChunkPass[];
  keys: Int32Array;
  keyTexts: string[];
}

/** Takes chunks from `job.next` until none is left. */
export function takeChunks(tokeniser: VocabularyTokeniser, job: Pick<TextPassJob, 'idf' | 'count' | 'next'>, textOf: (i: number) => PaperText): ChunkPass[] {
  const done: ChunkPass[] = [];
  for (let c = takeChunk(tokeniser, job, textOf); c !== null; c = takeChunk(tokeniser, job, textOf)) done.push(c);
  return done;
}

/** Takes the next chunk from `job.next` and passes it; null when none is left. */
function takeChunk(tokeniser: VocabularyTokeniser, job: Pick<TextPassJob, 'idf' | 'count' | 'next'>, textOf: (i: number) => PaperText): ChunkPass | null {
  const chunk = Atomics.add(job.next, 0, 1);
  const from = chunk * CHUNK_PAPERS;
  if (from >= job.count) return null;
  const count = Math.min(CHUNK_PAPERS, job.count - from);
  return { chunk, ...vectoriseRun(tokeniser, job.idf, count, (i) => textOf(from + i), true) };
}

/** A pass under way: the chunks this thread has taken so far, and the worker's reply (null without one). */
interface Pass {
  papers: readonly PaperText[];
  tokeniser: VocabularyTokeniser;
  job: Pick<TextPassJob, 'idf' | 'count' | 'next'>;
  reply: Promise<TextPassReply> | null;
  /** Without a worker: the papers in order, into one set of arrays (no chunks to join). */
  alone: TextPass | null;
  own: ChunkPass[];
  stopped: boolean;
  failure: unknown;
}

/** The worker's half, or none on one core: start it before anything else, close it in a finally. */
export class TextPassHelper {
  private readonly workers: Workers<TextPassReply | 'ready'> | null;
  /** The worker's first message, once its modules are loaded. */
  private readonly started: Promise<unknown>;
  /** Chunks the worker took in the last vectorise. */
  workerChunks = 0;

  /** `threads`: 2 or more starts the worker (assign's --workers); 1 keeps the pass on this thread. */
  constructor(threads: number) {
    this.workers = threads >= 2 ? startWorkers<TextPassReply | 'ready'>(new URL('./text-pass-worker.ts', import.meta.url), [null]) : null;
    this.started = this.workers ? this.workers.replies() : Promise.resolve();
    this.started.catch(() => {}); // a failure surfaces where the reply is awaited
  }

  /** Resolves once the worker is ready for a job (tests; vectorise does not wait for it). */
  async ready(): Promise<void> {
    await this.started;
  }

  private pass: Pass | null = null;

  /**
   * Starts the pass: hands the papers to the worker, which starts on them at once, and takes
   * chunks on this thread between its other work (`npm run assign` reads the rest of the run and
   * writes the papers meanwhile, mostly waiting for DuckDB's thread): one chunk, then whatever
   * DuckDB has answered, then the next. finish() takes what is left at once.
   */
  start(papers: readonly PaperText[], terms: readonly string[], idf: Float64Array, ngramMax: number, searchStem: SearchStem): void {
    const next = sharedArray(Int32Array, 1);
    let reply: Promise<TextPassReply> | null = null;
    this.workerChunks = 0;
    // One chunk or no worker: no point in handing texts over.
    if (this.workers && papers.length > CHUNK_PAPERS) {
      const workers = this.workers;
      workers.post({ terms, idf, ngramMax, searchStem, texts: packTexts(papers), count: papers.length, next } satisfies TextPassJob);
      reply = this.started.then(() => workers.replies({ end: true })).then(([r]) => r as TextPassReply);
      reply.catch(() => {}); // a failure surfaces in finish()
    }
    const tokeniser = new VocabularyTokeniser(terms, ngramMax, papers.length, searchStem);
    const pass: Pass = { papers, tokeniser, job: { idf, count: papers.length, next }, reply,
      alone: reply === null ? new TextPass(tokeniser, idf, papers.length, true) : null, own: [], stopped: false, failure: null };
    this.pass = pass;
    const textOf = (i: number) => papers[i];
    const takeOne = () => {
      if (pass.stopped) return;
      try {
        const { alone } = pass;
        if (alone) {
          if (alone.taken === alone.count) return;
          alone.take(textOf, Math.min(alone.count, alone.taken + CHUNK_PAPERS));
        } else {
          const chunk = takeChunk(pass.tokeniser, pass.job, textOf);
          if (chunk === null) return;
          pass.own.push(chunk);
        }
        setImmediate(takeOne);
      } catch (e) {
        pass.failure = e;
      }
    };
    setImmediate(takeOne);
  }

  /** Takes the chunks nobody has taken yet, waits for the worker's, and puts them all in paper order. */
  async finish(): Promise<Vectorised> {
    const pass = this.pass!;
    this.pass = null;
    pass.stopped = true;
    if (pass.failure !== null) throw pass.failure;
    const { papers, tokeniser, job, reply } = pass;
    const keyText = (key: number) => tokeniser.keyText(key);
    if (pass.alone) {
      pass.alone.take((i) => papers[i], papers.length);
      return { ...pass.alone.result(), keyText };
    }
    const chunks: (ChunkPass | undefined)[] = [];
    for (const c of [...pass.own, ...takeChunks(tokeniser, job, (i) => papers[i])]) chunks[c.chunk] = c;
    if (reply !== null) {
      const theirs = await reply;
      this.workerChunks = theirs.chunks.length;
      const remap = new Int32Array(theirs.keys.reduce((max, key) => Math.max(max, key + 1), 0)).fill(-1);
      for (let j = 0; j < theirs.keys.length; j++) remap[theirs.keys[j]] = tokeniser.keyIdOf(theirs.keyTexts[j]);
      for (const c of theirs.chunks) {
        remapKeys(c.words, remap);
        chunks[c.chunk] = c;
      }
    }
    return { ...joinChunks(chunks as ChunkPass[], papers.length, job.idf.length), keyText };
  }

  /** Stops taking chunks (a failed assign: finish() is never called). */
  stop(): void {
    if (this.pass) this.pass.stopped = true;
  }

  async close(): Promise<void> {
    this.stop();
    await this.workers?.close();
  }
}

/** Field f of the packed texts as the worker reads them. */
export function packedText(texts: PackedTexts, i: number): PaperText {
  return { title: textField(texts, 2 * i), abstract: textField(texts, 2 * i + 1) };
}

function remapKeys(words: PaperWords, remap: Int32Array): void {
  for (let i = 0; i < words.key.length; i++) words.key[i] = remap[words.key[i]];
}

/** The chunks (in chunk order, every one present) as one matrix and one list of words, rows numbered from 0. */
function joinChunks(chunks: ChunkPass[], nRows: number, nCols: number): { rows: CsrMatrix; words: PaperWords } {
  let nnz = 0;
  let postings = 0;
  for (const c of chunks) {
    nnz += c.rows.indptr[c.rows.nRows];
    postings += c.words.key.length;
  }
  const indptr = new Uint32Array(nRows + 1);
  const indices = new Uint32Array(nnz);
  const values = new Float32Array(nnz);
  const words: PaperWords = { key: new Int32Array(postings), row: new Int32Array(postings), tfTitle: new Int32Array(postings),
    tfAbstract: new Int32Array(postings), titleLength: new Int32Array(nRows), abstractLength: new Int32Array(nRows) };
  let [at, p] = [0, 0];
  for (const c of chunks) {
    const from = c.chunk * CHUNK_PAPERS;
    const { rows } = c;
    indices.set(rows.indices, at);
    values.set(rows.values, at);
    for (let i = 0; i < rows.nRows; i++) indptr[from + i + 1] = at + rows.indptr[i + 1];
    at += rows.indptr[rows.nRows];
    const w = c.words;
    words.key.set(w.key, p);
    words.tfTitle.set(w.tfTitle, p);
    words.tfAbstract.set(w.tfAbstract, p);
    for (let i = 0; i < w.row.length; i++) words.row[p + i] = from + w.row[i];
    p += w.key.length;
    words.titleLength.set(w.titleLength, from);
    words.abstractLength.set(w.abstractLength, from);
  }
  return { rows: { nRows, nCols, indptr, indices, values }, words };
}

// Owns the search stage: the inverted index over the run's titles and abstracts that the dashboard
// ranks with BM25F (bm25.ts). Words are normalised by search-tokens.ts, which the dashboard shares.
import { ensureCapacity } from '../tokenise/grow.js';
import { SEARCH_STEM, searchKey, symbolSuffix, type SearchStem } from '../tokenise/search-tokens.js';
import { TokenScanner } from '../tokenise/token-scanner.js';
import { WordTable } from '../tokenise/word-table.js';
import { fieldTf } from './bm25.js';

export interface SearchIndex {
  /** Search keys, sorted (code-unit order), so a prefix is one contiguous range; term id = position. */
  terms: string[];
  /** Papers each term occurs in. */
  df: Uint32Array;
  /** Postings sorted by term, then paper row: term id, paper row, BM25F pseudo term frequency (bm25.ts fieldTf). */
  postingTerm: Int32Array;
  postingRow: Int32Array;
  postingTf: Float64Array;
  /** Searchable words in each paper's title and abstract. */
  titleLength: Int32Array;
  abstractLength: Int32Array;
  /** How its keys are stemmed (search-tokens.ts), stored as runs.metrics.searchStem. */
  stem: SearchStem;
}

export interface IndexText {
  title: string;
  abstract: string;
}

/** A growing list of term ids (one per text being read), reused from text to text. */
class TermList {
  ids = new Int32Array(1 << 12);
  n = 0;

  push(id: number): void {
    if (this.n === this.ids.length) this.ids = ensureCapacity(this.ids, this.n + 1);
    this.ids[this.n++] = id;
  }
}

/**
 * Postings in order of paper row, terms by first appearance (local ids), term frequency per field.
 * Compact, as a million papers make ~85M postings: 8 bytes each (the term, a 16-bit count per field,
 * widened to 32 bits only if a count ever passes 65,535), each paper's row given by where its
 * postings end, and arrays grown by half (a doubling would at worst hold twice the postings).
 */
class PostingCollector {
  readonly ids = new Map<string, number>();
  term: Int32Array;
  tfTitle: Uint16Array | Uint32Array;
  tfAbstract: Uint16Array | Uint32Array;
  /** Postings of paper row r: [ends[r − 1], ends[r]) (from 0 for r = 0). */
  ends: Int32Array;
  n = 0;

  /** `expectedPostings` sizes the arrays (they grow by half when it is short). */
  constructor(papers: number, expectedPostings: number, private readonly stem: SearchStem) {
    const capacity = Math.max(1 << 10, Math.ceil(expectedPostings));
    [this.term, this.tfTitle, this.tfAbstract] = [new Int32Array(capacity), new Uint16Array(capacity), new Uint16Array(capacity)];
    this.ends = new Int32Array(papers);
  }

  private slot: Int32Array = new Int32Array(1 << 16).fill(-1);

  // Words are interned by span and hash (word-table.ts, as the tokeniser does), so a word already
  // seen costs no string: termOfWord[word id] is its local term id (-1: not searchable, -2: not yet
  // known); a hyphenated word's parts are partTerms[partStart[w] .. partStart[w] + partCount[w]).
  private readonly words = new WordTable(false);
  private termOfWord = new Int32Array(1 << 16).fill(-2);
  private partStart = new Int32Array(1 << 16);
  private partCount = new Uint8Array(1 << 16);
  private partTerms = new TermList();
  private readonly scanner = new TokenScanner();

  /** Appends the local term ids of a text's searchable words, in order, to `out` (search-tokens.ts searchTokens, without strings). */
  termsOf(text: string, out: TermList): void {
    out.n = 0;
    const lower = text.toLowerCase();
    const { scanner } = this;
    scanner.reset(lower);
    while (scanner.next()) {
      const { start, end } = scanner;
      const symbol = symbolSuffix(lower, start, end);
      if (symbol > 0) {
        out.push(this.idOf(lower.slice(start, end + symbol)));
        continue;
      }
      if (end - start < 2 || end - start > 40) continue;
      const word = this.words.idOfSpan(lower, start, end, scanner.hash);
      if (word >= this.termOfWord.length) this.growWords(word + 1);
      if (this.termOfWord[word] === -2) this.learn(word);
      if (this.termOfWord[word] >= 0) out.push(this.termOfWord[word]);
      for (let p = this.partStart[word], last = p + this.partCount[word]; p < last; p++) out.push(this.partTerms.ids[p]);
    }
  }

  private growWords(length: number): void {
    this.termOfWord = growFilled(this.termOfWord, length, -2);
    this.partStart = ensureCapacity(this.partStart, length);
    this.partCount = ensureCapacity(this.partCount, length);
  }

  /** Term id of a word seen for the first time, and of its hyphen parts. */
  private learn(word: number): void {
    const text = this.words.words[word];
    const key = searchKey(text, this.stem);
    this.termOfWord[word] = key === null ? -1 : this.idOf(key);
    if (!text.includes('-')) return;
    const parts = text.split('-').map((part) => searchKey(part, this.stem)).filter((k) => k !== null).map((k) => this.idOf(k));
    this.partStart[word] = this.partTerms.n;
    this.partCount[word] = Math.min(255, parts.length);
    for (const id of parts.slice(0, 255)) this.partTerms.push(id);
  }

  private idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      if (id >= this.slot.length) this.slot = growFilled(this.slot, id + 1, -1);
    }
    return id;
  }

  /** Adds paper row `row` (rows come in order 0, 1, …): one posting per distinct term, with its count in each field. */
  add(row: number, title: TermList, abstract: TermList): void {
    const start = this.n;
    this.count(title, 0, start);
    this.count(abstract, 1, start);
    for (let i = start; i < this.n; i++) this.slot[this.term[i]] = -1;
    this.ends[row] = this.n;
  }

  private count(terms: TermList, field: 0 | 1, start: number): void {
    const { ids, n } = terms;
    for (let j = 0; j < n; j++) {
      const id = ids[j];
      let at = this.slot[id];
      if (at < 0 || at < start) {
        at = this.slot[id] = this.push(id);
      }
      const tf = field === 0 ? this.tfTitle : this.tfAbstract;
      if (tf[at] === 0xffff && tf instanceof Uint16Array) this.widen(field)[at]++;
      else tf[at]++;
    }
  }

  /** The field's counts as 32-bit numbers, from now on (a word more than 65,535 times in one field). */
  private widen(field: 0 | 1): Uint32Array {
    const wide = Uint32Array.from(field === 0 ? this.tfTitle : this.tfAbstract);
    if (field === 0) this.tfTitle = wide;
    else this.tfAbstract = wide;
    return wide;
  }

  private push(term: number): number {
    const n = this.n++;
    if (n >= this.term.length) {
      const capacity = Math.ceil(this.term.length * 1.5);
      this.term = grow(this.term, capacity);
      [this.tfTitle, this.tfAbstract] = [grow(this.tfTitle, capacity), grow(this.tfAbstract, capacity)];
    }
    this.term[n] = term;
    this.tfTitle[n] = 0;
    this.tfAbstract[n] = 0;
    return n;
  }
}

function grow<T extends Int32Array | Uint16Array | Uint32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}

function growFilled(array: Int32Array, length: number, fill: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(length, array.length * 2)).fill(fill);
  bigger.set(array);
  return bigger;
}

const mean = (values: Int32Array) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

/**
 * Searchable postings per character of text: 5.65M postings over 106M characters of title and
 * abstract in the 74.7k arXiv corpus (0.053), 0.061 on the synthetic corpus; a little over, so that
 * the arrays rarely grow.
 */
export const POSTINGS_PER_CHAR = 0.065;

/**
 * Builds the run's search index; paper row i is `papers[i]`. `averages`: the field lengths to
 * normalise by (default: these papers' own means); `npm run assign` passes the run's. `chars`: the
 * texts' length in all, when known without reading them (sizes the arrays). `stem`: how its keys are
 * stemmed (search-tokens.ts; a new run's, SEARCH_STEM).
 */
export function buildSearchIndex(papers: readonly IndexText[], averages?: { title: number; abstract: number }, chars = 0,
  stem: SearchStem = SEARCH_STEM): SearchIndex {
  const collector = new PostingCollector(papers.length, chars * POSTINGS_PER_CHAR, stem);
  const titleLength = new Int32Array(papers.length);
  const abstractLength = new Int32Array(papers.length);
  const [title, abstract] = [new TermList(), new TermList()];
  papers.forEach((paper, row) => {
    collector.termsOf(paper.title, title);
    collector.termsOf(paper.abstract, abstract);
    [titleLength[row], abstractLength[row]] = [title.n, abstract.n];
    collector.add(row, title, abstract);
  });
  // Final ids in key order; a counting sort by final id keeps each term's rows ascending.
  const localKeys = [...collector.ids.keys()];
  const order = localKeys.map((_, i) => i).sort((a, b) => (localKeys[a] < localKeys[b] ? -1 : localKeys[a] > localKeys[b] ? 1 : 0));
  const finalId = new Int32Array(order.length);
  order.forEach((local, id) => (finalId[local] = id));
  const df = new Uint32Array(order.length);
  for (let i = 0; i < collector.n; i++) df[finalId[collector.term[i]]]++;
  const next = new Uint32Array(order.length);
  for (let t = 1; t < order.length; t++) next[t] = next[t - 1] + df[t - 1];
  const n = collector.n;
  const [postingTerm, postingRow, postingTf] = [new Int32Array(n), new Int32Array(n), new Float64Array(n)];
  const [avgTitle, avgAbstract] = averages ? [averages.title, averages.abstract] : [mean(titleLength), mean(abstractLength)];
  const { term, tfTitle, tfAbstract, ends } = collector;
  for (let row = 0, i = 0; row < papers.length; row++) {
    for (; i < ends[row]; i++) {
      const final = finalId[term[i]];
      const at = next[final]++;
      postingTerm[at] = final;
      postingRow[at] = row;
      postingTf[at] = fieldTf(tfTitle[i], titleLength[row], avgTitle, tfAbstract[i], abstractLength[row], avgAbstract);
    }
  }
  return { terms: order.map((local) => localKeys[local]), df, postingTerm, postingRow, postingTf, titleLength, abstractLength, stem };
}

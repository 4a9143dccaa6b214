// Owns choosing the TF-IDF columns: the min/max df cut, the maxTerms cap, and the column order.
import type { InternedCorpus } from '../types.js';

export interface VocabularyOptions {
  /** Drop terms in fewer than this many documents. */
  minDf: number;
  /** Drop terms in more than this fraction of the documents. */
  maxDf: number;
  /** Keep at most this many terms, those in the most documents. */
  maxTerms: number;
}

export interface SelectedVocabulary {
  /** Term ids of the corpus, one per column, in column order. */
  termIds: Uint32Array;
  /** Key of each column's term. */
  keys: string[];
  /** Document frequency of each column. */
  df: Uint32Array;
}

function validate({ minDf, maxDf, maxTerms }: VocabularyOptions): void {
  if (!Number.isInteger(minDf) || minDf < 1) throw new RangeError(`tfidf: minDf must be an integer >= 1, got ${minDf}`);
  if (!(maxDf > 0 && maxDf <= 1)) throw new RangeError(`tfidf: maxDf must be in (0, 1], got ${maxDf}`);
  if (!Number.isInteger(maxTerms) || maxTerms < 1) throw new RangeError(`tfidf: maxTerms must be an integer >= 1, got ${maxTerms}`);
}

/**
 * The maxTerms candidates of highest df, ties at the cut by smaller key, in key order. Finds the
 * cut's df with a native numeric sort, so keys are made and compared only for the terms at or above
 * the cut (a comparator sort of all 240k candidates of 75k abstracts by df then key took ~0.4 s).
 */
function keepMostFrequent(candidates: number[], maxTerms: number, corpus: InternedCorpus): SelectedVocabulary {
  const { df } = corpus;
  let cut = 0; // every candidate with df above the cut is kept; none is below it
  let pool = candidates;
  if (candidates.length > maxTerms) {
    const dfs = Uint32Array.from(candidates, (term) => df[term]).sort();
    cut = dfs[dfs.length - maxTerms];
    pool = candidates.filter((term) => df[term] >= cut);
  }
  const poolKeys = corpus.keysOf(pool);
  const order = Array.from(pool, (_, i) => i).sort((a, b) => (poolKeys[a] < poolKeys[b] ? -1 : poolKeys[a] > poolKeys[b] ? 1 : 0));
  let roomAtCut = maxTerms - pool.reduce((above, term) => above + (df[term] > cut ? 1 : 0), 0);
  const kept = order.filter((i) => df[pool[i]] > cut || roomAtCut-- > 0);
  const termIds = Uint32Array.from(kept, (i) => pool[i]);
  return { termIds, keys: kept.map((i) => poolKeys[i]), df: termIds.map((term) => df[term]) };
}

/**
 * Keeps the terms with minDf <= df <= maxDf · nDocs, then the maxTerms of them with the highest
 * df (ties: smaller term key first). Columns are in term-key order (JavaScript string order), so
 * the same vocabulary always gets the same columns, whatever the order of first occurrence.
 */
export function selectVocabulary(corpus: InternedCorpus, options: VocabularyOptions): SelectedVocabulary {
  validate(options);
  const { df } = corpus;
  const maxDocs = options.maxDf * corpus.docs.length;
  const candidates: number[] = [];
  for (let term = 0; term < corpus.nTerms; term++) {
    if (df[term] >= options.minDf && df[term] <= maxDocs) candidates.push(term);
  }
  return keepMostFrequent(candidates, options.maxTerms, corpus);
}

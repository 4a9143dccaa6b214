// Owns the dictionary's strings, made once after counting: each term's key (stems joined by ' ')
// and its surface, the most frequent way the corpus wrote it (ties: lexicographically smallest).
import { BIGRAM, UNIGRAM, type TermTable } from './term-table.js';
import { ID_LIMIT } from './word-table.js';

export interface TermStrings {
  terms: string[];
  surfaces: string[];
}

type Pick = { best: Int32Array; bestCount: Uint32Array };

/** Keeps, per term, the unit (word or surface n-gram) with the highest count; ties by surface string. */
function pickMostFrequent(
  pick: Pick,
  nUnits: number,
  termOf: (unit: number) => number,
  countOf: (unit: number) => number,
  surfaceOf: (unit: number) => string
): void {
  const { best, bestCount } = pick;
  for (let unit = 0; unit < nUnits; unit++) {
    const term = termOf(unit);
    if (term < 0) continue;
    const count = countOf(unit);
    const current = best[term];
    if (current < 0 || count > bestCount[term] || (count === bestCount[term] && surfaceOf(unit) < surfaceOf(current))) {
      best[term] = unit;
      bestCount[term] = count;
    }
  }
}

// Strings are built with join, not `${a} ${b}`: join makes one flat string (about 45 bytes for a
// phrase) where + makes a chain of cons strings (about 70), and there are millions of phrases.
export function buildTermStrings(table: TermTable): TermStrings {
  const { words, kind, refA, refB, nTerms } = table;
  const terms = new Array<string>(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const [a, b] = [refA[t], refB[t]];
    // A trigram's refA is its first two words' bigram term, whose id is smaller: already built.
    if (kind[t] === UNIGRAM) terms[t] = words.keys[a];
    else if (kind[t] === BIGRAM) terms[t] = [words.keys[a], words.keys[b]].join(' ');
    else terms[t] = [terms[a], words.keys[b]].join(' ');
  }

  const split = (packed: number): [number, number] => {
    const high = Math.floor(packed / ID_LIMIT);
    return [high, packed - high * ID_LIMIT];
  };
  const wordSurface = (word: number): string => words.words[word];
  const bigramSurface = (index: number): string => {
    const [w1, w2] = split(table.bigramKey[index]);
    return [words.words[w1], words.words[w2]].join(' ');
  };
  const trigramSurface = (index: number): string => {
    const [bigram, w3] = split(table.trigramKey[index]);
    const [w1, w2] = split(table.bigramKey[bigram]);
    return [words.words[w1], words.words[w2], words.words[w3]].join(' ');
  };

  const pick: Pick = { best: new Int32Array(nTerms).fill(-1), bestCount: new Uint32Array(nTerms) };
  const unigramTermOf = (word: number): number => (words.keyOf[word] < 0 ? -1 : table.unigramTermOf(word));
  pickMostFrequent(pick, words.words.length, unigramTermOf, (w) => words.counts[w], wordSurface);
  pickMostFrequent(pick, table.nSurfaceBigrams, (i) => table.bigramTerm[i], (i) => table.bigramCount[i], bigramSurface);
  pickMostFrequent(pick, table.nSurfaceTrigrams, (i) => table.trigramTerm[i], (i) => table.trigramCount[i], trigramSurface);

  const surfaces = new Array<string>(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const unit = pick.best[t];
    surfaces[t] = kind[t] === UNIGRAM ? wordSurface(unit) : kind[t] === BIGRAM ? bigramSurface(unit) : trigramSurface(unit);
  }
  return { terms, surfaces };
}

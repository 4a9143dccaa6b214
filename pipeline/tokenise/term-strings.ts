// Owns the dictionary's strings, made on request for the terms that need them (tfidf keeps 60k of
// the 2.1M terms of 75k abstracts): each term's key (stems joined by ' ') and its surface, the most
// frequent way the corpus wrote it (ties: lexicographically smallest).
import type { TermRefs } from './chunk-data.js';
import { countSurfaces, type SurfaceUnits, type WordData } from './surface-counts.js';
import { BIGRAM, RARE, TRIGRAM, UNIGRAM } from './term-table.js';
import { ID_LIMIT } from './word-table.js';

/** One chunk's words and its document ids, already joined (merge-chunks.ts). */
export interface ChunkWords {
  words: WordData;
  ids: Uint32Array;
}

/** Best surface so far of each requested term: highest count, ties to the smaller string. */
interface Pick {
  best: string[];
  bestCount: Float64Array;
}

/** Called for each surface unit of a requested term: its position in the request and its count. */
type Visit = (slot: number, count: number, units: SurfaceUnits, kind: number, unit: number) => void;

const split = (packed: number): [number, number] => {
  const high = Math.floor(packed / ID_LIMIT);
  return [high, packed - high * ID_LIMIT];
};

// Strings are built with join, not `${a} ${b}`: join makes one flat string (about 45 bytes for a
// phrase) where + makes a chain of cons strings (about 70).
function surfaceOf(units: SurfaceUnits, kind: number, unit: number): string {
  const { words } = units;
  if (kind === UNIGRAM) return words[unit];
  const [first, last] = split(kind === BIGRAM ? units.pairs.words[unit] : units.triples.words[unit]);
  if (kind === BIGRAM) return [words[first], words[last]].join(' ');
  const [w1, w2] = split(units.pairs.words[first]);
  return [words[w1], words[w2], words[last]].join(' ');
}

/** Visits every unit (word, pair, triple) whose term has a slot. */
function visitUnits(units: SurfaceUnits, slotOf: Int32Array, visit: Visit): void {
  const kinds: [number, ArrayLike<number>, ArrayLike<number>][] = [
    [UNIGRAM, units.wordTerm, units.wordCounts],
    [BIGRAM, units.pairs.term, units.pairs.count],
    [TRIGRAM, units.triples.term, units.triples.count]
  ];
  for (const [kind, termOf, countOf] of kinds) {
    for (let unit = 0; unit < termOf.length; unit++) {
      const term = termOf[unit];
      const slot = term < 0 ? -1 : slotOf[term];
      if (slot >= 0 && countOf[unit] > 0) visit(slot, countOf[unit], units, kind, unit);
    }
  }
}

function offer(pick: Pick, slot: number, count: number, surface: string): void {
  if (count > pick.bestCount[slot] || (count === pick.bestCount[slot] && surface < pick.best[slot])) {
    pick.best[slot] = surface;
    pick.bestCount[slot] = count;
  }
}

export class TermDictionary {
  constructor(
    private readonly keys: string[],
    private readonly refs: TermRefs,
    private readonly chunks: ChunkWords[],
    private readonly ngramMax: number
  ) {}

  get nTerms(): number {
    return this.refs.kind.length;
  }

  keysOf(termIds: ArrayLike<number>): string[] {
    const { keys, refs: { kind, refA, refB } } = this;
    return Array.from(termIds, (t) => {
      if (kind[t] === UNIGRAM) return keys[refA[t]];
      if (kind[t] === RARE) return ''; // the rare phrases' stand-in: never a column (df 0)
      if (kind[t] === BIGRAM) return [keys[refA[t]], keys[refB[t]]].join(' ');
      const prefix = refA[t]; // a trigram's refA is the bigram term of its first two words
      return [keys[refA[prefix]], keys[refB[prefix]], keys[refB[t]]].join(' ');
    });
  }

  /** Surfaces of `termIds`; a surface's count is its sum over the chunks. */
  surfacesOf(termIds: ArrayLike<number>): string[] {
    const slotOf = new Int32Array(this.nTerms).fill(-1);
    const counted = new Uint8Array(this.nTerms);
    for (let i = 0; i < termIds.length; i++) [slotOf[termIds[i]], counted[termIds[i]]] = [i, 1];
    const pick: Pick = { best: new Array<string>(termIds.length).fill(''), bestCount: new Float64Array(termIds.length) };
    // Every surface is one unit, so units are offered as they come; a string is built only when it can win.
    visitUnits(countSurfaces(this.chunks, this.ngramMax, counted), slotOf, (slot, n, units, kind, unit) => {
      if (n >= pick.bestCount[slot]) offer(pick, slot, n, surfaceOf(units, kind, unit));
    });
    return pick.best;
  }
}

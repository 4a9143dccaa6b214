// Owns the dictionary's strings, made on request for the terms that need them (tfidf keeps 60k of
// the 2.1M terms of 75k abstracts): each term's key (stems joined by ' ') and its surface, the most
// frequent way the corpus wrote it (ties: lexicographically smallest).
import type { SurfaceUnits, TermRefs } from './chunk-data.js';
import { BIGRAM, TRIGRAM, UNIGRAM } from './term-table.js';
import { ID_LIMIT } from './word-table.js';

/** Best surface so far of each requested term: highest count, ties to the smaller string. */
interface Pick {
  best: string[];
  bestCount: Float64Array;
}

/** Called for each surface unit of a requested term: its position in the request and its count. */
type Visit = (slot: number, count: number, units: SurfaceUnits, kind: number, unit: number) => void;

// Strings are built with join, not `${a} ${b}`: join makes one flat string (about 45 bytes for a
// phrase) where + makes a chain of cons strings (about 70).
function surfaceOf(units: SurfaceUnits, kind: number, unit: number): string {
  const { words } = units;
  if (kind === UNIGRAM) return words[unit];
  const packed = kind === BIGRAM ? units.bigramKey[unit] : units.trigramKey[unit];
  const high = Math.floor(packed / ID_LIMIT);
  const last = words[packed - high * ID_LIMIT];
  if (kind === BIGRAM) return [words[high], last].join(' ');
  const bigram = units.bigramKey[high];
  const first = Math.floor(bigram / ID_LIMIT);
  return [words[first], words[bigram - first * ID_LIMIT], last].join(' ');
}

/** Visits every unit (word, surface bigram, surface trigram) whose term has a slot. */
function visitUnits(units: SurfaceUnits, slotOf: Int32Array, visit: Visit): void {
  const kinds: [number, ArrayLike<number>, Uint32Array][] = [
    [UNIGRAM, units.wordTerm, units.wordCounts],
    [BIGRAM, units.bigramTerm, units.bigramCount],
    [TRIGRAM, units.trigramTerm, units.trigramCount]
  ];
  for (const [kind, termOf, countOf] of kinds) {
    for (let unit = 0; unit < termOf.length; unit++) {
      const term = termOf[unit];
      const slot = term < 0 ? -1 : slotOf[term];
      if (slot >= 0) visit(slot, countOf[unit], units, kind, unit);
    }
  }
}

export class TermDictionary {
  constructor(
    private readonly keys: string[],
    private readonly refs: TermRefs,
    /** One per chunk, their term ids already global (merge-chunks.ts). */
    private readonly units: SurfaceUnits[]
  ) {}

  get nTerms(): number {
    return this.refs.kind.length;
  }

  keysOf(termIds: ArrayLike<number>): string[] {
    const { keys, refs: { kind, refA, refB } } = this;
    return Array.from(termIds, (t) => {
      if (kind[t] === UNIGRAM) return keys[refA[t]];
      if (kind[t] === BIGRAM) return [keys[refA[t]], keys[refB[t]]].join(' ');
      const prefix = refA[t]; // a trigram's refA is the bigram term of its first two words
      return [keys[refA[prefix]], keys[refB[prefix]], keys[refB[t]]].join(' ');
    });
  }

  /**
   * Surfaces of `termIds`. A surface's count is its sum over the chunks, so with several chunks the
   * counts are first summed by string (only for the requested terms' surfaces).
   */
  surfacesOf(termIds: ArrayLike<number>): string[] {
    const slotOf = new Int32Array(this.nTerms).fill(-1);
    for (let i = 0; i < termIds.length; i++) slotOf[termIds[i]] = i;
    const pick: Pick = { best: new Array<string>(termIds.length).fill(''), bestCount: new Float64Array(termIds.length) };
    if (this.units.length === 1) {
      // One chunk: every surface occurs once, so units are offered as they come, and a string is
      // built only when it can win.
      visitUnits(this.units[0], slotOf, (slot, count, units, kind, unit) => {
        if (count < pick.bestCount[slot]) return;
        offer(pick, slot, count, surfaceOf(units, kind, unit));
      });
      return pick.best;
    }
    const totals = new Map<string, { slot: number; count: number }>();
    for (const chunkUnits of this.units) {
      visitUnits(chunkUnits, slotOf, (slot, count, units, kind, unit) => {
        const surface = surfaceOf(units, kind, unit);
        const total = totals.get(surface);
        if (total) total.count += count;
        else totals.set(surface, { slot, count });
      });
    }
    for (const [surface, { slot, count }] of totals) offer(pick, slot, count, surface);
    return pick.best;
  }
}

function offer(pick: Pick, slot: number, count: number, surface: string): void {
  if (count > pick.bestCount[slot] || (count === pick.bestCount[slot] && surface < pick.best[slot])) {
    pick.best[slot] = surface;
    pick.bestCount[slot] = count;
  }
}

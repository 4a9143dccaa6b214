// Owns the text pass's stem keys (vocabulary-tokeniser.ts): each distinct key string gets an id, in
// order of first sight, as word-table.ts internKey gives them. An open-addressing table over the
// key's char codes rather than a Map<string, number>: a new word's key is looked up once, and with
// ~100k keys a Map lookup cost several cache misses (its bucket, its entry, the key string).
import { ID_LIMIT } from '../tokenise/word-table.js';
import { emptySlots, grownSlots } from './slot-table.js';

// Slot s at s × SLOT: the key's FNV-1a hash, its id (-1 = empty), and up to its last 8 char codes
// packed 8 bits each with its length (SHAPE; WIDE when a code is 256 or more): then the key itself.
const SLOT = 4;
const HASH = 0;
const ID = 1;
const PACK = 2;
const SHAPE = 3;
const WIDE = 1 << 8;

export class KeyTable {
  /** Stem key (or "c++"-like word) of each key id. */
  readonly keys: string[] = [];
  private slots = emptySlots(1 << 15, SLOT);

  constructor() {
    // Stored twice, so that V8 does not take it for a constant (see the VocabularyTokeniser constructor).
    this.slots = emptySlots(1 << 15, SLOT);
  }

  /** Key id of `key`, interned on first sight. */
  internKey(key: string): number {
    const size = key.length;
    let hash = 0x811c9dc5 | 0;
    let low = 0;
    let bits = 0;
    for (let j = 0; j < size; j++) {
      const code = key.charCodeAt(j);
      hash = Math.imul(hash ^ code, 0x01000193);
      low = (low << 8) | code;
      bits |= code;
    }
    // Keys of 4 chars or fewer below 256 are their packed codes; others are compared as strings.
    const shape = bits < 256 ? size : size | WIDE;
    const { slots, keys } = this;
    let at = (hash & (slots.length / SLOT - 1)) * SLOT;
    for (let id = slots[at + ID]; id >= 0; at = (at + SLOT) & (slots.length - 1), id = slots[at + ID]) {
      if (slots[at + HASH] !== hash || slots[at + SHAPE] !== shape) continue;
      if (shape <= 4 ? slots[at + PACK] === low : keys[id] === key) return id;
    }
    const id = keys.length;
    if (id >= ID_LIMIT) throw new RangeError(`tokenise: more than ${ID_LIMIT} distinct stem keys`);
    keys.push(key);
    slots[at + HASH] = hash;
    slots[at + ID] = id;
    slots[at + PACK] = low;
    slots[at + SHAPE] = shape;
    if (keys.length * 2 > slots.length / SLOT) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = grownSlots(this.slots, SLOT);
  }
}

// Owns a hash map from pairs of non-negative int32 ids to non-negative int32 values, in one
// Int32Array: the text pass's lookups of bigrams (key, key) and trigrams (pair, key). As
// tokenise/number-map.ts, but two int32 compares instead of packing both ids into one double.

const EMPTY = -1;

function hash(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class PairMap {
  // Slot s holds a at [4s], b at [4s + 1], the value at [4s + 2]: one cache line per probe.
  private table: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacity = 1024) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.table = new Int32Array(slots * 4).fill(EMPTY);
    this.mask = slots - 1;
  }

  /** Value stored under (a, b), or -1. */
  get(a: number, b: number): number {
    const { table, mask } = this;
    for (let slot = hash(a, b) & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const found = table[at];
      if (found === a && table[at + 1] === b) return table[at + 2];
      if (found === EMPTY) return -1;
    }
  }

  /** Stores `value` under a pair that is not in the map yet; grows at a load of 1/2. */
  add(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.rehash();
    const { table, mask } = this;
    let slot = hash(a, b) & mask;
    while (table[slot << 2] !== EMPTY) slot = (slot + 1) & mask;
    table[slot << 2] = a;
    table[(slot << 2) + 1] = b;
    table[(slot << 2) + 2] = value;
    this.size++;
  }

  private rehash(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2).fill(EMPTY);
    this.mask = (this.table.length >> 2) - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 4) {
      if (old[i] !== EMPTY) this.add(old[i], old[i + 1], old[i + 2]);
    }
  }
}

// Owns a hash map from non-negative integer keys (< 2^53) to non-negative values, held in one
// typed array. Why not Map<number, number>: keys above 2^31 are boxed as heap numbers, and with
// millions of phrases the collector's scans made tokenising 75k abstracts several times slower.

const EMPTY = -1;

/** fmix32 of MurmurHash3 over the key's two 32-bit halves: spreads packed ids over the table. */
function hash(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class NumberMap {
  // Slot s holds its key at [2s] and its value at [2s + 1]: one cache line per probe.
  private table: Float64Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.table = new Float64Array(slots * 2).fill(EMPTY);
    this.mask = slots - 1;
  }

  /** Value stored under `key`, or -1. Linear probing from the key's hash. */
  get(key: number): number {
    const { table, mask } = this;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const found = table[2 * slot];
      if (found === key) return table[2 * slot + 1];
      if (found === EMPTY) return -1;
    }
  }

  /**
   * Stores `value` under a key that is not in the map yet. Grows at a load of 3/4: linear probing
   * then costs about 2.5 probes per hit and 8.5 per miss; a 1/2 limit would double the memory.
   */
  add(key: number, value: number): void {
    if ((this.size + 1) * 8 > this.table.length * 3) this.rehash();
    const { table, mask } = this;
    let slot = hash(key) & mask;
    while (table[2 * slot] !== EMPTY) slot = (slot + 1) & mask;
    table[2 * slot] = key;
    table[2 * slot + 1] = value;
    this.size++;
  }

  private rehash(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2).fill(EMPTY);
    this.mask = old.length - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== EMPTY) this.add(old[i], old[i + 1]);
    }
  }
}

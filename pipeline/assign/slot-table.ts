// Owns the two operations the text pass's open-addressing tables share (key-table.ts,
// vocabulary-tokeniser.ts): a table of `slot` Int32s a slot, the entry's hash at 0 and its id at 1
// (-1 = empty slot), linear probing over a power-of-two number of slots.

const HASH = 0;
const ID = 1;

/** `n` empty slots of `slot` Int32s. */
export function emptySlots(n: number, slot: number): Int32Array {
  const slots = new Int32Array(n * slot);
  for (let at = ID; at < slots.length; at += slot) slots[at] = -1;
  return slots;
}

/** The entries of `old` in a table of twice as many slots, each placed by its hash. */
export function grownSlots(old: Int32Array, slot: number): Int32Array {
  const slots = emptySlots((2 * old.length) / slot, slot);
  const mask = slots.length / slot - 1;
  for (let from = 0; from < old.length; from += slot) {
    if (old[from + ID] < 0) continue;
    let at = (old[from + HASH] & mask) * slot;
    while (slots[at + ID] >= 0) at = (at + slot) & (slots.length - 1);
    slots.set(old.subarray(from, from + slot), at);
  }
  return slots;
}

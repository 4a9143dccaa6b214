// Owns the growable typed arrays that the tokeniser's tables append to (doubling, so appends are
// amortised O(1) and no per-entry objects are made).

type Typed = Uint8Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** Returns `array` if it can hold `length` entries, else a copy with at least double the capacity. */
export function ensureCapacity<T extends Typed>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

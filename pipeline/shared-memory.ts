// Owns typed arrays over shared memory: what worker threads read and write in place, uncopied.

type TypedCtor<T> = { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };

/** A typed array's constructor, as an Allocate is given it. */
export type TypedArrayCtor<T> = { new (length: number): T; new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };

/** Makes a zeroed typed array: `plainArray`, or `sharedArray` when worker threads are to read it uncopied. */
export type Allocate = <T>(Ctor: TypedArrayCtor<T>, length: number) => T;

export const plainArray: Allocate = (Ctor, length) => new Ctor(length);

/** A zeroed typed array over shared memory, so worker threads see the same bytes. */
export function sharedArray<T>(Ctor: TypedCtor<T>, length: number): T {
  return new Ctor(new SharedArrayBuffer(Math.max(1, length) * Ctor.BYTES_PER_ELEMENT));
}

/** The array itself when it already lives in shared memory, else a shared copy (one per call). */
export function share<T extends Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = sharedArray(array.constructor as unknown as TypedCtor<T>, array.length);
  copy.set(array);
  return copy;
}

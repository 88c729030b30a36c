// bytes objects: immutable byte strings with CPython's empty and one-byte singletons.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import type { PyHash } from "../hashing/hash-value.js";

export class PyBytes extends PyObject {
  readonly value: Uint8Array;
  hashCache: PyHash | null;

  constructor(value: Uint8Array) {
    super(rt.types.bytes);
    this.value = value;
    this.hashCache = null;
  }
}

/** PyBytesObject: 33 bytes of header (with the trailing NUL) plus the data. */
export function bytesObjectSize(length: number): number {
  return 33 + length;
}

/**
 * PyBytes_FromStringAndSize(data, n): b'' and single bytes are the shared singletons.
 * New reference.
 */
export function newBytes(value: Uint8Array): PyBytes {
  if (value.length === 0) {
    rt.emptyBytes.refcount++;
    return rt.emptyBytes;
  }
  if (value.length === 1) {
    const single = rt.singleBytes[value[0]!]!;
    single.refcount++;
    return single;
  }
  return newBytesObject(value);
}

/**
 * PyBytes_FromStringAndSize(NULL, n) then filled: b'' is still the singleton, but one byte is a
 * new object (case mappings, padding, replace, join build results this way).
 */
export function freshBytes(value: Uint8Array): PyBytes {
  return value.length === 0 ? newBytes(value) : newBytesObject(value);
}

/** Always a new object, even for b'' (what 3.6–3.7's bytes repetition allocated). */
export function newBytesObject(value: Uint8Array): PyBytes {
  const bytes = new PyBytes(value);
  allocateObject(bytes, bytesObjectSize(value.length));
  return bytes;
}

/** The bytes itself when exactly a bytes, else an exact copy (bytes subclasses). New reference. */
export function unchangedBytes(self: PyObject): PyBytes {
  const bytes = self as PyBytes;
  if (bytes.type === rt.types.bytes) {
    bytes.refcount++;
    return bytes;
  }
  return newBytes(bytes.value);
}

export function bytesDealloc(self: PyObject): void {
  freeObjectMemory(self, bytesObjectSize((self as PyBytes).value.length));
}

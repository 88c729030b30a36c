// int (and the storage of bool): arbitrary-precision values, the small-int cache, sizes.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { type IntValue, digitCount } from "./int-value.js";

export class PyInt extends PyObject {
  readonly value: IntValue;

  constructor(value: IntValue) {
    super(rt.types.int);
    this.value = value;
  }
}

/** sys.getsizeof of an int: 24 bytes of header plus 4 per 30-bit digit (zero per profile). */
export function intObjectSize(value: IntValue): number {
  const digits = digitCount(value);
  if (digits === 0) return rt.profile.sizes.zeroIntSize;
  return 24 + 4 * digits;
}

/** An int object for `value`: the cached object for -5..256, else a new one. New reference. */
export function newInt(value: IntValue): PyInt {
  if (typeof value === "number" && value >= -5 && value <= 256) {
    const cached = rt.smallInts[value + 5]!;
    cached.refcount++;
    return cached;
  }
  return newIntObject(value);
}

/** Always a new int object (what the parser builds for large literals). New reference. */
export function newIntObject(value: IntValue): PyInt {
  const int = new PyInt(value);
  allocateObject(int, intObjectSize(value));
  return int;
}

export function intDealloc(self: PyObject): void {
  freeObjectMemory(self, intObjectSize((self as PyInt).value));
}

/** True for int and its subclasses (bool included). */
export function isInt(object: PyObject): object is PyInt {
  return object instanceof PyInt;
}

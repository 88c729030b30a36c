// float objects: IEEE doubles with CPython's free list (3.6–3.13).
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory, subtypeObjectSize } from "../memory/object-memory.js";

export class PyFloat extends PyObject {
  readonly value: number;

  constructor(value: number) {
    super(rt.types.float);
    this.value = value;
  }
}

/** PyFloatObject: refcount, type, double. */
export const FLOAT_OBJECT_SIZE = 24;

/** A new float object (floats are never cached). New reference. */
export function newFloat(value: number): PyFloat {
  const float = new PyFloat(value);
  if (!rt.freeLists.float.reuse(float, FLOAT_OBJECT_SIZE)) allocateObject(float, FLOAT_OBJECT_SIZE);
  return float;
}

export function floatDealloc(self: PyObject): void {
  if (self.type === rt.types.float && rt.freeLists.float.park(self, FLOAT_OBJECT_SIZE)) return;
  freeObjectMemory(self, subtypeObjectSize(self.type, FLOAT_OBJECT_SIZE));
}

export function isFloat(object: PyObject): object is PyFloat {
  return object instanceof PyFloat;
}

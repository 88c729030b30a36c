// complex objects: a pair of doubles.
import { PyObject } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory, subtypeObjectSize } from "../memory/object-memory.js";

export class PyComplex extends PyObject {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {
    super(rt.types.complex);
  }
}

/** PyComplexObject: refcount, type, two doubles. */
export const COMPLEX_OBJECT_SIZE = 32;

export function newComplex(real: number, imag: number): PyComplex {
  const complex = new PyComplex(real, imag);
  allocateObject(complex, COMPLEX_OBJECT_SIZE);
  return complex;
}

export function complexDealloc(self: PyObject): void {
  freeObjectMemory(self, subtypeObjectSize(self.type, COMPLEX_OBJECT_SIZE));
}

// bytes_iterator and bytearray_iterator: iter(b'...') yields the byte values as ints
// (bytesobject.c striter; a bytearray's iterator reads the live, possibly resized, contents).
import { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { gcTrack, gcUntrack } from "../gc/tracking.js";
import type { PyType } from "../type.js";

/** What the iterator walks: a bytes, or a bytearray whose `value` is its current contents. */
type ByteSource = PyObject & { readonly value: Uint8Array };
import { newInt } from "./int.js";

export class PyBytesIterator extends PyObject {
  constructor(
    /** The bytes walked (owned), or null once exhausted (it_seq = NULL). */
    public source: ByteSource | null,
    public position: number,
    type: PyType,
  ) {
    super(type);
  }
}

/** striterobject: head, index and sequence pointer. */
const BYTES_ITERATOR_SIZE = 32;

/** iter(bytes) or iter(bytearray): a new reference; `bytes` is borrowed. */
export function newBytesIterator(bytes: ByteSource, type: PyType = rt.types.bytes_iterator): PyObject {
  bytes.refcount++;
  const iterator = new PyBytesIterator(bytes, 0, type);
  allocateObject(iterator, BYTES_ITERATOR_SIZE);
  rt.gc.countAllocation();
  gcTrack(iterator);
  return iterator;
}

function release(iterator: PyBytesIterator): void {
  const source = iterator.source;
  iterator.source = null;
  if (source !== null) decref(source);
}

function bytesIteratorNext(self: PyObject): PyObject | null {
  const iterator = self as PyBytesIterator;
  const source = iterator.source;
  if (source === null) return null;
  if (iterator.position < source.value.length) return newInt(source.value[iterator.position++]!);
  release(iterator);
  return null;
}

function bytesIteratorDealloc(self: PyObject): void {
  const iterator = self as PyBytesIterator;
  gcUntrack(iterator);
  freeObjectMemory(iterator, BYTES_ITERATOR_SIZE);
  rt.gc.countDeallocation();
  release(iterator);
}

export const BYTES_ITERATOR_SPEC: BuiltinTypeSpec = {
  name: "bytes_iterator",
  layout: { basicSize: BYTES_ITERATOR_SIZE, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: bytesIteratorDealloc,
    traverse: (self, visit) => {
      const source = (self as PyBytesIterator).source;
      if (source !== null) visit(source);
    },
    iter: (self) => {
      self.refcount++;
      return self;
    },
    iternext: bytesIteratorNext,
  },
  methods: [
    {
      name: "__length_hint__",
      kind: "noargs",
      impl: (self) => {
        const iterator = self as PyBytesIterator;
        return newInt(iterator.source === null ? 0 : iterator.source.value.length - iterator.position);
      },
    },
  ],
};

export const BYTEARRAY_ITERATOR_SPEC: BuiltinTypeSpec = { ...BYTES_ITERATOR_SPEC, name: "bytearray_iterator" };

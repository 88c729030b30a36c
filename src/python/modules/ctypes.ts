// ctypes, as far as memory lessons use it: simple integer types read at an address
// (c_long.from_address(id(x)).value), py_object and cast, sizeof.
import { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { ModuleDefinition } from "./module-builder.js";
import type { BuiltinTypeSpec } from "../runtime/type-spec.js";
import { PyType } from "../runtime/type.js";
import { textSlot, splitArgs } from "../runtime/spec-helpers.js";
import { allocateObject, freeObjectMemory } from "../runtime/memory/object-memory.js";
import { newInt } from "../runtime/types/int.js";
import { normalize } from "../runtime/types/int-value.js";
import { typeError, valueError, Unsupported } from "../runtime/errors.js";
import { indexValue } from "../runtime/abstract/conversions.js";
import { readMemory } from "../runtime/memory/memory-reader.js";
import { reprText } from "../runtime/abstract/object-protocol.js";
import { newNone } from "../runtime/values.js";
import { SimulatedCrash } from "../runtime/errors.js";

/** The C integer types: name, size in bytes, signedness. */
const INTEGER_TYPES: readonly (readonly [string, 4 | 8, boolean])[] = [
  ["c_long", 8, true],
  ["c_ulong", 8, false],
  ["c_int", 4, true],
  ["c_uint", 4, false],
  ["c_int32", 4, true],
  ["c_uint32", 4, false],
  ["c_int64", 8, true],
  ["c_uint64", 8, false],
  ["c_ssize_t", 8, true],
  ["c_size_t", 8, false],
  ["c_longlong", 8, true],
  ["c_ulonglong", 8, false],
  ["c_void_p", 8, false],
];

/** An instance of a ctypes simple type: its own value, or a view of memory at an address. */
export class PyCSimple extends PyObject {
  constructor(
    type: PyType,
    /** The address viewed (from_address), or null for a value of its own. */
    readonly viewAddress: number | null,
    /** The value of a self-owned instance (c_long(5)), or a py_object's object (owned). */
    public own: bigint | PyObject | null,
  ) {
    super(type);
  }
}

const SIMPLE_SIZE = 104;

interface IntegerInfo {
  readonly size: 4 | 8;
  readonly signed: boolean;
}

function integerInfo(type: PyType): IntegerInfo | null {
  for (const candidate of type.mro) {
    const info = rt.ctypesIntegers.get(candidate);
    if (info !== undefined) return info;
  }
  return null;
}

function newSimple(type: PyType, address: number | null, own: bigint | PyObject | null): PyCSimple {
  const instance = new PyCSimple(type, address, own);
  allocateObject(instance, SIMPLE_SIZE);
  return instance;
}

function asSigned(value: bigint, info: IntegerInfo): bigint {
  return info.signed ? BigInt.asIntN(info.size * 8, value) : BigInt.asUintN(info.size * 8, value);
}

function simpleValue(self: PyObject): PyObject {
  const instance = self as PyCSimple;
  if (instance.type === rt.types.py_object || instance.type.isSubtypeOf(rt.types.py_object)) {
    if (instance.viewAddress !== null) throw new Unsupported("py_object.from_address");
    const object = instance.own as PyObject | null;
    if (object === null) throw valueError("PyObject is NULL");
    object.refcount++;
    return object;
  }
  const info = integerInfo(instance.type)!;
  if (instance.viewAddress === null) return newInt(normalize(instance.own as bigint));
  if (instance.viewAddress === 0) throw new SimulatedCrash("reading address 0 through ctypes");
  return newInt(normalize(asSigned(readMemory(instance.viewAddress, info.size), info)));
}

function integerSpec(name: string): BuiltinTypeSpec {
  return {
    name,
    module: "ctypes",
    base: "_SimpleCData",
    layout: { basicSize: SIMPLE_SIZE, itemSize: 0, gc: false, preHeader: false },
    subclassable: true,
  };
}

export const SIMPLE_CDATA_SPEC: BuiltinTypeSpec = {
  name: "_SimpleCData",
  module: "_ctypes",
  layout: { basicSize: SIMPLE_SIZE, itemSize: 0, gc: false, preHeader: false },
  subclassable: true,
  slots: {
    dealloc: (self) => {
      const instance = self as PyCSimple;
      freeObjectMemory(instance, SIMPLE_SIZE);
      if (instance.own instanceof PyObject) decref(instance.own);
      if (instance.type.heapType) decref(instance.type);
    },
    repr: textSlot((self) => {
      const value = simpleValue(self);
      try {
        return `${self.type.name}(${reprText(value)})`;
      } finally {
        decref(value);
      }
    }),
    new_: (type, args) => {
      const { positional } = splitArgs(args);
      if (type === rt.types.py_object) {
        const object = positional[0] ?? null;
        if (object !== null) object.refcount++;
        return newSimple(type, null, object);
      }
      const info = integerInfo(type);
      if (info === null) throw typeError("abstract class");
      const value = positional[0] === undefined ? 0n : asSigned(indexValue(positional[0]), info);
      return newSimple(type, null, value);
    },
    init: () => undefined,
  },
  methods: [
    {
      name: "from_address",
      kind: "one",
      binding: "class",
      impl: (cls, addressObject) => {
        const address = Number(indexValue(addressObject));
        if (address < 0) throw valueError("address must be non-negative");
        return newSimple(cls as PyType, address, null);
      },
    },
  ],
  getsets: [{ name: "value", get: simpleValue }],
};

export const PY_OBJECT_SPEC: BuiltinTypeSpec = {
  name: "py_object",
  module: "ctypes",
  base: "_SimpleCData",
  layout: { basicSize: SIMPLE_SIZE, itemSize: 0, gc: false, preHeader: false },
  subclassable: true,
};

export const INTEGER_TYPE_SPECS: readonly (readonly [string, BuiltinTypeSpec, IntegerInfo])[] = INTEGER_TYPES.map(([name, size, signed]) => [name, integerSpec(name), { size, signed }] as const);

/** ctypes.cast(obj, type): only cast(address, py_object) is modelled. */
function cast(_self: PyObject, args: readonly PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`cast() takes exactly 2 arguments (${args.length} given)`);
  const [value, target] = args as [PyObject, PyObject];
  if (target !== rt.types.py_object) throw new Unsupported("ctypes.cast to types other than py_object");
  const address = Number(indexValue(value));
  const object = rt.objectAtAddress(address);
  if (object === null) throw new SimulatedCrash(`ctypes.cast of address 0x${address.toString(16)}, which holds no live object`);
  object.refcount++;
  return newSimple(rt.types.py_object, null, object);
}

function sizeofBuiltin(_self: PyObject, value: PyObject): PyObject {
  const type = value instanceof PyType ? value : value.type;
  if (type === rt.types.py_object) return newInt(8);
  const info = integerInfo(type);
  if (info === null) throw typeError("this type has no size");
  return newInt(info.size);
}

export const CTYPES_MODULE: ModuleDefinition = {
  name: "ctypes",
  functions: [
    { name: "cast", kind: "positional", impl: cast },
    { name: "sizeof", kind: "one", impl: sizeofBuiltin },
    {
      name: "string_at",
      kind: "positional",
      impl: (_self, args) => {
        const address = args[0] === undefined ? 0 : Number(indexValue(args[0]));
        if (address === 0) throw new SimulatedCrash("ctypes.string_at(0) reads address 0");
        throw new Unsupported("ctypes.string_at");
      },
    },
    { name: "addressof", kind: "one", impl: () => { throw new Unsupported("ctypes.addressof"); } },
    { name: "pointer", kind: "one", impl: () => { throw new Unsupported("ctypes.pointer"); } },
    { name: "POINTER", kind: "one", impl: () => { throw new Unsupported("ctypes.POINTER"); } },
  ],
  values: () => {
    const values = new Map<string, PyObject>();
    for (const [name] of INTEGER_TYPE_SPECS) {
      const type = rt.ctypesTypes.get(name)!;
      type.refcount++;
      values.set(name, type);
    }
    rt.types.py_object.refcount++;
    values.set("py_object", rt.types.py_object);
    values.set("pythonapi", newNone());
    return values;
  },
};

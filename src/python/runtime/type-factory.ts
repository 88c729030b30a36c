// Builds the PyType objects of built-in types from their specs (per runtime, at bootstrap).
import type { PyObject } from "./object.js";
import { rt } from "./state.js";
import { PyType, BINARY_OP_COUNT } from "./type.js";
import type { BuiltinTypeSpec, SlotFields } from "./type-spec.js";
import { SLOT_DEFINITIONS, SEQUENCE_SLOT_WRAPPERS, SLOTDEF_NAME_ORDER } from "./slot-table.js";
import { newDescriptor } from "./types/descriptors.js";
import { newBuiltinFunction, PyBuiltinFunction } from "./types/builtin-function.js";
import { newCallableWrapper } from "./types/function-wrappers.js";
import type { MethodDef } from "./method-def.js";
import { typeError } from "./errors.js";
import { callThroughArgumentTuple } from "./argument-tuple.js";
import { withTrashcan } from "./memory/trashcan.js";
import { builtinTypeDoc } from "./docstrings.js";

/** Size of a static type object (PyTypeObject) in the static region. */
const TYPE_OBJECT_SIZE = 408;

/** Phase 1: the bare type object, so every type exists before any namespace is filled. */
export function allocateBuiltinType(spec: BuiltinTypeSpec): PyType {
  const type = new PyType(null, spec.name);
  type.address = rt.staticAddress(TYPE_OBJECT_SIZE);
  return type;
}

const INHERITED_FIELDS: readonly (keyof SlotFields)[] = [
  "dealloc",
  "traverse",
  "clear",
  "repr",
  "str",
  "hash",
  "richcompare",
  "getattro",
  "setattro",
  "call",
  "descrGet",
  "descrSet",
  "iter",
  "iternext",
  "init",
  "negative",
  "positive",
  "invert",
  "absolute",
  "bool",
  "int",
  "float",
  "index",
  "length",
  "getitem",
  "setitem",
  "contains",
  "concat",
  "repeat",
  "inplaceConcat",
  "inplaceRepeat",
];

/**
 * Built-in types whose deallocator is wrapped in Py_TRASHCAN_BEGIN/END in CPython (list_dealloc,
 * tupledealloc, dict_dealloc, set_dealloc, BaseException_dealloc, method_dealloc, meth_dealloc,
 * tb_dealloc); heap classes get it in class-builder.ts (subtype_dealloc).
 */
const TRASHCAN_TYPES: ReadonlySet<string> = new Set([
  "list",
  "tuple",
  "dict",
  "set",
  "frozenset",
  "BaseException",
  "method",
  "builtin_function_or_method",
  "traceback",
]);

/**
 * Built-in types whose instances carry a __dict__ (tp_dictoffset) or a weak reference list
 * (tp_weaklistoffset); their subclasses inherit both. A class statement over such a base adds no
 * __dict__ / __weakref__ descriptor of its own.
 */
const INSTANCE_DICT_TYPES: ReadonlySet<string> = new Set(["type", "BaseException", "staticmethod", "classmethod", "function", "module"]);
const WEAKREF_LIST_TYPES: ReadonlySet<string> = new Set(["type", "set", "frozenset", "function", "builtin_function_or_method", "method", "generator", "code", "module"]);

/** Phase 2: base, MRO, layout, slots (own then inherited) and the namespace. */
export function completeBuiltinType(type: PyType, spec: BuiltinTypeSpec, base: PyType | null): void {
  type.type = rt.types.type;
  type.module = spec.module ?? "builtins";
  type.qualname = spec.qualname ?? spec.name;
  type.base = base;
  type.bases = base === null ? [] : [base];
  type.mro = base === null ? [type] : [type, ...base.mro];
  type.layout = typeof spec.layout === "function" ? spec.layout(rt.profile) : spec.layout;
  type.subclassable = spec.subclassable ?? false;
  type.instancesHaveDict = INSTANCE_DICT_TYPES.has(spec.name) || (base?.instancesHaveDict ?? false);
  type.instancesHaveWeakrefs = WEAKREF_LIST_TYPES.has(spec.name) || (base?.instancesHaveWeakrefs ?? false);
  type.refcount = rt.profile.baseRefcounts.type;
  const own = spec.slots ?? {};
  for (const [key, value] of Object.entries(own)) (type as unknown as Record<string, unknown>)[key] = value;
  if (own.dealloc !== undefined && TRASHCAN_TYPES.has(spec.name)) type.dealloc = withTrashcan(own.dealloc);
  if (spec.slots?.new_ !== undefined) type.new_ = spec.slots.new_;
  for (const [op, slot] of spec.binary ?? []) type.binary[op] = slot;
  for (const [op, slot] of spec.inplace ?? []) type.inplace[op] = slot;
  if (base !== null) inheritSlots(type, base, own);
  fillNamespace(type, spec);
}

function inheritSlots(type: PyType, base: PyType, own: Partial<SlotFields>): void {
  if (!("dealloc" in own)) type.dealloc = base.dealloc;
  const record = type as unknown as Record<string, unknown>;
  const baseRecord = base as unknown as Record<string, unknown>;
  for (const field of INHERITED_FIELDS) if (!(field in own) && record[field] === null) record[field] = baseRecord[field];
  if (!("new_" in own) && type.new_ === null) type.new_ = base.new_;
  // hash and richcompare are inherited together (inherit_slots: a type that defines one keeps it).
  if ("richcompare" in own && !("hash" in own) && type.hash === base.hash) type.hash = base.hash;
  for (let op = 0; op < BINARY_OP_COUNT; op++) {
    if (type.binary[op] === null) type.binary[op] = base.binary[op]!;
    if (type.inplace[op] === null) type.inplace[op] = base.inplace[op]!;
  }
}

/**
 * Dunders CPython defines as ordinary methods (METH_COEXIST) over the slot wrapper, for speed:
 * method_descriptors, with a method's argument messages ("list.__getitem__() takes exactly one
 * argument (0 given)"), still recognised as the native slot by heap subclasses.
 */
const COEXISTING_METHODS: ReadonlySet<string> = new Set(["list.__getitem__", "dict.__getitem__", "dict.__contains__", "set.__contains__", "frozenset.__contains__"]);

/**
 * Built-in types whose static definition names PyObject_GenericGetAttr as tp_getattro (rather
 * than inheriting object's), so add_operators gives them their own __getattribute__ wrapper.
 * 3.13 dropped it from the types in GENERIC_GETATTRO_UNTIL_3_12.
 */
const GENERIC_GETATTRO_TYPES: ReadonlySet<string> = new Set([
  "int", "complex", "bytes", "bytearray", "list", "tuple", "dict", "set", "range", "slice", "property",
]);
const GENERIC_GETATTRO_UNTIL_3_12: ReadonlySet<string> = new Set([
  "float", "str", "frozenset", "builtin_function_or_method", "list_iterator", "range_iterator", "longrange_iterator",
  "tuple_iterator", "str_iterator", "str_ascii_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
  "set_iterator", "generator", "code",
]);

/**
 * Unhashable built-in types whose tp_hash is PyObject_HashNotImplemented: add_operators stores
 * __hash__ = None at the slot's place. Others with no hash (bytearray, dict views) get it from
 * type_ready_set_hash, after the rest of the namespace.
 */
const HASH_NOT_IMPLEMENTED_TYPES: ReadonlySet<string> = new Set(["list", "dict", "set", "slice"]);

function ownsGenericGetattro(name: string): boolean {
  return GENERIC_GETATTRO_TYPES.has(name) || (rt.profile.minor <= 12 && GENERIC_GETATTRO_UNTIL_3_12.has(name));
}

const SLOTDEF_RANK: ReadonlyMap<string, number> = new Map(SLOTDEF_NAME_ORDER.map((name, index) => [name, index]));

/** The sq_* wrappers sit after the mp_* ones: __add__, __mul__, __rmul__ before sq_contains, __iadd__ and __imul__ after. */
const SEQUENCE_WRAPPER_RANK: ReadonlyMap<string, number> = new Map([
  ["concat.__add__", SLOTDEF_RANK.get("__delitem__")! + 0.1],
  ["repeat.__mul__", SLOTDEF_RANK.get("__delitem__")! + 0.2],
  ["repeat.__rmul__", SLOTDEF_RANK.get("__delitem__")! + 0.3],
  ["inplaceConcat.__iadd__", SLOTDEF_RANK.get("__contains__")! + 0.1],
  ["inplaceRepeat.__imul__", SLOTDEF_RANK.get("__contains__")! + 0.2],
]);

function fillNamespace(type: PyType, spec: BuiltinTypeSpec): void {
  const namespace = type.namespace;
  const own = spec.slots ?? {};
  // Slot wrappers for the slots this type defines itself (add_operators), then put in the order
  // of CPython's slotdefs table; the first slot to claim a name keeps it.
  // Every static exception class names its tp_init and tp_new (BaseException's or its base's).
  const exceptionClass = spec.name !== "BaseException" && spec.name !== "ExceptionGroup" && type.mro.some((klass) => klass.name === "BaseException");
  const wrappers = new Map<string, PyObject>();
  const addWrappers = (key: string, native: unknown, defs: readonly MethodDef[]): void => {
    for (const def of defs) {
      if (wrappers.has(def.name)) continue;
      const kind = COEXISTING_METHODS.has(`${spec.name}.${def.name}`) ? "method" : "slot";
      const descriptor = newDescriptor(kind, type, def.name, def, null);
      descriptor.slotKey = key;
      descriptor.slotFunction = native;
      wrappers.set(def.name, descriptor);
    }
  };
  for (const definition of SLOT_DEFINITIONS) {
    const isBinary = definition.key.startsWith("binary:") || definition.key.startsWith("inplace:");
    let native: unknown;
    if (isBinary) {
      const [kind, opText] = definition.key.split(":") as [string, string];
      const op = Number(opText);
      native = kind === "binary" ? spec.binary?.get(op) : spec.inplace?.get(op);
    } else {
      native = (own as Record<string, unknown>)[definition.key];
      if (native === undefined && definition.key === "getattro" && ownsGenericGetattro(spec.name)) native = type.base?.getattro;
      if (native === undefined && definition.key === "init" && exceptionClass) native = type.init;
    }
    if (native === undefined || native === null) continue;
    addWrappers(definition.key, native, definition.wrappers(native));
  }
  for (const sequence of SEQUENCE_SLOT_WRAPPERS) {
    const native = (own as Record<string, unknown>)[sequence.key];
    if (native === undefined || native === null) continue;
    addWrappers(sequence.key, native, sequence.wrappers(native));
  }
  const hashIsNone = "hash" in own && own.hash === null;
  if (hashIsNone && HASH_NOT_IMPLEMENTED_TYPES.has(spec.name)) {
    rt.None.refcount++;
    wrappers.set("__hash__", rt.None);
  }
  // 3.10+ adds the __new__ wrapper before the slot wrappers; earlier versions at tp_new's place.
  const hasNew = (own.new_ !== undefined && own.new_ !== null) || (exceptionClass && type.new_ !== null);
  if (hasNew && rt.profile.minor >= 10) namespace.set("__new__", newWrapperForNew(type));
  const rank = (name: string): number => {
    const key = (wrappers.get(name) as { slotKey?: unknown } | undefined)?.slotKey;
    if (typeof key === "string") {
      const sequenceRank = SEQUENCE_WRAPPER_RANK.get(`${key}.${name}`);
      if (sequenceRank !== undefined) return sequenceRank;
    }
    return SLOTDEF_RANK.get(name) ?? SLOTDEF_NAME_ORDER.length;
  };
  const ordered = [...wrappers.keys()];
  ordered.sort((a, b) => rank(a) - rank(b));
  // Before 3.10 add_tp_new_wrapper ran after the slot wrappers.
  if (hasNew && rt.profile.minor < 10) ordered.push("__new__");
  for (const name of ordered) namespace.set(name, name === "__new__" && !wrappers.has(name) ? newWrapperForNew(type) : wrappers.get(name)!);
  for (const def of spec.methods ?? []) if ((def.since ?? 0) <= rt.profile.minor) namespace.set(def.name, methodObject(type, def));
  // type_add_members, then type_add_getset.
  const getsets = (spec.getsets ?? []).filter((getset) => (getset.since ?? 0) <= rt.profile.minor);
  for (const getset of getsets) if (getset.member) namespace.set(getset.name, newDescriptor("member", type, getset.name, null, getset));
  for (const getset of getsets) if (!getset.member) namespace.set(getset.name, newDescriptor("getset", type, getset.name, null, getset));
  if (spec.attributes !== undefined) for (const [name, value] of spec.attributes(type)) namespace.set(name, value);
  if (!namespace.has("__doc__")) namespace.set("__doc__", builtinTypeDoc(spec.name, spec.module));
  if (hashIsNone && !namespace.has("__hash__")) {
    rt.None.refcount++;
    namespace.set("__hash__", rt.None);
  }
}

function methodObject(type: PyType, def: MethodDef): PyObject {
  switch (def.binding ?? "instance") {
    case "instance":
      return newDescriptor("method", type, def.name, def, null);
    case "class":
      return newDescriptor("classmethod", type, def.name, def, null);
    case "static": {
      const func = newBuiltinFunction(def, type, `${type.name}.${def.name}`, false);
      const wrapper = newCallableWrapper(rt.types.staticmethod, func);
      func.refcount--;
      return wrapper;
    }
  }
}

/** The method defs of the T.__new__ functions (tp_new_wrapper), to recognise them. */
const newWrapperDefs = new WeakSet<MethodDef>();

/** T when `object` is the built-in T.__new__ (tp_new_wrapper bound to T), else null. */
export function newWrapperOwner(object: PyObject): PyType | null {
  return object instanceof PyBuiltinFunction && newWrapperDefs.has(object.def) ? (object.self as PyType) : null;
}

/** T.__new__(S, ...): a built-in function bound to T that builds an instance of subtype S. */
function newWrapperForNew(type: PyType): PyObject {
  const def: MethodDef = {
    name: "__new__",
    kind: "keywords",
    impl: (self, args) => {
      const owner = self as PyType;
      const subtype = args.values[0];
      if (subtype === undefined) throw typeError(`${owner.name}.__new__(): not enough arguments`);
      if (!(subtype instanceof PyType)) throw typeError(`${owner.name}.__new__(X): X is not a type object (${subtype.type.name})`);
      if (!subtype.isSubtypeOf(owner)) throw typeError(`${owner.name}.__new__(${subtype.name}): ${subtype.name} is not a subtype of ${owner.name}`);
      const construct = (): PyObject => owner.new_!(subtype, { values: args.values.slice(1), kwnames: args.kwnames });
      // METH_VARARGS|METH_KEYWORDS: keywords arrive in a dict, new unless the caller had one.
      if (args.kwnames === null || args.keywordsInDict === true) return construct();
      return callThroughArgumentTuple(args, args.values.length - args.kwnames.length, construct);
    },
  };
  newWrapperDefs.add(def);
  return newBuiltinFunction(def, type, `${type.name}.__new__`, false);
}

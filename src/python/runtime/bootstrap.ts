// Creating a runtime: built-in types in dependency order, singletons with their starting counts,
// the builtins and sys modules.
import type { Profile } from "../profiles/profile.js";
import { createStaticBoolReprs } from "./types/bool-repr.js";
import { Runtime } from "./runtime.js";
import { activateRuntime, rt } from "./state.js";
import type { PyType } from "./type.js";
import { IMMORTAL_MARK, type PyObject } from "./object.js";
import type { BuiltinTypeSpec } from "./type-spec.js";
import type { BuiltinTypes, ExceptionTypes } from "./builtin-type-registry.js";
import { EXCEPTION_HIERARCHY } from "./builtin-type-registry.js";
import { allocateBuiltinType, completeBuiltinType } from "./type-factory.js";
import { Collector } from "./gc/collector.js";
import { createFreeLists } from "./memory/free-lists.js";
import { createOps } from "./ops/index.js";
import { OBJECT_SPEC } from "./types/object-spec.js";
import { TYPE_SPEC } from "./types/type-object.js";
import { NONE_SPEC, NOT_IMPLEMENTED_SPEC, ELLIPSIS_SPEC, newStaticSingleton } from "./types/singletons.js";
import { INT_SPEC, BOOL_SPEC } from "./types/int-spec.js";
import { FLOAT_SPEC } from "./types/float-spec.js";
import { COMPLEX_SPEC } from "./types/complex-spec.js";
import { STR_SPEC } from "./types/str-spec.js";
import { BYTES_SPEC } from "./types/bytes-spec.js";
import { BYTES_ITERATOR_SPEC, BYTEARRAY_ITERATOR_SPEC } from "./types/bytes-iterator.js";
import { BYTEARRAY_SPEC } from "./types/bytearray-spec.js";
import { LIST_SPEC } from "./types/list-spec.js";
import { TUPLE_SPEC } from "./types/tuple-spec.js";
import { DICT_SPEC, DICT_KEYS_SPEC, DICT_VALUES_SPEC, DICT_ITEMS_SPEC } from "./types/dict-spec.js";
import { SET_SPEC, FROZENSET_SPEC } from "./types/set.js";
import { RANGE_SPEC, RANGE_ITERATOR_SPEC } from "./types/range.js";
import { SLICE_SPEC } from "./types/slice.js";
import {
  FUNCTION_SPEC,
  CODE_SPEC,
  CELL_SPEC,
  METHOD_SPEC,
  BUILTIN_FUNCTION_SPEC,
  METHOD_DESCRIPTOR_SPEC,
  WRAPPER_DESCRIPTOR_SPEC,
  METHOD_WRAPPER_SPEC,
  CLASSMETHOD_DESCRIPTOR_SPEC,
  GETSET_DESCRIPTOR_SPEC,
  MEMBER_DESCRIPTOR_SPEC,
  STATICMETHOD_SPEC,
  CLASSMETHOD_SPEC,
  PROPERTY_SPEC,
} from "./types/callable-specs.js";
import { MODULE_SPEC } from "./types/module-spec.js";
import { GENERATOR_SPEC } from "./types/generator.js";
import { TRACEBACK_SPEC } from "./types/traceback.js";
import { FRAME_SPEC } from "./types/frame.js";
import { SUPER_SPEC } from "./types/super.js";
import { WEAKREF_SPEC } from "./types/weakref.js";
import { PROXY_SPEC, CALLABLE_PROXY_SPEC } from "./types/weakref-proxy.js";
import { iteratorSpec, enumerateNew, zipNew, mapNew, filterNew, reversedNew } from "./types/iterators.js";
import { BASE_EXCEPTION_SPEC, exceptionSubclassSpec } from "./types/exception-spec.js";
import { MAPPINGPROXY_SPEC } from "./types/mappingproxy.js";
import { PyInt } from "./types/int.js";
import { PyStr, newStrObject, intern } from "./types/str.js";
import { PyTuple } from "./types/tuple.js";
import { PyBytes } from "./types/bytes.js";
import { newExceptionWithMessage, newExceptionWithArgs } from "./types/exceptions.js";
import { textSlot } from "./spec-helpers.js";
import { STREAM_SPEC } from "../modules/streams.js";
import { VERSION_INFO_SPEC } from "../modules/version-info.js";
import { FLOAT_INFO_SPEC } from "../modules/float-info.js";
import { CALLABLE_ITERATOR_SPEC } from "../modules/callable-iterator.js";
import { SIMPLE_CDATA_SPEC, PY_OBJECT_SPEC, INTEGER_TYPE_SPECS } from "../modules/ctypes.js";
import { createModule } from "../modules/module-builder.js";
import { BUILTINS_MODULE } from "../modules/builtins.js";
import { SYS_MODULE } from "../modules/sys.js";
import { addToSysModules } from "../modules/registry.js";
import { untrackDictIfAtomic } from "./types/dict.js";
import { clearWeakReferences } from "./weak-references.js";
import { tupleUntrackIfAtomic } from "./types/tuple-gc.js";

function withNew(spec: BuiltinTypeSpec, new_: NonNullable<BuiltinTypeSpec["slots"]>["new_"]): BuiltinTypeSpec {
  return { ...spec, subclassable: true, slots: { ...spec.slots, new_ } };
}

/** [registry key, spec], bases before subclasses. */
function typeSpecs(): [string, BuiltinTypeSpec][] {
  return [
    ["object", OBJECT_SPEC],
    ["type", TYPE_SPEC],
    ["NoneType", NONE_SPEC],
    ["NotImplementedType", NOT_IMPLEMENTED_SPEC],
    ["ellipsis", ELLIPSIS_SPEC],
    ["int", INT_SPEC],
    ["bool", BOOL_SPEC],
    ["float", FLOAT_SPEC],
    ["complex", COMPLEX_SPEC],
    ["str", STR_SPEC],
    ["bytes", BYTES_SPEC],
    ["list", LIST_SPEC],
    ["tuple", TUPLE_SPEC],
    ["dict", DICT_SPEC],
    ["set", SET_SPEC],
    ["frozenset", FROZENSET_SPEC],
    ["range", RANGE_SPEC],
    ["slice", SLICE_SPEC],
    ["function", FUNCTION_SPEC],
    ["code", CODE_SPEC],
    ["cell", CELL_SPEC],
    ["method", METHOD_SPEC],
    ["builtin_function_or_method", BUILTIN_FUNCTION_SPEC],
    ["method_descriptor", METHOD_DESCRIPTOR_SPEC],
    ["wrapper_descriptor", WRAPPER_DESCRIPTOR_SPEC],
    ["method_wrapper", METHOD_WRAPPER_SPEC],
    ["classmethod_descriptor", CLASSMETHOD_DESCRIPTOR_SPEC],
    ["getset_descriptor", GETSET_DESCRIPTOR_SPEC],
    ["member_descriptor", MEMBER_DESCRIPTOR_SPEC],
    ["staticmethod", STATICMETHOD_SPEC],
    ["classmethod", CLASSMETHOD_SPEC],
    ["property", PROPERTY_SPEC],
    ["module", MODULE_SPEC],
    ["generator", GENERATOR_SPEC],
    ["mappingproxy", MAPPINGPROXY_SPEC],
    ["traceback", TRACEBACK_SPEC],
    ["frame", FRAME_SPEC],
    ["super", SUPER_SPEC],
    ["list_iterator", iteratorSpec("list_iterator")],
    ["list_reverseiterator", iteratorSpec("list_reverseiterator")],
    ["tuple_iterator", iteratorSpec("tuple_iterator")],
    ["range_iterator", RANGE_ITERATOR_SPEC],
    ["str_iterator", iteratorSpec(rt.profile.minor >= 12 ? "str_ascii_iterator" : "str_iterator")],
    ["bytes_iterator", BYTES_ITERATOR_SPEC],
    ["set_iterator", iteratorSpec("set_iterator")],
    ["dict_keyiterator", iteratorSpec("dict_keyiterator")],
    ["dict_valueiterator", iteratorSpec("dict_valueiterator")],
    ["dict_itemiterator", iteratorSpec("dict_itemiterator")],
    ["dict_keys", DICT_KEYS_SPEC],
    ["dict_values", DICT_VALUES_SPEC],
    ["dict_items", DICT_ITEMS_SPEC],
    ["iterator", iteratorSpec("iterator")],
    ["enumerate", withNew(iteratorSpec("enumerate"), enumerateNew)],
    ["zip", withNew(iteratorSpec("zip"), zipNew)],
    ["map", withNew(iteratorSpec("map"), mapNew)],
    ["filter", withNew(iteratorSpec("filter"), filterNew)],
    ["reversed", withNew(iteratorSpec("reversed"), reversedNew)],
    ["weakref", WEAKREF_SPEC],
    ["callable_iterator", CALLABLE_ITERATOR_SPEC],
    ["TextIOWrapper", STREAM_SPEC],
    ["version_info", VERSION_INFO_SPEC],
    ["_SimpleCData", SIMPLE_CDATA_SPEC],
    ["py_object", PY_OBJECT_SPEC],
    ["bytearray", BYTEARRAY_SPEC],
    ["bytearray_iterator", BYTEARRAY_ITERATOR_SPEC],
    ["float_info", FLOAT_INFO_SPEC],
    ["weakproxy", PROXY_SPEC],
    ["weakcallableproxy", CALLABLE_PROXY_SPEC],
  ];
}

/** Starting refcount of a static object per profile (FACTS §1.4). */
function startingRefcount(kind: "None" | "True" | "False" | "Ellipsis" | "NotImplemented" | "smallInt" | "emptyTuple" | "emptyStr" | "char"): number {
  const profile = rt.profile;
  const base = profile.baseRefcounts[kind];
  switch (profile.immortality.kind) {
    case "none":
      return base;
    case "static-base": {
      // 3.11: small ints, (), '' and one-character strings start at 999 999 999; None/True not.
      const isStatic = kind === "smallInt" || kind === "emptyTuple" || kind === "emptyStr" || kind === "char";
      return isStatic ? profile.immortality.base + base : base;
    }
    default:
      return IMMORTAL_MARK + base;
  }
}

function createTypes(runtime: Runtime): void {
  const specs = typeSpecs();
  const byName = new Map<string, PyType>();
  const types = {} as Record<string, PyType>;
  for (const [key, spec] of specs) {
    const type = allocateBuiltinType(spec);
    byName.set(spec.name, type);
    types[key] = type;
  }
  for (const [name, spec, info] of INTEGER_TYPE_SPECS) {
    const type = allocateBuiltinType(spec);
    byName.set(name, type);
    runtime.ctypesTypes.set(name, type);
    runtime.ctypesIntegers.set(type, info);
  }
  const exceptionTypes = {} as Record<string, PyType>;
  const exceptionSpecs = new Map<string, BuiltinTypeSpec>();
  for (const [name, base] of EXCEPTION_HIERARCHY) {
    const spec = base === null ? { ...BASE_EXCEPTION_SPEC } : exceptionSubclassSpec(name, base);
    exceptionSpecs.set(name, spec);
    const type = allocateBuiltinType(spec);
    byName.set(name, type);
    exceptionTypes[name] = type;
  }
  runtime.types = types as unknown as BuiltinTypes;
  runtime.exc = exceptionTypes as unknown as ExceptionTypes;
  // Bare singletons come before namespaces fill (descriptors and __doc__ entries use None).
  createSingletons(runtime);
  const resolveBase = (spec: BuiltinTypeSpec, key: string): PyType | null => {
    if (spec.base === null || key === "object") return null;
    return byName.get(spec.base ?? "object")!;
  };
  for (const [key, spec] of specs) completeBuiltinType(types[key]!, spec, resolveBase(spec, key));
  for (const [name, spec] of INTEGER_TYPE_SPECS) completeBuiltinType(byName.get(name)!, spec, byName.get("_SimpleCData")!);
  for (const [name] of EXCEPTION_HIERARCHY) {
    const spec = exceptionSpecs.get(name)!;
    completeBuiltinType(exceptionTypes[name]!, spec, resolveBase(spec, name));
  }
  for (const type of byName.values()) runtime.registerStatic(type, 408);
  // Objects filled key by key end up in V8's slow dictionary mode; a copy is a plain object
  // with fast properties, and `rt.types.int` is read by every operator's fast path.
  runtime.types = { ...types } as unknown as BuiltinTypes;
  runtime.exc = { ...exceptionTypes } as unknown as ExceptionTypes;
}

function createSingletons(runtime: Runtime): void {
  const types = runtime.types;
  runtime.None = newStaticSingleton(types.NoneType, startingRefcount("None"));
  runtime.NotImplemented = newStaticSingleton(types.NotImplementedType, startingRefcount("NotImplemented"));
  runtime.Ellipsis = newStaticSingleton(types.ellipsis, startingRefcount("Ellipsis"));
  const makeStaticInt = (value: number, type: PyType, refcount: number, address: number): PyInt => {
    // Built by the constructor (then adjusted) so static and heap ints share one V8 hidden class:
    // every int access site then sees a single shape.
    const int = new PyInt(value);
    int.refcount = refcount;
    int.address = address;
    int.type = type;
    runtime.registerStatic(int, 32);
    return int;
  };
  runtime.False = makeStaticInt(0, types.bool, startingRefcount("False"), runtime.staticAddress(32));
  runtime.True = makeStaticInt(1, types.bool, startingRefcount("True"), runtime.staticAddress(32));
  // The small ints are one array of 32-byte objects (id(1) - id(0) == 32 on every version).
  const smallIntCount = 256 + 5 + 1;
  const smallIntsStart = runtime.staticAddress(32 * smallIntCount);
  runtime.smallInts = [];
  for (let value = -5; value <= 256; value++) {
    runtime.smallInts.push(makeStaticInt(value, types.int, startingRefcount("smallInt"), smallIntsStart + 32 * (value + 5)));
  }
  const emptyTuple = new PyTuple([]);
  emptyTuple.refcount = startingRefcount("emptyTuple");
  emptyTuple.address = runtime.staticAddress(24);
  runtime.registerStatic(emptyTuple, 24);
  runtime.emptyTuple = emptyTuple;
  runtime.latin1Chars = [];
  for (let code = 0; code < 256; code++) runtime.latin1Chars.push(staticStr(runtime, String.fromCharCode(code), code === 0 ? "emptyStr" : "char"));
  runtime.emptyStr = staticStr(runtime, "", "emptyStr");
  for (const object of [runtime.None, runtime.NotImplemented, runtime.Ellipsis]) runtime.registerStatic(object, 16);
  const emptyBytes = new PyBytes(new Uint8Array(0));
  emptyBytes.refcount = startingRefcount("emptyStr");
  emptyBytes.address = runtime.staticAddress(40);
  runtime.emptyBytes = emptyBytes;
  runtime.singleBytes = [];
  for (let byte = 0; byte < 256; byte++) {
    const single = new PyBytes(Uint8Array.of(byte));
    single.refcount = startingRefcount("char");
    single.address = runtime.staticAddress(40);
    runtime.singleBytes.push(single);
  }
}

function staticStr(runtime: Runtime, value: string, kind: "emptyStr" | "char"): PyStr {
  const str = new PyStr(value, 1, value.length);
  const ascii = value.length === 0 || value.charCodeAt(0) < 128;
  str.refcount = startingRefcount(kind);
  str.address = runtime.staticAddress(ascii ? 56 : 80);
  runtime.registerStatic(str, ascii ? 56 : 80);
  return str;
}

/** A ready runtime for `profile` (activated: rt refers to it afterwards). */
export function createRuntime(profile: Profile): Runtime {
  const runtime = new Runtime(profile);
  activateRuntime(runtime);
  runtime.gc = new Collector(profile.gcThresholds);
  runtime.freeLists = createFreeLists(profile);
  runtime.newException = (type, message) => newExceptionWithMessage(type, message);
  runtime.newExceptionWithArgs = (type, args) => newExceptionWithArgs(type, args);
  runtime.clearWeakrefs = clearWeakReferences;
  runtime.gcUntrackIfAtomic = (object) => (object.type === runtime.types.tuple ? tupleUntrackIfAtomic(object) : untrackDictIfAtomic(object));
  createTypes(runtime);
  runtime.ops = createOps(runtime);
  // Interning the one-character strings makes them the table's entries, as CPython's are,
  // except where a version interns its own static identifier object for the character first.
  for (const char of runtime.latin1Chars) {
    const entry = profile.separateOneCharIdentifiers.includes(char.value) ? staticStr(runtime, char.value, "char") : char;
    entry.refcount++;
    intern(entry, true);
  }
  createStaticBoolReprs(runtime, (value) => staticStr(runtime, value, "char"));
  runtime.builtins = createModule(BUILTINS_MODULE);
  runtime.sys = createModule(SYS_MODULE);
  runtime.modules.set("builtins", runtime.builtins);
  runtime.modules.set("sys", runtime.sys);
  addToSysModules("builtins", runtime.builtins);
  addToSysModules("sys", runtime.sys);
  runtime.gc.counts[0] = 0;
  void newStrObject;
  return runtime;
}

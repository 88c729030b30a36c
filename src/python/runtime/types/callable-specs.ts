// Specs of callables and descriptors: function, code, cell, method, built-ins, static/class
// methods and property.
import { parseArguments, type Signature } from "./str-arguments.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec, GetSetDef } from "../type-spec.js";
import type { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { textSlot, addressText, splitArgs } from "../spec-helpers.js";
import { PyFunction, functionDealloc, functionTraverse, functionClear, functionObjectSize } from "./function.js";
import { PyCode, codeDealloc } from "./code.js";
import { PyCell, cellDealloc, cellTraverse, cellClear } from "./cell.js";
import { PyMethod, newBoundMethod, methodDealloc, methodTraverse, methodCall, methodRichCompare } from "./method.js";
import { builtinFunctionDealloc, builtinFunctionTraverse, builtinFunctionCall, builtinFunctionRepr, isBoundBuiltin, PyBuiltinFunction } from "./builtin-function.js";
import {
  PyMethodDescriptor,
  methodDescriptorGet,
  methodDescriptorCall,
  getsetDescriptorGet,
  getsetDescriptorSet,
  methodWrapperDealloc,
  methodWrapperCall,
  methodWrapperTraverse,
  descriptorDealloc,
  descriptorTraverse,
  descriptorSize,
  type DescriptorKind,
  PyMethodWrapper,
} from "./descriptors.js";
import {
  PyCallableWrapper,
  newCallableWrapper,
  callableWrapperDealloc,
  callableWrapperInit,
  callableWrapperTraverse,
  staticMethodGet,
  classMethodGet,
  newProperty,
  propertyDealloc,
  propertyTraverse,
  propertyGet,
  propertySet,
  propertyName,
  propertySize,
  PyProperty,
} from "./function-wrappers.js";
import { newStr, PyStr } from "./str.js";
import { newInt } from "./int.js";
import { newTuple, newTupleStealing, PyTuple } from "./tuple.js";
import { newNone, newBool } from "../values.js";
import { typeError, valueError, attributeError, Unsupported } from "../errors.js";
import { call, reprText } from "../abstract/object-protocol.js";
import { annotationsFromAnnotate, dropAnnotate, versionedFunctionAttributes } from "./function-annotate.js";
import { functionGetDict, functionSetDict, functionSetAttr, readonlyMember, setNullableField } from "./function-attributes.js";
import { newDict, dictSetItem, PyDict } from "./dict.js";
import { adoptSubtype } from "./instance.js";
import { genericGetAttr, lookupAttr } from "../abstract/attributes.js";
import { isTrue } from "../abstract/truth.js";
import { internName } from "./str.js";
import { hash } from "../abstract/object-protocol.js";
import { refuseIfModuleNamespace } from "../../modules/module-namespace.js";

// ---- function -------------------------------------------------------------------------------

function functionRepr(self: PyObject): string {
  return `<function ${(self as PyFunction).qualname.value} at ${addressText(self)}>`;
}

/**
 * Calling a Python function with borrowed arguments: its frame takes its own references. From
 * 3.11 the frame also holds one to the function (_PyEval_Vector's), which generated code's calls
 * hand over from the caller's stack but a call from the runtime (a slot, sorted's key) adds.
 */
export function functionCall(self: PyObject, args: CallArgs): PyObject {
  return callFunctionWith(self as PyFunction, args.values as PyObject[], args.kwnames);
}

/** functionCall with the arguments apart (no CallArgs record for a call made once per instance). */
export function callFunctionWith(func: PyFunction, values: PyObject[], kwnames: CallArgs["kwnames"]): PyObject {
  // From 3.11 the frame's reference to the function, held for the call.
  const held = rt.profile.minor >= 11;
  if (held) func.refcount++;
  rt.runtimeCallDepth++;
  try {
    return func.code.compiled!(func, values, kwnames, false);
  } finally {
    rt.runtimeCallDepth--;
    if (held) decref(func);
  }
}

function functionGet(self: PyObject, instance: PyObject | null): PyObject {
  if (instance === null) {
    self.refcount++;
    return self;
  }
  return newBoundMethod(self, instance);
}

/** A function's globals, refused when it is the partial dict of one of the simulator's modules. */
function moduleNamespaceChecked<T extends PyObject>(dict: T): T {
  refuseIfModuleNamespace(dict);
  return dict;
}

function ownedField<T extends PyObject>(read: (func: PyFunction) => T | null, write?: (func: PyFunction, value: T | null) => void): Omit<GetSetDef, "name"> {
  return {
    get: (self) => {
      const value = read(self as PyFunction) ?? rt.None;
      value.refcount++;
      return value;
    },
    set:
      write === undefined
        ? undefined
        : (self, value) => {
            const func = self as PyFunction;
            const old = read(func);
            const next = value === null || value === rt.None ? null : (value as T);
            if (next !== null) next.refcount++;
            write(func, next);
            if (old !== null) decref(old);
          },
  };
}

/** func.__code__ = code (func_set_code): a code object whose free variables fit the closure. */
function setFunctionCode(func: PyFunction, value: PyObject | null): void {
  if (!(value instanceof PyCode)) throw typeError("__code__ must be set to a code object");
  const needed = value.info.freevars.length;
  const have = func.closure === null ? 0 : func.closure.items.length;
  if (needed !== have) throw valueError(`${func.name.value}() requires a code object with ${have} free vars, not ${needed}`);
  value.refcount++;
  const old = func.code;
  func.code = value;
  decref(old);
}

export const FUNCTION_SPEC: BuiltinTypeSpec = {
  name: "function",
  attributes: versionedFunctionAttributes,
  layout: (profile) => ({ basicSize: functionObjectSize(profile.minor), itemSize: 0, gc: true, preHeader: false }),
  slots: {
    dealloc: functionDealloc,
    traverse: functionTraverse,
    clear: functionClear,
    repr: textSlot(functionRepr),
    call: functionCall,
    descrGet: functionGet,
    getattro: null,
    setattro: functionSetAttr,
  },
  getsets: [
    // func_memberlist, in CPython's order: __builtins__ joined it in 3.10.
    { name: "__closure__", member: true, ...ownedField((func) => func.closure), set: readonlyMember },
    { name: "__doc__", member: true, ...ownedField((func) => func.doc, (func, value) => { func.doc = value ?? (rt.None.refcount++, rt.None); }) },
    { name: "__globals__", member: true, ...ownedField((func) => moduleNamespaceChecked(func.globals)), set: readonlyMember },
    { name: "__module__", member: true, ...ownedField((func) => func.module, (func, value) => { func.module = value ?? (rt.None.refcount++, rt.None); }) },
    { name: "__builtins__", member: true, since: 10, ...ownedField((func) => func.builtins), set: readonlyMember },
    { name: "__name__", ...ownedField((func) => func.name, (func, value) => { if (!(value instanceof PyStr)) throw typeError("__name__ must be set to a string object"); func.name = value; }) },
    { name: "__qualname__", ...ownedField((func) => func.qualname, (func, value) => { if (!(value instanceof PyStr)) throw typeError("__qualname__ must be set to a string object"); func.qualname = value; }) },
    { name: "__code__", get: (self) => ((self as PyFunction).code.refcount++, (self as PyFunction).code), set: (self, value) => setFunctionCode(self as PyFunction, value) },
    { name: "__defaults__", ...ownedField((func) => func.defaults), set: (self, value) => setNullableField(self as PyFunction, "defaults", value, (next) => next instanceof PyTuple, "__defaults__ must be set to a tuple object") },
    { name: "__kwdefaults__", ...ownedField((func) => func.kwdefaults), set: (self, value) => setNullableField(self as PyFunction, "kwdefaults", value, (next) => next instanceof PyDict, "__kwdefaults__ must be set to a dict object") },
    {
      name: "__annotations__",
      get: (self) => {
        const func = self as PyFunction;
        const computed = annotationsFromAnnotate(func);
        if (computed !== null) return computed;
        if (func.annotations === null) func.annotations = newDict();
        else if (func.annotations instanceof PyTuple) func.annotations = annotationsDict(func.annotations);
        func.annotations.refcount++;
        return func.annotations;
      },
      set: (self, value) => {
        setNullableField(self as PyFunction, "annotations", value, (next) => next instanceof PyDict, "__annotations__ must be set to a dict object");
        dropAnnotate(self as PyFunction);
      },
    },
    { name: "__dict__", get: functionGetDict, set: functionSetDict },
    // 3.12 (PEP 695): only generic functions have type parameters, and the simulator has no
    // `def f[T]()` syntax, so the value is always the empty tuple.
    {
      name: "__type_params__",
      since: 12,
      get: () => newTupleStealing([]),
      set: (_self, value) => {
        if (!(value instanceof PyTuple)) throw typeError("__type_params__ must be set to a tuple");
        if (value.items.length > 0) throw new Unsupported("setting a function's __type_params__");
      },
    },
  ],
};

// ---- code -----------------------------------------------------------------------------------

function strTuple(names: readonly string[]): PyObject {
  return newTupleStealing(names.map((name) => newStr(name)));
}

/** The code's own str (new reference), or a new one for code the compiler gave none. */
function ownedText(text: PyStr | null, fallback: string): PyObject {
  if (text === null) return newStr(fallback);
  text.refcount++;
  return text;
}

function codeInfoField(read: (code: PyCode) => PyObject): Omit<GetSetDef, "name"> {
  return { get: (self) => read(self as PyCode) };
}

export const CODE_SPEC: BuiltinTypeSpec = {
  name: "code",
  layout: { basicSize: 176, itemSize: 0, gc: false, preHeader: false },
  slots: {
    dealloc: codeDealloc,
    repr: textSlot((self) => {
      const code = self as PyCode;
      return `<code object ${code.info.name} at ${addressText(self)}, file "${code.info.filename}", line ${code.info.firstLineNumber}>`;
    }),
  },
  getsets: [
    { name: "co_name", ...codeInfoField((code) => ownedText(code.name, code.info.name)) },
    { name: "co_qualname", since: 11, ...codeInfoField((code) => ownedText(code.qualname, code.info.qualname)) },
    { name: "co_filename", ...codeInfoField((code) => newStr(code.info.filename)) },
    { name: "co_firstlineno", ...codeInfoField((code) => newInt(code.info.firstLineNumber)) },
    { name: "co_argcount", ...codeInfoField((code) => newInt(code.info.argCount)) },
    { name: "co_posonlyargcount", ...codeInfoField((code) => newInt(code.info.positionalOnlyCount)) },
    { name: "co_kwonlyargcount", ...codeInfoField((code) => newInt(code.info.keywordOnlyCount)) },
    { name: "co_nlocals", ...codeInfoField((code) => newInt(code.info.varnames.length)) },
    { name: "co_flags", ...codeInfoField((code) => newInt(code.info.flags)) },
    { name: "co_varnames", ...codeInfoField((code) => strTuple(code.info.varnames)) },
    { name: "co_cellvars", ...codeInfoField((code) => strTuple(code.info.cellvars)) },
    { name: "co_freevars", ...codeInfoField((code) => strTuple(code.info.freevars)) },
    {
      name: "co_names",
      ...codeInfoField((code) => {
        if (code.unfaithfulTables !== null) throw new Unsupported(code.unfaithfulTables);
        if (code.names !== null) {
          code.names.refcount++;
          return code.names;
        }
        return strTuple(code.info.names);
      }),
    },
    {
      name: "co_consts",
      ...codeInfoField((code) => {
        if (code.unfaithfulTables !== null) throw new Unsupported(code.unfaithfulTables);
        code.consts.refcount++;
        return code.consts;
      }),
    },
  ],
};

// ---- cell, method ---------------------------------------------------------------------------

export const CELL_SPEC: BuiltinTypeSpec = {
  name: "cell",
  layout: { basicSize: 24, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: cellDealloc,
    traverse: cellTraverse,
    clear: cellClear,
    repr: textSlot((self) => {
      const contents = (self as PyCell).contents;
      if (contents === null) return `<cell at ${addressText(self)}: empty>`;
      return `<cell at ${addressText(self)}: ${contents.type.name} object at ${addressText(contents)}>`;
    }),
  },
  getsets: [
    {
      name: "cell_contents",
      get: (self) => {
        const contents = (self as PyCell).contents;
        if (contents === null) throw valueError("Cell is empty");
        contents.refcount++;
        return contents;
      },
      set: (self, value) => {
        const cell = self as PyCell;
        const old = cell.contents;
        if (value !== null) value.refcount++;
        cell.contents = value;
        if (old !== null) decref(old);
      },
    },
  ],
};

export const METHOD_SPEC: BuiltinTypeSpec = {
  name: "method",
  // 3.8 added the vectorcall pointer.
  layout: (profile) => ({ basicSize: profile.minor >= 8 ? 48 : 40, itemSize: 0, gc: true, preHeader: false }),
  slots: {
    dealloc: methodDealloc,
    traverse: methodTraverse,
    call: methodCall,
    richcompare: methodRichCompare,
    repr: textSlot((self) => {
      const method = self as PyMethod;
      const name = method.func instanceof PyFunction ? method.func.qualname.value : "?";
      return `<bound method ${name} of ${reprText(method.self)}>`;
    }),
    getattro: (self, name) => {
      // Unknown attributes of a bound method come from its function (method_getattro).
      const own = genericGetAttr(self, name);
      if (own !== null) return own;
      return lookupAttr((self as PyMethod).func, name as PyStr);
    },
    hash: (self) => {
      const method = self as PyMethod;
      return Number(BigInt.asIntN(52, BigInt(hash(method.self)) ^ BigInt(hash(method.func))));
    },
  },
  getsets: [
    { name: "__func__", get: (self) => ((self as PyMethod).func.refcount++, (self as PyMethod).func) },
    { name: "__self__", get: (self) => ((self as PyMethod).self.refcount++, (self as PyMethod).self) },
  ],
};

// ---- built-in functions and descriptors -----------------------------------------------------

export const BUILTIN_FUNCTION_SPEC: BuiltinTypeSpec = {
  name: "builtin_function_or_method",
  // 3.8 added the vectorcall pointer.
  layout: (profile) => ({ basicSize: profile.minor >= 8 ? 56 : 48, itemSize: 0, gc: true, preHeader: false }),
  slots: {
    dealloc: builtinFunctionDealloc,
    traverse: builtinFunctionTraverse,
    call: builtinFunctionCall,
    repr: textSlot(builtinFunctionRepr),
  },
  getsets: [
    { name: "__name__", get: (self) => newStr((self as PyBuiltinFunction).def.name) },
    { name: "__qualname__", get: (self) => newStr((self as PyBuiltinFunction).qualifiedName) },
    {
      name: "__self__",
      get: (self) => {
        const owner = (self as PyBuiltinFunction).self;
        owner.refcount++;
        return owner;
      },
    },
    { name: "__module__", get: (self) => (isBoundBuiltin(self as PyBuiltinFunction) ? newNone() : newStr("builtins")) },
  ],
};

function descriptorSpec(name: string, kind: DescriptorKind, repr: (self: PyMethodDescriptor) => string): BuiltinTypeSpec {
  const data = kind === "getset" || kind === "member";
  return {
    name,
    layout: (profile) => ({ basicSize: descriptorSize(kind, profile.minor), itemSize: 0, gc: true, preHeader: false }),
    slots: {
      dealloc: descriptorDealloc,
      traverse: descriptorTraverse,
      repr: textSlot((self) => repr(self as PyMethodDescriptor)),
      descrGet: data ? getsetDescriptorGet : methodDescriptorGet,
      descrSet: data ? getsetDescriptorSet : null,
      call: data ? null : methodDescriptorCall,
    },
    getsets: [
      { name: "__name__", get: (self) => newStr((self as PyMethodDescriptor).name) },
      { name: "__qualname__", get: (self) => newStr((self as PyMethodDescriptor).qualifiedName) },
      { name: "__objclass__", get: (self) => ((self as PyMethodDescriptor).owner.refcount++, (self as PyMethodDescriptor).owner) },
    ],
  };
}

export const METHOD_DESCRIPTOR_SPEC = descriptorSpec("method_descriptor", "method", (self) => `<method '${self.name}' of '${self.owner.name}' objects>`);
export const WRAPPER_DESCRIPTOR_SPEC = descriptorSpec("wrapper_descriptor", "slot", (self) => `<slot wrapper '${self.name}' of '${self.owner.name}' objects>`);
export const CLASSMETHOD_DESCRIPTOR_SPEC = descriptorSpec("classmethod_descriptor", "classmethod", (self) => `<method '${self.name}' of '${self.owner.name}' objects>`);
export const GETSET_DESCRIPTOR_SPEC = descriptorSpec("getset_descriptor", "getset", (self) => `<attribute '${self.name}' of '${self.owner.name}' objects>`);
export const MEMBER_DESCRIPTOR_SPEC = descriptorSpec("member_descriptor", "member", (self) => `<member '${self.name}' of '${self.owner.name}' objects>`);

export const METHOD_WRAPPER_SPEC: BuiltinTypeSpec = {
  name: "method-wrapper",
  layout: { basicSize: 32, itemSize: 0, gc: true, preHeader: false },
  slots: {
    dealloc: methodWrapperDealloc,
    traverse: methodWrapperTraverse,
    call: methodWrapperCall,
    repr: textSlot((self) => {
      const wrapper = self as PyMethodWrapper;
      return `<method-wrapper '${wrapper.descriptor.name}' of ${wrapper.self.type.name} object at ${addressText(wrapper.self)}>`;
    }),
  },
  // wrapper_members, then wrapper_getsets.
  getsets: [
    { name: "__self__", member: true, get: (self) => ((self as PyMethodWrapper).self.refcount++, (self as PyMethodWrapper).self), set: readonlyMember },
    { name: "__objclass__", get: (self) => ((self as PyMethodWrapper).descriptor.owner.refcount++, (self as PyMethodWrapper).descriptor.owner) },
    { name: "__name__", get: (self) => newStr((self as PyMethodWrapper).descriptor.name) },
    { name: "__qualname__", get: (self) => newStr(`${(self as PyMethodWrapper).descriptor.owner.name}.${(self as PyMethodWrapper).descriptor.name}`) },
    {
      name: "__text_signature__",
      get: () => {
        throw new Unsupported("__text_signature__ of a method-wrapper");
      },
    },
  ],
};

// ---- staticmethod, classmethod, property ----------------------------------------------------

function wrapperNew(kind: "staticmethod" | "classmethod") {
  return (type: PyType, args: CallArgs): PyObject => {
    const { positional } = splitArgs(args);
    if (positional.length !== 1) throw typeError(`${kind} expected 1 argument, got ${positional.length}`);
    const wrapper = newCallableWrapper(rt.types[kind], positional[0]!);
    if (type !== rt.types[kind]) adoptSubtype(wrapper, type);
    return wrapper;
  };
}

function wrappedCallable(self: PyObject): PyObject {
  const callable = (self as PyCallableWrapper).callable;
  callable.refcount++;
  return callable;
}

function wrapperSpec(kind: "staticmethod" | "classmethod"): BuiltinTypeSpec {
  return {
    name: kind,
    layout: { basicSize: 32, itemSize: 0, gc: true, preHeader: false },
    subclassable: true,
    // Read when a runtime builds the type: 3.10 gave both a repr and made staticmethod callable.
    get slots() {
      const since310 = rt.profile.minor >= 10;
      return {
        dealloc: callableWrapperDealloc,
        traverse: callableWrapperTraverse,
        setattro: functionSetAttr,
        descrGet: kind === "staticmethod" ? staticMethodGet : classMethodGet,
        new_: wrapperNew(kind),
        init: callableWrapperInit,
        call: kind === "staticmethod" && since310 ? (self: PyObject, args: CallArgs) => call((self as PyCallableWrapper).callable, args) : null,
        ...(since310 ? { repr: textSlot((self) => `<${kind}(${reprText((self as PyCallableWrapper).callable)})>`) } : {}),
      };
    },
    getsets: [
      { name: "__func__", member: true, get: wrappedCallable },
      { name: "__wrapped__", member: true, since: 10, get: wrappedCallable },
      // The plain dict a function has too (made on first need): 3.10+ fill it at creation.
      { name: "__dict__", get: functionGetDict, set: functionSetDict },
    ],
  };
}

export const STATICMETHOD_SPEC = wrapperSpec("staticmethod");
export const CLASSMETHOD_SPEC = wrapperSpec("classmethod");

function propertyCopy(self: PyObject, field: "getter" | "setter" | "deleter", value: PyObject): PyObject {
  const property = self as PyProperty;
  const parts = { getter: property.getter, setter: property.setter, deleter: property.deleter };
  parts[field] = value;
  for (const part of [parts.getter, parts.setter, parts.deleter, property.doc]) part.refcount++;
  const copy = newProperty(self.type, parts.getter, parts.setter, parts.deleter, property.doc);
  // 3.10+: the copy keeps the name __set_name__ gave the original.
  if (property.name !== null && rt.profile.minor >= 10) {
    property.name.refcount++;
    copy.name = property.name;
  }
  return copy;
}

/** property.__set_name__(owner, name) (3.10+): records the name for error messages. */
function propertySetName(self: PyObject, args: readonly PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`__set_name__() takes 2 positional arguments but ${args.length} were given`);
  const property = self as PyProperty;
  const name = args[1]!;
  name.refcount++;
  if (property.name !== null) decref(property.name);
  property.name = name;
  rt.None.refcount++;
  return rt.None;
}

/** property.__name__ (3.13+): the recorded name, else the getter's __name__. */
function propertyNameGet(self: PyObject): PyObject {
  const name = propertyName(self as PyProperty);
  if (name === null) throw attributeError("'property' object has no attribute '__name__'");
  return name;
}

function propertyNameSet(self: PyObject, value: PyObject | null): void {
  const property = self as PyProperty;
  if (value !== null) value.refcount++;
  if (property.name !== null) decref(property.name);
  property.name = value;
}

/** property(fget=None, fset=None, fdel=None, doc=None), parsed by PyArg_ParseTupleAndKeywords. */
const PROPERTY_SIGNATURE: Signature = {
  name: "property",
  owner: "property",
  history: [[6, { kind: "keywords", names: ["fget", "fset", "fdel", "doc"], min: 0 }]],
};

export const PROPERTY_SPEC: BuiltinTypeSpec = {
  name: "property",
  layout: (profile) => ({ basicSize: propertySize(profile.minor), itemSize: 0, gc: true, preHeader: false }),
  subclassable: true,
  slots: {
    dealloc: propertyDealloc,
    traverse: propertyTraverse,
    descrGet: propertyGet,
    descrSet: propertySet,
    new_: (type, args) => {
      const slots = parseArguments(PROPERTY_SIGNATURE, args);
      const pick = (index: number): PyObject => {
        const value = slots[index] ?? rt.None;
        value.refcount++;
        return value;
      };
      let doc = pick(3);
      const getter = pick(0);
      if (doc === rt.None && getter !== rt.None) {
        decref(doc);
        doc = lookupAttr(getter, internName("__doc__")) ?? (rt.None.refcount++, rt.None);
      }
      return newProperty(type, getter, pick(1), pick(2), doc);
    },
    init: () => undefined,
  },
  // Built when a runtime creates its types: __set_name__ exists from 3.10.
  get methods() {
    return [
      { name: "getter", kind: "one", impl: (self: PyObject, value: PyObject) => propertyCopy(self, "getter", value) },
      { name: "setter", kind: "one", impl: (self: PyObject, value: PyObject) => propertyCopy(self, "setter", value) },
      { name: "deleter", kind: "one", impl: (self: PyObject, value: PyObject) => propertyCopy(self, "deleter", value) },
      ...(rt.profile.minor >= 10 ? [{ name: "__set_name__", kind: "positional", impl: propertySetName } as const] : []),
    ] as const;
  },
  getsets: [
    // property_members: fget, fset, fdel (read-only) and __doc__ are struct members.
    { name: "fget", member: true, get: (self) => ((self as PyProperty).getter.refcount++, (self as PyProperty).getter), set: readonlyMember },
    { name: "fset", member: true, get: (self) => ((self as PyProperty).setter.refcount++, (self as PyProperty).setter), set: readonlyMember },
    { name: "fdel", member: true, get: (self) => ((self as PyProperty).deleter.refcount++, (self as PyProperty).deleter), set: readonlyMember },
    { name: "__doc__", member: true, get: (self) => ((self as PyProperty).doc.refcount++, (self as PyProperty).doc), set: setPropertyDoc },
    { name: "__name__", since: 13, get: propertyNameGet, set: propertyNameSet },
    { name: "__isabstractmethod__", get: (self) => newBool(propertyIsAbstract(self as PyProperty)) },
  ],
};

/** property_get___isabstractmethod__: true when fget, fset or fdel says it is abstract. */
function propertyIsAbstract(property: PyProperty): boolean {
  for (const func of [property.getter, property.setter, property.deleter]) {
    if (func === rt.None) continue;
    const name = internName("__isabstractmethod__");
    const flag = lookupAttr(func, name);
    decref(name);
    if (flag === null) continue;
    const abstract = isTrue(flag);
    decref(flag);
    if (abstract) return true;
  }
  return false;
}

/** property.__doc__ = value (a writable member: deleting stores None). */
function setPropertyDoc(self: PyObject, value: PyObject | null): void {
  const property = self as PyProperty;
  const old = property.doc;
  property.doc = value ?? rt.None;
  property.doc.refcount++;
  decref(old);
}

export { newTuple, PyDict, attributeError };

/** func_get_annotations (3.10–3.13): the flat (name, value, ...) tuple becomes a dict once. Steals the tuple. */
function annotationsDict(pairs: PyTuple): PyObject {
  const annotations = newDict();
  for (let index = 0; index + 1 < pairs.items.length; index += 2) dictSetItem(annotations, pairs.items[index]!, pairs.items[index + 1]!);
  decref(pairs);
  return annotations;
}

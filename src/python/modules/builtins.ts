// The builtins module: print, len, id, isinstance, sorted, … and the built-in types by name.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import type { CallArgs } from "../runtime/slots.js";
import { CompareOp } from "../runtime/slots.js";
import { PyType, BinaryOp } from "../runtime/type.js";
import { splitArgs } from "../runtime/spec-helpers.js";
import { typeError, valueError, pyError, PyRaise, discardRaise, Unsupported } from "../runtime/errors.js";
import { newNone, newBool, newIntFromHash } from "../runtime/values.js";
import { newInt, PyInt } from "../runtime/types/int.js";
import { normalize, toBig, add as intAdd } from "../runtime/types/int-value.js";
import { PyStr, newStr, intern } from "../runtime/types/str.js";
import { newList, PyList } from "../runtime/types/list.js";
import { newTupleStealing, PyTuple } from "../runtime/types/tuple.js";
import { PyFloat, newFloat } from "../runtime/types/float.js";
import { repr, str as strOf, strText, hash as hashOf, call, callable as isCallable } from "../runtime/abstract/object-protocol.js";
import { getAttr, lookupAttr, setAttr, missingAttribute } from "../runtime/abstract/attributes.js";
import { length } from "../runtime/abstract/items.js";
import { getIter, iterNext } from "../runtime/abstract/iteration.js";
import { isTrue } from "../runtime/abstract/truth.js";
import { richCompareBool } from "../runtime/abstract/compare.js";
import { binaryOp, unaryOp } from "../runtime/abstract/number.js";
import { indexValue, asciiText } from "../runtime/abstract/conversions.js";
import { formatObjectWithSpec } from "../runtime/abstract/format.js";
import { collectItems } from "../runtime/types/sequence-helpers.js";
import { lookupSpecial, callSpecial } from "../runtime/slot-table.js";
import { intToText, FormatError } from "../runtime/format/index.js";
import { pyRaiseFromFormatError } from "../runtime/errors.js";
import { intTernaryPow } from "../runtime/types/int-spec.js";
import { writeOutput } from "./output.js";
import { dirNames, dirOfScope, scopeGlobals, scopeLocals } from "./dir.js";
import type { ModuleDefinition } from "./module-builder.js";
import { tick } from "../runtime/ops/limits.js";

function keywordsOnly(args: CallArgs, name: string, allowed: readonly string[]): { positional: readonly PyObject[]; keywords: Map<string, PyObject> } {
  const split = splitArgs(args);
  for (const keyword of split.keywords.keys()) {
    if (!allowed.includes(keyword)) throw typeError(`${name}() got an unexpected keyword argument '${keyword}'`);
  }
  return split;
}

function exactly(name: string, values: readonly PyObject[], count: number): void {
  if (values.length !== count) {
    throw typeError(count === 1 ? `${name}() takes exactly one argument (${values.length} given)` : `${name} expected ${count} arguments, got ${values.length}`);
  }
}

/** print(*objects, sep=' ', end='\n', file=None, flush=False) */
function print(_self: PyObject, args: CallArgs): PyObject {
  const { positional, keywords } = keywordsOnly(args, "print", ["sep", "end", "file", "flush"]);
  const textOf = (value: PyObject | undefined, fallback: string, what: string): string => {
    if (value === undefined || value === rt.None) return fallback;
    if (!(value instanceof PyStr)) throw typeError(`${what} must be None or a string, not ${value.type.name}`);
    return value.value;
  };
  const separator = textOf(keywords.get("sep"), " ", "sep");
  const end = textOf(keywords.get("end"), "\n", "end");
  const parts = positional.map((value) => strText(value));
  const text = parts.join(separator) + end;
  const file = keywords.get("file");
  if (file === undefined || file === rt.None) writeOutput("stdout", text);
  else {
    const write = getAttr(file, internNameTemporary("write"));
    try {
      const textObject = newStr(text);
      try {
        decref(call(write, { values: [textObject], kwnames: null }));
      } finally {
        decref(textObject);
      }
    } finally {
      decref(write);
    }
  }
  return newNone();
}

function internNameTemporary(name: string): PyStr {
  const key = intern(newStr(name), true);
  key.refcount--;
  return key;
}

function minMax(name: "min" | "max", op: CompareOp) {
  return (_self: PyObject, args: CallArgs): PyObject => {
    const { positional, keywords } = keywordsOnly(args, name, ["key", "default"]);
    const key = keywords.get("key") ?? rt.None;
    const fallback = keywords.get("default");
    if (positional.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
    let candidates: PyObject[];
    if (positional.length === 1) {
      candidates = collectItems(positional[0]!);
    } else {
      if (fallback !== undefined) throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
      candidates = positional.map((item) => (item.refcount++, item));
    }
    try {
      if (candidates.length === 0) {
        if (fallback !== undefined) {
          fallback.refcount++;
          return fallback;
        }
        throw valueError(`${name}() ${rt.profile.minor >= 12 ? "iterable argument is empty" : "arg is an empty sequence"}`);
      }
      let best = candidates[0]!;
      let bestKey = key === rt.None ? (best.refcount++, best) : call(key, { values: [best], kwnames: null });
      for (let i = 1; i < candidates.length; i++) {
        const item = candidates[i]!;
        const itemKey = key === rt.None ? (item.refcount++, item) : call(key, { values: [item], kwnames: null });
        if (richCompareBool(itemKey, bestKey, op)) {
          decref(bestKey);
          bestKey = itemKey;
          best = item;
        } else {
          decref(itemKey);
        }
      }
      decref(bestKey);
      best.refcount++;
      return best;
    } finally {
      for (const item of candidates) decref(item);
    }
  };
}

function sum(_self: PyObject, args: CallArgs): PyObject {
  const { positional, keywords } = keywordsOnly(args, "sum", ["start"]);
  if (positional.length < 1 || positional.length > 2) throw typeError(`sum() takes at most 2 arguments (${positional.length} given)`);
  let total = positional[1] ?? keywords.get("start") ?? null;
  if (total instanceof PyStr) throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  total = total === null ? newInt(0) : (total.refcount++, total);
  const iterator = getIter(positional[0]!);
  try {
    for (;;) {
      if (--rt.ops.steps < 0) tick();
      const item = iterNext(iterator);
      if (item === null) break;
      try {
        let next: PyObject;
        if (total instanceof PyInt && item instanceof PyInt && total.type === rt.types.int && item.type === rt.types.int) next = newInt(intAdd(total.value, item.value));
        else next = binaryOp(total, item, BinaryOp.Add);
        decref(total);
        total = next;
      } finally {
        decref(item);
      }
    }
  } catch (error) {
    decref(total);
    throw error;
  } finally {
    decref(iterator);
  }
  return total;
}

function sorted(_self: PyObject, args: CallArgs): PyObject {
  const { positional, keywords } = splitArgs(args);
  if (positional.length !== 1) throw typeError(`sorted expected 1 argument, got ${positional.length}`);
  const list = newList(collectItems(positional[0]!));
  try {
    const sort = getAttr(list, internNameTemporary("sort"));
    try {
      const names = [...keywords.keys()];
      decref(call(sort, { values: [...keywords.values()], kwnames: names.length > 0 ? names : null }));
    } finally {
      decref(sort);
    }
  } catch (error) {
    decref(list);
    throw error;
  }
  return list;
}

function isinstanceCheck(object: PyObject, classinfo: PyObject): boolean {
  if (classinfo instanceof PyType) {
    if (object.type.isSubtypeOf(classinfo)) return true;
    const hook = lookupSpecial(classinfo, "__instancecheck__");
    if (hook !== null && classinfo.type !== rt.types.type) {
      const result = callSpecial(classinfo, hook, [object]);
      try {
        return isTrue(result);
      } finally {
        decref(result);
      }
    }
    const claimed = lookupAttr(object, internNameTemporary("__class__"));
    if (claimed !== null) {
      try {
        return claimed instanceof PyType && claimed !== object.type && claimed.isSubtypeOf(classinfo);
      } finally {
        decref(claimed);
      }
    }
    return false;
  }
  if (classinfo instanceof PyTuple) return classinfo.items.some((item) => isinstanceCheck(object, item));
  throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
}

function issubclassCheck(cls: PyObject, classinfo: PyObject): boolean {
  if (!(cls instanceof PyType)) throw typeError("issubclass() arg 1 must be a class");
  if (classinfo instanceof PyType) return cls.isSubtypeOf(classinfo);
  if (classinfo instanceof PyTuple) return classinfo.items.some((item) => issubclassCheck(cls, item));
  throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

function baseConversion(name: string, base: 2 | 8 | 16) {
  return (_self: PyObject, value: PyObject): PyObject => {
    try {
      return newStr(intToText(indexValue(value), base, rt.profile, rt.maxStrDigits));
    } catch (error) {
      if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
      throw error;
    }
  };
}

function roundBuiltin(_self: PyObject, args: CallArgs): PyObject {
  const { positional, keywords } = keywordsOnly(args, "round", ["number", "ndigits"]);
  const number = positional[0] ?? keywords.get("number");
  if (number === undefined) throw typeError("round() missing required argument 'number' (pos 1)");
  const digits = positional[1] ?? keywords.get("ndigits");
  const method = lookupSpecial(number, "__round__");
  if (method === null) throw typeError(`type ${number.type.name} doesn't define __round__ method`);
  return callSpecial(number, method, digits === undefined || digits === rt.None ? [] : [digits]);
}

function powBuiltin(_self: PyObject, args: CallArgs): PyObject {
  const { positional, keywords } = keywordsOnly(args, "pow", ["base", "exp", "mod"]);
  const base = positional[0] ?? keywords.get("base");
  const exponent = positional[1] ?? keywords.get("exp");
  const modulus = positional[2] ?? keywords.get("mod");
  if (base === undefined || exponent === undefined) throw typeError("pow() missing required argument");
  if (modulus === undefined || modulus === rt.None) return binaryOp(base, exponent, BinaryOp.Pow);
  const result = intTernaryPow(base, exponent, modulus);
  if (result === rt.NotImplemented) {
    decref(result);
    throw typeError(`unsupported operand type(s) for pow(): '${base.type.name}', '${exponent.type.name}', '${modulus.type.name}'`);
  }
  return result;
}

function divmodBuiltin(_self: PyObject, args: CallArgs): PyObject {
  const values = splitArgs(args).positional;
  exactly("divmod", values, 2);
  const [a, b] = values as [PyObject, PyObject];
  const method = lookupSpecial(a, "__divmod__");
  if (a instanceof PyInt && b instanceof PyInt) {
    const quotient = binaryOp(a, b, BinaryOp.FloorDiv);
    const remainder = binaryOp(a, b, BinaryOp.Mod);
    return newTupleStealing([quotient, remainder]);
  }
  if (method !== null) {
    const result = callSpecial(a, method, [b]);
    if (result !== rt.NotImplemented) return result;
    decref(result);
  }
  const reflected = lookupSpecial(b, "__rdivmod__");
  if (reflected !== null) {
    const result = callSpecial(b, reflected, [a]);
    if (result !== rt.NotImplemented) return result;
    decref(result);
  }
  throw typeError(`unsupported operand type(s) for divmod(): '${a.type.name}' and '${b.type.name}'`);
}

function getattrBuiltin(_self: PyObject, args: CallArgs): PyObject {
  const values = splitArgs(args).positional;
  if (values.length < 2 || values.length > 3) throw typeError(`getattr expected at least 2 arguments, got ${values.length}`);
  const [object, name, fallback] = values as [PyObject, PyObject, PyObject | undefined];
  if (!(name instanceof PyStr)) throw typeError(`attribute name must be string, not '${name.type.name}'`);
  if (fallback === undefined) return getAttr(object, name);
  try {
    const value = lookupAttr(object, name);
    if (value !== null) return value;
  } catch (error) {
    if (!(error instanceof PyRaise) || !error.exception.type.isSubtypeOf(rt.exc.AttributeError)) throw error;
    discardRaise(error);
  }
  fallback.refcount++;
  return fallback;
}

function nextBuiltin(_self: PyObject, args: CallArgs): PyObject {
  const values = splitArgs(args).positional;
  if (values.length < 1 || values.length > 2) throw typeError(`next expected at least 1 argument, got ${values.length}`);
  const iterator = values[0]!;
  if (iterator.type.iternext === null) throw typeError(`'${iterator.type.name}' object is not an iterator`);
  const item = iterator.type.iternext(iterator);
  if (item !== null) return item;
  const fallback = values[1];
  if (fallback !== undefined) {
    fallback.refcount++;
    return fallback;
  }
  throw pyError(rt.exc.StopIteration, null);
}

function iterBuiltin(_self: PyObject, args: CallArgs): PyObject {
  const values = splitArgs(args).positional;
  if (values.length === 1) return getIter(values[0]!);
  if (values.length === 2) throw new Unsupported("iter(callable, sentinel)");
  throw typeError(`iter expected at most 2 arguments, got ${values.length}`);
}

function anyAll(name: "any" | "all", wanted: boolean) {
  return (_self: PyObject, iterable: PyObject): PyObject => {
    const iterator = getIter(iterable);
    try {
      for (;;) {
        const item = iterNext(iterator);
        if (item === null) return newBool(!wanted);
        const truth = isTrue(item);
        decref(item);
        if (truth === wanted) return newBool(wanted);
      }
    } finally {
      decref(iterator);
    }
  };
}

function unsupportedBuiltin(name: string, what: string): MethodDef {
  return {
    name,
    kind: "keywords",
    impl: () => {
      throw new Unsupported(what);
    },
  };
}

export const BUILTIN_FUNCTIONS: readonly MethodDef[] = [
  { name: "print", kind: "keywords", impl: print },
  { name: "len", kind: "one", impl: (_self, value) => newInt(length(value)) },
  { name: "id", kind: "one", impl: (_self, value) => newInt(value.address) },
  { name: "hex", kind: "one", impl: baseConversion("hex", 16) },
  { name: "oct", kind: "one", impl: baseConversion("oct", 8) },
  { name: "bin", kind: "one", impl: baseConversion("bin", 2) },
  { name: "repr", kind: "one", impl: (_self, value) => repr(value) },
  { name: "ascii", kind: "one", impl: (_self, value) => newStr(asciiText(value)) },
  { name: "abs", kind: "one", impl: (_self, value) => unaryOp(value, "absolute") },
  { name: "hash", kind: "one", impl: (_self, value) => newIntFromHash(hashOf(value)) },
  { name: "callable", kind: "one", impl: (_self, value) => newBool(isCallable(value)) },
  {
    name: "chr",
    kind: "one",
    impl: (_self, value) => {
      const code = Number(indexValue(value));
      if (code < 0 || code > 0x10ffff) throw valueError("chr() arg not in range(0x110000)");
      return newStr(String.fromCodePoint(code));
    },
  },
  {
    name: "ord",
    kind: "one",
    impl: (_self, value) => {
      if (value instanceof PyStr) {
        if (value.length !== 1) throw typeError(`ord() expected a character, but string of length ${value.length} found`);
        return newInt(value.value.codePointAt(0)!);
      }
      if (value.type === rt.types.bytes) {
        const bytes = (value as unknown as { value: Uint8Array }).value;
        if (bytes.length !== 1) throw typeError(`ord() expected a character, but string of length ${bytes.length} found`);
        return newInt(bytes[0]!);
      }
      throw typeError(`ord() expected string of length 1, but ${value.type.name} found`);
    },
  },
  { name: "min", kind: "keywords", impl: minMax("min", CompareOp.Lt) },
  { name: "max", kind: "keywords", impl: minMax("max", CompareOp.Gt) },
  { name: "sum", kind: "keywords", impl: sum },
  { name: "sorted", kind: "keywords", impl: sorted },
  { name: "any", kind: "one", impl: anyAll("any", true) },
  { name: "all", kind: "one", impl: anyAll("all", false) },
  {
    name: "isinstance",
    kind: "positional",
    impl: (_self, args) => {
      exactly("isinstance", args, 2);
      return newBool(isinstanceCheck(args[0]!, args[1]!));
    },
  },
  {
    name: "issubclass",
    kind: "positional",
    impl: (_self, args) => {
      exactly("issubclass", args, 2);
      return newBool(issubclassCheck(args[0]!, args[1]!));
    },
  },
  { name: "getattr", kind: "keywords", impl: getattrBuiltin },
  {
    name: "setattr",
    kind: "positional",
    impl: (_self, args) => {
      exactly("setattr", args, 3);
      const name = args[1]!;
      if (!(name instanceof PyStr)) throw typeError(`attribute name must be string, not '${name.type.name}'`);
      setAttr(args[0]!, name, args[2]!);
      return newNone();
    },
  },
  {
    name: "delattr",
    kind: "positional",
    impl: (_self, args) => {
      exactly("delattr", args, 2);
      const name = args[1]!;
      if (!(name instanceof PyStr)) throw typeError(`attribute name must be string, not '${name.type.name}'`);
      setAttr(args[0]!, name, null);
      return newNone();
    },
  },
  {
    name: "hasattr",
    kind: "positional",
    impl: (_self, args) => {
      exactly("hasattr", args, 2);
      const name = args[1]!;
      if (!(name instanceof PyStr)) throw typeError(`attribute name must be string, not '${name.type.name}'`);
      try {
        const value = lookupAttr(args[0]!, name);
        if (value === null) return newBool(false);
        decref(value);
        return newBool(true);
      } catch (error) {
        if (error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.AttributeError)) {
          discardRaise(error);
          return newBool(false);
        }
        throw error;
      }
    },
  },
  { name: "next", kind: "keywords", impl: nextBuiltin },
  { name: "iter", kind: "keywords", impl: iterBuiltin },
  { name: "round", kind: "keywords", impl: roundBuiltin },
  { name: "pow", kind: "keywords", impl: powBuiltin },
  { name: "divmod", kind: "keywords", impl: divmodBuiltin },
  {
    name: "format",
    kind: "positional",
    impl: (_self, args) => {
      if (args.length < 1 || args.length > 2) throw typeError(`format expected at most 2 arguments, got ${args.length}`);
      const spec = args[1];
      if (spec !== undefined && !(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
      return newStr(formatObjectWithSpec(args[0]!, spec === undefined ? "" : spec.value));
    },
  },
  {
    name: "dir",
    kind: "positional",
    impl: (_self, args) => {
      if (args.length > 1) throw typeError(`dir expected at most 1 argument, got ${args.length}`);
      if (args.length === 0) return dirOfScope();
      return dirNames(args[0]!);
    },
  },
  {
    name: "vars",
    kind: "positional",
    impl: (_self, args) => {
      if (args.length === 0) return scopeLocals();
      try {
        return getAttr(args[0]!, internNameTemporary("__dict__"));
      } catch (error) {
        if (error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.AttributeError)) {
          discardRaise(error);
          throw typeError("vars() argument must have __dict__ attribute");
        }
        throw error;
      }
    },
  },
  { name: "globals", kind: "noargs", impl: () => scopeGlobals() },
  { name: "locals", kind: "noargs", impl: () => scopeLocals() },
  unsupportedBuiltin("input", "input() (lessons cannot read from a keyboard)"),
  unsupportedBuiltin("open", "open() and files"),
  unsupportedBuiltin("help", "help() (its text is CPython's documentation)"),
  unsupportedBuiltin("eval", "eval()"),
  unsupportedBuiltin("exec", "exec()"),
  unsupportedBuiltin("compile", "compile()"),
  unsupportedBuiltin("breakpoint", "breakpoint()"),
  unsupportedBuiltin("__import__", "__import__()"),
  unsupportedBuiltin("memoryview", "memoryview"),
  unsupportedBuiltin("bytearray", "bytearray"),
];

/** Names of built-in types and exceptions exposed by the builtins module. */
const TYPE_NAMES: readonly string[] = [
  "object",
  "type",
  "int",
  "bool",
  "float",
  "complex",
  "str",
  "bytes",
  "list",
  "tuple",
  "dict",
  "set",
  "frozenset",
  "range",
  "slice",
  "staticmethod",
  "classmethod",
  "property",
  "super",
  "enumerate",
  "zip",
  "map",
  "filter",
  "reversed",
];

export const BUILTINS_MODULE: ModuleDefinition = {
  name: "builtins",
  functions: BUILTIN_FUNCTIONS,
  values: () => {
    const values = new Map<string, PyObject>();
    const types = rt.types as unknown as Record<string, PyObject>;
    for (const name of TYPE_NAMES) {
      const type = types[name]!;
      type.refcount++;
      values.set(name, type);
    }
    for (const [name, type] of Object.entries(rt.exc)) {
      type.refcount++;
      values.set(name, type);
    }
    for (const [name, object] of [
      ["None", rt.None],
      ["True", rt.True],
      ["False", rt.False],
      ["Ellipsis", rt.Ellipsis],
      ["NotImplemented", rt.NotImplemented],
      ["__debug__", rt.True],
    ] as const) {
      object.refcount++;
      values.set(name, object);
    }
    return values;
  },
};

export { normalize, toBig, newTupleStealing, PyList, PyFloat, newFloat, strOf, missingAttribute };

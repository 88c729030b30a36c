// BaseExceptionGroup and ExceptionGroup (PEP 654, 3.11+): construction, message/exceptions, derive, split and subgroup.
import { initPositionalArgs } from "./exception-fields.js";
import { collectItems } from "./sequence-helpers.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { PyType } from "../type.js";
import type { CallArgs } from "../slots.js";
import { splitArgs, textSlot } from "../spec-helpers.js";
import { typeError, valueError } from "../errors.js";
import { PyBaseException, newExceptionObject, exceptionObjectSize, exceptionStrText } from "./exceptions.js";
import { newTuple, newTupleStealing, PyTuple } from "./tuple.js";
import { PyStr, newStr, internName } from "./str.js";
import { newList } from "./list.js";
import { getAttrString, lookupAttr, setAttr } from "../abstract/attributes.js";
import { newNone } from "../values.js";
import { allocateBuiltinType, completeBuiltinType } from "../type-factory.js";
import { call } from "../abstract/object-protocol.js";
import { isTrue } from "../abstract/truth.js";
import { isInstance } from "../../modules/builtins-introspection.js";

export interface ExceptionGroupTypes {
  readonly BaseExceptionGroup: PyType;
  readonly ExceptionGroup: PyType;
}

const created = new WeakMap<object, ExceptionGroupTypes>();

/** Is `value` an instance of BaseExceptionGroup (3.11+)? */
export function isExceptionGroup(value: PyObject): value is PyBaseException {
  if (rt.profile.minor < 11 || !(value instanceof PyBaseException)) return false;
  return value.type.isSubtypeOf(exceptionGroupTypes().BaseExceptionGroup);
}

/** The message (borrowed) of a group. */
export function groupMessage(group: PyBaseException): PyObject {
  return group.fields?.get("message") ?? rt.None;
}

/** The sub-exceptions (borrowed items) of a group. */
export function groupExceptions(group: PyBaseException): readonly PyObject[] {
  const exceptions = group.fields?.get("exceptions");
  return exceptions instanceof PyTuple ? exceptions.items : [];
}

function isExceptionClass(value: PyObject): boolean {
  return value instanceof PyType && value.isSubtypeOf(rt.exc.BaseException);
}

/** PySequence_Check: an object with item access that is not a mapping. */
function isSequence(value: PyObject): boolean {
  return value.type.getitem !== null && !value.type.isSubtypeOf(rt.types.dict);
}

function tupleOf(iterable: PyObject): PyTuple {
  if (iterable.type === rt.types.tuple) {
    iterable.refcount++;
    return iterable as PyTuple;
  }
  return newTupleStealing(collectItems(iterable));
}

/** BaseExceptionGroup.__new__(cls, message, exceptions). */
function groupNew(type: PyType, args: CallArgs): PyObject {
  const { positional } = splitArgs(args);
  if (positional.length !== 2) throw typeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${positional.length} given)`);
  const [message, sequence] = positional as [PyObject, PyObject];
  if (!(message instanceof PyStr)) throw typeError(`BaseExceptionGroup.__new__() argument 1 must be str, not ${message.type.name}`);
  if (!isSequence(sequence)) throw typeError("second argument (exceptions) must be a sequence");
  const exceptions = tupleOf(sequence);
  try {
    if (exceptions.items.length === 0) throw valueError("second argument (exceptions) must be a non-empty sequence");
    let nestsBaseExceptions = false;
    exceptions.items.forEach((item, index) => {
      if (!(item instanceof PyBaseException)) throw valueError(`Item ${index} of second argument (exceptions) is not an exception`);
      if (!isInstance(item, rt.exc.Exception)) nestsBaseExceptions = true;
    });
    const types = exceptionGroupTypes();
    let cls = type;
    if (cls === types.ExceptionGroup) {
      if (nestsBaseExceptions) throw typeError("Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (cls === types.BaseExceptionGroup) {
      // All nested exceptions are Exceptions: the group is an ExceptionGroup.
      if (!nestsBaseExceptions) cls = types.ExceptionGroup;
    } else if (nestsBaseExceptions && cls.isSubtypeOf(rt.exc.Exception)) {
      throw typeError(`Cannot nest BaseExceptions in '${cls.name}'`);
    }
    const group = newExceptionObject(cls, newTuple(positional));
    message.refcount++;
    exceptions.refcount++;
    group.fields = new Map<string, PyObject>([
      ["message", message],
      ["exceptions", exceptions],
    ]);
    return group;
  } finally {
    decref(exceptions);
  }
}

/** BaseExceptionGroup.__init__: no keywords, then BaseException's (args). */
function groupInit(self: PyObject, args: CallArgs): void {
  initPositionalArgs(self, args);
}

function groupStrText(self: PyObject): string {
  const group = self as PyBaseException;
  const count = groupExceptions(group).length;
  const message = groupMessage(group);
  return `${message instanceof PyStr ? message.value : exceptionStrText(group)} (${count} sub-exception${count > 1 ? "s" : ""})`;
}

/** How split() and subgroup() test a leaf (or a whole group). */
type Matcher = { kind: "type"; value: PyObject } | { kind: "predicate"; value: PyObject } | { kind: "ids"; value: ReadonlySet<PyObject> };

function matcherOf(value: PyObject): Matcher {
  if (value.type.call !== null && !(value instanceof PyType)) return { kind: "predicate", value };
  if (isExceptionClass(value)) return { kind: "type", value };
  if (value.type === rt.types.tuple && (value as PyTuple).items.every(isExceptionClass)) return { kind: "type", value };
  throw typeError(rt.profile.minor >= 13 ? "expected an exception type, a tuple of exception types, or a callable (other than a class)" : "expected a function, exception type or tuple of exception types");
}

function typeMatches(exception: PyObject, type: PyObject): boolean {
  if (type instanceof PyTuple) return type.items.some((item) => typeMatches(exception, item));
  return type instanceof PyType && exception.type.isSubtypeOf(type);
}

function matches(exception: PyObject, matcher: Matcher): boolean {
  switch (matcher.kind) {
    case "type":
      return typeMatches(exception, matcher.value);
    case "ids":
      return matcher.value.has(exception);
    case "predicate": {
      const result = call(matcher.value, { values: [exception], kwnames: null });
      try {
        return isTrue(result);
      } finally {
        decref(result);
      }
    }
  }
}

/**
 * exceptiongroup_subset: a group like `original` (derive()) holding `exceptions`, with the
 * original's traceback, context, cause and a copy of its notes; null when `exceptions` is empty.
 */
function subset(original: PyBaseException, exceptions: PyObject[]): PyObject | null {
  if (exceptions.length === 0) return null;
  const list = newList(exceptions.map((item) => (item.refcount++, item)));
  let derived: PyObject;
  try {
    derived = callMethod(original, "derive", [list]);
  } finally {
    decref(list);
  }
  if (!isExceptionGroup(derived)) {
    decref(derived);
    throw typeError("derive must return an instance of BaseExceptionGroup");
  }
  const replace = (read: PyObject | null, write: (value: PyObject | null) => void, old: PyObject | null) => {
    if (read !== null) read.refcount++;
    write(read);
    if (old !== null) decref(old);
  };
  replace(original.tracebackObject, (value) => (derived.tracebackObject = value as PyBaseException["tracebackObject"]), derived.tracebackObject);
  replace(original.context, (value) => (derived.context = value), derived.context);
  replace(original.cause, (value) => (derived.cause = value), derived.cause);
  derived.suppressContext = true;
  const notesName = internName("__notes__");
  try {
    const notes = lookupAttr(original, notesName);
    if (notes !== null) {
      try {
        const copy = call(rt.types.list, { values: [notes], kwnames: null });
        try {
          setAttr(derived, notesName, copy);
        } finally {
          decref(copy);
        }
      } finally {
        decref(notes);
      }
    }
  } finally {
    decref(notesName);
  }
  return derived;
}

function callMethod(self: PyObject, name: string, values: PyObject[]): PyObject {
  const method = getAttrString(self, name);
  try {
    return call(method, { values, kwnames: null });
  } finally {
    decref(method);
  }
}

/** exceptiongroup_split_recursive: [match, rest] as new references or null. */
export function splitGroup(exception: PyObject, matcher: Matcher, withRest: boolean): [PyObject | null, PyObject | null] {
  if (matches(exception, matcher)) {
    exception.refcount++;
    return [exception, null];
  }
  if (!isExceptionGroup(exception)) {
    if (withRest) exception.refcount++;
    return [null, withRest ? exception : null];
  }
  const matched: PyObject[] = [];
  const rest: PyObject[] = [];
  try {
    for (const child of groupExceptions(exception)) {
      const [childMatch, childRest] = splitGroup(child, matcher, withRest);
      if (childMatch !== null) matched.push(childMatch);
      if (childRest !== null) rest.push(childRest);
    }
    const matchGroup = subset(exception, matched);
    let restGroup: PyObject | null = null;
    try {
      if (withRest) restGroup = subset(exception, rest);
    } catch (error) {
      if (matchGroup !== null) decref(matchGroup);
      throw error;
    }
    return [matchGroup, restGroup];
  } finally {
    for (const item of [...matched, ...rest]) decref(item);
  }
}

/** `split()` and `subgroup()` with a type, a tuple of types or a predicate. */
export function splitWith(group: PyObject, matcherValue: PyObject, withRest: boolean): [PyObject | null, PyObject | null] {
  return splitGroup(group, matcherOf(matcherValue), withRest);
}

/** The leaves of an exception (itself when it is no group). */
export function collectLeaves(exception: PyObject | null, into: Set<PyObject>): void {
  if (exception === null || exception === rt.None) return;
  if (!isExceptionGroup(exception)) {
    into.add(exception);
    return;
  }
  for (const child of groupExceptions(exception)) collectLeaves(child, into);
}

/** The part of `group` whose leaves are among `leaves` (exception_group_projection), or null. */
export function projectGroup(group: PyObject, leaves: ReadonlySet<PyObject>): PyObject | null {
  return splitGroup(group, { kind: "ids", value: leaves }, false)[0];
}

/** _PyExc_CreateExceptionGroup: BaseExceptionGroup(message, exceptions), an ExceptionGroup when it can be. */
export function createExceptionGroup(message: string, exceptions: readonly PyObject[]): PyObject {
  const text = newStr(message);
  const tuple = newTuple(exceptions);
  try {
    return call(exceptionGroupTypes().BaseExceptionGroup, { values: [text, tuple], kwnames: null });
  } finally {
    decref(text);
    decref(tuple);
  }
}

function noneOr(value: PyObject | null): PyObject {
  return value ?? newNone();
}

const BASE_EXCEPTION_GROUP_SPEC: BuiltinTypeSpec = {
  name: "BaseExceptionGroup",
  base: "BaseException",
  layout: (profile) => ({ basicSize: exceptionObjectSize(profile.minor) + 16, itemSize: 0, gc: true, preHeader: false }),
  subclassable: true,
  slots: {
    new_: groupNew,
    init: groupInit,
    str: textSlot(groupStrText),
  },
  methods: [
    {
      name: "derive",
      kind: "one",
      impl: (self, exceptions) => {
        const message = groupMessage(self as PyBaseException);
        return call(exceptionGroupTypes().BaseExceptionGroup, { values: [message, exceptions], kwnames: null });
      },
    },
    {
      name: "split",
      kind: "one",
      impl: (self, matcher) => {
        const [match, rest] = splitWith(self, matcher, true);
        return newTupleStealing([noneOr(match), noneOr(rest)]);
      },
    },
    {
      name: "subgroup",
      kind: "one",
      impl: (self, matcher) => noneOr(splitWith(self, matcher, false)[0]),
    },
  ],
  getsets: [
    {
      name: "message",
      member: true,
      get: (self) => {
        const value = groupMessage(self as PyBaseException);
        value.refcount++;
        return value;
      },
    },
    {
      name: "exceptions",
      member: true,
      get: (self) => {
        const value = (self as PyBaseException).fields?.get("exceptions") ?? rt.None;
        value.refcount++;
        return value;
      },
    },
  ],
};

const EXCEPTION_GROUP_SPEC: BuiltinTypeSpec = {
  name: "ExceptionGroup",
  base: "BaseExceptionGroup",
  layout: (profile) => ({ basicSize: exceptionObjectSize(profile.minor) + 16, itemSize: 0, gc: true, preHeader: false }),
  subclassable: true,
};

/**
 * The two classes, made on first use per runtime: ExceptionGroup derives from both
 * BaseExceptionGroup and Exception (its MRO: ExceptionGroup, BaseExceptionGroup, Exception,
 * BaseException, object).
 */
export function exceptionGroupTypes(): ExceptionGroupTypes {
  let types = created.get(rt);
  if (types === undefined) {
    const base = allocateBuiltinType(BASE_EXCEPTION_GROUP_SPEC);
    completeBuiltinType(base, BASE_EXCEPTION_GROUP_SPEC, rt.exc.BaseException);
    rt.registerStatic(base, 408);
    const group = allocateBuiltinType(EXCEPTION_GROUP_SPEC);
    completeBuiltinType(group, EXCEPTION_GROUP_SPEC, base);
    group.bases = [base, rt.exc.Exception];
    group.mro = [group, base, ...rt.exc.Exception.mro];
    rt.registerStatic(group, 408);
    types = { BaseExceptionGroup: base, ExceptionGroup: group };
    created.set(rt, types);
  }
  return types;
}

/** The names builtins gains on 3.11+ (new references). */
export function exceptionGroupBuiltins(): [string, PyObject][] {
  if (rt.profile.minor < 11) return [];
  const types = exceptionGroupTypes();
  return [
    ["BaseExceptionGroup", (types.BaseExceptionGroup.refcount++, types.BaseExceptionGroup)],
    ["ExceptionGroup", (types.ExceptionGroup.refcount++, types.ExceptionGroup)],
  ];
}


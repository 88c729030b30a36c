// weakref.proxy objects (weakproxy / weakcallableproxy; weakref.ProxyType from 3.10): weak
// references that stand in for their referent, forwarding attributes, operators, items,
// iteration and calls to it, and raising ReferenceError once it died.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { BinaryOp, BINARY_OP_COUNT } from "../type.js";
import { allocateObject } from "../memory/object-memory.js";
import { gcTrack } from "../gc/tracking.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { CallArgs } from "../slots.js";
import type { BinarySlot } from "../type.js";
import { addressText, splitArgs } from "../spec-helpers.js";
import { addWeakReference, weakReferencesOf } from "../weak-references.js";
import { typeError, pyError, Unsupported } from "../errors.js";
import { newStr, PyStr } from "./str.js";
import { str, call, callPositional } from "../abstract/object-protocol.js";
import { richCompare } from "../abstract/compare.js";
import { getAttr, setAttr } from "../abstract/attributes.js";
import { binaryOp, inplaceOp, unaryOp } from "../abstract/number.js";
import { getItem, setItem, deleteItem, length, contains } from "../abstract/items.js";
import { isTrue } from "../abstract/truth.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { PyWeakref, weakrefBasicSize, weakrefDealloc, weakrefTraverse, weakrefClear, supportsWeakrefs, simulatorClearsWeakrefs, typeSlotName } from "./weakref.js";

function isProxy(value: PyObject): value is PyWeakref {
  return value.type === rt.types.weakproxy || value.type === rt.types.weakcallableproxy;
}

/** The live referent (a new reference), or ReferenceError once it died. */
function referentOf(proxy: PyObject): PyObject {
  const referent = (proxy as PyWeakref).referent;
  if (referent === null) throw pyError(rt.exc.ReferenceError, "weakly-referenced object no longer exists");
  referent.refcount++;
  return referent;
}

/** UNWRAP: a proxy operand becomes its referent (new reference); others are increfed. */
function unwrap(value: PyObject): PyObject {
  if (isProxy(value)) return referentOf(value);
  value.refcount++;
  return value;
}

/** Runs `use` on the unwrapped operands, releasing them after. */
function withReferents<T>(values: readonly PyObject[], use: (...referents: PyObject[]) => T): T {
  const referents: PyObject[] = [];
  try {
    for (const value of values) referents.push(unwrap(value));
    return use(...referents);
  } finally {
    for (const referent of referents) decref(referent);
  }
}

/**
 * weakref.proxy(object[, callback]): a callable proxy for a callable referent; the proxy without
 * callback is shared, as the basic reference is.
 */
export function newProxy(args: CallArgs): PyObject {
  const { positional, keywords } = splitArgs(args);
  if (keywords.size > 0) throw typeError("proxy() takes no keyword arguments");
  const plural = (count: number): string => (rt.profile.minor < 8 || count !== 1 ? "s" : "");
  if (positional.length < 1) throw typeError(`proxy expected at least 1 argument${plural(1)}, got ${positional.length}`);
  if (positional.length > 2) throw typeError(`proxy expected at most 2 argument${plural(2)}, got ${positional.length}`);
  const referent = positional[0]!;
  const callback = positional[1] === undefined || positional[1] === rt.None ? null : positional[1];
  if (!supportsWeakrefs(referent.type)) throw typeError(`cannot create weak reference to '${typeSlotName(referent.type)}' object`);
  if (!simulatorClearsWeakrefs(referent.type)) throw new Unsupported(`weak references to '${typeSlotName(referent.type)}' objects`);
  const type = referent.type.call !== null ? rt.types.weakcallableproxy : rt.types.weakproxy;
  if (callback === null) {
    const existing = weakReferencesOf(referent).find((reference) => isProxy(reference) && (reference as PyWeakref).callback === null);
    if (existing !== undefined) {
      existing.refcount++;
      return existing;
    }
  }
  if (callback !== null) callback.refcount++;
  const proxy = new PyWeakref(type, referent, callback);
  allocateObject(proxy, weakrefBasicSize(rt.profile.minor));
  rt.gc.countAllocation();
  gcTrack(proxy);
  addWeakReference(referent, proxy);
  return proxy;
}

/** proxy_repr: ≤3.12 names the referent's type (NoneType once dead); 3.13 quotes it or says dead. */
function proxyRepr(self: PyObject): PyObject {
  const referent = (self as PyWeakref).referent;
  if (rt.profile.minor >= 13) {
    if (referent === null) return newStr(`<weakproxy at ${addressText(self)}; dead>`);
    return newStr(`<weakproxy at ${addressText(self)}; to '${typeSlotName(referent.type)}' at ${addressText(referent)}>`);
  }
  const shown = referent ?? rt.None;
  return newStr(`<weakproxy at ${addressText(self)} to ${typeSlotName(shown.type)} at ${addressText(shown)}>`);
}

function binarySlots(inplace: boolean): Map<number, BinarySlot> {
  const slots = new Map<number, BinarySlot>();
  for (let op = 0; op < BINARY_OP_COUNT; op++) {
    slots.set(op, (a, b) => withReferents([a, b], (x, y) => (inplace ? inplaceOp(x!, y!, op as BinaryOp) : binaryOp(x!, y!, op as BinaryOp))));
  }
  return slots;
}

function proxyIterNext(self: PyObject): PyObject | null {
  return withReferents([self], (referent) => {
    if (referent!.type.iternext === null) throw typeError(`Weakref proxy referenced a non-iterator '${typeSlotName(referent!.type)}' object`);
    return iterNext(referent!);
  });
}

/** The type's names per version: weakproxy until 3.9, weakref.ProxyType from 3.10. */
function proxySpec(callable: boolean): BuiltinTypeSpec {
  const modern = (): boolean => rt.profile.minor >= 10;
  const name = (): string => (modern() ? (callable ? "CallableProxyType" : "ProxyType") : callable ? "weakcallableproxy" : "weakproxy");
  const forward = (use: (referent: PyObject) => PyObject) => (self: PyObject) => withReferents([self], (referent) => use(referent!));
  return {
    get name() {
      return name();
    },
    get qualname() {
      return name();
    },
    get module() {
      return modern() ? "weakref" : "builtins";
    },
    layout: (profile) => ({ basicSize: weakrefBasicSize(profile.minor), itemSize: 0, gc: true, preHeader: false }),
    slots: {
      dealloc: weakrefDealloc,
      traverse: weakrefTraverse,
      clear: weakrefClear,
      repr: proxyRepr,
      str: forward((referent) => str(referent)),
      hash: (self) => {
        throw typeError(`unhashable type: '${typeSlotName(self.type)}'`);
      },
      richcompare: (self, other, op) => withReferents([self, other], (a, b) => richCompare(a!, b!, op)),
      getattro: (self, name) => withReferents([self], (referent) => getAttr(referent!, name as PyStr)),
      setattro: (self, name, value) => withReferents([self], (referent) => setAttr(referent!, name as PyStr, value)),
      bool: (self) => withReferents([self], (referent) => isTrue(referent!)),
      length: (self) => withReferents([self], (referent) => length(referent!)),
      getitem: (self, key) => withReferents([self], (referent) => getItem(referent!, key)),
      setitem: (self, key, value) =>
        withReferents([self], (referent) => {
          if (value === null) deleteItem(referent!, key);
          else setItem(referent!, key, value);
        }),
      contains: (self, item) => withReferents([self], (referent) => contains(referent!, item)),
      iter: forward((referent) => getIter(referent)),
      iternext: proxyIterNext,
      negative: forward((referent) => unaryOp(referent, "negative")),
      positive: forward((referent) => unaryOp(referent, "positive")),
      invert: forward((referent) => unaryOp(referent, "invert")),
      absolute: forward((referent) => unaryOp(referent, "absolute")),
      int: forward((referent) => callPositional(rt.types.int, [referent])),
      float: forward((referent) => callPositional(rt.types.float, [referent])),
      index: forward((referent) => {
        if (referent.type.index === null) throw typeError(`'${referent.type.name}' object cannot be interpreted as an integer`);
        return referent.type.index(referent);
      }),
      call: callable ? (self: PyObject, args: CallArgs) => withReferents([self], (referent) => call(referent!, args)) : null,
    },
    binary: binarySlots(false),
    inplace: binarySlots(true),
    methods: [
      { name: "__bytes__", kind: "noargs", impl: forward((referent) => callPositional(rt.types.bytes, [referent])) },
      { name: "__reversed__", kind: "noargs", impl: forward((referent) => callPositional(rt.types.reversed, [referent])) },
    ],
  };
}

export const PROXY_SPEC = proxySpec(false);
export const CALLABLE_PROXY_SPEC = proxySpec(true);

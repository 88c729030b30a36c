// Builtins that consume an iterable: sum (with CPython's int and float fast paths), min, max,
// any, all, sorted. Items are pulled one at a time, as CPython does, so side effects and
// errors happen in the same order.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { BinaryOp } from "../runtime/type.js";
import type { CallArgs } from "../runtime/slots.js";
import { CompareOp } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { typeError, valueError } from "../runtime/errors.js";
import { newBool } from "../runtime/values.js";
import { newInt, PyInt } from "../runtime/types/int.js";
import { type IntValue, toBig, normalize } from "../runtime/types/int-value.js";
import { newFloat, PyFloat } from "../runtime/types/float.js";
import { newList, type PyList } from "../runtime/types/list.js";
import { listExtend } from "../runtime/types/list-ops.js";
import type { PySequenceIterator } from "../runtime/types/iterators.js";
import { callThroughArgumentTuple, positionalArgumentTuple } from "../runtime/argument-tuple.js";
import { internName } from "../runtime/types/str.js";
import { collectItems } from "../runtime/types/sequence-helpers.js";
import { call } from "../runtime/abstract/object-protocol.js";
import { callFromRuntime } from "../runtime/argument-tuple.js";
import { getAttr } from "../runtime/abstract/attributes.js";
import { getIter, iterNext } from "../runtime/abstract/iteration.js";
import { isTrue } from "../runtime/abstract/truth.js";
import { richCompareBool } from "../runtime/abstract/compare.js";
import { binaryOp } from "../runtime/abstract/number.js";
import { tick } from "../runtime/ops/limits.js";
import { refusePartialListing } from "./partial-listings.js";
import { splitArguments, checkKeywords, checkPositionalCount, noKeywords, parseClinic, invalidKeyword, cIntArgument } from "./arguments.js";

/** One step of the step budget per item, as the interpreter's loops count theirs. */
function countStep(): void {
  if (--rt.ops.steps < 0) tick();
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/** Calls `visit` with each item (borrowed during the call) until it returns false. */
function forEachItem(iterable: PyObject, visit: (item: PyObject) => boolean | void): void {
  const iterator = getIter(iterable);
  try {
    for (;;) {
      countStep();
      const item = iterNext(iterator);
      if (item === null) return;
      try {
        if (visit(item) === false) return;
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(iterator);
  }
}

/** Float addition of sum(): Neumaier-compensated from 3.12, plain before. */
class FloatTotal {
  private compensation = 0;
  constructor(
    public total: number,
    private readonly compensated: boolean,
  ) {}

  add(value: number): void {
    if (!this.compensated) {
      this.total += value;
      return;
    }
    const sum = this.total + value;
    if (Math.abs(this.total) >= Math.abs(value)) this.compensation += this.total - sum + value;
    else this.compensation += value - sum + this.total;
    this.total = sum;
  }

  /** Ints are added to the running total without compensation (as builtin_sum_impl does). */
  addPlain(value: number): void {
    this.total += value;
  }

  /** The total with the compensation folded in (not when it would turn inf into nan). */
  result(): number {
    if (this.compensation !== 0 && Number.isFinite(this.compensation)) return this.total + this.compensation;
    return this.total;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An int item that fits a C long, as PyLong_AsLongAndOverflow reads it; null on overflow. */
function longValue(item: PyObject): bigint | null {
  const value = toBig((item as PyInt).value);
  return value >= LONG_MIN && value <= LONG_MAX ? value : null;
}

function sumStartAndIterable(args: CallArgs): [PyObject, PyObject | undefined] {
  if (rt.profile.minor < 8) {
    if (args.kwnames !== null && args.kwnames.length > 0) throw noKeywords("sum");
    checkPositionalCount("sum", args.values.length, 1, 2);
    return [args.values[0]!, args.values[1]];
  }
  const [iterable, start] = parseClinic(args, { name: "sum", parameters: ["iterable", "start"], positionalOnly: 1, required: 1 });
  return [iterable!, start];
}

/**
 * builtin_sum_impl: exact ints add in a C long until one overflows or a non-int comes; exact
 * floats add in a double (compensated from 3.12); anything else goes through `+`.
 */
function sum(_self: PyObject, args: CallArgs): PyObject {
  const [iterable, start] = sumStartAndIterable(args);
  refusePartialListing(iterable, "sum()");
  if (start !== undefined) {
    if (start.type.isSubtypeOf(rt.types.str)) throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
    if (start.type.isSubtypeOf(rt.types.bytes)) throw typeError("sum() can't sum bytes [use b''.join(seq) instead]");
    if (start.type.name === "bytearray") throw typeError("sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  const iterator = getIter(iterable);
  const next = (): PyObject | null => {
    countStep();
    return iterNext(iterator);
  };
  let result: PyObject | null = start === undefined ? newInt(0) : (start.refcount++, start);
  try {
    if (result.type === rt.types.int && longValue(result) !== null) {
      let total = longValue(result)!;
      decref(result);
      result = null;
      // The running total as a JS number while it is a safe integer (well inside a C long):
      // the same sums without a BigInt per item. null once it leaves that range.
      let exactTotal: number | null = total >= -MAX_SAFE && total <= MAX_SAFE ? Number(total) : null;
      // A list iterator's items are read in place while they are ints adding up exactly: the
      // reference taken and dropped per item would leave no trace (the list keeps them alive).
      const listIterator = iterator.type === rt.types.list_iterator ? (iterator as PySequenceIterator) : null;
      const intType = rt.types.int;
      const boolType = rt.types.bool;
      for (;;) {
        if (listIterator !== null && exactTotal !== null && listIterator.source !== null) {
          // As many items as the step budget allows before its next check (countStep ticks
          // only when the count goes below zero), counted in one subtraction.
          // Packed ints (list-packed-ints.ts) are read as they are held: their values.
          const items = (listIterator.source as PyList).storage;
          const start = listIterator.index;
          const end = Math.min(items.length, start + Math.max(rt.ops.steps, 0));
          let index = start;
          for (; index < end; index++) {
            const candidate = items[index]!;
            let candidateValue: IntValue;
            if (typeof candidate === "number") candidateValue = candidate;
            else if (candidate.type !== intType && candidate.type !== boolType) break;
            else candidateValue = (candidate as PyInt).value;
            if (typeof candidateValue !== "number") break;
            const added: number = exactTotal + candidateValue;
            if (!Number.isSafeInteger(added)) break;
            exactTotal = added;
          }
          rt.ops.steps -= index - start;
          listIterator.index = index;
        }
        countStep();
        const item = iterNext(iterator);
        if (item === null) return newInt(exactTotal !== null ? exactTotal : normalize(total));
        if (item.type === rt.types.int || item.type === rt.types.bool) {
          const itemValue = (item as PyInt).value;
          if (exactTotal !== null && typeof itemValue === "number") {
            const added = exactTotal + itemValue;
            if (Number.isSafeInteger(added)) {
              exactTotal = added;
              decref(item);
              continue;
            }
          }
          if (exactTotal !== null) {
            total = BigInt(exactTotal);
            exactTotal = null;
          }
          const value = longValue(item);
          if (value !== null && total + value >= LONG_MIN && total + value <= LONG_MAX) {
            total += value;
            decref(item);
            continue;
          }
        }
        if (exactTotal !== null) total = BigInt(exactTotal);
        result = addItem(newInt(normalize(total)), item);
        break;
      }
    }
    if (result.type === rt.types.float) {
      const total = new FloatTotal((result as PyFloat).value, rt.profile.minor >= 12);
      decref(result);
      result = null;
      for (;;) {
        const item = next();
        if (item === null) return newFloat(total.result());
        if (item.type === rt.types.float) {
          total.add((item as PyFloat).value);
          decref(item);
          continue;
        }
        if (item.type.isSubtypeOf(rt.types.int)) {
          const value = longValue(item);
          if (value !== null) {
            total.addPlain(Number(value));
            decref(item);
            continue;
          }
        }
        result = addItem(newFloat(total.result()), item);
        break;
      }
    }
    for (;;) {
      const item = next();
      if (item === null) break;
      const total: PyObject = result;
      result = null;
      result = addItem(total, item);
    }
    const finished = result;
    result = null;
    return finished;
  } finally {
    if (result !== null) decref(result);
    decref(iterator);
  }
}

/** result + item, consuming both references; the new total (new reference). */
function addItem(result: PyObject, item: PyObject): PyObject {
  try {
    return binaryOp(result, item, BinaryOp.Add);
  } finally {
    decref(result);
    decref(item);
  }
}

/**
 * min/max: `key` and `default` keywords, one iterable or several positional values. 3.7–3.12
 * take their arguments as a tuple (METH_VARARGS | METH_KEYWORDS; 3.6's call already built one)
 * and walk several positional values with an iterator over it, which holds the current item.
 */
function minMax(name: "min" | "max", op: CompareOp) {
  const reduce = minMaxReduction(name, op);
  return (_self: PyObject, args: CallArgs): PyObject => {
    const minor = rt.profile.minor;
    if (minor < 7 || minor >= 13) return reduce(args, null);
    const keywordCount = args.kwnames === null ? 0 : args.kwnames.length;
    const values = args.values;
    const tuple = positionalArgumentTuple(values, values.length - keywordCount);
    try {
      // The keywords become a dict after the tuple (callThroughArgumentTuple with no positional part).
      if (keywordCount === 0) return reduce(args, tuple);
      const keywordsOnly = { values: values.slice(values.length - keywordCount), kwnames: args.kwnames };
      return callThroughArgumentTuple(keywordsOnly, 0, () => reduce(args, tuple));
    } finally {
      decref(tuple);
    }
  };
}

/** The reduction of min/max; `packed` is the argument tuple (3.7–3.12) or null. */
function minMaxReduction(name: "min" | "max", op: CompareOp) {
  return (args: CallArgs, packed: PyObject | null): PyObject => {
    const { positional, keywords } = splitArguments(args);
    const minor = rt.profile.minor;
    if (positional.length === 0) {
      if (minor < 9) checkPositionalCount(name, 0, 1, 1);
      else throw typeError(`${name} expected at least 1 argument, got 0`);
    }
    checkKeywords(name, keywords, ["key", "default"]);
    let key = keywords.get("key") ?? null;
    const fallback = keywords.get("default");
    if (positional.length > 1 && fallback !== undefined) {
      throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    // key=None means no key from 3.8; before, None is called (and fails) like any key.
    if (key === rt.None && minor >= 8) key = null;
    const source = positional.length === 1 ? positional[0]! : null;
    if (source !== null) refusePartialListing(source, `${name}()`);
    let bestItem: PyObject | null = null;
    let bestValue: PyObject | null = null;
    const consider = (item: PyObject): void => {
      const value = key === null ? (item.refcount++, item) : callFromRuntime(key, [item]);
      if (bestValue === null) {
        item.refcount++;
        bestItem = item;
        bestValue = value;
        return;
      }
      let better: boolean;
      try {
        better = richCompareBool(value, bestValue, op);
      } catch (error) {
        decref(value);
        throw error;
      }
      if (better) {
        item.refcount++;
        decref(bestItem!);
        decref(bestValue);
        bestItem = item;
        bestValue = value;
      } else {
        decref(value);
      }
    };
    try {
      if (source !== null) forEachItem(source, consider);
      else if (packed !== null) forEachItem(packed, consider);
      else
        for (const item of positional) {
          // The current item has a reference of its own (the iterator's, 3.13's loop's).
          countStep();
          item.refcount++;
          try {
            consider(item);
          } finally {
            decref(item);
          }
        }
    } catch (error) {
      if (bestItem !== null) decref(bestItem);
      if (bestValue !== null) decref(bestValue);
      throw error;
    }
    if (bestValue === null) {
      if (fallback !== undefined) {
        fallback.refcount++;
        return fallback;
      }
      throw valueError(`${name}() ${minor >= 12 ? "iterable argument is empty" : "arg is an empty sequence"}`);
    }
    decref(bestValue);
    return bestItem!;
  };
}

function anyAll(wanted: boolean) {
  return (_self: PyObject, iterable: PyObject): PyObject => {
    let found = false;
    forEachItem(iterable, (item) => {
      if (isTrue(item) === wanted) {
        found = true;
        return false;
      }
      return true;
    });
    return newBool(found ? wanted : !wanted);
  };
}

const SORT_KEYWORDS = ["key", "reverse"];

/** sorted(iterable, /, *, key=None, reverse=False): list(iterable), then list.sort(**kwargs). */
function sorted(_self: PyObject, args: CallArgs): PyObject {
  const { positional, keywords } = splitArguments(args);
  const minor = rt.profile.minor;
  if (minor < 7) {
    if (positional.length === 0) throw typeError("Function takes at least 1 positional arguments (0 given)");
    if (positional.length > 1) throw typeError("must use keyword argument for key function");
  } else {
    checkPositionalCount("sorted", positional.length, 1, 1);
  }
  refusePartialListing(positional[0]!, "sorted()");
  // PySequence_List: a new list extended by the iterable (its length hint asked as list() does).
  const list = newList([]);
  try {
    listExtend(list, positional[0]!);
    for (const keyword of keywords.keys()) {
      if (!SORT_KEYWORDS.includes(keyword)) throw minor < 7 ? invalidKeyword("sorted", keyword) : invalidKeyword("sort", keyword, SORT_KEYWORDS);
    }
    // Until 3.11 list.sort() reads `reverse` as a C int; from 3.12 any object's truth will do.
    const reverse = keywords.get("reverse");
    if (reverse !== undefined && minor < 12) cIntArgument(reverse);
    const name = internName("sort");
    let sort: PyObject;
    try {
      sort = getAttr(list, name);
    } finally {
      decref(name);
    }
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

export const REDUCTION_BUILTINS: readonly MethodDef[] = [
  { name: "sum", kind: "keywords", impl: sum },
  { name: "min", kind: "keywords", impl: minMax("min", CompareOp.Lt) },
  { name: "max", kind: "keywords", impl: minMax("max", CompareOp.Gt) },
  { name: "any", kind: "one", impl: anyAll(true) },
  { name: "all", kind: "one", impl: anyAll(false) },
  { name: "sorted", kind: "keywords", impl: sorted },
];


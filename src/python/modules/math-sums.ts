// math.fsum (Shewchuk's exact partials, CPython's rounding of the final sum), math.prod and
// math.sumprod (3.12: exact int and triple-length float accumulation before generic objects).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { BinaryOp } from "../runtime/type.js";
import { valueError, overflowError } from "../runtime/errors.js";
import { newFloat, PyFloat } from "../runtime/types/float.js";
import { newInt, PyInt } from "../runtime/types/int.js";
import * as intValue from "../runtime/types/int-value.js";
import { binaryOp } from "../runtime/abstract/number.js";
import { getIter, iterNext } from "../runtime/abstract/iteration.js";
import { tick } from "../runtime/ops/limits.js";
import { numberFeatures } from "../runtime/types/number-features.js";
import { productOfDoubles } from "../runtime/types/libm-dd.js";
import { parseClinic } from "./arguments.js";
import { oneArgument, fixedArity, real } from "./math-args.js";

/** Calls `visit` with each item of an iterable (borrowed for the call), counting steps. */
function forEachItem(iterable: PyObject, visit: (item: PyObject) => void): void {
  const iterator = getIter(iterable);
  try {
    for (;;) {
      if (--rt.ops.steps < 0) tick();
      const item = iterNext(iterator);
      if (item === null) return;
      try {
        visit(item);
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(iterator);
  }
}

function fsum(iterable: PyObject): PyObject {
  let partials: number[] = [];
  let specialSum = 0;
  let infiniteSum = 0;
  forEachItem(iterable, (item) => {
    let x = real(item);
    const original = x;
    let kept = 0;
    for (const partial of partials) {
      let y = partial;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) partials[kept++] = low;
      x = high;
    }
    partials.length = kept;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // Either an intermediate overflow, or an inf/nan among the summands.
        if (Number.isFinite(original)) throw overflowError("intermediate overflow in fsum");
        if (original === Infinity || original === -Infinity) infiniteSum += original;
        specialSum += original;
        partials = [];
      } else {
        partials.push(x);
      }
    }
  });
  if (specialSum !== 0) {
    if (infiniteSum !== infiniteSum) throw valueError("-inf + inf in fsum");
    return newFloat(specialSum);
  }
  let count = partials.length;
  let high = 0;
  if (count > 0) {
    high = partials[--count]!;
    let low = 0;
    // Sum from the top until the sum becomes inexact.
    while (count > 0) {
      const x = high;
      const y = partials[--count]!;
      high = x + y;
      low = y - (high - x);
      if (low !== 0) break;
    }
    // Half-even rounding across several partials.
    if (count > 0 && ((low < 0 && partials[count - 1]! < 0) || (low > 0 && partials[count - 1]! > 0))) {
      const y = low * 2;
      const x = high + y;
      if (y === x - high) high = x;
    }
  }
  return newFloat(high);
}

function prod(_self: PyObject, args: CallArgs): PyObject {
  const [iterable, start] = parseClinic(args, { name: "prod", parameters: ["iterable"], positionalOnly: 1, required: 1, keywordOnly: ["start"] });
  let result: PyObject = start ?? newInt(1);
  if (start !== undefined) start.refcount++;
  try {
    forEachItem(iterable!, (item) => {
      const next = binaryOp(result, item, BinaryOp.Mul);
      decref(result);
      result = next;
    });
  } catch (error) {
    decref(result);
    throw error;
  }
  return result;
}

/** Triple-length accumulator of exact products (CPython's tl_fma / tl_to_d). */
interface TripleLength {
  high: number;
  low: number;
  tiny: number;
}

function twoSum(a: number, b: number): [number, number] {
  const x = a + b;
  const z = x - a;
  return [x, a - (x - z) + (b - z)];
}

function tripleFma(x: number, y: number, total: TripleLength): TripleLength {
  const [productHigh, productLow] = productOfDoubles(x, y);
  const [sumHigh, sumLow] = twoSum(total.high, productHigh);
  const [r1High, r1Low] = twoSum(total.low, productLow);
  const [r2High, r2Low] = twoSum(r1High, sumLow);
  return { high: sumHigh, low: r2High, tiny: total.tiny + r1Low + r2Low };
}

function tripleToDouble(total: TripleLength): number {
  const [lastHigh, lastLow] = twoSum(total.low, total.high);
  return total.tiny + lastLow + lastHigh;
}

const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;

function fitsLong(value: bigint): boolean {
  return value >= LONG_MIN && value <= LONG_MAX;
}

/** A float-path operand: exact floats, and ints/bools paired with a float. */
function floatOperand(value: PyObject): number | null {
  if (value.type === rt.types.float) return (value as PyFloat).value;
  if (value.type === rt.types.int || value.type === rt.types.bool) {
    const converted = intValue.toDouble((value as PyInt).value);
    return converted === undefined ? null : converted;
  }
  return null;
}

function sumprod(values: readonly PyObject[]): PyObject {
  const pIterator = getIter(values[0]!);
  let qIterator: PyObject | null = null;
  let total: PyObject = newInt(0);
  let intPath = true;
  let intTotal = 0n;
  let intInUse = false;
  let floatPath = true;
  let floatTotal: TripleLength = { high: 0, low: 0, tiny: 0 };
  let floatInUse = false;
  const addToTotal = (term: PyObject): void => {
    const next = binaryOp(total, term, BinaryOp.Add);
    decref(term);
    decref(total);
    total = next;
  };
  try {
    qIterator = getIter(values[1]!);
    for (;;) {
      if (--rt.ops.steps < 0) tick();
      const p = iterNext(pIterator);
      const q = iterNext(qIterator);
      try {
        if ((p === null) !== (q === null)) throw valueError("Inputs are not the same length");
        const finished = p === null;
        if (intPath) {
          if (!finished && p!.type === rt.types.int && q!.type === rt.types.int) {
            const a = intValue.toBig((p as PyInt).value);
            const b = intValue.toBig((q as PyInt).value);
            const product = a * b;
            if (fitsLong(a) && fitsLong(b) && fitsLong(product) && fitsLong(intTotal + product)) {
              intTotal += product;
              intInUse = true;
              continue;
            }
          }
          intPath = false;
          if (intInUse) {
            addToTotal(newInt(intValue.normalize(intTotal)));
            intInUse = false;
          }
        }
        if (floatPath) {
          if (!finished) {
            const pFloat = p!.type === rt.types.float;
            const qFloat = q!.type === rt.types.float;
            const a = pFloat || qFloat ? floatOperand(p!) : null;
            const b = pFloat || qFloat ? floatOperand(q!) : null;
            if (a !== null && b !== null) {
              const next = tripleFma(a, b, floatTotal);
              if (Number.isFinite(next.high)) {
                floatTotal = next;
                floatInUse = true;
                continue;
              }
            }
          }
          floatPath = false;
          if (floatInUse) {
            addToTotal(newFloat(tripleToDouble(floatTotal)));
            floatInUse = false;
          }
        }
        if (finished) return total;
        addToTotal(binaryOp(p!, q!, BinaryOp.Mul));
      } finally {
        if (p !== null) decref(p);
        if (q !== null) decref(q);
      }
    }
  } catch (error) {
    decref(total);
    throw error;
  } finally {
    decref(pIterator);
    if (qIterator !== null) decref(qIterator);
  }
}

/** fsum always; prod (3.8+) and sumprod (3.12+) where they exist. */
export function sumFunctions(): MethodDef[] {
  const features = numberFeatures(rt.profile);
  const functions: MethodDef[] = [oneArgument("fsum", fsum)];
  if (features.math38) functions.push({ name: "prod", kind: "keywords", impl: prod });
  if (features.math312) functions.push(fixedArity("sumprod", 2, () => "unpack", sumprod));
  return functions;
}

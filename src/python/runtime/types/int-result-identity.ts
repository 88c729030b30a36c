// Which int object a sum or remainder is when CPython's multi-digit code paths made it: the
// operand itself, a cached small int, or a new object even for a value in the small-int range.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { PyInt, newInt, newIntObject } from "./int.js";
import * as value from "./int-value.js";
import { numberFeatures } from "./number-features.js";

/** CPython stores ints in 30-bit digits; its one-digit fast paths always use the small-int cache. */
const DIGIT_BITS = 30;
const DIGIT_BASE = 2 ** DIGIT_BITS;

function isMultiDigit(x: value.IntValue): boolean {
  return typeof x === "bigint" || x >= DIGIT_BASE || x <= -DIGIT_BASE;
}

/**
 * a + b or a - b whose value is `result`. Before 3.9, a sum of operands of different signs with
 * a multi-digit one went through x_sub, which made a new object even for a small result.
 */
export function newIntSum(result: value.IntValue, a: value.IntValue, b: value.IntValue): PyInt {
  // Kept small for inlining: every int + and - of the simulator comes here.
  if (typeof result === "number" && result >= -5 && result <= 256) {
    if (result !== 0 && (isMultiDigit(a) || isMultiDigit(b))) return multiDigitSmallSum(result);
    const cached = rt.smallInts[result + 5]!;
    cached.refcount++;
    return cached;
  }
  return newIntObject(result);
}

function multiDigitSmallSum(result: value.IntValue): PyInt {
  return numberFeatures(rt.profile).smallIntsFromMultiDigitSub ? newInt(result) : newIntObject(result);
}

/** The top digit of |n| when it has `digits` digits. */
function topDigit(n: value.IntValue, digits: number): number {
  if (typeof n === "number") return Math.floor(Math.abs(n) / DIGIT_BASE ** (digits - 1));
  const magnitude = n < 0n ? -n : n;
  return Number(magnitude >> BigInt((digits - 1) * DIGIT_BITS));
}

/** |a| < |b| as long_divrem decides it: fewer digits, or as many and a smaller top digit. */
function fewerDigits(a: value.IntValue, b: value.IntValue): boolean {
  const digitsA = value.digitCount(a);
  const digitsB = value.digitCount(b);
  if (digitsA !== digitsB) return digitsA < digitsB;
  return topDigit(a, digitsB) < topDigit(b, digitsB);
}

/**
 * a % b (b nonzero) as the object CPython returns, given its value `result`. With a multi-digit
 * operand the truncated remainder is `a` itself when |a| has fewer digits than |b|, a cached
 * small int when b has one digit, else x_divrem's new object (cached small from 3.11); a
 * remainder of the other sign than b then has b added to it, as a sum.
 */
export function newIntRemainder(a: PyInt, b: PyInt, result: value.IntValue): PyObject {
  // Kept small for inlining: every int % of the simulator comes here.
  const x = a.value;
  const y = b.value;
  // A one-digit divisor with any safe-integer dividend always yields newInt(result): both
  // one digit is the fast path; a multi-digit |a| never has fewer digits than b, and an
  // adjusted remainder is a sum of two one-digit values (see multiDigitRemainder).
  if (typeof x === "number" && typeof y === "number" && y < DIGIT_BASE && y > -DIGIT_BASE) return newInt(result);
  return multiDigitRemainder(a, b, result);
}

function multiDigitRemainder(a: PyInt, b: PyInt, result: value.IntValue): PyObject {
  const x = a.value;
  const y = b.value;
  const truncated = truncatedRemainder(x, y);
  const adjusted = !value.isZero(truncated) && value.sign(truncated) !== value.sign(y);
  if (adjusted) return newIntSum(result, truncated, y);
  if (fewerDigits(x, y)) {
    // long_long: an exact int is kept, a bool or subclass instance is copied.
    if (a.type !== rt.types.int) return newInt(result);
    a.refcount++;
    return a;
  }
  if (!isMultiDigit(y) || numberFeatures(rt.profile).smallIntsFromMultiDigitRemainder) return newInt(result);
  return newIntObject(result);
}

/** x - y * trunc(x / y): for safe integers JS `%` (fmod) computes it exactly. */
function truncatedRemainder(x: value.IntValue, y: value.IntValue): value.IntValue {
  if (typeof x === "number" && typeof y === "number") return x % y;
  return value.normalize(value.toBig(x) % value.toBig(y));
}

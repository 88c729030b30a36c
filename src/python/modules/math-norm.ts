// math.hypot (any number of coordinates from 3.8) and math.dist: CPython's vector_norm, whose
// algorithm changed in 3.10 (Veltkamp splitting, correctly rounded) and again in 3.12 (fma-based
// squares); each version's arithmetic is reproduced so the last bit matches.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { CallArgs } from "../runtime/slots.js";
import type { MethodDef } from "../runtime/method-def.js";
import { valueError } from "../runtime/errors.js";
import { newFloat } from "../runtime/types/float.js";
import { collectItems } from "../runtime/types/sequence-helpers.js";
import { numberFeatures } from "../runtime/types/number-features.js";
import { productOfDoubles } from "../runtime/types/libm-dd.js";
import { fractionAndExponent } from "../runtime/format/float-bits.js";
import { rejectKeywords } from "./arguments.js";
import { fixedArity, real } from "./math-args.js";

const DBL_MIN = 2.2250738585072014e-308;
const SPLIT = 134217729.0;

/** 3.8–3.9: scale by max, square, Neumaier-sum. */
function normBefore310(vector: number[], max: number): number {
  let sum = 1.0;
  let fraction = 0.0;
  for (const value of vector) {
    let x = value / max;
    x = x * x;
    const previous = sum;
    sum += x;
    fraction += previous - sum + x;
  }
  return max * Math.sqrt(sum - 1.0 + fraction);
}

function exponentOf(max: number): number {
  return fractionAndExponent(max)[1];
}

/** 3.10–3.11: lossless squares by Veltkamp splitting, three compensated sums, one correction. */
function norm310(vector: number[], max: number): number {
  const exponent = exponentOf(max);
  if (exponent < -1023) return normBefore310(vector, max);
  const scale = 2 ** -exponent;
  let sum = 1.0;
  let fraction1 = 0.0;
  let fraction2 = 0.0;
  let fraction3 = 0.0;
  const accumulate = (x: number, which: 1 | 2 | 3): void => {
    const previous = sum;
    sum += x;
    const error = previous - sum + x;
    if (which === 1) fraction1 += error;
    else if (which === 2) fraction2 += error;
    else fraction3 += error;
  };
  for (const value of vector) {
    const x = value * scale;
    const t = x * SPLIT;
    const high = t - (t - x);
    const low = x - high;
    accumulate(high * high, 1);
    accumulate(2.0 * high * low, 2);
    fraction3 += low * low;
  }
  const h = Math.sqrt(sum - 1.0 + (fraction1 + fraction2 + fraction3));
  const t = h * SPLIT;
  const high = t - (t - h);
  const low = h - high;
  accumulate(-high * high, 1);
  accumulate(-2.0 * high * low, 2);
  accumulate(-low * low, 3);
  const correction = sum - 1.0 + (fraction1 + fraction2 + fraction3);
  return (h + correction / (2.0 * h)) / scale;
}

/** 3.12+: exact squares through fma, two fraction accumulators. */
function norm312(vector: number[], max: number): number {
  const exponent = exponentOf(max);
  if (exponent < -1023) {
    // ldexp(1.0, -max_e) would overflow: make the subnormals normal first.
    return DBL_MIN * norm312(vector.map((value) => value / DBL_MIN), max / DBL_MIN);
  }
  const scale = 2 ** -exponent;
  let sum = 1.0;
  let fraction1 = 0.0;
  let fraction2 = 0.0;
  for (const value of vector) {
    const x = value * scale;
    const [square, squareError] = productOfDoubles(x, x);
    const total = sum + square;
    fraction2 += sum - total + square;
    sum = total;
    fraction1 += squareError;
  }
  let h = Math.sqrt(sum - 1.0 + (fraction1 + fraction2));
  const [square, squareError] = productOfDoubles(-h, h);
  const total = sum + square;
  fraction2 += sum - total + square;
  sum = total;
  fraction1 += squareError;
  const correction = sum - 1.0 + (fraction1 + fraction2);
  h += correction / (2.0 * h);
  return h / scale;
}

/** vector_norm: `vector` holds absolute values, `max` the largest, `foundNaN` any NaN. */
export function vectorNorm(vector: number[], max: number, foundNaN: boolean): number {
  if (max === Infinity) return max;
  if (foundNaN) return NaN;
  if (max === 0 || vector.length <= 1) return max;
  const minor = rt.profile.minor;
  if (!numberFeatures(rt.profile).preciseHypot) return normBefore310(vector, max);
  return minor <= 11 ? norm310(vector, max) : norm312(vector, max);
}

function hypot(_self: PyObject, args: CallArgs): PyObject {
  rejectKeywords("hypot", args);
  const vector: number[] = [];
  let max = 0;
  let foundNaN = false;
  for (const argument of args.values) {
    const x = Math.abs(real(argument));
    vector.push(x);
    if (x !== x) foundNaN = true;
    if (x > max) max = x;
  }
  return newFloat(vectorNorm(vector, max, foundNaN));
}

function dist(values: readonly PyObject[]): PyObject {
  // Both points become tuples first (PySequence_Tuple), so a bad point fails before any maths.
  const p = collectItems(values[0]!);
  let q: PyObject[] = [];
  try {
    q = collectItems(values[1]!);
    if (p.length !== q.length) throw valueError("both points must have the same number of dimensions");
    const vector: number[] = [];
    let max = 0;
    let foundNaN = false;
    for (let index = 0; index < p.length; index++) {
      const x = Math.abs(real(p[index]!) - real(q[index]!));
      vector.push(x);
      if (x !== x) foundNaN = true;
      if (x > max) max = x;
    }
    return newFloat(vectorNorm(vector, max, foundNaN));
  } finally {
    for (const item of p) decref(item);
    for (const item of q) decref(item);
  }
}

/** hypot with any number of coordinates, and dist (3.8+). */
export function normFunctions(): MethodDef[] {
  if (!numberFeatures(rt.profile).math38) return [];
  return [{ name: "hypot", kind: "keywords", impl: hypot }, fixedArity("dist", 2, () => "unpack", dist)];
}

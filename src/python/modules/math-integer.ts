// The math module's integer functions: gcd, lcm, factorial, comb, perm and isqrt, exact on
// arbitrary-precision ints, with each version's argument rules.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { typeError, valueError, overflowError, Unsupported } from "../runtime/errors.js";
import { PyFloat } from "../runtime/types/float.js";
import { PyInt, newInt } from "../runtime/types/int.js";
import { normalize, toBig, bitLength } from "../runtime/types/int-value.js";
import { convertToInt } from "../runtime/types/int-spec.js";
import { checkIntBits } from "../runtime/types/int-limits.js";
import { indexValue } from "../runtime/abstract/conversions.js";
import { numberFeatures } from "../runtime/types/number-features.js";
import { checkPositionalCount, rejectKeywords } from "./arguments.js";
import { oneArgument, fixedArity } from "./math-args.js";

const LONG_MAX = 9223372036854775807n;

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function gcdOf(a: bigint, b: bigint): bigint {
  let x = absolute(a);
  let y = absolute(b);
  // Safe-integer arithmetic while both fit, bigints otherwise.
  while (y !== 0n) {
    if (x <= 9007199254740991n && y <= 9007199254740991n) {
      let small = Number(x);
      let other = Number(y);
      while (other !== 0) [small, other] = [other, small % other];
      return BigInt(small);
    }
    [x, y] = [y, x % y];
  }
  return x;
}

function lcmOf(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return absolute((a / gcdOf(a, b)) * b);
}

function gcd(_self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  rejectKeywords("gcd", args);
  const values = args.values;
  if (!numberFeatures(rt.profile).math39) {
    if (values.length !== 2) {
      if (rt.profile.minor <= 6) throw typeError(`gcd() takes exactly 2 arguments (${values.length} given)`);
      checkPositionalCount("gcd", values.length, 2, 2);
    }
  }
  let result = 0n;
  for (const value of values) result = gcdOf(result, indexValue(value));
  return newInt(normalize(result));
}

function lcm(_self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  rejectKeywords("lcm", args);
  let result = 1n;
  for (const value of args.values) result = lcmOf(result, indexValue(value));
  return newInt(normalize(args.values.length === 1 ? absolute(indexValue(args.values[0]!)) : result));
}

/** The product of the integers in [low, high), by halves so the bigint multiplications stay balanced. */
function rangeProduct(low: bigint, high: bigint): bigint {
  const count = high - low;
  if (count <= 0n) return 1n;
  if (count < 16n) {
    let product = 1n;
    for (let factor = low; factor < high; factor++) product *= factor;
    return product;
  }
  const middle = low + count / 2n;
  return rangeProduct(low, middle) * rangeProduct(middle, high);
}

/** n! with a memory guard (about n*log2(n) bits). */
export function factorialOf(n: bigint): bigint {
  if (n > 20n) checkIntBits(Number(n) * Math.log2(Number(n)));
  return rangeProduct(2n, n + 1n);
}

/** factorial's argument as a bigint, following each version's acceptance of floats. */
function factorialArgument(argument: PyObject): bigint {
  if (argument instanceof PyInt) return toBig(argument.value);
  const handling = numberFeatures(rt.profile).factorialFloats;
  if (argument instanceof PyFloat && handling !== "reject") {
    if (handling === "warn") throw new Unsupported("the DeprecationWarning of factorial() with a float");
    const number = argument.value;
    if (!Number.isFinite(number) || number !== Math.floor(number)) throw valueError("factorial() only accepts integral values");
    return BigInt(number);
  }
  if (rt.profile.minor <= 7) {
    if (argument.type.int === null) throw typeError(`an integer is required (got type ${argument.type.name})`);
    const converted = convertToInt(argument);
    const value = toBig(converted.value);
    converted.refcount--;
    return value;
  }
  return indexValue(argument);
}

function factorial(argument: PyObject): PyObject {
  const n = factorialArgument(argument);
  if (n > LONG_MAX) throw overflowError(`factorial() argument should not exceed ${LONG_MAX}`);
  if (n < 0n) throw valueError("factorial() not defined for negative values");
  return newInt(normalize(factorialOf(n)));
}

function nonNegative(value: bigint, name: "n" | "k"): bigint {
  if (value < 0n) throw valueError(`${name} must be a non-negative integer`);
  return value;
}

function comb(values: readonly PyObject[]): PyObject {
  const n = nonNegative(indexValue(values[0]!), "n");
  const k = nonNegative(indexValue(values[1]!), "k");
  if (k > n) return newInt(0);
  const smaller = k < n - k ? k : n - k;
  if (smaller > LONG_MAX) throw overflowError(`min(n - k, k) must not exceed ${LONG_MAX}`);
  if (smaller > 1n) checkIntBits(Number(smaller) * Math.max(1, bitLength(normalize(n))));
  return newInt(normalize(rangeProduct(n - smaller + 1n, n + 1n) / factorialOf(smaller)));
}

function perm(_self: PyObject, args: { values: readonly PyObject[]; kwnames: readonly string[] | null }): PyObject {
  rejectKeywords("perm", args);
  const values = args.values;
  checkPositionalCount("perm", values.length, 1, 2);
  const n = nonNegative(indexValue(values[0]!), "n");
  if (values.length === 1 || values[1] === rt.None) return newInt(normalize(factorialOf(n)));
  const k = nonNegative(indexValue(values[1]!), "k");
  if (k > n) return newInt(0);
  if (k > LONG_MAX) throw overflowError(`k must not exceed ${LONG_MAX}`);
  if (k > 1n) checkIntBits(Number(k) * Math.max(1, bitLength(normalize(n))));
  return newInt(normalize(rangeProduct(n - k + 1n, n + 1n)));
}

/** floor(sqrt(n)) for n >= 0, by Newton's method from a power-of-two estimate above it. */
export function integerSquareRoot(n: bigint): bigint {
  if (n < 2n) return n;
  if (n <= 9007199254740991n) {
    let root = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (root * root > n) root--;
    while ((root + 1n) * (root + 1n) <= n) root++;
    return root;
  }
  let root = 1n << BigInt(Math.ceil(bitLength(normalize(n)) / 2));
  for (;;) {
    const next = (root + n / root) >> 1n;
    if (next >= root) return root;
    root = next;
  }
}

function isqrt(argument: PyObject): PyObject {
  const n = indexValue(argument);
  if (n < 0n) throw valueError("isqrt() argument must be nonnegative");
  return newInt(normalize(integerSquareRoot(n)));
}

/** The integer functions present in the profile's version. */
export function integerFunctions(): MethodDef[] {
  const features = numberFeatures(rt.profile);
  const functions: MethodDef[] = [{ name: "gcd", kind: "keywords", impl: gcd }, oneArgument("factorial", factorial)];
  if (features.math38) {
    functions.push(fixedArity("comb", 2, () => "unpack", comb), { name: "perm", kind: "keywords", impl: perm }, oneArgument("isqrt", isqrt));
  }
  if (features.math39) functions.push({ name: "lcm", kind: "keywords", impl: lcm });
  return functions;
}

// Arbitrary-precision integer values: a JS number while it is a safe integer, else a bigint.
//
// Invariant: an IntValue is a `number` exactly when |value| ≤ 2**53 - 1 (and never -0), so
// equality of two normalised values of the same JS type is value equality.

export type IntValue = number | bigint;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function normalize(value: bigint): IntValue {
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value;
}

export function toBig(value: IntValue): bigint {
  return typeof value === "bigint" ? value : BigInt(value);
}

export function fromNumber(value: number): IntValue {
  // Callers pass integral numbers; fold -0 to 0 so the invariant holds.
  if (value === 0) return 0;
  return Number.isSafeInteger(value) ? value : normalize(BigInt(value));
}

export function add(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const sum = a + b;
    if (sum <= MAX_SAFE && sum >= -MAX_SAFE) return sum;
  }
  return normalize(toBig(a) + toBig(b));
}

export function subtract(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const difference = a - b;
    if (difference <= MAX_SAFE && difference >= -MAX_SAFE) return difference;
  }
  return normalize(toBig(a) - toBig(b));
}

export function multiply(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const product = a * b;
    // If the exact product fits in the safe range the double product is exact.
    if (product <= MAX_SAFE && product >= -MAX_SAFE) return product === 0 ? 0 : product;
  }
  return normalize(toBig(a) * toBig(b));
}

/** Python's floor division (rounds toward -infinity); `b` must be non-zero. */
export function floorDivide(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const quotient = Math.floor(a / b);
    // Division of safe integers can round; verify with the remainder when large.
    if (Math.abs(a) < 2 ** 52) return quotient === 0 ? 0 : quotient;
  }
  const x = toBig(a);
  const y = toBig(b);
  let quotient = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) quotient -= 1n;
  return normalize(quotient);
}

/** Python's modulo (result has the divisor's sign); `b` must be non-zero. */
export function modulo(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const remainder = a % b;
    const result = remainder !== 0 && (remainder < 0) !== (b < 0) ? remainder + b : remainder;
    return result === 0 ? 0 : result;
  }
  const x = toBig(a);
  const y = toBig(b);
  let remainder = x % y;
  if (remainder !== 0n && (remainder < 0n) !== (y < 0n)) remainder += y;
  return normalize(remainder);
}

export function negate(a: IntValue): IntValue {
  if (typeof a === "number") return a === 0 ? 0 : -a;
  return normalize(-a);
}

export function absolute(a: IntValue): IntValue {
  if (typeof a === "number") return Math.abs(a);
  return normalize(a < 0n ? -a : a);
}

export function compare(a: IntValue, b: IntValue): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const x = toBig(a);
  const y = toBig(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function equals(a: IntValue, b: IntValue): boolean {
  return a === b;
}

export function isZero(a: IntValue): boolean {
  return a === 0;
}

export function sign(a: IntValue): number {
  if (typeof a === "number") return a > 0 ? 1 : a < 0 ? -1 : 0;
  return a > 0n ? 1 : -1;
}

/** a ** b for b ≥ 0. */
export function power(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number") {
    const result = a ** b;
    if (Number.isFinite(result) && Math.abs(result) <= MAX_SAFE) return result === 0 ? 0 : result;
  }
  return normalize(toBig(a) ** toBig(b));
}

/** pow(a, b, m) with b ≥ 0 and m ≠ 0, result with m's sign. */
export function powerModulo(a: IntValue, b: IntValue, m: IntValue): IntValue {
  let base = toBig(a);
  let exponent = toBig(b);
  const modulus = toBig(m);
  const size = modulus < 0n ? -modulus : modulus;
  let result = 1n % size;
  base %= size;
  if (base < 0n) base += size;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % size;
    base = (base * base) % size;
    exponent >>= 1n;
  }
  if (modulus < 0n && result !== 0n) result -= size;
  return normalize(result);
}

export function shiftLeft(a: IntValue, count: IntValue): IntValue {
  return normalize(toBig(a) << toBig(count));
}

export function shiftRight(a: IntValue, count: IntValue): IntValue {
  // BigInt >> is arithmetic (floors), as Python's.
  return normalize(toBig(a) >> toBig(count));
}

export function bitAnd(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a & b;
  return normalize(toBig(a) & toBig(b));
}

export function bitOr(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a | b;
  return normalize(toBig(a) | toBig(b));
}

export function bitXor(a: IntValue, b: IntValue): IntValue {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a ^ b;
  return normalize(toBig(a) ^ toBig(b));
}

export function invert(a: IntValue): IntValue {
  return subtract(negate(a), 1);
}

/** Number of bits of |a| (int.bit_length). */
export function bitLength(a: IntValue): number {
  if (typeof a === "number") {
    const magnitude = Math.abs(a);
    if (magnitude === 0) return 0;
    if (magnitude < 2 ** 31) return 32 - Math.clz32(magnitude);
    // Exact for safe integers: the high 32 bits decide (no BigInt on this hot path).
    const high = Math.floor(magnitude / 2 ** 32);
    return high > 0 ? 64 - Math.clz32(high) : 32;
  }
  const magnitude = a < 0n ? -a : a;
  const approximate = Number(magnitude);
  if (approximate < 2 ** 1000) {
    // The double may have rounded up to the next power of two: one shift checks the guess.
    const guess = Math.floor(Math.log2(approximate)) + 1;
    return magnitude >> BigInt(guess - 1) === 0n ? guess - 1 : guess;
  }
  const hex = magnitude.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** How many 30-bit digits CPython stores for this value (0 for zero). */
export function digitCount(a: IntValue): number {
  const bits = bitLength(a);
  return Math.ceil(bits / 30);
}

export function toDecimalString(a: IntValue): string {
  return typeof a === "number" ? String(a) : a.toString();
}

/** The value as a double, or undefined when it overflows ("int too large to convert to float"). */
export function toDouble(a: IntValue): number | undefined {
  if (typeof a === "number") return a;
  // Number(bigint) rounds correctly (round-half-even), as CPython's PyLong_AsDouble.
  const result = Number(a);
  return Number.isFinite(result) ? result : undefined;
}

/** Number of one bits in |a| (int.bit_count). */
export function bitCount(a: IntValue): number {
  if (typeof a === "number") {
    let magnitude = Math.abs(a);
    let count = 0;
    while (magnitude > 0xffffffff) {
      count += popcount32(magnitude % 4294967296);
      magnitude = Math.floor(magnitude / 4294967296);
    }
    return count + popcount32(magnitude);
  }
  const text = (a < 0n ? -a : a).toString(16);
  let count = 0;
  for (let index = 0; index < text.length; index++) count += popcount32(parseInt(text[index]!, 16));
  return count;
}

function popcount32(word: number): number {
  let value = word >>> 0;
  value -= (value >>> 1) & 0x55555555;
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** True when |a| fits CPython's Py_ssize_t (a signed 64-bit integer). */
export function fitsSsize(a: IntValue): boolean {
  return typeof a === "number" || (a >= -9223372036854775808n && a <= 9223372036854775807n);
}

// atan, atan2, asin and acos of the simulator's libm, evaluated in double-double arithmetic and
// rounded once, with C99's special cases for zeros, infinities and NaNs.
import {
  add,
  subtract,
  multiply,
  divide,
  divideByInteger,
  negate,
  squareRoot,
  sumOfDoubles,
  scaleByPowerOfTwo,
  type DoubleDouble,
} from "./libm-dd.js";
import { libmConstants } from "./libm-constants.js";
import { signBit } from "../format/float-bits.js";

/** atan(t) for a finite double-double t. */
export function atanDouble(t: DoubleDouble): DoubleDouble {
  const negative = t[0] < 0;
  let value = negative ? negate(t) : t;
  let offset: DoubleDouble | null = null;
  if (value[0] > 2 ** 60) {
    // atan(t) = pi/2 - 1/t + 1/(3t^3) - ...: past 2^60 the cubic term is far below an ulp.
    const result = subtract(libmConstants().halfPi, [1 / value[0], 0]);
    return negative ? negate(result) : result;
  }
  if (value[0] > 1) {
    // atan(t) = pi/2 - atan(1/t)
    value = divide([1, 0], value);
    offset = libmConstants().halfPi;
  }
  // Halve the angle until the series converges fast: atan(t) = 2 atan(t / (1 + sqrt(1 + t^2))).
  let doublings = 0;
  while (value[0] > 0.125) {
    value = divide(value, add([1, 0], squareRoot(add([1, 0], multiply(value, value)))));
    doublings++;
  }
  const square = multiply(value, value);
  let power = value;
  let sum = value;
  for (let odd = 3; odd < 200; odd += 2) {
    power = negate(multiply(power, square));
    const term = divideByInteger(power, odd);
    sum = add(sum, term);
    if (Math.abs(term[0]) <= Math.abs(sum[0]) * 1e-34 || term[0] === 0) break;
  }
  let result = scaleByPowerOfTwo(sum, doublings);
  if (offset !== null) result = subtract(offset, result);
  return negative ? negate(result) : result;
}

export function atan(x: number): number {
  if (x !== x || x === 0) return x;
  if (x === Infinity) return libmConstants().halfPi[0];
  if (x === -Infinity) return -libmConstants().halfPi[0];
  return atanDouble([x, 0])[0];
}

/** C99 atan2(y, x). */
export function atan2(y: number, x: number): number {
  if (y !== y || x !== x) return NaN;
  const { pi, halfPi, quarterPi } = libmConstants();
  const yNegative = signBit(y);
  const signed = (value: number): number => (yNegative ? -value : value);
  if (y === 0) {
    if (signBit(x)) return signed(pi[0]);
    return y;
  }
  if (x === 0) return signed(halfPi[0]);
  if (!Number.isFinite(x) && !Number.isFinite(y)) {
    return signed(x > 0 ? quarterPi[0] : add(halfPi, quarterPi)[0]);
  }
  if (!Number.isFinite(x)) return x > 0 ? signed(0) : signed(pi[0]);
  if (!Number.isFinite(y)) return signed(halfPi[0]);
  const absY = Math.abs(y);
  const absX = Math.abs(x);
  let angle: DoubleDouble;
  if (absY <= absX) {
    angle = atanDouble(quotientOf(absY, absX));
    if (x < 0) angle = subtract(pi, angle);
  } else {
    angle = subtract(halfPi, atanDouble(quotientOf(absX, absY)));
    if (x < 0) angle = subtract(pi, angle);
  }
  return signed(angle[0]);
}

/** a / b for positive doubles as a double-double, scaling away intermediate under/overflow. */
function quotientOf(a: number, b: number): DoubleDouble {
  const quotient = a / b;
  if (quotient === 0 || quotient < 1e-290) return [quotient, 0];
  return divide([a, 0], [b, 0]);
}

/** asin(x) = atan(x / sqrt(1 - x^2)), with 1 - x^2 = (1 - x)(1 + x) exact in double-double. */
export function asin(x: number): number {
  if (x !== x || x === 0) return x;
  if (x > 1 || x < -1) return NaN;
  const { halfPi } = libmConstants();
  if (x === 1) return halfPi[0];
  if (x === -1) return -halfPi[0];
  const complement = multiply(sumOfDoubles(1, -x), sumOfDoubles(1, x));
  return atanDouble(divide([x, 0], squareRoot(complement)))[0];
}

/** acos(x) = 2 atan(sqrt((1 - x) / (1 + x))). */
export function acos(x: number): number {
  if (x !== x) return x;
  if (x > 1 || x < -1) return NaN;
  if (x === 1) return 0;
  if (x === -1) return libmConstants().pi[0];
  const ratio = divide(sumOfDoubles(1, -x), sumOfDoubles(1, x));
  const half = atanDouble(squareRoot(ratio));
  return half[0] * 2;
}

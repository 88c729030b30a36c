// sin, cos and tan of the simulator's libm: exact reduction modulo pi/2 with bigints (any double,
// 1e22 and 1e300 included), then double-double Taylor series, so results are correctly rounded
// as glibc's nearly always are.
import { binaryParts } from "../format/float-bits.js";
import { add, multiply, divide, negate, fromFixedPoint, productOfDoubles, type DoubleDouble } from "./libm-dd.js";
import { libmConstants, CONSTANT_BITS } from "./libm-constants.js";

/** Angles up to pi/4 in magnitude need no reduction. */
const QUARTER_PI = 0.7853981633974483;

/** Fraction bits kept for the reduced angle (the worst case for doubles cancels ~61 bits). */
const KEPT_FRACTION_BITS = 200;

/** Below this, k * pi/2 with a three-double pi/2 leaves an error far under the last bit kept. */
const FAST_REDUCTION_LIMIT = 2 ** 20;

interface TrigTables {
  /** pi/2 as three doubles (about 159 bits). */
  readonly halfPiParts: readonly [number, number, number];
  /** (-1)^n / (2n+1)! and (-1)^n / (2n)! as double-doubles, n = 0.. */
  readonly sinCoefficients: readonly DoubleDouble[];
  readonly cosCoefficients: readonly DoubleDouble[];
}

let tables: TrigTables | null = null;

function trigTables(): TrigTables {
  if (tables !== null) return tables;
  const { piFixed } = libmConstants();
  // pi/2 in fixed point with CONSTANT_BITS + 1 fraction bits, peeled into three doubles.
  const bits = CONSTANT_BITS + 1;
  const first = fromFixedPoint(piFixed, bits)[0];
  const firstExact = BigInt(Math.round(first * 2 ** 51)) << BigInt(bits - 51);
  const rest = piFixed - firstExact;
  const [second, third] = fromFixedPoint(rest, bits);
  const factorialCoefficients = (offset: number): DoubleDouble[] => {
    const coefficients: DoubleDouble[] = [];
    let factorial = 1n;
    for (let n = 0; n < 20; n++) {
      const degree = 2 * n + offset;
      factorial = 1n;
      for (let k = 2n; k <= BigInt(degree); k++) factorial *= k;
      const scaled = (1n << 240n) / factorial;
      const coefficient = fromFixedPoint(n % 2 === 0 ? scaled : -scaled, 240);
      coefficients.push(coefficient);
    }
    return coefficients;
  };
  tables = { halfPiParts: [first, second, third], sinCoefficients: factorialCoefficients(1), cosCoefficients: factorialCoefficients(0) };
  return tables;
}

/** x = quadrant * pi/2 + reduced, with |reduced| <= pi/4 (x finite). */
export function reduceHalfPi(x: number): { quadrant: number; reduced: DoubleDouble } {
  if (Math.abs(x) <= QUARTER_PI) return { quadrant: 0, reduced: [x, 0] };
  if (Math.abs(x) < FAST_REDUCTION_LIMIT) {
    const [p1, p2, p3] = trigTables().halfPiParts;
    const k = Math.round(x / p1);
    // x - k*p1 - k*p2 - k*p3 with the first two products exact.
    let reduced = add([x, 0], negate(productOfDoubles(k, p1)));
    reduced = add(reduced, negate(productOfDoubles(k, p2)));
    reduced = add(reduced, [-k * p3, 0]);
    let quadrant = k % 4;
    if (quadrant < 0) quadrant += 4;
    // Rounding x / p1 can pick a neighbour of the nearest multiple; the reduced angle stays small.
    return { quadrant, reduced };
  }
  const { twoOverPiFixed, halfPi } = libmConstants();
  const negative = x < 0;
  const { mantissa, exponent } = binaryParts(Math.abs(x));
  // x * 2/pi in fixed point with (CONSTANT_BITS - exponent) fraction bits.
  const product = mantissa * twoOverPiFixed;
  const fractionBits = CONSTANT_BITS - exponent;
  const one = 1n << BigInt(fractionBits);
  let quotient = product >> BigInt(fractionBits);
  let fraction = product - (quotient << BigInt(fractionBits));
  if (fraction * 2n >= one) {
    quotient += 1n;
    fraction -= one;
  }
  const drop = fractionBits - KEPT_FRACTION_BITS;
  const kept = drop > 0 ? fraction >> BigInt(drop) : fraction;
  const reducedTurns = fromFixedPoint(kept, drop > 0 ? KEPT_FRACTION_BITS : fractionBits);
  let reduced = multiply(reducedTurns, halfPi);
  let quadrant = Number(quotient & 3n);
  if (negative) {
    reduced = negate(reduced);
    quadrant = (4 - quadrant) & 3;
  }
  return { quadrant, reduced };
}

/** How many series terms |r| needs for about 2^-110 relative accuracy. */
function termsFor(r: DoubleDouble): number {
  const magnitude = Math.abs(r[0]);
  if (magnitude < 1e-9) return 3;
  if (magnitude < 1e-4) return 6;
  if (magnitude < 0.1) return 11;
  return 16;
}

/** Horner evaluation of sum c[n] * square^n for n < count. */
function polynomial(coefficients: readonly DoubleDouble[], square: DoubleDouble, count: number): DoubleDouble {
  let sum = coefficients[count - 1]!;
  for (let n = count - 2; n >= 0; n--) sum = add(multiply(sum, square), coefficients[n]!);
  return sum;
}

/** sin(r) for |r| <= pi/4. */
export function sinSeries(r: DoubleDouble): DoubleDouble {
  if (r[0] === 0) return r;
  return multiply(r, polynomial(trigTables().sinCoefficients, multiply(r, r), termsFor(r)));
}

/** cos(r) for |r| <= pi/4. */
export function cosSeries(r: DoubleDouble): DoubleDouble {
  return polynomial(trigTables().cosCoefficients, multiply(r, r), termsFor(r));
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return x;
  const { quadrant, reduced } = reduceHalfPi(x);
  switch (quadrant) {
    case 0:
      return sinSeries(reduced)[0];
    case 1:
      return cosSeries(reduced)[0];
    case 2:
      return -sinSeries(reduced)[0];
    default:
      return -cosSeries(reduced)[0];
  }
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const { quadrant, reduced } = reduceHalfPi(x);
  switch (quadrant) {
    case 0:
      return cosSeries(reduced)[0];
    case 1:
      return -sinSeries(reduced)[0];
    case 2:
      return -cosSeries(reduced)[0];
    default:
      return sinSeries(reduced)[0];
  }
}

export function tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return x;
  const { quadrant, reduced } = reduceHalfPi(x);
  const sine = sinSeries(reduced);
  const cosine = cosSeries(reduced);
  return (quadrant & 1) === 0 ? divide(sine, cosine)[0] : -divide(cosine, sine)[0];
}

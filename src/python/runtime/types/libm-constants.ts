// High-precision constants of the simulator's libm (pi, 2/pi, ln 2, ln 10), computed once with
// bigints from their series, so no hand-typed digits can be wrong.
import { fromFixedPoint, type DoubleDouble } from "./libm-dd.js";

/** Fraction bits of the fixed-point constants: enough to reduce any double modulo pi/2. */
export const CONSTANT_BITS = 1500;

/** atan(1/n) * 2^bits by its alternating series. */
function arctanInverse(n: bigint, bits: number): bigint {
  const one = 1n << BigInt(bits + 16);
  let power = one / n;
  const square = n * n;
  let sum = 0n;
  for (let k = 1n; power !== 0n; k += 2n) {
    const term = power / k;
    sum += (k & 2n) === 0n ? term : -term;
    power /= square;
  }
  return sum >> 16n;
}

/** atanh(1/n) * 2^bits by its series. */
function arctanhInverse(n: bigint, bits: number): bigint {
  const one = 1n << BigInt(bits + 16);
  let power = one / n;
  const square = n * n;
  let sum = 0n;
  for (let k = 1n; power !== 0n; k += 2n) {
    sum += power / k;
    power /= square;
  }
  return sum >> 16n;
}

interface Constants {
  /** pi * 2^CONSTANT_BITS */
  readonly piFixed: bigint;
  /** floor(2/pi * 2^CONSTANT_BITS) */
  readonly twoOverPiFixed: bigint;
  readonly pi: DoubleDouble;
  readonly halfPi: DoubleDouble;
  readonly quarterPi: DoubleDouble;
  readonly ln2: DoubleDouble;
  readonly ln10: DoubleDouble;
}

let constants: Constants | null = null;

/** The constants, computed on first use (a few milliseconds). */
export function libmConstants(): Constants {
  if (constants !== null) return constants;
  const bits = CONSTANT_BITS;
  const piFixed = 16n * arctanInverse(5n, bits) - 4n * arctanInverse(239n, bits);
  const twoOverPiFixed = (1n << BigInt(2 * bits + 1)) / piFixed;
  const ln2Fixed = 2n * arctanhInverse(3n, bits);
  // ln 10 = 3 ln 2 + ln(10/8) and ln(5/4) = 2 atanh(1/9).
  const ln10Fixed = 3n * ln2Fixed + 2n * arctanhInverse(9n, bits);
  constants = {
    piFixed,
    twoOverPiFixed,
    pi: fromFixedPoint(piFixed, bits),
    halfPi: fromFixedPoint(piFixed, bits + 1),
    quarterPi: fromFixedPoint(piFixed, bits + 2),
    ln2: fromFixedPoint(ln2Fixed, bits),
    ln10: fromFixedPoint(ln10Fixed, bits),
  };
  return constants;
}

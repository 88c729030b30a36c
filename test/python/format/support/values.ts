// Test-side encoding of Python values (floats as bit patterns) and a seeded random source.

const scratch = new DataView(new ArrayBuffer(8));

export function floatBits(x: number): string {
  scratch.setFloat64(0, x);
  return scratch.getBigUint64(0).toString(16).padStart(16, "0");
}

export function floatFromBits(bits: bigint): number {
  scratch.setBigUint64(0, BigInt.asUintN(64, bits));
  return scratch.getFloat64(0);
}

/** A Python value as the oracle reads it. */
export type Encoded =
  | { f: string }
  | { i: string }
  | { s: string }
  | { b: boolean }
  | { n: null }
  | { c: [string, string] }
  | { l: Encoded[] }
  | { t: Encoded[] }
  | { d: [string, Encoded][] };

export const float = (x: number): Encoded => ({ f: floatBits(x) });
export const int = (v: bigint): Encoded => ({ i: v.toString() });
export const str = (s: string): Encoded => ({ s });
export const complex = (real: number, imag: number): Encoded => ({ c: [floatBits(real), floatBits(imag)] });

/** mulberry32: small, fast and seeded, so a failing case can be reproduced. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  integer(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.integer(items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Any double, NaN and infinities included, from a uniformly random bit pattern. */
  anyDouble(): number {
    const high = BigInt(this.integer(2 ** 32));
    const low = BigInt(this.integer(2 ** 32));
    return floatFromBits((high << 32n) | low);
  }

  /** Doubles people print: short decimals, halves, magnitudes around the repr thresholds. */
  friendlyDouble(): number {
    switch (this.integer(7)) {
      case 0:
        return this.anyDouble();
      case 1:
        return Number((this.next() * 10 ** this.integer(8)).toFixed(this.integer(6)));
      case 2:
        return (this.integer(2001) - 1000) / 2 ** this.integer(12);
      case 3:
        return (this.next() - 0.5) * 10 ** (this.integer(44) - 22);
      case 4:
        return this.integer(10 ** 6) / 10 ** this.integer(8);
      case 5:
        return (this.chance(0.5) ? -1 : 1) * this.integer(2 ** 30) * 2 ** (this.integer(120) - 60);
      default:
        return this.pick(EDGE_DOUBLES);
    }
  }

  /** Ints from tiny to a few hundred digits, both signs. */
  bigInteger(): bigint {
    const digits = this.pick([1, 2, 3, 5, 8, 15, 16, 17, 19, 20, 30, 50, 310]);
    let text = String(1 + this.integer(9));
    for (let index = 1; index < digits; index++) text += String(this.integer(10));
    const value = BigInt(text);
    return this.chance(0.3) ? -value : value;
  }
}

export const EDGE_DOUBLES: readonly number[] = [
  0, -0, 1, -1, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.25, 0.375, 2.675, 1.005, 1e16, 1e15, 9999999999999998,
  1e22, 1e21, 1e23, 0.1 + 0.2, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e308, 1.7976931348623157e308, 5e-324,
  2.2250738585072014e-308, 2.225073858507201e-308, 1e-4, 9.999999999999999e-5, 1e-5, 1e-7, 123456.789, 1e100,
  Infinity, -Infinity, NaN, 3.141592653589793, 2.718281828459045, 100, 1000, 1234.5, 0.05, 0.005, 5e-5, 1 / 3,
  2 / 3, 12345678901234567890, 0.3, 4.35, 8.675, 1e-300, 1.25e-310, 299792458, 6.02214076e23,
];

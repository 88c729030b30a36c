// A seeded random source (mulberry32) and generators of test keys: strs of every kind, ints.

export class RandomSource {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [low, high]. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** A str of `length` code points drawn from the given code-point ranges. */
  text(length: number, ranges: readonly (readonly [number, number])[]): string {
    let text = "";
    for (let i = 0; i < length; i++) {
      const [low, high] = this.pick(ranges);
      text += String.fromCodePoint(this.int(low, high));
    }
    return text;
  }

  /** A random bigint of up to `bits` bits, either sign. */
  bigInt(bits: number): bigint {
    let value = 0n;
    for (let produced = 0; produced < bits; produced += 16) value = (value << 16n) | BigInt(this.int(0, 0xffff));
    value &= (1n << BigInt(bits)) - 1n;
    return this.next() < 0.5 ? -value : value;
  }
}

export const ASCII: readonly (readonly [number, number])[] = [[0x20, 0x7e]];
export const LATIN1: readonly (readonly [number, number])[] = [[0x20, 0x7e], [0xa0, 0xff]];
export const BMP: readonly (readonly [number, number])[] = [[0x20, 0x7e], [0x100, 0x7ff], [0x4e00, 0x9fff], [0xe000, 0xfffd]];
export const ASTRAL: readonly (readonly [number, number])[] = [[0x20, 0x7e], [0x1f300, 0x1faff], [0x10000, 0x10ffff]];

/** A short identifier-like name, as attribute and dict keys usually are. */
export function identifier(random: RandomSource): string {
  return random.text(1, [[0x61, 0x7a]]) + random.text(random.int(0, 7), [[0x61, 0x7a], [0x30, 0x39], [0x5f, 0x5f]]);
}

// Checks the 32-bit-halves 64-bit arithmetic against bigint arithmetic on random operands.

import { describe, expect, it } from "vitest";
import { signedFromHalves, Uint64 } from "../../../src/python/runtime/hashing/index.js";
import { RandomSource } from "./random-source.js";

const MASK = (1n << 64n) - 1n;

function unsigned(register: Uint64): bigint {
  return (BigInt(register.hi) << 32n) | BigInt(register.lo);
}

function randomWord(random: RandomSource): bigint {
  const shape = random.int(0, 3);
  if (shape === 0) return BigInt(random.int(0, 0xffff));
  if (shape === 1) return MASK - BigInt(random.int(0, 0xffff));
  return (BigInt(random.int(0, 0xffffffff)) << 32n) | BigInt(random.int(0, 0xffffffff));
}

describe("Uint64", () => {
  const random = new RandomSource(42);
  const pairs = Array.from({ length: 2000 }, () => [randomWord(random), randomWord(random)] as const);

  it("adds, multiplies and xors modulo 2**64 like bigint arithmetic", () => {
    for (const [a, b] of pairs) {
      const bHi = Number(b >> 32n);
      const bLo = Number(b & 0xffffffffn);
      expect(unsigned(new Uint64().load(a).add(bHi, bLo))).toBe((a + b) & MASK);
      expect(unsigned(new Uint64().load(a).mul(bHi, bLo))).toBe((a * b) & MASK);
      expect(unsigned(new Uint64().load(a).xor(bHi, bLo))).toBe(a ^ b);
    }
  });

  it("rotates and shifts by every amount", () => {
    for (const [a] of pairs.slice(0, 100)) {
      for (let bits = 1; bits < 64; bits++) {
        const n = BigInt(bits);
        expect(unsigned(new Uint64().load(a).rotl(bits))).toBe(((a << n) | (a >> (64n - n))) & MASK);
        expect(unsigned(new Uint64().load(a).shr(bits))).toBe(a >> n);
        expect(unsigned(new Uint64().load(a).shl(bits))).toBe((a << n) & MASK);
      }
    }
  });

  it("loads negative numbers and bigints as two's complement and reads them back signed", () => {
    for (const value of [-1, -2, -(2 ** 53) + 1, 2 ** 53 - 1, 0, 12345]) {
      const register = new Uint64().load(value);
      expect(register.toSigned()).toBe(BigInt(value));
      expect(new Uint64().load(BigInt(value)).toSigned()).toBe(BigInt(value));
    }
    expect(new Uint64().load(-1).isAllOnes()).toBe(true);
    expect(signedFromHalves(0x80000000, 0)).toBe(-(1n << 63n));
  });
});

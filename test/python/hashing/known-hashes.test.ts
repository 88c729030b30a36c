// Known answers: SipHash reference vectors and CPython hashes measured with PYTHONHASHSEED=0.

import { describe, expect, it } from "vitest";
import {
  hashBytes,
  hashFloat,
  hashFrozenset,
  hashInt,
  hashIntNumber,
  hashNone,
  hashPointer,
  hashStr,
  hashTuple,
  sipHash,
  strKind,
  Uint64,
} from "../../../src/python/runtime/hashing/index.js";

const v36 = { major: 3, minor: 6 };
const v310 = { major: 3, minor: 10 };
const v311 = { major: 3, minor: 11 };
const v312 = { major: 3, minor: 12 };

describe("sipHash", () => {
  // The SipHash-2-4 paper's test key 00 01 .. 0f as uint32 halves.
  const referenceKey = [0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c] as const;
  const message = Uint8Array.from({ length: 64 }, (_, index) => index);

  it("reproduces the SipHash-2-4 reference outputs", () => {
    const result = new Uint64();
    sipHash(message, 0, 2, 4, result, referenceKey);
    expect(result.hi.toString(16) + result.lo.toString(16).padStart(8, "0")).toBe("726fdb47dd0e0e31");
    sipHash(message, 15, 2, 4, result, referenceKey);
    expect(result.hi.toString(16) + result.lo.toString(16).padStart(8, "0")).toBe("a129ca6149be45e5");
  });
});

describe("CPython hashes (measured on 3.6.15, 3.10.13, 3.11.7, 3.12.1)", () => {
  it("hashes str by SipHash-2-4 up to 3.10 and SipHash-1-3 from 3.11", () => {
    expect(hashStr("a", v310)).toBe(-7583489610679606711n);
    expect(hashStr("a", v311)).toBe(4644417185603328019n);
    expect(hashStr("", v311)).toBe(0n);
    expect(hashStr("é", v36)).toBe(4954367630624915103n);
    expect(hashStr("€", v311)).toBe(-5529981157763016009n);
    expect(hashStr("\u{1f600}", v311)).toBe(-3536540696076613844n);
    expect(hashBytes(new Uint8Array([97]), v311)).toBe(hashStr("a", v311));
  });

  it("picks the PEP 393 kind from the largest code point", () => {
    expect(strKind("abc\u00ff")).toBe(1);
    expect(strKind("a\u20ac")).toBe(2);
    expect(strKind("a\u{1f600}")).toBe(4);
    expect(strKind("\ud800")).toBe(2);
  });

  it("hashes ints modulo 2**61 - 1 with -1 replaced by -2", () => {
    expect(hashInt(-1)).toBe(-2n);
    expect(hashIntNumber(-1)).toBe(-2);
    expect(hashIntNumber(12345)).toBe(12345);
    expect(hashInt((1n << 61n) - 1n)).toBe(0n);
    expect(hashInt(-(1n << 61n))).toBe(-2n);
    expect(hashInt(1n << 64n)).toBe(8n);
  });

  it("hashes floats like equal ints and fractions", () => {
    expect(hashFloat(1.5, v311)).toBe(1152921504606846977n);
    expect(hashFloat(-1, v311)).toBe(-2n);
    expect(hashFloat(2 ** 70, v311)).toBe(hashInt(1n << 70n));
    expect(hashFloat(Infinity, v311)).toBe(314159n);
    expect(hashFloat(NaN, { major: 3, minor: 9 })).toBe(0n);
    expect(() => hashFloat(NaN, v310)).toThrow(TypeError);
    expect(hashFloat(NaN, v310, 0x7f0000001000n)).toBe(hashPointer(0x7f0000001000n));
  });

  it("hashes tuples with the multiplier loop before 3.8 and xxHash after", () => {
    expect(hashTuple([], v36)).toBe(3527539n);
    expect(hashTuple([1, 2], v36)).toBe(3713081631934410656n);
    expect(hashTuple([], v311)).toBe(5740354900026072187n);
    expect(hashTuple([1, 2], v311)).toBe(-3550055125485641917n);
  });

  it("hashes frozensets independently of item order", () => {
    expect(hashFrozenset([])).toBe(133146708735736n);
    expect(hashFrozenset([1])).toBe(-558064481276695278n);
    const items = ["a", "b", "c"].map((text) => hashStr(text, v311));
    expect(hashFrozenset(items)).toBe(8636088911049444515n);
    expect(hashFrozenset([...items].reverse())).toBe(8636088911049444515n);
  });

  it("hashes objects by address rotated right by 4, and None by a constant from 3.12", () => {
    expect(hashPointer(0x7f5e2a1b3c40n)).toBe(0x7f5e2a1b3c4n);
    expect(hashPointer(0x10n)).toBe(1n);
    expect(hashPointer(0xfn)).toBe(-1152921504606846976n);
    expect(hashNone(v312, 0x55d0c0a3c0e0n)).toBe(4238894112n);
    expect(hashNone(v311, 0x55d0c0a3c0e0n)).toBe(hashPointer(0x55d0c0a3c0e0n));
  });

  it("refuses versions it does not know", () => {
    expect(() => hashStr("a", { major: 2, minor: 7 })).toThrow(RangeError);
    expect(() => hashStr("a", { major: 3, minor: 5 })).toThrow(RangeError);
  });
});

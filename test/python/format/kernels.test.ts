// Kernel behaviour pinned to CPython's documented outputs: runs without any Python installed.

import { describe, expect, it } from "vitest";
import {
  FormatError,
  complexRepr,
  floatHex,
  floatPow,
  floatRepr,
  formatFloat,
  formatInt,
  formatStr,
  intRound,
  intTrueDiv,
  parseFloatText,
  parseIntText,
  percentFormat,
  roundFloat,
  type PercentHooks,
} from "../../../src/python/runtime/format/index.js";

function errorOf(action: () => unknown): [string, string] {
  try {
    action();
  } catch (error) {
    if (error instanceof FormatError) return [error.pythonType, error.message];
    throw error;
  }
  throw new Error("expected a FormatError");
}

describe("float repr", () => {
  it("uses the shortest round-trip digits and CPython's exponent thresholds", () => {
    expect([0.1 + 0.2, 1e16, 1e15, 1e-5, 1e-4, -0, 1, 5e-324, 1e22, Infinity, -Infinity, NaN].map(floatRepr)).toEqual([
      "0.30000000000000004", "1e+16", "1000000000000000.0", "1e-05", "0.0001", "-0.0", "1.0", "5e-324", "1e+22", "inf", "-inf", "nan",
    ]);
  });

  it("writes complex numbers and float.hex as CPython does", () => {
    expect([complexRepr(0, 1), complexRepr(1, 2), complexRepr(-0, -1), complexRepr(NaN, Infinity)]).toEqual([
      "1j", "(1+2j)", "(-0-1j)", "(nan+infj)",
    ]);
    expect([floatHex(1), floatHex(0.1), floatHex(-0), floatHex(5e-324)]).toEqual([
      "0x1.0000000000000p+0", "0x1.999999999999ap-4", "-0x0.0p+0", "0x0.0000000000001p-1022",
    ]);
  });
});

describe("format spec", () => {
  it("rounds half-even on the exact binary value and prints every digit", () => {
    expect(formatFloat(0.125, ".2f")).toBe("0.12");
    expect(formatFloat(0.25, ".1f")).toBe("0.2");
    expect(formatFloat(2.675, ".2f")).toBe("2.67");
    // BigInt(1e300) is the exact integer value of the double, computed independently.
    expect(formatFloat(1e300, ".2f")).toBe(BigInt(1e300).toString() + ".00");
  });

  it("groups digits, zero-pads through the groups and aligns", () => {
    expect(formatInt(1234n, "010,")).toBe("00,001,234");
    expect(formatInt(255n, "#_b")).toBe("0b1111_1111");
    expect(formatInt(-1234567n, "_x")).toBe("-12_d687");
    expect(formatInt(65n, "05c")).toBe("0000A");
    expect(formatFloat(123456789, ",")).toBe("123,456,789.0");
    expect(formatFloat(100, ".3")).toBe("1e+02");
    expect(formatStr("😀", "*^5")).toBe("**😀**");
  });

  it("reports CPython's messages, per version where they changed", () => {
    expect(errorOf(() => formatFloat(1, "d"))).toEqual(["ValueError", "Unknown format code 'd' for object of type 'float'"]);
    expect(errorOf(() => formatFloat(1, "."))).toEqual(["ValueError", "Format specifier missing precision"]);
    expect(errorOf(() => formatStr("a", ","))).toEqual(["ValueError", "Cannot specify ',' with 's'."]);
    expect(errorOf(() => formatStr("a", "+"))).toEqual(["ValueError", "Sign not allowed in string format specifier"]);
    expect(errorOf(() => formatFloat(1, "abc", { major: 3, minor: 12 }))).toEqual([
      "ValueError", "Invalid format specifier 'abc' for object of type 'float'",
    ]);
    expect(errorOf(() => formatFloat(1, "abc", { major: 3, minor: 10 }))).toEqual(["ValueError", "Invalid format specifier"]);
    expect(formatStr("a", "05", { major: 3, minor: 10 })).toBe("a0000");
    expect(errorOf(() => formatStr("a", "05", { major: 3, minor: 9 }))).toEqual([
      "ValueError", "'=' alignment not allowed in string format specifier",
    ]);
    expect(formatFloat(-0.0001, "z.2f", { major: 3, minor: 11 })).toBe("0.00");
  });

  it("groups fraction digits from 3.14 on (its documented example)", () => {
    expect(formatFloat(1234.567891, ",._f", { major: 3, minor: 14 })).toBe("1,234.567_891");
  });
});

/** Hooks over plain JavaScript values: numbers are floats, bigints ints, strings strs. */
const plainHooks: PercentHooks<unknown> = {
  str: (value) => (typeof value === "number" ? floatRepr(value) : String(value)),
  repr: (value) => (typeof value === "string" ? `'${value}'` : String(value)),
  ascii: (value) => String(value),
  typeName: (value) => (typeof value === "string" ? "str" : typeof value === "number" ? "float" : "int"),
  intValue: (value) => (typeof value === "bigint" ? value : undefined),
  strValue: (value) => (typeof value === "string" ? value : undefined),
  toInt: (value) => (typeof value === "bigint" ? value : typeof value === "number" ? BigInt(Math.trunc(value)) : undefined),
  toIndex: (value) => (typeof value === "bigint" ? value : undefined),
  toFloat: (value) => (typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : undefined),
  getItem: (mapping, key) => (mapping as Map<string, unknown>).get(key),
};

describe("% formatting", () => {
  it("formats conversions with flags, widths and mapping keys", () => {
    expect(percentFormat("%.2f|%5d|%-4s|%#x|%+.1e", { kind: "tuple", items: [0.125, 42n, "ab", 255n, 1500] }, plainHooks)).toBe(
      "0.12|   42|ab  |0xff|+1.5e+03",
    );
    const mapping = new Map<string, unknown>([["name", "Ada"]]);
    expect(percentFormat("%(name)s!", { kind: "single", value: mapping, isMapping: true }, plainHooks)).toBe("Ada!");
  });

  it("raises the argument-count and type errors with each version's wording", () => {
    expect(errorOf(() => percentFormat("%d %d", { kind: "tuple", items: [1n] }, plainHooks))).toEqual([
      "TypeError", "not enough arguments for format string",
    ]);
    expect(errorOf(() => percentFormat("%d", { kind: "tuple", items: [1n, 2n] }, plainHooks))).toEqual([
      "TypeError", "not all arguments converted during string formatting",
    ]);
    expect(errorOf(() => percentFormat("%d", { kind: "single", value: "a", isMapping: false }, plainHooks))).toEqual([
      "TypeError", "%d format: a real number is required, not str",
    ]);
    expect(
      errorOf(() => percentFormat("%d", { kind: "single", value: "a", isMapping: false }, plainHooks, { version: { major: 3, minor: 9 } })),
    ).toEqual(["TypeError", "%d format: a number is required, not str"]);
  });
});

describe("parsing and arithmetic", () => {
  it("parses float() and int() text like CPython", () => {
    expect(parseFloatText(" 1_0.5 ")).toBe(10.5);
    expect(parseFloatText("-iNfInItY")).toBe(-Infinity);
    expect(errorOf(() => parseFloatText("abc"))).toEqual(["ValueError", "could not convert string to float: 'abc'"]);
    expect(parseIntText("0x_1f", 0)).toBe(31n);
    expect(errorOf(() => parseIntText("010", 0))).toEqual(["ValueError", "invalid literal for int() with base 0: '010'"]);
    expect(errorOf(() => parseIntText("1".repeat(5000)))[1]).toBe(
      "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
    );
  });

  it("divides, rounds and raises correctly rounded and CPython-worded", () => {
    expect(intTrueDiv(10n ** 400n, 10n ** 399n)).toBe(10);
    expect(errorOf(() => intTrueDiv(10n ** 400n, 1n))).toEqual(["OverflowError", "integer division result too large for a float"]);
    expect(roundFloat(2.675, 2n)).toBe(2.67);
    expect(intRound(1250n, -2n)).toBe(1200n);
    expect(intRound(-1351n, -2n)).toBe(-1400n);
    expect(errorOf(() => floatPow(0, -1))).toEqual(["ZeroDivisionError", "0.0 cannot be raised to a negative power"]);
    expect(floatPow(-8, 1 / 3)).toEqual({ kind: "complex", base: -8, exponent: 1 / 3 });
  });
});

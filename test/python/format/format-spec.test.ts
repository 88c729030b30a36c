// Differential tests: format(value, spec) for float, int, str and complex vs CPython, all versions.

import { describe, expect, it } from "vitest";
import { findAllPythons, findPython, type OracleCase } from "./support/cpython.js";
import { describe as describeMismatches, differences } from "./support/kernel.js";
import { Random, float, int, str, type Encoded, complex } from "./support/values.js";

const FILLS = ["*", "0", " ", "x", "€", "😀", "<", "="];
const FLOAT_TYPES = ["", "e", "E", "f", "F", "g", "G", "n", "%", "d", "s", "x", "c", "r", "z"];
const INT_TYPES = ["", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r", "é"];
const STR_TYPES = ["", "s", "d", "f", "r"];
const COMPLEX_TYPES = ["", "e", "E", "f", "F", "g", "G", "n", "%", "d"];
const STRINGS = ["", "a", "hello", "naïve", "日本語", "😀x😀", "e\u0301", "tab\there", "a much longer string value"];

/** A random spec: mostly valid combinations, with enough invalid ones to exercise the errors. */
function randomSpec(random: Random, types: readonly string[]): string {
  let spec = "";
  if (random.chance(0.45)) {
    if (random.chance(0.5)) spec += random.pick(FILLS);
    spec += random.pick(["<", ">", "=", "^"]);
  }
  if (random.chance(0.35)) spec += random.pick(["+", "-", " "]);
  if (random.chance(0.1)) spec += "z";
  if (random.chance(0.2)) spec += "#";
  if (random.chance(0.2)) spec += "0";
  if (random.chance(0.55)) spec += String(random.integer(random.chance(0.9) ? 16 : 40));
  if (random.chance(0.25)) spec += random.pick([",", "_", ",", "_", ",_", "__", ",,"]);
  if (random.chance(0.5)) {
    spec += ".";
    if (random.chance(0.97)) spec += String(random.chance(0.95) ? random.integer(18) : 40 + random.integer(90));
  }
  spec += random.pick(types);
  return spec;
}

function randomComplex(random: Random): Encoded {
  return complex(random.friendlyDouble(), random.friendlyDouble());
}

function formatCases(seed: number, counts: { float: number; int: number; str: number; complex: number }): OracleCase[] {
  const random = new Random(seed);
  const cases: OracleCase[] = [];
  for (let index = 0; index < counts.float; index++) {
    cases.push({ op: "format", args: [float(random.friendlyDouble()), randomSpec(random, FLOAT_TYPES)] });
  }
  for (let index = 0; index < counts.int; index++) {
    const value = random.chance(0.3) ? BigInt(random.integer(300) - 100) : random.bigInteger();
    cases.push({ op: "format", args: [int(value), randomSpec(random, INT_TYPES)] });
  }
  for (let index = 0; index < counts.str; index++) {
    cases.push({ op: "format", args: [str(random.pick(STRINGS)), randomSpec(random, STR_TYPES)] });
  }
  for (let index = 0; index < counts.complex; index++) {
    cases.push({ op: "format", args: [randomComplex(random), randomSpec(random, COMPLEX_TYPES)] });
  }
  return cases;
}

/** Hand-picked specs: rounding ties, zero padding with grouping, huge precision, 'c', prefixes. */
function handPickedCases(): OracleCase[] {
  const cases: OracleCase[] = [];
  const floatSpecs = [".2f", ".1f", ".0f", ".3e", ".0e", ".1g", ".2g", "g", ".3", "#.0f", "#g", "#.3", ",", "_.2f", "010,.2f",
    "z.1f", "+.3e", " g", "=+12.3f", "^15,.4g", "%", ".1%", "#.0%", ".100f", ".150e", ".60g", "020", "0=20,", "n", ".5n", "E", "F", "G"];
  const floats = [0.125, 0.375, 2.5, 0.5, 1.5, -0.5, -2.5, 1e300, 1e-300, 5e-324, 1e16, 123456789.125, 2.675, 1.005, 0.045,
    -0.0, -0.0001, Infinity, -Infinity, NaN, 1e22, 9.5, 99.5, 999.5, 0.95, 0.0095, 1e15 + 0.5];
  for (const x of floats) for (const spec of floatSpecs) cases.push({ op: "format", args: [float(x), spec] });
  const intSpecs = ["", "d", ",", "_", "_x", "#_b", "#010_b", "010,", "0=10,", "+,", " 08", "#X", "#o", "c", "05c", "<5c", "^9,",
    "e", ".2f", "%", ",.2f", "n", "=+#12x", "x<12_o", "z", ".2"];
  const ints = [0n, 1n, -1n, 65n, 255n, -255n, 1234n, -1234567n, 10n ** 20n, -(10n ** 30n), 0x10ffffn, 0x110000n, 2n ** 64n,
    10n ** 400n, 9007199254740993n];
  for (const v of ints) for (const spec of intSpecs) cases.push({ op: "format", args: [int(v), spec] });
  return cases;
}

const python311 = findPython(11);

describe.skipIf(python311 === undefined)("format() against CPython 3.11 (skipped: no python3.11 found)", () => {
  it("matches on hand-picked specs: ties, grouping with zero padding, huge precision", () => {
    const mismatches = differences(python311!, handPickedCases());
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });

  it("matches on 9000 random value/spec pairs", () => {
    const mismatches = differences(python311!, formatCases(11, { float: 4000, int: 3000, str: 1200, complex: 800 }));
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });
});

const otherPythons = findAllPythons().filter((python) => python.minor !== 11);

describe.skipIf(otherPythons.length === 0)("format() against every other installed CPython (skipped: none found)", () => {
  for (const python of otherPythons) {
    it(`matches CPython 3.${python.minor}.${python.patch} on 1500 random pairs and the hand-picked specs`, () => {
      const cases = [...handPickedCases(), ...formatCases(100 + python.minor, { float: 600, int: 500, str: 250, complex: 150 })];
      const mismatches = differences(python, cases);
      expect(mismatches, describeMismatches(mismatches)).toEqual([]);
    });
  }
});

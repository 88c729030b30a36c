// Differential tests: repr(float), repr(complex), float.hex/as_integer_ratio/is_integer vs CPython.

import { describe, expect, it } from "vitest";
import { findPython } from "./support/cpython.js";
import { describe as describeMismatches, differences } from "./support/kernel.js";
import { EDGE_DOUBLES, Random, float, complex } from "./support/values.js";
import type { OracleCase } from "./support/cpython.js";

const python = findPython(11);

function doubles(seed: number, count: number): number[] {
  const random = new Random(seed);
  const values = [...EDGE_DOUBLES];
  for (let index = 0; index < count; index++) values.push(random.chance(0.5) ? random.anyDouble() : random.friendlyDouble());
  // Neighbours of powers of ten, where shortest-digit and exponent-form decisions flip.
  for (let exponent = -8; exponent <= 23; exponent++) {
    const power = 10 ** exponent;
    values.push(power, power * (1 + Number.EPSILON), power * (1 - Number.EPSILON / 2));
  }
  return values;
}

describe.skipIf(python === undefined)("float repr and inspection against CPython 3.11 (skipped: no python3.11 found)", () => {
  it("repr(float) matches for edge cases and 6000 random doubles", () => {
    const cases: OracleCase[] = doubles(1, 6000).map((x) => ({ op: "repr", args: [float(x)] }));
    const mismatches = differences(python!, cases);
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });

  it("repr(complex) matches, including signed zeros, nan and inf parts", () => {
    const random = new Random(2);
    const parts = [0, -0, 1, -1, 2.5, NaN, Infinity, -Infinity, 1e16, 1e-5, 0.1];
    const cases: OracleCase[] = [];
    for (const real of parts) for (const imag of parts) cases.push({ op: "repr", args: [complex(real, imag)] });
    for (let index = 0; index < 300; index++) {
      cases.push({ op: "repr", args: [complex(random.friendlyDouble(), random.friendlyDouble())] });
    }
    const mismatches = differences(python!, cases);
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });

  it("float.hex, as_integer_ratio, is_integer and int(x) match", () => {
    const cases: OracleCase[] = [];
    for (const x of doubles(3, 1500)) {
      for (const op of ["floathex", "ratio", "isint", "toint"]) cases.push({ op, args: [float(x)] });
    }
    const mismatches = differences(python!, cases);
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });
});

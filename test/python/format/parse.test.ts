// Differential tests: float(str), int(str, base), str/bin/oct/hex of ints vs CPython, all versions.

import { describe, expect, it } from "vitest";
import { findAllPythons, type OracleCase } from "./support/cpython.js";
import { describe as describeMismatches, differences } from "./support/kernel.js";
import { Random, int } from "./support/values.js";

const SPACES = ["", "", "", " ", "  ", "\t", "\n", "\u2003", "\x0b", "\x1c", "\u00a0", "\ufeff"];
const DIGITS = ["0", "1", "2", "5", "7", "9", "a", "f", "z", "F", "٣", "５"];

function randomDigits(random: Random, underscores: boolean): string {
  let text = "";
  const count = 1 + random.integer(8);
  for (let index = 0; index < count; index++) {
    text += random.pick(DIGITS.slice(0, random.chance(0.8) ? 6 : DIGITS.length));
    if (underscores && random.chance(0.15)) text += random.chance(0.9) ? "_" : "__";
  }
  return text;
}

function randomFloatText(random: Random): string {
  let text = random.pick(SPACES) + random.pick(["", "", "+", "-"]);
  if (random.chance(0.12)) {
    text += random.pick(["inf", "INF", "Infinity", "iNfInItY", "nan", "NaN", "infinit", "nan_", "in f"]);
  } else {
    const underscores = random.chance(0.3);
    if (random.chance(0.85)) text += randomDigits(random, underscores).replace(/[a-zA-Z]/g, "3");
    if (random.chance(0.5)) text += random.pick([".", "._", "_."]) + (random.chance(0.7) ? randomDigits(random, underscores).replace(/[a-zA-Z]/g, "4") : "");
    if (random.chance(0.3)) text += random.pick(["e", "E", "e+", "e-", "e_"]) + (random.chance(0.9) ? String(random.integer(400)) : "");
    if (random.chance(0.05)) text += random.pick(["x", "é", "\x00", "j"]);
  }
  return text + random.pick(SPACES);
}

function randomIntText(random: Random): [string, number] {
  const base = random.pick([0, 0, 10, 10, 2, 8, 16, 36, 3, 7, 1, 37]);
  let text = random.pick(SPACES) + random.pick(["", "", "+", "-", "- "]);
  if (random.chance(0.3)) text += random.pick(["0x", "0X", "0o", "0b", "0B", "0", "00", "0_", "0x_"]);
  text += randomDigits(random, random.chance(0.3));
  if (random.chance(0.05)) text += random.pick(["_", "x", "é", " 1"]);
  return [text + random.pick(SPACES), base];
}

function parseCases(seed: number, count: number): OracleCase[] {
  const random = new Random(seed);
  const cases: OracleCase[] = [];
  for (let index = 0; index < count; index++) {
    cases.push({ op: "float", args: [randomFloatText(random)] });
    cases.push({ op: "int", args: randomIntText(random) });
  }
  // Around the 4300-digit limit, and before it the other checks that come first or after.
  for (const length of [4299, 4300, 4301, 5000]) {
    cases.push({ op: "int", args: ["7".repeat(length), 10] });
    cases.push({ op: "int", args: ["7".repeat(length) + "x", 10] });
    cases.push({ op: "int", args: ["7".repeat(length) + "_", 10] });
    cases.push({ op: "int", args: ["0x" + "f".repeat(length), 16] });
    cases.push({ op: "int", args: ["z".repeat(length), 36] });
    cases.push({ op: "str", args: [int(10n ** BigInt(length - 1))] });
    cases.push({ op: "str", args: [int(-(10n ** BigInt(length - 1)))] });
    cases.push({ op: "float", args: ["1" + "0".repeat(length)] });
  }
  for (const text of ["", " ", "\t", "x".repeat(300), "١٢٣", "1_000", "0_0", "010", "000", "0b", "0x_1f", "0_x1f", "1e5_0", "1é2", ".", "5.", ".5"]) {
    for (const base of [0, 10, 16]) cases.push({ op: "int", args: [text, base] });
    cases.push({ op: "float", args: [text] });
  }
  for (let index = 0; index < count / 2; index++) {
    const value = random.bigInteger();
    for (const op of ["str", "bin", "oct", "hex"]) cases.push({ op, args: [int(value)] });
  }
  return cases;
}

const pythons = findAllPythons();

describe.skipIf(pythons.length === 0)("float(str), int(str, base) and int to text against CPython (skipped: none found)", () => {
  for (const python of pythons) {
    it(`matches CPython 3.${python.minor}.${python.patch} on ${python.minor === 11 ? 3000 : 800} random texts and the limit cases`, () => {
      const mismatches = differences(python, parseCases(300 + python.minor, python.minor === 11 ? 3000 : 800));
      expect(mismatches, describeMismatches(mismatches)).toEqual([]);
    });
  }
});

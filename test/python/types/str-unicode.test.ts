// The simulator's Unicode database answers as each CPython version's unicodedata does.
// Facts measured on CPython 3.6–3.13, and a differential check of predicates, case mappings and
// repr over a sample of code points.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";
import { unicodeDatabase } from "../../../src/python/runtime/types/str-unicode.js";
import { ASSIGNED_FROM, TITLE_MAPPINGS, FOLD_MAPPINGS, DIGIT_RUNS, NUMERIC_RUNS, VERSION_PATCHES } from "../../../src/python/runtime/types/str-unicode-data.js";

const VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

describe("unicode database facts (no interpreter needed)", () => {
  it("maps Georgian Mkhedruli to Mtavruli only from 3.7 (Unicode 11)", () => {
    expect(unicodeDatabase(6).upperMap(0x10d0)).toBe("\u10d0");
    expect(unicodeDatabase(7).upperMap(0x10d0)).toBe("\u1c90");
    expect(unicodeDatabase(6).isLower(0x10d0)).toBe(false);
    expect(unicodeDatabase(13).isLower(0x10d0)).toBe(true);
  });

  it("knows U+1FAE0 (Unicode 14) from 3.11 only", () => {
    expect(unicodeDatabase(10).isAssigned(0x1fae0)).toBe(false);
    expect(unicodeDatabase(10).isPrintable(0x1fae0)).toBe(false);
    expect(unicodeDatabase(11).isPrintable(0x1fae0)).toBe(true);
  });

  it("has title case and case folding JavaScript lacks", () => {
    const db = unicodeDatabase(13);
    expect(db.titleMap(0xdf)).toBe("Ss");
    expect(db.upperMap(0xdf)).toBe("SS");
    expect(db.foldMap(0xdf)).toBe("ss");
    expect(db.titleMap(0x1c6)).toBe("\u01c5");
    expect(db.foldMap(0x3c2)).toBe("\u03c3");
  });

  it("separates decimal, digit and numeric characters", () => {
    const db = unicodeDatabase(13);
    expect([db.isDecimal(0xb2), db.isDigit(0xb2), db.isNumeric(0xb2)]).toEqual([false, true, true]);
    expect([db.isDecimal(0xbd), db.isDigit(0xbd), db.isNumeric(0xbd)]).toEqual([false, false, true]);
    expect([db.isDecimal(0x4e00), db.isNumeric(0x4e00)]).toEqual([false, true]);
    expect([db.isDecimal(0x663), db.isDigit(0x663)]).toEqual([true, true]);
  });

  it("uses Python's whitespace, not JavaScript's", () => {
    const db = unicodeDatabase(13);
    expect(db.isSpace(0x1c)).toBe(true);
    expect(db.isSpace(0x85)).toBe(true);
    expect(db.isSpace(0xfeff)).toBe(false);
    expect(db.isSpace(0x200b)).toBe(false);
  });
});

/** Code points where the tables matter, plus an even sample of the whole range. */
function sampleCodePoints(): number[] {
  const sample = new Set<number>();
  for (let code = 0; code < 0x250; code++) sample.add(code);
  for (let code = 0x250; code < 0x32000; code += 53) sample.add(code);
  for (let i = 0; i < ASSIGNED_FROM.length; i += 3) sample.add(ASSIGNED_FROM[i]!).add(ASSIGNED_FROM[i + 1]!);
  for (const [code] of TITLE_MAPPINGS) sample.add(code);
  for (const [code] of FOLD_MAPPINGS) sample.add(code);
  for (const runs of [DIGIT_RUNS, NUMERIC_RUNS]) for (let i = 0; i < runs.length; i += 2) sample.add(runs[i]!);
  for (const patches of VERSION_PATCHES.values()) for (const [code] of patches) sample.add(code);
  for (const surrogate of [0xd800, 0xdbff, 0xdc00, 0xdfff]) sample.delete(surrogate);
  return [...sample].sort((a, b) => a - b);
}

const SAMPLE = sampleCodePoints();

const CELLS = [
  `S = [${SAMPLE.join(", ")}]`,
  "P = [str.isalpha, str.isdecimal, str.isdigit, str.isnumeric, str.islower, str.isupper, str.istitle, str.isspace, str.isprintable, str.isidentifier, str.isalnum]",
  "''.join(''.join('1' if p(chr(c)) else '0' for p in P) for c in S)",
  "'|'.join(chr(c).upper() + chr(c).lower() for c in S)",
  "'|'.join(chr(c).title() + chr(c).casefold() + chr(c).swapcase() + chr(c).capitalize() for c in S)",
  "''.join('1' if ('a' + chr(c)).isidentifier() else '0' for c in S)",
  "''.join('1' if ('a' + chr(c) + 'a').title()[-1] == 'a' else '0' for c in S)",
  "[c for c in S if len(repr(chr(c))) > 3]",
  "''.join(chr(c) for c in S[::7] if chr(c).isprintable())",
];

for (const version of VERSIONS) {
  describe(`unicode sample of ${SAMPLE.length} code points: simulator ${version} vs CPython ${version}`, async () => {
    const real = await cpython(version, CELLS);
    it.skipIf(real === null)(`agrees on predicates, case mappings and repr${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      const simulated = await simulate(version, CELLS);
      expect(simulated).toEqual(real);
    });
  });
}

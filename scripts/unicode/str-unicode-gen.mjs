// Builds str-unicode-data.ts: what CPython's unicodedata says beyond the JavaScript engine's.
//
// Usage: node str-unicode-gen.mjs DUMP_DIR > str-unicode-data.ts, where DUMP_DIR holds
// uni.3.<minor>.jsonl files written by str-unicode-gen.py on each CPython 3.6–3.13.
// The simulator derives character properties from the JS engine's Unicode tables (regex
// property escapes, toUpperCase/toLowerCase) and corrects them with these tables:
//  - which code points each CPython version leaves unassigned (older Unicode versions);
//  - title-case and case-folding mappings (JavaScript has neither), taken from 3.13;
//  - Numeric_Type=Digit and Numeric_Type=Numeric code points (not in JS regexes), from 3.13;
//  - per-version patches where the model above still differs from that version.
// The model here must stay the same as the one in str-unicode.ts.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dumpDir = process.argv[2];
const BASE_MINOR = 13;
const SPACE = new Set([9, 10, 11, 12, 13, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
const test = (pattern) => {
  const regex = new RegExp(`^${pattern}$`, "u");
  return (char) => regex.test(char);
};
const isLetter = test("\\p{L}");
const isDecimal = test("\\p{Nd}");
const isLowercase = test("\\p{Lowercase}");
const isUppercase = test("\\p{Uppercase}");
const isTitlecase = test("\\p{Lt}");
const isCased = test("\\p{Cased}");
const isOther = test("[\\p{C}\\p{Z}]");
const isXidStart = test("\\p{XID_Start}");
const isXidContinue = test("\\p{XID_Continue}");
const isAssigned = test("\\P{Cn}");

function readDump(minor) {
  const file = readdirSync(dumpDir).find((name) => name.startsWith(`uni.3.${minor}.`) && name.endsWith(".jsonl"));
  const records = new Map();
  for (const line of readFileSync(join(dumpDir, file), "utf8").split("\n")) {
    if (line === "") continue;
    const [code, category, letters, mappings] = JSON.parse(line);
    records.set(code, { category, letters, mappings });
  }
  return records;
}

const base = readDump(BASE_MINOR);
const title = new Map();
const fold = new Map();
const digitOnly = [];
const numericOnly = [];
for (const [code, record] of base) {
  const char = String.fromCodePoint(code);
  const titled = record.mappings.title ?? char;
  if (titled !== char.toUpperCase()) title.set(code, titled);
  const folded = record.mappings.casefold ?? char;
  if (folded !== char.toLowerCase()) fold.set(code, folded);
  if (record.letters.includes("g") && !record.letters.includes("d")) digitOnly.push(code);
  if (record.letters.includes("n") && !record.letters.includes("g")) numericOnly.push(code);
}
const digitSet = new Set(digitOnly);
const numericSet = new Set(numericOnly);

/** The underlying properties the model gives a code point, before patches. */
function modelProperties(code) {
  const char = String.fromCodePoint(code);
  return {
    alpha: isLetter(char),
    decimal: isDecimal(char),
    digit: digitSet.has(code),
    numeric: numericSet.has(code),
    lower: isLowercase(char),
    upper: isUppercase(char),
    title: isTitlecase(char),
    cased: isCased(char),
    printable: code === 32 || !isOther(char),
    xidStart: isXidStart(char) || code === 95,
    xidContinue: isXidContinue(char),
    lowerMap: char.toLowerCase(),
    upperMap: char.toUpperCase(),
    titleMap: title.get(code) ?? char.toUpperCase(),
    foldMap: fold.get(code) ?? char.toLowerCase(),
  };
}

/** What CPython's single-character methods would return under those properties. */
function predicted(props, code) {
  const letters = [
    ["a", props.alpha],
    ["d", props.decimal],
    ["g", props.decimal || props.digit],
    ["n", props.decimal || props.digit || props.numeric],
    // islower()/isupper() of one character are CPython's shortcuts: the property itself.
    ["l", props.lower],
    ["u", props.upper],
    ["t", props.upper || props.title],
    ["s", SPACE.has(code)],
    ["p", props.printable],
    ["i", props.xidStart],
    ["x", props.xidContinue],
    ["c", props.cased],
  ];
  return { letters: new Map(letters), lower: props.lowerMap, upper: props.upperMap, title: props.titleMap, casefold: props.foldMap };
}

/** Patches turning the model into what `records` (one version) says; fails on cases it cannot express. */
function patchesFor(records, minor) {
  const patches = [];
  const assignedFrom = [];
  for (let code = 0; code < 0x110000; code++) {
    const char = String.fromCodePoint(code);
    const record = records.get(code) ?? { category: "Cn", letters: "", mappings: {} };
    if (record.category === "Cn") {
      if (isAssigned(char)) assignedFrom.push(code);
      if (record.letters !== "" || Object.keys(record.mappings).length > 0) throw new Error(`unassigned U+${code.toString(16)} has properties`);
      continue;
    }
    if (!isAssigned(char)) throw new Error(`U+${code.toString(16)} assigned in ${minor}, not in JS`);
    const props = modelProperties(code);
    const expected = predicted(props, code);
    for (const [letter, value] of expected.letters) {
      const actual = record.letters.includes(letter);
      if (actual === value) continue;
      const property = { a: "alpha", d: "decimal", p: "printable", i: "xidStart", x: "xidContinue", c: "cased" }[letter];
      if (property !== undefined) patches.push([code, property, actual]);
      else if (letter === "l") patches.push([code, "lower", actual]);
      else if (letter === "u") patches.push([code, "upper", actual]);
      else if (letter === "g" && !props.decimal) patches.push([code, "digit", actual]);
      else if (letter === "n" && !props.decimal && !props.digit) patches.push([code, "numeric", actual]);
      else throw new Error(`cannot patch ${letter} of U+${code.toString(16)} in 3.${minor}`);
    }
    for (const name of ["lower", "upper", "title", "casefold"]) {
      const actual = record.mappings[name] ?? char;
      if (actual !== expected[name]) patches.push([code, `${name}Map`, actual]);
    }
  }
  return { patches: dedupe(patches), assignedFrom };
}

function dedupe(patches) {
  const seen = new Set();
  return patches.filter((patch) => {
    const key = `${patch[0]}:${patch[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function ranges(codes) {
  const result = [];
  for (const code of codes) {
    const last = result[result.length - 1];
    if (last !== undefined && last[1] === code - 1) last[1] = code;
    else result.push([code, code]);
  }
  return result;
}

const MINORS = [6, 7, 8, 9, 10, 11, 12, 13];
const perVersion = new Map(MINORS.map((minor) => [minor, minor === BASE_MINOR ? patchesFor(base, minor) : patchesFor(readDump(minor), minor)]));

// assigned-from: for each JS-assigned code point, the first measured minor that assigns it.
const firstMinor = new Map();
for (const minor of [...MINORS].reverse()) {
  const unassigned = new Set(perVersion.get(minor).assignedFrom);
  for (let code = 0; code < 0x110000; code++) {
    if (!isAssigned(String.fromCodePoint(code))) continue;
    if (!unassigned.has(code)) firstMinor.set(code, minor);
  }
}
const assignedRuns = [];
for (let code = 0; code < 0x110000; code++) {
  if (!isAssigned(String.fromCodePoint(code))) continue;
  const minor = firstMinor.get(code) ?? 99;
  if (minor === 6) continue;
  const last = assignedRuns[assignedRuns.length - 1];
  if (last !== undefined && last[1] === code - 1 && last[2] === minor) last[1] = code;
  else assignedRuns.push([code, code, minor]);
}

const json = (value) => JSON.stringify(value);
const lines = [];
lines.push("// Generated by scripts/unicode/str-unicode-gen.mjs from CPython 3.6–3.13's unicodedata; do not edit by hand.");
lines.push("// See scripts/unicode/str-unicode-gen.mjs for what each table means and str-unicode.ts for how it is used.");
lines.push("");
lines.push("/** Flat [first, last, minor] runs: code points CPython assigns only from 3.<minor> (99: not in 3.13). */");
lines.push(`export const ASSIGNED_FROM: readonly number[] = ${json(assignedRuns.flat())};`);
lines.push("");
lines.push("/** Title-case mappings that differ from the upper-case mapping (CPython 3.13). */");
lines.push(`export const TITLE_MAPPINGS: readonly (readonly [number, string])[] = ${json([...title])};`);
lines.push("");
lines.push("/** Case-folding mappings that differ from the lower-case mapping (CPython 3.13). */");
lines.push(`export const FOLD_MAPPINGS: readonly (readonly [number, string])[] = ${json([...fold])};`);
lines.push("");
lines.push("/** Flat [first, last] runs of Numeric_Type=Digit code points (isdigit but not isdecimal). */");
lines.push(`export const DIGIT_RUNS: readonly number[] = ${json(ranges(digitOnly).flat())};`);
lines.push("");
lines.push("/** Flat [first, last] runs of Numeric_Type=Numeric code points (isnumeric but not isdigit). */");
lines.push(`export const NUMERIC_RUNS: readonly number[] = ${json(ranges(numericOnly).flat())};`);
lines.push("");
lines.push("/** Per-version corrections: [code point, property, value] where the model differs from 3.<minor>. */");
lines.push("export const VERSION_PATCHES: ReadonlyMap<number, readonly (readonly [number, string, boolean | string])[]> = new Map([");
for (const minor of MINORS) lines.push(`  [${minor}, ${json(perVersion.get(minor).patches)}],`);
lines.push("]);");
process.stdout.write(lines.join("\n") + "\n");

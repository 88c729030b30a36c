// The format-spec mini-language parser: CPython's parse_internal_render_format_spec, per version.

import { FormatError, LATEST_VERSION, atLeast, type FormatVersion } from "./format-error.js";

export type Alignment = "<" | ">" | "=" | "^";

/** A parsed `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision[grouping]][type]`. */
export interface FormatSpec {
  /** One code point (two UTF-16 units when astral). */
  readonly fill: string;
  readonly align: Alignment;
  readonly sign: "+" | "-" | " " | "";
  /** The 'z' option (3.11+). */
  readonly noNegativeZero: boolean;
  readonly alternate: boolean;
  /** -1 when absent. */
  readonly width: number;
  /** "_" means every three digits, or every four for b/o/x/X. */
  readonly grouping: "," | "_" | "";
  /** -1 when absent. */
  readonly precision: number;
  /** Separator inside the fraction digits (3.14+). */
  readonly fractionGrouping: "," | "_" | "";
  /** One code point, or the object's default type ("" for float and complex). */
  readonly type: string;
}

/** Which `__format__` is parsing: it decides the default type and alignment. */
export type FormatTarget = "int" | "float" | "str" | "complex";

const DEFAULT_TYPE = new Map<FormatTarget, string>([
  ["int", "d"],
  ["float", ""],
  ["str", "s"],
  ["complex", ""],
]);

const MAX_SSIZE = 2n ** 63n - 1n;

/** Types that accept ',' and '_' grouping (PEP 378, PEP 515). */
const GROUPABLE_TYPES = new Set(["d", "e", "f", "g", "E", "G", "%", "F", ""]);
const FOUR_DIGIT_GROUP_TYPES = new Set(["b", "o", "x", "X"]);

/** `'c'` or `'\x1f600'`, as CPython names a format character in its messages. */
export function describeFormatChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 32 && code < 128 ? `'${char}'` : `'\\x${code.toString(16)}'`;
}

export function unknownFormatCode(type: string, typeName: string): FormatError {
  return new FormatError(
    "ValueError",
    `Unknown format code ${describeFormatChar(type)} for object of type '${typeName}'`,
  );
}

function bothSeparatorsError(): FormatError {
  return new FormatError("ValueError", "Cannot specify both ',' and '_'.");
}

function isAlignment(code: number | undefined): boolean {
  return code === 60 || code === 62 || code === 61 || code === 94; // < > = ^
}

const DECIMAL_DIGIT = /\p{Nd}/u;

/** The value of a decimal digit of any script (Py_UNICODE_TODECIMAL), or -1. */
function decimalValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code < 128 || !DECIMAL_DIGIT.test(String.fromCodePoint(code))) return -1;
  // Unicode encodes every decimal digit set as a contiguous run starting at its zero.
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

interface Cursor {
  position: number;
}

/** Reads decimal digits as get_integer does: count consumed, value, or the overflow error. */
function readInteger(points: readonly number[], cursor: Cursor): { count: number; value: number } {
  let value = 0;
  let big: bigint | undefined;
  let count = 0;
  while (cursor.position < points.length) {
    const digit = decimalValue(points[cursor.position]!);
    if (digit < 0) break;
    if (big === undefined && value < 1e14) {
      value = value * 10 + digit;
    } else {
      big = (big ?? BigInt(value)) * 10n + BigInt(digit);
      if (big > MAX_SSIZE) throw new FormatError("ValueError", "Too many decimal digits in format string");
    }
    cursor.position++;
    count++;
  }
  return { count, value: big === undefined ? value : Number(big) };
}

/** Parsed specs per (version, target): the same few specs are formatted again and again. */
const caches = new Map<number, Map<string, FormatSpec>>();
const CACHE_LIMIT = 512;
const TARGET_INDEX = new Map<FormatTarget, number>([
  ["int", 0],
  ["float", 1],
  ["str", 2],
  ["complex", 3],
]);

/**
 * Parses a format spec as `target.__format__` would in `version`. `typeName` is the object's type
 * as error messages name it (`bool`, a subclass name); it defaults to the target.
 */
export function parseFormatSpec(
  spec: string,
  target: FormatTarget,
  version: FormatVersion = LATEST_VERSION,
  typeName: string = target,
): FormatSpec {
  const cacheKey = version.major * 1000 + version.minor * 4 + TARGET_INDEX.get(target)!;
  let cache = caches.get(cacheKey);
  if (cache === undefined) {
    cache = new Map();
    caches.set(cacheKey, cache);
  }
  const cached = cache.get(spec);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(spec, target, version, typeName);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(spec, parsed);
  return parsed;
}

function parseUncached(
  spec: string,
  target: FormatTarget,
  version: FormatVersion,
  typeName: string,
): FormatSpec {
  const points = Array.from(spec, (char) => char.codePointAt(0)!);
  const end = points.length;
  const defaultAlign: Alignment = target === "str" ? "<" : ">";
  const cursor: Cursor = { position: 0 };
  let fill = " ";
  let align: Alignment = defaultAlign;
  let alignSpecified = false;
  let fillSpecified = false;
  let sign: FormatSpec["sign"] = "";
  let noNegativeZero = false;
  let alternate = false;
  let width = -1;
  let grouping: FormatSpec["grouping"] = "";
  let precision = -1;
  let fractionGrouping: FormatSpec["fractionGrouping"] = "";
  let type = DEFAULT_TYPE.get(target)!;
  const at = (offset: number): number | undefined => points[cursor.position + offset];

  if (end >= 2 && isAlignment(points[1])) {
    align = String.fromCodePoint(points[1]!) as Alignment;
    fill = String.fromCodePoint(points[0]!);
    fillSpecified = true;
    alignSpecified = true;
    cursor.position = 2;
  } else if (end >= 1 && isAlignment(points[0])) {
    align = String.fromCodePoint(points[0]!) as Alignment;
    alignSpecified = true;
    cursor.position = 1;
  }
  const signCode = at(0);
  if (signCode === 43 || signCode === 45 || signCode === 32) {
    sign = String.fromCharCode(signCode) as FormatSpec["sign"];
    cursor.position++;
  }
  if (atLeast(version, 11) && at(0) === 122) {
    noNegativeZero = true;
    cursor.position++;
  }
  if (at(0) === 35) {
    alternate = true;
    cursor.position++;
  }
  if (!fillSpecified && at(0) === 48) {
    fill = "0";
    // Before 3.10 a leading '0' forced '=' even on strings; since then only where '>' is default.
    if (!alignSpecified && (!atLeast(version, 10) || defaultAlign === ">")) align = "=";
    cursor.position++;
  }
  const widthRead = readInteger(points, cursor);
  if (widthRead.count > 0) width = widthRead.value;
  if (at(0) === 44) {
    grouping = ",";
    cursor.position++;
  }
  if (at(0) === 95) {
    if (grouping !== "") throw bothSeparatorsError();
    grouping = "_";
    cursor.position++;
  }
  if (at(0) === 44 && (grouping === "_" || (grouping === "," && !atLeast(version, 9)))) {
    throw bothSeparatorsError();
  }
  if (at(0) === 46) {
    cursor.position++;
    const precisionRead = readInteger(points, cursor);
    let consumed = precisionRead.count;
    if (consumed > 0) precision = precisionRead.value;
    if (atLeast(version, 14)) {
      if (at(0) === 44) {
        fractionGrouping = ",";
        cursor.position++;
        consumed++;
      }
      if (at(0) === 95) {
        if (fractionGrouping !== "") throw bothSeparatorsError();
        fractionGrouping = "_";
        cursor.position++;
        consumed++;
      }
      if (at(0) === 44 && fractionGrouping === "_") throw bothSeparatorsError();
    }
    if (consumed === 0) throw new FormatError("ValueError", "Format specifier missing precision");
  }
  const remaining = end - cursor.position;
  if (remaining > 1) {
    const message = atLeast(version, 11)
      ? `Invalid format specifier '${spec}' for object of type '${typeName}'`
      : "Invalid format specifier";
    throw new FormatError("ValueError", message);
  }
  if (remaining === 1) type = String.fromCodePoint(points[cursor.position]!);

  if (grouping !== "" && !GROUPABLE_TYPES.has(type)) {
    if (!(grouping === "_" && FOUR_DIGIT_GROUP_TYPES.has(type))) {
      throw new FormatError("ValueError", `Cannot specify '${grouping}' with ${describeFormatChar(type)}.`);
    }
  }
  if (type === "n" && fractionGrouping !== "") {
    throw new FormatError("ValueError", `Cannot specify '${fractionGrouping}' with 'n'.`);
  }
  return { fill, align, sign, noNegativeZero, alternate, width, grouping, precision, fractionGrouping, type };
}

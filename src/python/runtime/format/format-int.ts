// format(int, spec): int.__format__ over the mini-language (format_long_internal).

import { FormatError, LATEST_VERSION, type FormatVersion } from "./format-error.js";
import { parseFormatSpec, unknownFormatCode, type FormatSpec } from "./format-spec.js";
import { formatFloatWithSpec } from "./format-float.js";
import { DEFAULT_MAX_STR_DIGITS, intToDecimal } from "./int-text.js";
import { intToFloat } from "./int-arith.js";
import { layoutNumber } from "./number-layout.js";
import { joinsSurrogates, JoinedSurrogatesError } from "./code-points.js";

const FLOAT_TYPES = new Set(["e", "E", "f", "F", "g", "G", "%"]);

const BASES = new Map<string, number>([
  ["b", 2],
  ["o", 8],
  ["x", 16],
  ["X", 16],
  ["d", 10],
  ["n", 10],
]);

const PREFIXES = new Map<string, string>([
  ["b", "0b"],
  ["o", "0o"],
  ["x", "0x"],
  ["X", "0X"],
]);

/**
 * format(v, spec) for an int. `typeName` names the type in messages (`bool`, a subclass);
 * `maxStrDigits` is sys.get_int_max_str_digits(). An empty spec gives str(v): a bool's
 * `True`/`False` is the runtime's business.
 */
export function formatInt(
  value: bigint,
  spec: string,
  version: FormatVersion = LATEST_VERSION,
  typeName = "int",
  maxStrDigits: number = DEFAULT_MAX_STR_DIGITS,
): string {
  if (spec === "") return intToDecimal(value, version, maxStrDigits);
  const parsed = parseFormatSpec(spec, "int", version, typeName);
  const type = parsed.type;
  if (BASES.has(type) || type === "c") return formatIntWithSpec(value, parsed, version, maxStrDigits);
  if (FLOAT_TYPES.has(type)) return formatFloatWithSpec(intToFloat(value), parsed);
  throw unknownFormatCode(type, typeName);
}

function formatIntWithSpec(value: bigint, spec: FormatSpec, version: FormatVersion, maxStrDigits: number): string {
  if (spec.precision !== -1) {
    throw new FormatError("ValueError", "Precision not allowed in integer format specifier");
  }
  if (spec.noNegativeZero) {
    throw new FormatError("ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
  }
  const negative = value < 0n;
  if (spec.type === "c") return formatCharacter(value, spec);
  const magnitude = negative ? -value : value;
  const base = BASES.get(spec.type)!;
  let digits =
    base === 10 ? intToDecimal(magnitude, version, maxStrDigits) : magnitude.toString(base);
  if (spec.type === "X") digits = digits.toUpperCase();
  const prefix = spec.alternate ? (PREFIXES.get(spec.type) ?? "") : "";
  if (spec.sign !== "+" && spec.sign !== " " && spec.width === -1 && spec.grouping === "") {
    return negative ? "-" + prefix + digits : prefix + digits;
  }
  const groupSize = base === 10 ? 3 : 4;
  return layoutNumber(
    { negative, prefix, digits, fraction: "", hasDecimal: false, remainder: "", remainderLength: 0 },
    spec,
    groupSize,
  );
}

function formatCharacter(value: bigint, spec: FormatSpec): string {
  if (spec.sign !== "") {
    throw new FormatError("ValueError", "Sign not allowed with integer format specifier 'c'");
  }
  if (spec.alternate) {
    throw new FormatError("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
  }
  // PyLong_AsLong fails first for values outside a C long.
  if (value < -(2n ** 63n) || value >= 2n ** 63n) {
    throw new FormatError("OverflowError", "Python int too large to convert to C long");
  }
  if (value < 0n || value > 0x10ffffn) {
    throw new FormatError("OverflowError", "%c arg not in range(0x110000)");
  }
  const char = String.fromCodePoint(Number(value));
  // A lone surrogate fill may meet a lone surrogate character on the side(s) the fill goes.
  const padding = spec.width - 1;
  const left = spec.align === "<" ? 0 : spec.align === "^" ? padding >> 1 : padding;
  if (padding > 0 && ((left > 0 && joinsSurrogates(spec.fill, char)) || (left < padding && joinsSurrogates(char, spec.fill)))) {
    throw new JoinedSurrogatesError("format() padding");
  }
  return layoutNumber(
    { negative: false, prefix: "", digits: "", fraction: "", hasDecimal: false, remainder: char, remainderLength: 1 },
    spec,
    3,
  );
}

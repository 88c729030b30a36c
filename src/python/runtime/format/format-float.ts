// format(float, spec): float.__format__ over the mini-language (format_float_internal).

import { LATEST_VERSION, type FormatVersion } from "./format-error.js";
import { parseFormatSpec, unknownFormatCode, type FormatSpec } from "./format-spec.js";
import { floatToText, type FloatCode } from "./float-text.js";
import { floatRepr } from "./float-repr.js";
import { layoutNumber, splitFloatText } from "./number-layout.js";

const FLOAT_TYPES = new Set(["", "e", "E", "f", "F", "g", "G", "n", "%"]);

/** format(x, spec) for a float; `typeName` names the object's type in error messages. */
export function formatFloat(
  x: number,
  spec: string,
  version: FormatVersion = LATEST_VERSION,
  typeName = "float",
): string {
  if (spec === "") return floatRepr(x);
  const parsed = parseFormatSpec(spec, "float", version, typeName);
  if (!FLOAT_TYPES.has(parsed.type)) throw unknownFormatCode(parsed.type, typeName);
  return formatFloatWithSpec(x, parsed);
}

/** Formats with an already parsed and type-checked spec (also used for ints with float types). */
export function formatFloatWithSpec(x: number, spec: FormatSpec): string {
  let code: string = spec.type;
  let precision = spec.precision;
  let defaultPrecision = 6;
  let addDotZero = false;
  if (code === "") {
    // No type: repr without precision, else 'g' that keeps at least one fractional digit.
    addDotZero = true;
    code = "r";
    defaultPrecision = 0;
  }
  if (code === "n") code = "g";
  let value = x;
  const percent = code === "%";
  if (percent) {
    code = "f";
    value = x * 100;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (code === "r") code = "g";
  let text = floatToText(value, code as FloatCode, precision, {
    addDotZero,
    alternate: spec.alternate,
    noNegativeZero: spec.noNegativeZero,
  });
  if (percent) text += "%";
  if (
    spec.sign !== "+" &&
    spec.sign !== " " &&
    spec.width === -1 &&
    spec.type !== "n" &&
    spec.grouping === "" &&
    spec.fractionGrouping === ""
  ) {
    return text;
  }
  const negative = text.charCodeAt(0) === 45;
  return layoutNumber(splitFloatText(negative ? text.slice(1) : text, negative), spec, 3);
}

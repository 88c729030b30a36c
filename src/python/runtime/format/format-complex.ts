// format(complex, spec): complex.__format__ (format_complex_internal), both parts laid out alike.

import { FormatError, LATEST_VERSION, checkTextLength, type FormatVersion } from "./format-error.js";
import { parseFormatSpec, unknownFormatCode, type FormatSpec } from "./format-spec.js";
import { floatToText, type FloatCode } from "./float-text.js";
import { layoutNumber, splitFloatText } from "./number-layout.js";
import { complexRepr } from "./complex-repr.js";

const COMPLEX_TYPES = new Set(["", "e", "E", "f", "F", "g", "G", "n"]);

function partText(x: number, code: FloatCode, precision: number, spec: FormatSpec, sign: FormatSpec["sign"]): string {
  const text = floatToText(x, code, precision, { alternate: spec.alternate, noNegativeZero: spec.noNegativeZero });
  const negative = text.charCodeAt(0) === 45;
  // Each part is laid out without width or fill: padding applies to the whole number.
  const partSpec: FormatSpec = { ...spec, fill: " ", align: "<", width: -1, sign };
  return layoutNumber(splitFloatText(negative ? text.slice(1) : text, negative), partSpec, 3);
}

/** format(complex(real, imag), spec). */
export function formatComplex(
  real: number,
  imag: number,
  spec: string,
  version: FormatVersion = LATEST_VERSION,
  typeName = "complex",
): string {
  if (spec === "") return complexRepr(real, imag);
  const parsed = parseFormatSpec(spec, "complex", version, typeName);
  if (!COMPLEX_TYPES.has(parsed.type)) throw unknownFormatCode(parsed.type, typeName);
  if (parsed.fill === "0") {
    throw new FormatError("ValueError", "Zero padding is not allowed in complex format specifier");
  }
  if (parsed.align === "=") {
    throw new FormatError("ValueError", "'=' alignment flag is not allowed in complex format specifier");
  }
  let code: string = parsed.type;
  let precision = parsed.precision;
  let defaultPrecision = 6;
  let skipReal = false;
  let parentheses = false;
  if (code === "") {
    // Like str(self): bare imaginary part when the real part is +0.0, else parentheses.
    code = "r";
    defaultPrecision = 0;
    if (real === 0 && 1 / real > 0) skipReal = true;
    else parentheses = true;
  }
  if (code === "n") code = "g";
  if (precision < 0) precision = defaultPrecision;
  else if (code === "r") code = "g";
  const realText = skipReal ? "" : partText(real, code as FloatCode, precision, parsed, parsed.sign);
  const imagText = partText(imag, code as FloatCode, precision, parsed, skipReal ? parsed.sign : "+");
  const body = (parentheses ? "(" : "") + realText + imagText + "j" + (parentheses ? ")" : "");
  const length = Array.from(body).length;
  const total = parsed.width > length ? parsed.width : length;
  checkTextLength(total);
  const padding = total - length;
  let left = 0;
  if (parsed.align === ">") left = padding;
  else if (parsed.align === "^") left = padding >> 1;
  return parsed.fill.repeat(left) + body + parsed.fill.repeat(padding - left);
}

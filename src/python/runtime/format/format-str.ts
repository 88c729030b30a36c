// format(str, spec): str.__format__ over the mini-language (format_string_internal).

import { FormatError, LATEST_VERSION, atLeast, checkTextLength, type FormatVersion } from "./format-error.js";
import { parseFormatSpec, unknownFormatCode } from "./format-spec.js";
import { codePointLength, truncateCodePoints, joinsSurrogates, JoinedSurrogatesError } from "./code-points.js";

/** format(s, spec) for a str; widths and precision count code points, as Python's len does. */
export function formatStr(
  text: string,
  spec: string,
  version: FormatVersion = LATEST_VERSION,
  typeName = "str",
): string {
  if (spec === "") return text;
  const parsed = parseFormatSpec(spec, "str", version, typeName);
  if (parsed.type !== "s") throw unknownFormatCode(parsed.type, typeName);
  if (parsed.sign !== "") {
    const message =
      parsed.sign === " " && atLeast(version, 9)
        ? "Space not allowed in string format specifier"
        : "Sign not allowed in string format specifier";
    throw new FormatError("ValueError", message);
  }
  if (parsed.noNegativeZero) {
    throw new FormatError("ValueError", "Negative zero coercion (z) not allowed in string format specifier");
  }
  if (parsed.alternate) {
    throw new FormatError("ValueError", "Alternate form (#) not allowed in string format specifier");
  }
  if (parsed.align === "=") {
    throw new FormatError("ValueError", "'=' alignment not allowed in string format specifier");
  }
  const shown = parsed.precision >= 0 ? truncateCodePoints(text, parsed.precision) : text;
  return padText(shown, parsed.width, parsed.align, parsed.fill);
}

/** Pads text to `width` code points with `fill`, aligned '<', '>' or '^' (centre leans left). */
export function padText(text: string, width: number, align: string, fill: string): string {
  if (width < 0) return text;
  checkTextLength(width);
  const padding = width - codePointLength(text);
  if (padding <= 0) return text;
  const left = align === ">" ? padding : align === "^" ? padding >> 1 : 0;
  // A lone surrogate fill may meet the text's lone surrogate on either side.
  if ((left > 0 && joinsSurrogates(fill, text)) || (left < padding && joinsSurrogates(text, fill))) {
    throw new JoinedSurrogatesError("format() padding");
  }
  return fill.repeat(left) + text + fill.repeat(padding - left);
}

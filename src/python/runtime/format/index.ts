// Public surface of the formatting kernels: pure functions over numbers, bigints and strings.

export { FormatError, LATEST_VERSION, type FormatErrorType, type FormatVersion } from "./format-error.js";
export { floatRepr } from "./float-repr.js";
export { floatToText, type FloatCode, type FloatTextOptions } from "./float-text.js";
export { parseFormatSpec, type FormatSpec, type FormatTarget, type Alignment } from "./format-spec.js";
export { formatFloat } from "./format-float.js";
export { formatInt } from "./format-int.js";
export { formatStr, padText } from "./format-str.js";
export { complexRepr } from "./complex-repr.js";
export { formatComplex } from "./format-complex.js";
export { percentFormat, type PercentArgs, type PercentHooks, type PercentOptions } from "./percent-format.js";
export { parseFloatText } from "./parse-float.js";
export { parseIntText, type ParseIntOptions } from "./parse-int.js";
export { intToText, intToDecimal, hasIntDigitLimit, DEFAULT_MAX_STR_DIGITS } from "./int-text.js";
export { strRepr } from "./str-repr.js";
export { codePointLength, truncateCodePoints, joinsSurrogates, JoinedSurrogatesError } from "./code-points.js";
export {
  floatTrueDiv,
  floatFloorDiv,
  floatMod,
  floatDivmod,
  floatPow,
  isComplexPowResult,
  type ComplexPowResult,
} from "./float-arith.js";
export {
  intToFloat,
  intTrueDiv,
  intFloorDiv,
  intMod,
  intDivmod,
  intPow,
  intPowMod,
  intRound,
} from "./int-arith.js";
export { roundFloat, roundFloatToInt } from "./float-round.js";
export { floatToBigint, floatAsIntegerRatio, floatIsInteger, floatHex } from "./float-inspect.js";
export { floatZeroDivisionMessage, intZeroDivisionMessage, type DivisionOperation } from "./division-messages.js";

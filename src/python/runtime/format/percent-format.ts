// printf-style `template % args` for str: CPython's PyUnicode_Format over opaque runtime values.

import { FormatError, LATEST_VERSION, atLeast, checkTextLength, type FormatVersion } from "./format-error.js";
import { floatToText, type FloatCode } from "./float-text.js";
import { DEFAULT_MAX_STR_DIGITS, intToDecimal } from "./int-text.js";
import { codePointLength, truncateCodePoints, joinsSurrogates, JoinedSurrogatesError } from "./code-points.js";

/** How the runtime's values take part in formatting; V is its object type. */
export interface PercentHooks<V> {
  /** str(value), repr(value), ascii(value): may throw the runtime's own exceptions. */
  str(value: V): string;
  repr(value: V): string;
  ascii(value: V): string;
  /** type(value).__name__, for messages. */
  typeName(value: V): string;
  /** The value of an int (bool and subclasses included: PyLong_Check), else undefined. */
  intValue(value: V): bigint | undefined;
  /** The text of a str, else undefined. */
  strValue(value: V): string | undefined;
  /** int(value) for %d %i %u; undefined where CPython raises TypeError (not a real number). */
  toInt(value: V): bigint | undefined;
  /** operator.index(value) for %o %x %X %c; undefined where CPython raises TypeError. */
  toIndex(value: V): bigint | undefined;
  /** PyFloat_AsDouble(value) for %e %f %g; undefined where CPython raises TypeError. */
  toFloat(value: V): number | undefined;
  /** mapping[key] for %(key)s; throws the runtime's KeyError itself. */
  getItem(mapping: V, key: string): V;
}

/**
 * The right operand: a tuple's items, or any other single value. `isMapping` is CPython's test
 * (PyMapping_Check and not a tuple or str: dicts, but also lists), which enables `%(key)s`.
 */
export type PercentArgs<V> =
  | { readonly kind: "tuple"; readonly items: readonly V[] }
  | { readonly kind: "single"; readonly value: V; readonly isMapping: boolean };

export interface PercentOptions {
  readonly version?: FormatVersion;
  /** sys.get_int_max_str_digits() for %d of huge ints. */
  readonly maxStrDigits?: number;
}

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

const SSIZE_MAX = 2n ** 63n - 1n;
const INT_MAX = 2 ** 31 - 1;

interface Conversion {
  char: number;
  flags: number;
  width: number;
  precision: number;
  /** Numeric conversions: a sign position exists. */
  signed: boolean;
}

/** template % args, with CPython's results and errors for `version`. */
export function percentFormat<V>(
  template: string,
  args: PercentArgs<V>,
  hooks: PercentHooks<V>,
  options: PercentOptions = {},
): string {
  return new PercentFormatter(template, args, hooks, options).run();
}

class PercentFormatter<V> {
  private position = 0;
  /** Units left to read, as CPython's fmtcnt (goes to -1 when reading past the end). */
  private remaining: number;
  private current: V | undefined;
  private readonly tuple: readonly V[] | undefined;
  private argumentCount: number;
  private argumentIndex: number;
  private readonly mapping: V | undefined;
  private readonly version: FormatVersion;
  private readonly maxStrDigits: number;
  private output = "";

  constructor(
    private readonly template: string,
    args: PercentArgs<V>,
    private readonly hooks: PercentHooks<V>,
    options: PercentOptions,
  ) {
    this.remaining = template.length;
    this.version = options.version ?? LATEST_VERSION;
    this.maxStrDigits = options.maxStrDigits ?? DEFAULT_MAX_STR_DIGITS;
    if (args.kind === "tuple") {
      this.tuple = args.items;
      this.argumentCount = args.items.length;
      this.argumentIndex = 0;
      this.mapping = undefined;
    } else {
      this.current = args.value;
      this.argumentCount = -1;
      this.argumentIndex = -2;
      this.mapping = args.isMapping ? args.value : undefined;
    }
  }

  run(): string {
    const template = this.template;
    while (this.position < template.length) {
      const percentAt = template.indexOf("%", this.position);
      if (percentAt < 0) {
        this.write(template.slice(this.position));
        break;
      }
      this.write(template.slice(this.position, percentAt));
      this.position = percentAt + 1;
      this.remaining = template.length - this.position;
      this.formatOne();
    }
    if (this.argumentIndex < this.argumentCount && this.mapping === undefined) {
      throw new FormatError("TypeError", "not all arguments converted during string formatting");
    }
    return this.output;
  }

  private read(): number {
    // Past the end reads 0, like the NUL after CPython's buffer.
    const code = this.template.charCodeAt(this.position);
    this.position++;
    return code === code ? code : 0;
  }

  private nextArgument(): V {
    if (this.argumentIndex < this.argumentCount) {
      this.argumentIndex++;
      if (this.argumentCount < 0) return this.current!;
      return this.tuple![this.argumentIndex - 1]!;
    }
    throw new FormatError("TypeError", "not enough arguments for format string");
  }

  private formatOne(): void {
    if (atLeast(this.version, 7) && this.template.charCodeAt(this.position) === 37) {
      this.position++;
      this.remaining--;
      this.output += "%";
      return;
    }
    const conversion = this.parse();
    // 3.6 wrote '%' for "%5%" after parsing, without taking an argument.
    if (!atLeast(this.version, 7) && conversion.char === 37) {
      this.output += "%";
      return;
    }
    const value = this.nextArgument();
    const text = this.convert(conversion, value);
    this.write(this.pad(conversion, text));
  }

  /** Appends template text or a conversion's output ('%' needs no check). */
  private write(text: string): void {
    if (joinsSurrogates(this.output, text)) throw new JoinedSurrogatesError("%-formatting");
    this.output += text;
  }

  /** unicode_format_arg_parse: key, flags, width, precision, length modifier. */
  private parse(): Conversion {
    const conversion: Conversion = { char: 0, flags: 0, width: -1, precision: -1, signed: false };
    if (this.template.charCodeAt(this.position) === 40) {
      if (this.mapping === undefined) throw new FormatError("TypeError", "format requires a mapping");
      this.position++;
      this.remaining--;
      const keyStart = this.position;
      let depth = 1;
      while (depth > 0 && --this.remaining >= 0) {
        const code = this.read();
        if (code === 41) depth--;
        else if (code === 40) depth++;
      }
      if (this.remaining < 0 || depth > 0) throw new FormatError("ValueError", "incomplete format key");
      const key = this.template.slice(keyStart, this.position - 1);
      this.current = this.hooks.getItem(this.mapping, key);
      this.argumentCount = -1;
      this.argumentIndex = -2;
    }
    flags: while (--this.remaining >= 0) {
      conversion.char = this.read();
      switch (conversion.char) {
        case 45:
          conversion.flags |= F_LJUST;
          continue;
        case 43:
          conversion.flags |= F_SIGN;
          continue;
        case 32:
          conversion.flags |= F_BLANK;
          continue;
        case 35:
          conversion.flags |= F_ALT;
          continue;
        case 48:
          conversion.flags |= F_ZERO;
          continue;
        default:
          break flags;
      }
    }
    if (conversion.char === 42) {
      const width = this.starArgument(SSIZE_MAX, "Python int too large to convert to C ssize_t");
      if (width < 0) {
        conversion.flags |= F_LJUST;
        conversion.width = -width;
      } else {
        conversion.width = width;
      }
      if (--this.remaining >= 0) conversion.char = this.read();
    } else if (conversion.char >= 48 && conversion.char <= 57) {
      conversion.width = this.readNumber(conversion, Number.MAX_SAFE_INTEGER, "width too big");
    }
    if (conversion.char === 46) {
      conversion.precision = 0;
      if (--this.remaining >= 0) conversion.char = this.read();
      if (conversion.char === 42) {
        const precision = this.starArgument(BigInt(INT_MAX), "Python int too large to convert to C int");
        conversion.precision = precision < 0 ? 0 : precision;
        if (--this.remaining >= 0) conversion.char = this.read();
      } else if (conversion.char >= 48 && conversion.char <= 57) {
        conversion.precision = this.readNumber(conversion, INT_MAX, "precision too big");
      }
    }
    if (this.remaining >= 0) {
      const char = conversion.char;
      if (char === 104 || char === 108 || char === 76) {
        if (--this.remaining >= 0) conversion.char = this.read();
      }
    }
    if (this.remaining < 0) throw new FormatError("ValueError", "incomplete format");
    return conversion;
  }

  /** Digits of a width or precision; the first digit is already in conversion.char. */
  private readNumber(conversion: Conversion, limit: number, overflowMessage: string): number {
    let value = conversion.char - 48;
    while (--this.remaining >= 0) {
      conversion.char = this.read();
      if (conversion.char < 48 || conversion.char > 57) break;
      const digit = conversion.char - 48;
      if (value > (limit - digit) / 10) throw new FormatError("ValueError", overflowMessage);
      value = value * 10 + digit;
    }
    return value;
  }

  /** A '*' width or precision taken from the arguments: it must be an int. */
  private starArgument(limit: bigint, overflowMessage: string): number {
    const value = this.hooks.intValue(this.nextArgument());
    if (value === undefined) throw new FormatError("TypeError", "* wants int");
    if (value > limit || value < -limit - 1n) throw new FormatError("OverflowError", overflowMessage);
    return Number(value);
  }

  /** unicode_format_arg_format: the text of one conversion (sign included for numbers). */
  private convert(conversion: Conversion, value: V): string {
    const char = conversion.char;
    switch (char) {
      case 115: // s
        return this.hooks.str(value);
      case 114: // r
        return this.hooks.repr(value);
      case 97: // a
        return this.hooks.ascii(value);
      case 105: // i
      case 100: // d
      case 117: // u
      case 111: // o
      case 120: // x
      case 88: // X
        conversion.signed = true;
        return this.formatInteger(conversion, value);
      case 101: // e
      case 69: // E
      case 102: // f
      case 70: // F
      case 103: // g
      case 71: // G
        conversion.signed = true;
        return this.formatFloatValue(conversion, value);
      case 99: // c
        return this.formatCharacter(value);
      default:
        throw this.unsupported(char);
    }
  }

  private unsupported(char: number): FormatError {
    let code = char;
    let unitIndex = this.position - 1;
    // An astral conversion character: report its code point and the index of its first unit.
    if (code >= 0xdc00 && code <= 0xdfff && unitIndex > 0) {
      const full = this.template.codePointAt(unitIndex - 1)!;
      if (full > 0xffff) {
        code = full;
        unitIndex--;
      }
    } else if (code >= 0xd800 && code <= 0xdbff) {
      code = this.template.codePointAt(unitIndex)!;
    }
    const shown = code >= 31 && code <= 126 ? String.fromCharCode(code) : "?";
    const index = codePointLength(this.template.slice(0, unitIndex));
    return new FormatError(
      "ValueError",
      `unsupported format character '${shown}' (0x${code.toString(16)}) at index ${index}`,
    );
  }

  private formatInteger(conversion: Conversion, value: V): string {
    const char = String.fromCharCode(conversion.char);
    const wantsIndex = char === "o" || char === "x" || char === "X";
    let integer = this.hooks.intValue(value);
    if (integer === undefined) integer = wantsIndex ? this.hooks.toIndex(value) : this.hooks.toInt(value);
    if (integer === undefined) {
      const requirement = wantsIndex
        ? "an integer is required"
        : atLeast(this.version, 10)
          ? "a real number is required"
          : "a number is required";
      throw new FormatError("TypeError", `%${char} format: ${requirement}, not ${this.hooks.typeName(value)}`);
    }
    if (conversion.precision > INT_MAX - 3) throw new FormatError("OverflowError", "precision too large");
    const negative = integer < 0n;
    const magnitude = negative ? -integer : integer;
    let digits: string;
    let prefix = "";
    if (wantsIndex) {
      digits = magnitude.toString(char === "o" ? 8 : 16);
      if (conversion.flags & F_ALT) prefix = char === "o" ? "0o" : "0x";
    } else {
      digits = intToDecimal(magnitude, this.version, this.maxStrDigits);
    }
    checkTextLength(conversion.precision);
    if (conversion.precision > digits.length) digits = "0".repeat(conversion.precision - digits.length) + digits;
    let text = (negative ? "-" : "") + prefix + digits;
    if (char === "X") text = text.toUpperCase();
    return text;
  }

  private formatFloatValue(conversion: Conversion, value: V): string {
    const number = this.hooks.toFloat(value);
    if (number === undefined) {
      throw new FormatError("TypeError", `must be real number, not ${this.hooks.typeName(value)}`);
    }
    const precision = conversion.precision < 0 ? 6 : conversion.precision;
    checkTextLength(precision);
    return floatToText(number, String.fromCharCode(conversion.char) as FloatCode, precision, {
      alternate: (conversion.flags & F_ALT) !== 0,
    });
  }

  private formatCharacter(value: V): string {
    const text = this.hooks.strValue(value);
    const modernMessages = atLeast(this.version, 14);
    if (text !== undefined) {
      if (codePointLength(text) === 1) return text;
      throw new FormatError(
        "TypeError",
        modernMessages
          ? `%c requires an int or a unicode character, not a string of length ${codePointLength(text)}`
          : "%c requires int or char",
      );
    }
    const code = this.hooks.toIndex(value);
    // Before 3.10 an int beyond a C long failed PyLong_AsLong and was reported as a wrong type.
    const beyondLong = code !== undefined && (code >= 2n ** 63n || code < -(2n ** 63n));
    if (code === undefined || (beyondLong && !atLeast(this.version, 10))) {
      throw new FormatError(
        "TypeError",
        modernMessages
          ? `%c requires an int or a unicode character, not ${this.hooks.typeName(value)}`
          : "%c requires int or char",
      );
    }
    if (code < 0n || code > 0x10ffffn) throw new FormatError("OverflowError", "%c arg not in range(0x110000)");
    return String.fromCodePoint(Number(code));
  }

  /** unicode_format_arg_output: precision cut, sign, '0x' prefix, fill and justification. */
  private pad(conversion: Conversion, text: string): string {
    const flags = conversion.flags;
    let width = conversion.width;
    const fill = conversion.signed && flags & F_ZERO ? "0" : " ";
    let length = codePointLength(text);
    const char = conversion.char;
    const isTextConversion = char === 115 || char === 114 || char === 97;
    if (
      (width === -1 || width <= length) &&
      (conversion.precision === -1 || conversion.precision >= length || !isTextConversion) &&
      !(flags & (F_SIGN | F_BLANK))
    ) {
      return text;
    }
    let body = text;
    if (isTextConversion && conversion.precision >= 0 && length > conversion.precision) {
      body = truncateCodePoints(text, conversion.precision);
      length = conversion.precision;
    }
    let signed = conversion.signed;
    let signChar = "";
    if (signed) {
      const first = body.charCodeAt(0);
      if (first === 45 || first === 43) {
        signChar = body[0]!;
        body = body.slice(1);
        length--;
      } else if (flags & F_SIGN) signChar = "+";
      else if (flags & F_BLANK) signChar = " ";
      else signed = false;
    }
    if (width < length) width = length;
    checkTextLength(width);
    let result = "";
    if (signed) {
      if (fill !== " ") result += signChar;
      if (width > length) width--;
    }
    const hasPrefix = (flags & F_ALT) !== 0 && (char === 120 || char === 88 || char === 111);
    let prefix = "";
    if (hasPrefix) {
      prefix = body.slice(0, 2);
      body = body.slice(2);
      if (fill !== " ") result += prefix;
      width = Math.max(0, width - 2);
      length -= 2;
    }
    if (width > length && !(flags & F_LJUST)) {
      result += fill.repeat(width - length);
      width = length;
    }
    if (fill === " ") {
      if (signed) result += signChar;
      if (hasPrefix) result += prefix;
    }
    result += body;
    if (width > length) result += " ".repeat(width - length);
    return result;
  }
}

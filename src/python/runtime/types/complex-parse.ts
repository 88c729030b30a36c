// complex(str): CPython's complex_from_string_inner. The forms are <float>, <float>j,
// <float><signed-float>j, <float><sign>j, <sign>j and j, optionally in parentheses, with
// underscores allowed only between digits.
import { FormatError } from "../format/index.js";
import { toAsciiNumericText, isAsciiSpace } from "../format/numeric-text.js";

/** The longest prefix of `text` from `start` that C's strtod (with inf/nan) reads. */
const FLOAT_PREFIX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|infinity|inf|nan)/i;

function readFloat(text: string, start: number): { value: number; end: number } | null {
  const match = FLOAT_PREFIX.exec(text.slice(start));
  if (match === null) return null;
  const literal = match[0];
  const lower = literal.toLowerCase();
  const unsigned = lower.replace(/^[+-]/, "");
  const negative = lower.startsWith("-");
  let number: number;
  if (unsigned === "nan") number = negative ? -NaN : NaN;
  else if (unsigned === "inf" || unsigned === "infinity") number = negative ? -Infinity : Infinity;
  else number = Number(literal);
  return { value: number, end: start + literal.length };
}

function malformed(): FormatError {
  return new FormatError("ValueError", "complex() arg is a malformed string");
}

/** Underscores only between two digits (_Py_string_to_number_with_underscores); null if not. */
function withoutUnderscores(text: string): string | null {
  if (!text.includes("_")) return text;
  let result = "";
  let previous = "";
  for (const char of text) {
    const isDigit = (c: string) => c >= "0" && c <= "9";
    if (char === "_") {
      if (!isDigit(previous)) return null;
    } else {
      if (previous === "_" && !isDigit(char)) return null;
      result += char;
    }
    previous = char;
  }
  return previous === "_" ? null : result;
}

/**
 * [real, imag] of complex(text). `reprOfText` writes the argument in the underscore error
 * ("could not convert string to complex: '1__0j'").
 */
export function parseComplexText(text: string, reprOfText: () => string): [number, number] {
  const ascii = withoutUnderscores(toAsciiNumericText(text));
  if (ascii === null) throw new FormatError("ValueError", `could not convert string to complex: ${reprOfText()}`);
  let position = 0;
  const skipSpaces = () => {
    while (position < ascii.length && isAsciiSpace(ascii.charCodeAt(position))) position++;
  };
  const isJ = () => ascii[position] === "j" || ascii[position] === "J";
  skipSpaces();
  let bracket = false;
  if (ascii[position] === "(") {
    bracket = true;
    position++;
    skipSpaces();
  }
  let real = 0;
  let imag = 0;
  const first = readFloat(ascii, position);
  if (first !== null) {
    position = first.end;
    if (ascii[position] === "+" || ascii[position] === "-") {
      real = first.value;
      const second = readFloat(ascii, position);
      if (second !== null) {
        imag = second.value;
        position = second.end;
      } else {
        imag = ascii[position] === "+" ? 1 : -1;
        position++;
      }
      if (!isJ()) throw malformed();
      position++;
    } else if (isJ()) {
      imag = first.value;
      position++;
    } else {
      real = first.value;
    }
  } else {
    if (ascii[position] === "+" || ascii[position] === "-") {
      imag = ascii[position] === "+" ? 1 : -1;
      position++;
    } else {
      imag = 1;
    }
    if (!isJ()) throw malformed();
    position++;
  }
  skipSpaces();
  if (bracket) {
    if (ascii[position] !== ")") throw malformed();
    position++;
    skipSpaces();
  }
  if (position !== ascii.length) throw malformed();
  return [real, imag];
}

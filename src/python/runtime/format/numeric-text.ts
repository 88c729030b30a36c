// Shared steps of float(str) and int(str): Unicode digits and spaces to ASCII, ASCII whitespace.

const UNICODE_SPACE = /^[\s\x1c-\x1f\x85]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

function isUnicodeSpace(char: string): boolean {
  // JavaScript's \s lacks U+001C..U+001F and U+0085, which Python's str.isspace() includes,
  // and includes U+FEFF, which Python's does not.
  return char !== "\ufeff" && UNICODE_SPACE.test(char);
}

function decimalValue(char: string): number {
  if (!DECIMAL_DIGIT.test(char)) return -1;
  // Unicode encodes every decimal digit set as a contiguous run starting at its zero.
  let start = char.codePointAt(0)!;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (char.codePointAt(0)! - start) % 10;
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII whitespace becomes ' ', decimal digits
 * of any script their ASCII digit; the first other non-ASCII character becomes '?' and ends the
 * text (so parsing then fails on it).
 */
export function toAsciiNumericText(text: string): string {
  let ascii = true;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text;
  let result = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 127) {
      result += char;
    } else if (isUnicodeSpace(char)) {
      result += " ";
    } else {
      const digit = decimalValue(char);
      if (digit < 0) return result + "?";
      result += String.fromCharCode(48 + digit);
    }
  }
  return result;
}

/** C's isspace in the "C" locale (Py_ISSPACE): space, \t, \n, \v, \f, \r. */
export function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** Strips Py_ISSPACE characters from both ends. */
export function stripAsciiSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

// Character classes the tokenizer needs: identifier characters (PEP 3131) and printability.

const XID_START = /^\p{XID_Start}$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;
// Python's str.isprintable() is false for these categories (and true for the ASCII space).
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** CPython's is_potential_identifier_start: ASCII letters, `_`, or anything non-ASCII. */
export function isPotentialIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 128;
}

/** CPython's is_potential_identifier_char. */
export function isPotentialIdentifierChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code >= 128
  );
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

export function isXidStart(codePoint: number): boolean {
  return XID_START.test(String.fromCodePoint(codePoint));
}

export function isXidContinue(codePoint: number): boolean {
  return XID_CONTINUE.test(String.fromCodePoint(codePoint));
}

/** Python's str.isprintable() for one code point. */
export function isPrintable(codePoint: number): boolean {
  if (codePoint === 32) return true;
  if (codePoint < 32 || codePoint === 127) return false;
  if (codePoint < 127) return true;
  return !NOT_PRINTABLE.test(String.fromCodePoint(codePoint));
}

/**
 * Index (in code points) of the first character that makes `name` an invalid identifier, or
 * -1 when it is valid: CPython's _PyUnicode_ScanIdentifier.
 */
export function firstInvalidIdentifierChar(name: string): number {
  let index = 0;
  for (const char of name) {
    const codePoint = char.codePointAt(0)!;
    const valid = index === 0 ? codePoint === 95 || isXidStart(codePoint) : isXidContinue(codePoint);
    if (!valid) return index;
    index++;
  }
  return -1;
}

/** `U+20AC` style: at least four upper-case hex digits, as CPython's %04X. */
export function formatCodePoint(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(4, "0");
}

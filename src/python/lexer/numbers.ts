// Numeric literals: CPython's tokenizer rules, including its error messages and positions.
import { isDigit, isHexDigit, isPotentialIdentifierChar } from "./characters.js";
import { EOF, type Scanner } from "./scanner.js";
import { TokenType, type Token } from "./tokens.js";
import { atLeast } from "../parser/language-version.js";
import { formatMessage } from "../parser/messages.js";

/** Result of a sub-scan: the next character, or an error token that ends the scan. */
type Step = number | Token;

function isError(step: Step): step is Token {
  return typeof step !== "number";
}

/** Lookahead used by verify_end_of_number: is `word` next, not followed by an identifier char? */
function lookahead(scanner: Scanner, word: string): boolean {
  const saved = scanner.cur;
  let matched = true;
  for (const char of word) {
    const code = scanner.nextc();
    if (code !== char.charCodeAt(0)) {
      matched = false;
      break;
    }
  }
  let result = false;
  if (matched) {
    const after = scanner.nextc();
    result = !isPotentialIdentifierChar(after);
  }
  scanner.cur = saved;
  return result;
}

/**
 * CPython's verify_end_of_number (3.10+): a literal directly followed by a keyword that can
 * legally follow it (`1if x else y`) is only warned about; followed by another identifier
 * character it is an "invalid <kind> literal" error.
 */
function verifyEndOfNumber(scanner: Scanner, code: number, kind: string): Token | undefined {
  if (!atLeast(scanner.version, 3, 10)) return undefined;
  let keywordFollows = false;
  if (code === 97) keywordFollows = lookahead(scanner, "nd");
  else if (code === 101) keywordFollows = lookahead(scanner, "lse");
  else if (code === 102) keywordFollows = lookahead(scanner, "or");
  else if (code === 105) {
    const next = scanner.text.charCodeAt(scanner.cur);
    keywordFollows = scanner.cur < scanner.inp && (next === 102 || next === 110 || next === 115);
  } else if (code === 111) keywordFollows = lookahead(scanner, "r");
  else if (code === 110) keywordFollows = lookahead(scanner, "ot");
  if (keywordFollows) {
    scanner.backup(code);
    scanner.warn(atLeast(scanner.version, 3, 11) ? "SyntaxWarning" : "DeprecationWarning", formatMessage("invalid-number-warning", scanner.version, kind));
    scanner.nextc();
    return undefined;
  }
  // 3.10 also refused a non-ASCII character right after a number.
  if (code !== EOF && (code < 128 || !atLeast(scanner.version, 3, 11)) && isPotentialIdentifierChar(code)) {
    scanner.backup(code);
    return scanner.syntaxError("invalid-number", [kind]);
  }
  return undefined;
}

/** Digits with single underscores between them; returns the character after them. */
function decimalTail(scanner: Scanner): Step {
  let code: number;
  for (;;) {
    do code = scanner.nextc();
    while (isDigit(code));
    if (code !== 95) break;
    code = scanner.nextc();
    if (!isDigit(code)) {
      scanner.backup(code);
      return scanner.syntaxError("invalid-number", ["decimal"]);
    }
  }
  return code;
}

function finish(scanner: Scanner, code: number): Token {
  scanner.backup(code);
  return scanner.makeToken(TokenType.Number);
}

/** Fraction, exponent and imaginary suffix, entered after the integer part. */
function scanFloatTail(scanner: Scanner, first: number, afterDot: boolean): Token {
  let code = first;
  if (afterDot && isDigit(code)) {
    const step = decimalTail(scanner);
    if (isError(step)) return step;
    code = step;
  }
  if (code === 101 || code === 69) {
    const exponentChar = code;
    code = scanner.nextc();
    if (code === 43 || code === 45) {
      code = scanner.nextc();
      if (!isDigit(code)) {
        scanner.backup(code);
        return scanner.syntaxError("invalid-number", ["decimal"]);
      }
    } else if (!isDigit(code)) {
      scanner.backup(code);
      const error = verifyEndOfNumber(scanner, exponentChar, "decimal");
      if (error) return error;
      scanner.backup(exponentChar);
      return scanner.makeToken(TokenType.Number);
    }
    const step = decimalTail(scanner);
    if (isError(step)) return step;
    code = step;
  }
  if (code === 106 || code === 74) {
    code = scanner.nextc();
    const error = verifyEndOfNumber(scanner, code, "imaginary");
    if (error) return error;
  } else {
    const error = verifyEndOfNumber(scanner, code, "decimal");
    if (error) return error;
  }
  return finish(scanner, code);
}

/** A number starting with `.` and a digit: `code` is that digit. */
export function scanFraction(scanner: Scanner, code: number): Token {
  return scanFloatTail(scanner, code, true);
}

/** Radix literal body after `0x`, `0o` or `0b`. */
function scanRadix(scanner: Scanner, kind: "hexadecimal" | "octal" | "binary"): Token {
  const isRadixDigit =
    kind === "hexadecimal" ? isHexDigit : kind === "octal" ? (c: number) => c >= 48 && c < 56 : (c: number) => c === 48 || c === 49;
  let code = scanner.nextc();
  do {
    if (code === 95) code = scanner.nextc();
    if (!isRadixDigit(code)) {
      if (kind !== "hexadecimal" && isDigit(code)) {
        // Before 3.10 the offending digit was put back first.
        if (!atLeast(scanner.version, 3, 10)) scanner.backup(code);
        return scanner.syntaxError("invalid-digit", [String.fromCharCode(code), kind]);
      }
      scanner.backup(code);
      return scanner.syntaxError("invalid-number", [kind]);
    }
    do code = scanner.nextc();
    while (isRadixDigit(code));
  } while (code === 95);
  if (kind !== "hexadecimal" && isDigit(code)) {
    return scanner.syntaxError("invalid-digit", [String.fromCharCode(code), kind]);
  }
  const error = verifyEndOfNumber(scanner, code, kind);
  if (error) return error;
  return finish(scanner, code);
}

/** A number whose first character, the digit `first`, has been read. */
export function scanNumber(scanner: Scanner, first: number): Token {
  if (first !== 48) {
    const step = decimalTail(scanner);
    if (isError(step)) return step;
    if (step === 46) return scanFloatTail(scanner, scanner.nextc(), true);
    return scanFloatTail(scanner, step, false);
  }
  let code = scanner.nextc();
  if (code === 120 || code === 88) return scanRadix(scanner, "hexadecimal");
  if (code === 111 || code === 79) return scanRadix(scanner, "octal");
  if (code === 98 || code === 66) return scanRadix(scanner, "binary");
  // Maybe old-style octal; in any case allow "0" as a literal.
  let nonzero = false;
  for (;;) {
    if (code === 95) {
      code = scanner.nextc();
      if (!isDigit(code)) {
        scanner.backup(code);
        return scanner.syntaxError("invalid-number", ["decimal"]);
      }
    }
    if (code !== 48) break;
    code = scanner.nextc();
  }
  const zerosEnd = scanner.cur;
  if (isDigit(code)) {
    nonzero = true;
    const step = decimalTail(scanner);
    if (isError(step)) return step;
    code = step;
  }
  if (code === 46) return scanFloatTail(scanner, scanner.nextc(), true);
  if (code === 101 || code === 69 || code === 106 || code === 74) return scanFloatTail(scanner, code, false);
  if (nonzero) {
    scanner.backup(code);
    // CPython passes byte offsets here without converting them to characters.
    const startColumn = scanner.byteColumn(scanner.lineStart, scanner.tokStart) + 1;
    const zerosColumn = scanner.byteColumn(scanner.lineStart, zerosEnd);
    return atLeast(scanner.version, 3, 10)
      ? scanner.syntaxError("leading-zeros", [], [startColumn, zerosColumn])
      : scanner.syntaxError("leading-zeros");
  }
  const error = verifyEndOfNumber(scanner, code, "decimal");
  if (error) return error;
  return finish(scanner, code);
}

// String literals: plain strings (one token) and the f-string mode of CPython 3.12+ (PEP 701).
import { atLeast } from "../parser/language-version.js";
import { formatMessage } from "../parser/messages.js";
import { EOF, type Scanner, type TokenizerMode } from "./scanner.js";
import { codePointCount } from "./source-text.js";
import { TokenType, type Token } from "./tokens.js";

/** Deepest nesting of replacement fields (`f"{x:{y:{z}}}"` is 3), CPython's MAX_EXPR_NESTING. */
const MAX_EXPR_NESTING = 3;
/** CPython's MAXFSTRINGLEVEL: the mode stack holds at most this many entries. */
const MAX_FSTRING_LEVEL = 150;

/**
 * A string literal whose opening quote `quote` has just been read; `tokStart` is at its prefix.
 *
 *     b'abc\'def'
 *     ^ ^
 *     | cursor after the first quote
 *     tokStart
 */
export function scanString(scanner: Scanner, quote: number): Token {
  let quoteSize = 1;
  let endQuoteSize = 0;
  let escapedQuote = false;
  const firstLineno = scanner.lineno;
  const firstLineStart = scanner.lineStart;
  let code = scanner.nextc();
  if (code === quote) {
    code = scanner.nextc();
    if (code === quote) quoteSize = 3;
    else endQuoteSize = 1; // empty string
  }
  if (code !== quote) scanner.backup(code);
  while (endQuoteSize !== quoteSize) {
    code = scanner.nextc();
    if (code === EOF || (quoteSize === 1 && code === 10)) {
      return unterminatedString(scanner, quote, quoteSize, escapedQuote, firstLineno, firstLineStart);
    }
    if (code === quote) {
      endQuoteSize += 1;
    } else {
      endQuoteSize = 0;
      if (code === 92) {
        code = scanner.nextc(); // skip the escaped character
        if (code === quote) escapedQuote = true;
      }
    }
  }
  return scanner.makeToken(TokenType.String);
}

function unterminatedString(
  scanner: Scanner,
  quote: number,
  quoteSize: number,
  escapedQuote: boolean,
  firstLineno: number,
  firstLineStart: number,
): Token {
  const detectedAt = scanner.lineno;
  if (!atLeast(scanner.version, 3, 10)) {
    // 3.9 and older: the parser reported it on the line where reading stopped, at the
    // tokenizer's cursor counted from where the string's line started.
    const messageCode = quoteSize === 3 ? "unterminated-triple-string" : "unterminated-string";
    const offset = codePointCount(scanner.text, quoteSize === 3 ? firstLineStart : scanner.lineStart, scanner.cur);
    return scanner.syntaxError(messageCode, [detectedAt], [offset, offset]);
  }
  // CPython moves the cursor back to just after the string's first character and reports
  // the error from the line where the string started.
  scanner.cur = scanner.tokStart + 1;
  scanner.lineStart = firstLineStart;
  scanner.lineno = firstLineno;
  if (scanner.insideFString) {
    const mode = scanner.mode;
    if (mode.quote === quote && mode.quoteSize === quoteSize) {
      return scanner.syntaxError("fstring-expecting-brace", [detectedAt]);
    }
  }
  return scanner.syntaxError(quoteSize === 3 ? "unterminated-triple-string" : "unterminated-string", [
    detectedAt,
    escapedQuote ? 1 : 0,
  ]);
}

/**
 * An f-string's opening quote `quote` has been read (3.12+): pushes the f-string mode and
 * returns FSTRING_START.
 */
export function startFString(scanner: Scanner, quote: number): Token {
  let quoteSize = 1;
  const afterQuote = scanner.nextc();
  if (afterQuote === quote) {
    const afterAfter = scanner.nextc();
    if (afterAfter === quote) quoteSize = 3;
    else {
      scanner.backup(afterAfter);
      scanner.backup(afterQuote);
    }
  }
  if (afterQuote !== quote) scanner.backup(afterQuote);
  if (scanner.modes.length >= MAX_FSTRING_LEVEL) return scanner.syntaxError("too-many-nested-fstrings");
  const prefix = scanner.text.slice(scanner.tokStart, scanner.tokStart + 2).toLowerCase();
  scanner.modes.push({
    kind: "fstring",
    quote,
    quoteSize,
    raw: prefix.includes("r"),
    start: scanner.tokStart,
    startLineStart: scanner.tokStartLineStart,
    startLineno: scanner.tokStartLineno,
    curlyDepth: 0,
    exprStartDepth: -1,
    inFormatSpec: false,
    debug: false,
  });
  return scanner.makeToken(TokenType.FStringStart);
}

/**
 * The f-string mode: literal text up to a replacement field or the closing quotes.
 * `enterRegular` continues in the regular mode when a replacement field starts right here.
 */
export function scanFStringMode(scanner: Scanner, mode: TokenizerMode, enterRegular: () => Token): Token {
  scanner.beginToken(scanner.cur);
  const startChar = scanner.nextc();
  if (startChar === 123) {
    const peek = scanner.nextc();
    scanner.backup(peek);
    scanner.backup(startChar);
    if (peek !== 123) {
      mode.exprStartDepth++;
      if (mode.exprStartDepth >= MAX_EXPR_NESTING) return scanner.syntaxError("fstring-nested-too-deeply");
      mode.kind = "regular";
      return enterRegular();
    }
  } else {
    scanner.backup(startChar);
  }
  // The closing quotes?
  let quotesMatched = true;
  for (let index = 0; index < mode.quoteSize; index++) {
    const code = scanner.nextc();
    if (code !== mode.quote) {
      scanner.backup(code);
      quotesMatched = false;
      break;
    }
  }
  if (quotesMatched) {
    scanner.modes.pop();
    return scanner.makeToken(TokenType.FStringEnd);
  }
  return scanFStringMiddle(scanner, mode);
}

function scanFStringMiddle(scanner: Scanner, mode: TokenizerMode): Token {
  let endQuoteSize = 0;
  let unicodeEscape = false;
  while (endQuoteSize !== mode.quoteSize) {
    const code = scanner.nextc();
    const inFormatSpec = mode.inFormatSpec && mode.exprStartDepth >= 0;
    if (code === EOF || (mode.quoteSize === 1 && code === 10)) {
      if (inFormatSpec && code === 10) {
        // A newline ends the format spec (3.12.1 and 3.13; later 3.12.x releases reject it).
        scanner.backup(code);
        mode.kind = "regular";
        mode.inFormatSpec = false;
        return scanner.makeToken(TokenType.FStringMiddle);
      }
      const detectedAt = scanner.lineno;
      scanner.cur = mode.start + 1;
      scanner.lineStart = mode.startLineStart;
      scanner.lineno = mode.startLineno;
      return scanner.syntaxError(mode.quoteSize === 3 ? "unterminated-triple-fstring" : "unterminated-fstring", [
        detectedAt,
      ]);
    }
    if (code === mode.quote) {
      endQuoteSize += 1;
      continue;
    }
    endQuoteSize = 0;
    if (code === 123) {
      const peek = scanner.nextc();
      if (peek !== 123 || inFormatSpec) {
        scanner.backup(peek);
        scanner.backup(code);
        mode.exprStartDepth++;
        if (mode.exprStartDepth >= MAX_EXPR_NESTING) return scanner.syntaxError("fstring-nested-too-deeply");
        mode.kind = "regular";
        mode.inFormatSpec = false;
        return scanner.makeToken(TokenType.FStringMiddle);
      }
      return scanner.makeToken(TokenType.FStringMiddle, scanner.cur - 1);
    }
    if (code === 125) {
      if (unicodeEscape) return scanner.makeToken(TokenType.FStringMiddle);
      const peek = scanner.nextc();
      if (peek === 125 && !inFormatSpec && mode.curlyDepth === 0) {
        return scanner.makeToken(TokenType.FStringMiddle, scanner.cur - 1);
      }
      scanner.backup(peek);
      scanner.backup(code);
      mode.kind = "regular";
      mode.inFormatSpec = false;
      return scanner.makeToken(TokenType.FStringMiddle);
    }
    if (code === 92) {
      let peek = scanner.nextc();
      if (peek === 123 || peek === 125) {
        if (!mode.raw) warnInvalidEscape(scanner, peek);
        scanner.backup(peek);
        continue;
      }
      if (!mode.raw && peek === 78) {
        peek = scanner.nextc();
        if (peek === 123) unicodeEscape = true;
        else scanner.backup(peek);
      }
    }
  }
  // Give the closing quotes back: they become the FSTRING_END token.
  for (let index = 0; index < mode.quoteSize; index++) scanner.backup(mode.quote);
  return scanner.makeToken(TokenType.FStringMiddle);
}

function warnInvalidEscape(scanner: Scanner, code: number): void {
  const category = atLeast(scanner.version, 3, 12) ? "SyntaxWarning" : "DeprecationWarning";
  scanner.warn(category, formatMessage("invalid-escape", scanner.version, String.fromCharCode(code)));
}

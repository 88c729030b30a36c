// The tokenizer: source text -> tokens, following CPython's tokenizer (Parser/lexer) rule by rule.
//
// It never throws. A problem becomes an Error token carrying CPython's error, after which the
// stream is closed with NEWLINE, the pending DEDENTs and ENDMARKER (CPython stops at its first
// error too, so nothing after it could matter to the parser).
import { atLeast, type LanguageVersion } from "../parser/language-version.js";
import {
  firstInvalidIdentifierChar,
  formatCodePoint,
  isDigit,
  isPotentialIdentifierChar,
  isPotentialIdentifierStart,
  isPrintable,
} from "./characters.js";
import { scanFraction, scanNumber } from "./numbers.js";
import { EOF, Scanner, type LexWarning, type TokenizerMode } from "./scanner.js";
import { scanFStringMode, scanString, startFString } from "./strings.js";
import { HARD_KEYWORDS, THREE_CHAR_OPS, TWO_CHAR_OPS, TokenType, type Token } from "./tokens.js";

/** CPython's MAXINDENT and MAXLEVEL. */
const MAX_INDENT = 100;
const MAX_LEVEL = 200;
const TAB_SIZE = 8;

export interface TokenizeResult {
  readonly tokens: Token[];
  readonly warnings: LexWarning[];
}

/** Tokenizes normalised source (see normalizeSource) the way `version`'s CPython does. */
export function tokenize(text: string, version: LanguageVersion): TokenizeResult {
  const tokenizer = new Tokenizer(text, version);
  const tokens: Token[] = [];
  for (;;) {
    const token = tokenizer.next();
    tokens.push(token);
    if (token.type === TokenType.EndMarker) break;
    if (token.type === TokenType.Error) {
      tokens.push(...tokenizer.closingTokens());
      break;
    }
  }
  return { tokens, warnings: tokenizer.warnings };
}

class Tokenizer extends Scanner {
  private atBol = true;
  private pendingIndents = 0;
  private readonly indentStack: number[] = [0];
  private readonly altIndentStack: number[] = [0];
  private readonly keywords: ReadonlySet<string>;
  private readonly fStringsAreTokens: boolean;

  constructor(text: string, version: LanguageVersion) {
    super(text, version);
    this.keywords = atLeast(version, 3, 7)
      ? HARD_KEYWORDS
      : new Set([...HARD_KEYWORDS].filter((word) => word !== "async" && word !== "await"));
    this.fStringsAreTokens = atLeast(version, 3, 12);
  }

  next(): Token {
    const mode = this.mode;
    if (mode.kind === "regular") return this.regular(mode);
    return scanFStringMode(this, mode, () => this.regular(mode));
  }

  /** After an error: NEWLINE, the DEDENTs still open and ENDMARKER, all without position. */
  closingTokens(): Token[] {
    const closing = [this.makePositionlessToken(TokenType.Newline)];
    for (let depth = this.indentStack.length - 1; depth > 0; depth--) {
      closing.push(this.makePositionlessToken(TokenType.Dedent));
    }
    closing.push(this.makePositionlessToken(TokenType.EndMarker));
    return closing;
  }

  /** The regular mode (CPython's tok_get_normal_mode). */
  private regular(mode: TokenizerMode): Token {
    nextline: for (;;) {
      let blankline = false;
      if (this.atBol) {
        const indentation = this.indentation();
        if (typeof indentation !== "boolean") return indentation;
        blankline = indentation;
      }
      this.beginToken(this.cur);
      if (this.pendingIndents !== 0) {
        if (this.pendingIndents < 0) {
          this.pendingIndents++;
          return this.makePositionlessToken(TokenType.Dedent);
        }
        this.pendingIndents--;
        return this.makePositionlessToken(TokenType.Indent);
      }
      again: for (;;) {
        let code: number;
        do code = this.nextc();
        while (code === 32 || code === 9 || code === 12);
        this.beginToken(this.cur - (code === EOF ? 0 : 1));
        if (code === 35) {
          // A comment (type comments are ignored like ordinary ones).
          while (code !== EOF && code !== 10) code = this.nextc();
        }
        if (code === EOF) {
          if (this.level > 0) return this.stop({ kind: "eof", paren: this.brackets[this.brackets.length - 1] });
          return this.makePositionlessToken(TokenType.EndMarker);
        }
        if (isPotentialIdentifierStart(code)) return this.identifierOrString(code);
        if (code === 10) {
          this.atBol = true;
          if (blankline || this.level > 0) continue nextline;
          const token = this.makeToken(TokenType.Newline, this.cur - 1);
          // Before 3.12 the NEWLINE token ended where it started.
          return this.fStringsAreTokens ? token : { ...token, endCol: token.col };
        }
        if (code === 46) return this.period();
        if (isDigit(code)) return scanNumber(this, code);
        if (code === 39 || code === 34) return scanString(this, code);
        if (code === 92) {
          const failure = this.continuationLine();
          if (failure) return failure;
          continue again;
        }
        return this.operator(code, mode);
      }
    }
  }

  /**
   * Measures the indentation of a new line and queues INDENT/DEDENT tokens. Returns whether
   * the line is blank (only spaces and a comment), or an error token.
   */
  private indentation(): boolean | Token {
    this.atBol = false;
    let column = 0;
    let altColumn = 0;
    let continuationColumn = 0;
    let code: number;
    for (;;) {
      code = this.nextc();
      if (code === 32) {
        column++;
        altColumn++;
      } else if (code === 9) {
        column = (Math.floor(column / TAB_SIZE) + 1) * TAB_SIZE;
        altColumn = altColumn + 1;
      } else if (code === 12) {
        column = altColumn = 0;
      } else if (code === 92 && atLeast(this.version, 3, 12)) {
        // The first backslash of the indentation decides the level of what follows.
        continuationColumn = continuationColumn || column;
        const failure = this.continuationLine();
        if (failure) return failure;
      } else {
        break;
      }
    }
    this.backup(code);
    const blankline = code === 35 || code === 10;
    if (blankline || this.level > 0) return blankline;
    if (continuationColumn) column = altColumn = continuationColumn;
    const top = this.indentStack.length - 1;
    if (column === this.indentStack[top]) {
      if (altColumn !== this.altIndentStack[top]) return this.stop({ kind: "tabspace" });
    } else if (column > this.indentStack[top]!) {
      if (top + 1 >= MAX_INDENT) return this.stop({ kind: "toodeep" });
      if (altColumn <= this.altIndentStack[top]!) return this.stop({ kind: "tabspace" });
      this.pendingIndents++;
      this.indentStack.push(column);
      this.altIndentStack.push(altColumn);
    } else {
      while (this.indentStack.length > 1 && column < this.indentStack[this.indentStack.length - 1]!) {
        this.pendingIndents--;
        this.indentStack.pop();
        this.altIndentStack.pop();
      }
      const newTop = this.indentStack.length - 1;
      if (column !== this.indentStack[newTop]) {
        this.cur = this.inp;
        return this.stop({ kind: "dedent" });
      }
      if (altColumn !== this.altIndentStack[newTop]) return this.stop({ kind: "tabspace" });
    }
    return false;
  }

  /** After a `\`: the line must end right there. Returns an error token or undefined. */
  private continuationLine(): Token | undefined {
    let code = this.nextc();
    if (code !== 10) {
      return this.stop({
        kind: "linecont",
        byteOffset: this.byteColumn(this.lineStart, this.cur),
        paren: this.brackets[this.brackets.length - 1],
      });
    }
    code = this.nextc();
    if (code === EOF) {
      return this.stop({ kind: "eof", paren: this.brackets[this.brackets.length - 1] });
    }
    this.backup(code);
    return undefined;
  }

  /** A name, a keyword, or a string with a prefix (`b"..."`, `rf'...'`). */
  private identifierOrString(first: number): Token {
    let code = first;
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    for (;;) {
      if (!(sawB || sawU || sawF) && (code === 98 || code === 66)) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && (code === 117 || code === 85)) sawU = true;
      else if (!(sawR || sawU) && (code === 114 || code === 82)) sawR = true;
      else if (!(sawF || sawB || sawU) && (code === 102 || code === 70)) sawF = true;
      else break;
      code = this.nextc();
      if (code === 34 || code === 39) {
        if (sawF && this.fStringsAreTokens) return startFString(this, code);
        return scanString(this, code);
      }
    }
    let nonAscii = false;
    while (isPotentialIdentifierChar(code)) {
      if (code >= 128) nonAscii = true;
      code = this.nextc();
    }
    this.backup(code);
    const name = this.text.slice(this.tokStart, this.cur);
    if (nonAscii) {
      const invalid = firstInvalidIdentifierChar(name);
      if (invalid >= 0) return this.invalidIdentifier(name, invalid);
    }
    return this.makeToken(TokenType.Name, this.cur, this.keywords.has(name), name);
  }

  /** CPython's verify_identifier failure: points just past the offending character. */
  private invalidIdentifier(name: string, invalidIndex: number): Token {
    const chars = Array.from(name);
    const offending = chars[invalidIndex]!;
    const codePoint = offending.codePointAt(0)!;
    this.cur = this.tokStart + chars.slice(0, invalidIndex + 1).join("").length;
    return isPrintable(codePoint)
      ? this.syntaxError("invalid-character", [offending, formatCodePoint(codePoint)])
      : this.syntaxError("invalid-non-printable-character", [formatCodePoint(codePoint)]);
  }

  /** `.`, `...` or a number such as `.5`. */
  private period(): Token {
    let code = this.nextc();
    if (isDigit(code)) return scanFraction(this, code);
    if (code === 46) {
      code = this.nextc();
      if (code === 46) return this.makeToken(TokenType.Op);
      this.backup(code);
      this.backup(46);
    } else {
      this.backup(code);
    }
    return this.makeToken(TokenType.Op);
  }

  /** Operators and brackets, with the f-string bookkeeping of replacement fields. */
  private operator(code: number, mode: TokenizerMode): Token {
    const isFStringPunctuation = code === 58 || code === 125 || code === 33 || code === 123;
    if (isFStringPunctuation && this.insideFString && mode.exprStartDepth >= 0) {
      const cursor = mode.curlyDepth - (code !== 123 ? 1 : 0);
      if (code === 58 && cursor === mode.exprStartDepth) {
        mode.kind = "fstring";
        mode.inFormatSpec = true;
        return this.makeToken(TokenType.Op);
      }
    }
    const second = this.nextc();
    if (second !== EOF) {
      const twoChars = String.fromCharCode(code, second);
      if (TWO_CHAR_OPS.has(twoChars) && (twoChars !== ":=" || atLeast(this.version, 3, 8))) {
        const third = this.nextc();
        if (third !== EOF && THREE_CHAR_OPS.has(twoChars + String.fromCharCode(third))) {
          return this.makeToken(TokenType.Op);
        }
        this.backup(third);
        return this.makeToken(TokenType.Op);
      }
    }
    this.backup(second);
    const bracketError = this.trackBrackets(code, mode);
    if (bracketError) return bracketError;
    if (!isPrintable(code) && atLeast(this.version, 3, 11)) {
      return this.syntaxError("invalid-non-printable-character", [formatCodePoint(code)]);
    }
    if (code === 61 && mode.exprStartDepth >= 0) mode.debug = true;
    return this.makeToken(TokenType.Op);
  }

  /** Keeps the bracket stack; returns an error token for an unmatched or mismatched bracket. */
  private trackBrackets(code: number, mode: TokenizerMode): Token | undefined {
    const char = String.fromCharCode(code);
    if (code === 40 || code === 91 || code === 123) {
      if (this.level >= MAX_LEVEL) return this.syntaxError("too-many-nested-parens");
      this.brackets.push({ char, lineno: this.lineno, col: this.byteColumn(this.lineStart, this.tokStart) });
      this.level++;
      if (this.insideFString) mode.curlyDepth++;
      return undefined;
    }
    if (code !== 41 && code !== 93 && code !== 125) return undefined;
    if (this.insideFString && !mode.curlyDepth && code === 125) return this.syntaxError("fstring-single-brace");
    const checkMatching = atLeast(this.version, 3, 8);
    if (!this.level) return checkMatching ? this.syntaxError("unmatched-bracket", [char]) : undefined;
    this.level--;
    const opening = this.brackets.pop()!;
    const matches =
      (opening.char === "(" && code === 41) || (opening.char === "[" && code === 93) || (opening.char === "{" && code === 125);
    if (!matches && checkMatching) {
      if (this.insideFString && opening.char === "{" && mode.curlyDepth - 1 === mode.exprStartDepth) {
        return this.syntaxError("fstring-unmatched", [char]);
      }
      return opening.lineno !== this.lineno
        ? this.syntaxError("mismatched-bracket-on-line", [char, opening.char, opening.lineno])
        : this.syntaxError("mismatched-bracket", [char, opening.char]);
    }
    if (this.insideFString) {
      mode.curlyDepth--;
      if (mode.curlyDepth < 0) return this.syntaxError("fstring-unmatched", [char]);
      if (code === 125 && mode.curlyDepth === mode.exprStartDepth) {
        mode.exprStartDepth--;
        mode.kind = "fstring";
        mode.inFormatSpec = false;
        mode.debug = false;
      }
    }
    return undefined;
  }
}

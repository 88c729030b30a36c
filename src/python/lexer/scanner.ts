// The tokenizer's reading state, modelled on CPython's tok_state so positions match exactly.
//
// CPython reads a string one line at a time: `cur` walks the current line, `inp` is the end
// of that line (just past its "\n"), `lineStart` its first character. A new line is read only
// when `cur` reaches `inp` and another character is wanted, so after a NEWLINE token the
// cursor still sits on the old line. Error locations depend on this, so we keep it.
//
//     line_start        cur          inp
//     v                 v            v
//     x = foo(1, 2)  +  bar(3)  # c \n

import { formatMessage } from "../parser/messages.js";
import type { LanguageVersion } from "../parser/language-version.js";
import { codePointCount, utf8Length } from "./source-text.js";
import { TokenType } from "./tokens.js";
import type { LexError, OpenBracket, Token } from "./tokens.js";

export const EOF = -1;

/** One entry of CPython's tokenizer mode stack: the regular mode or an f-string being read. */
export interface TokenizerMode {
  kind: "regular" | "fstring";
  quote: number;
  quoteSize: number;
  raw: boolean;
  /** Index of the f-string's first character (its prefix). */
  start: number;
  /** Line start and line number of the f-string's first line. */
  startLineStart: number;
  startLineno: number;
  /** Brackets opened inside the f-string (all kinds), CPython's curly_bracket_depth. */
  curlyDepth: number;
  /** Depth at which the current replacement field started; -1 outside any field. */
  exprStartDepth: number;
  inFormatSpec: boolean;
  /** A `=` was seen in the current replacement field. */
  debug: boolean;
}

/** A warning CPython's tokenizer or parser emits without failing (SyntaxWarning, ...). */
export interface LexWarning {
  readonly category: "SyntaxWarning" | "DeprecationWarning";
  readonly message: string;
  readonly lineno: number;
  /** 1-based character column, as CPython's warning machinery reports. */
  readonly offset: number;
}

export class Scanner {
  readonly text: string;
  readonly length: number;
  readonly version: LanguageVersion;
  cur = 0;
  inp = 0;
  lineStart = 0;
  lineno = 0;
  private lineIsAscii = true;
  /** Input exhausted (CPython's E_EOF). */
  eof = false;
  /** An error already stopped the tokenizer; no more characters are read. */
  stopped: LexError | undefined;

  /** Start of the token being read (CPython's tok->start) and where its first line begins. */
  tokStart = 0;
  tokStartLineno = 0;
  tokStartLineStart = 0;

  level = 0;
  readonly brackets: OpenBracket[] = [];
  readonly modes: TokenizerMode[] = [];
  readonly warnings: LexWarning[] = [];

  constructor(text: string, version: LanguageVersion) {
    this.text = text;
    this.length = text.length;
    this.version = version;
    this.modes.push({
      kind: "regular",
      quote: 0,
      quoteSize: 0,
      raw: false,
      start: 0,
      startLineStart: 0,
      startLineno: 0,
      curlyDepth: 0,
      exprStartDepth: -1,
      inFormatSpec: false,
      debug: false,
    });
  }

  /** The next character code, reading a new line when the current one is used up. */
  nextc(): number {
    if (this.cur < this.inp) return this.text.charCodeAt(this.cur++);
    if (this.eof || this.stopped) return EOF;
    if (this.inp >= this.length) {
      this.eof = true;
      return EOF;
    }
    this.cur = this.inp;
    this.lineStart = this.inp;
    this.lineno++;
    const newline = this.text.indexOf("\n", this.inp);
    this.inp = newline < 0 ? this.length : newline + 1;
    this.lineIsAscii = !/[^\x00-\x7f]/.test(this.text.slice(this.lineStart, this.inp));
    return this.text.charCodeAt(this.cur++);
  }

  /** Puts back the character just read (never across a line boundary, as in CPython). */
  backup(code: number): void {
    if (code !== EOF) this.cur--;
  }

  /** UTF-8 byte column of `index`, counted from `lineStart`. */
  byteColumn(lineStart: number, index: number): number {
    if (lineStart === this.lineStart && this.lineIsAscii) return index - lineStart;
    return utf8Length(this.text, lineStart, index);
  }

  /** Marks the start of a token at `cur` (or `cur - 1` when its first character was read). */
  beginToken(index: number): void {
    this.tokStart = index;
    this.tokStartLineno = this.lineno;
    this.tokStartLineStart = this.lineStart;
  }

  get mode(): TokenizerMode {
    return this.modes[this.modes.length - 1]!;
  }

  /** CPython's INSIDE_FSTRING. */
  get insideFString(): boolean {
    return this.modes.length > 1;
  }

  /**
   * A token from `tokStart` to `textEnd` (default `cur`). Its end position is always the
   * cursor: CPython 3.12+ takes the end column from tok->col_offset even when the token's
   * text stops earlier (NEWLINE, an FSTRING_MIDDLE cut before `{{`).
   */
  makeToken(type: TokenType, textEnd = this.cur, isKeyword = false, text?: string): Token {
    const start = this.tokStart;
    return {
      type,
      text: text ?? this.text.slice(start, textEnd),
      start,
      end: textEnd,
      lineno: this.tokStartLineno,
      col: this.byteColumn(this.tokStartLineStart, start),
      endLineno: this.lineno,
      endCol: this.byteColumn(this.lineStart, this.cur),
      isKeyword,
      level: this.level,
      cursor: this.cur,
      cursorLineStart: this.lineStart,
      cursorLineno: this.lineno,
      error: undefined,
    };
  }

  /** A token without a source position (INDENT, DEDENT, ENDMARKER: col_offset -1 in CPython). */
  makePositionlessToken(type: TokenType): Token {
    return {
      type,
      text: "",
      start: this.cur,
      end: this.cur,
      lineno: this.lineno,
      col: -1,
      endLineno: this.lineno,
      endCol: -1,
      isKeyword: false,
      level: this.level,
      cursor: this.cur,
      cursorLineStart: this.lineStart,
      cursorLineno: this.lineno,
      error: undefined,
    };
  }

  /** Stops the tokenizer with a `tok->done` code; the parser raises it when it gets there. */
  stop(error: LexError): Token {
    this.stopped = error;
    const token = this.makePositionlessToken(TokenType.Error);
    return { ...token, error };
  }

  /**
   * CPython's _PyTokenizer_syntaxerror: the offset is the number of characters from the
   * line start to the cursor (so the last character read is the one pointed at), the text is
   * the line without its newline. `range` gives explicit 1-based columns instead.
   */
  syntaxError(code: string, args: (string | number)[] = [], range?: [number, number]): Token {
    const offset = range ? range[0] : codePointCount(this.text, this.lineStart, this.cur);
    const endOffset = range ? range[1] : offset;
    const newline = this.text.indexOf("\n", this.lineStart);
    const lineEnd = newline < 0 ? this.length : newline;
    return this.stop({
      kind: "syntax",
      errorType: "SyntaxError",
      msg: formatMessage(code, this.version, ...args),
      lineno: this.lineno,
      offset,
      endLineno: this.lineno,
      endOffset,
      text: this.text.slice(this.lineStart, Math.max(lineEnd, this.lineStart)),
      insideFString: this.modes.length > 1,
    });
  }

  /** Records a SyntaxWarning (or DeprecationWarning) at the cursor. */
  warn(category: LexWarning["category"], message: string): void {
    this.warnings.push({
      category,
      message,
      lineno: this.lineno,
      offset: codePointCount(this.text, this.lineStart, this.cur),
    });
  }
}

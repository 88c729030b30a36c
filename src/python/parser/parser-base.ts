// Parser foundation: token access with CPython's fill tracking, memoization, node spans, errors.
//
// The parser is a hand-written PEG parser that follows CPython's Grammar/python.gram rule by
// rule, because CPython's error messages and locations depend on exactly which tokens its
// generated parser looked at. `fill` is the number of tokens the parser has ever asked for
// (CPython's p->fill): a generic "invalid syntax" points at the last of them.
import type { Expr, Located, Name } from "../ast/nodes.js";
import { TokenType, type Token } from "../lexer/tokens.js";
import { atLeast, type LanguageVersion } from "./language-version.js";
import { formatMessage } from "./messages.js";
import { byteOffsetToCharOffset, type PythonSyntaxError, type PythonSyntaxWarning } from "./syntax-error.js";

/** Thrown inside the parser to unwind when an error is raised; never escapes `parse`. */
export class ParseAbort {
  constructor(
    readonly error: PythonSyntaxError,
    /** Raised by the tokenizer (CPython then skips the full-source check). */
    readonly fromTokenizer: boolean,
  ) {}
}

/** Something with CPython's four location attributes (byte columns). */
export interface Span {
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number;
  readonly end_col_offset: number;
}

/** CPython's CURRENT_POS: "where the tokenizer is now". */
export const CURRENT_POS = -5;

/** Rules whose results are memoized per position (CPython's `(memo)` and left-recursive rules). */
export enum Memo {
  Expression,
  StarExpression,
  Disjunction,
  Conjunction,
  Inversion,
  BitwiseOr,
  Factor,
  AwaitPrimary,
  Primary,
  TPrimary,
  StarTarget,
  TargetWithStarAtom,
  DelTarget,
  Arguments,
  Strings,
  SimpleStmt,
  Block,
  ClosedPattern,
  StarPattern,
  InvalidNamedExpression,
  ImportStmt,
  TypeParam,
  Count,
}

/** Deepest rule nesting before we give up, like CPython's MAXSTACK guard. */
const MAX_DEPTH = 5000;

export function tokenSpan(token: Token): Span {
  return { lineno: token.lineno, col_offset: token.col, end_lineno: token.endLineno, end_col_offset: token.endCol };
}

export abstract class ParserBase {
  protected readonly source: string;
  protected readonly tokens: readonly Token[];
  protected readonly version: LanguageVersion;
  protected mark = 0;
  /** Number of tokens fetched so far (CPython's p->fill); never decreases. */
  protected fill = 0;
  /** Second pass: the invalid_* rules are tried too. */
  protected callInvalidRules = false;
  protected readonly warnings: PythonSyntaxWarning[] = [];
  private depth = 0;
  private readonly memoEnds: (Int32Array | undefined)[] = new Array(Memo.Count);
  private readonly memoValues: (unknown[] | undefined)[] = new Array(Memo.Count);
  private lineStartsCache: number[] | undefined;

  constructor(source: string, tokens: readonly Token[], version: LanguageVersion) {
    this.source = source;
    this.tokens = tokens;
    this.version = version;
  }

  // ---- version --------------------------------------------------------------------------------

  protected atLeast(major: number, minor: number): boolean {
    return atLeast(this.version, major, minor);
  }

  protected message(code: string, ...args: (string | number)[]): string {
    return formatMessage(code, this.version, ...args);
  }

  // ---- token access -------------------------------------------------------------------------

  /** The token at `mark`, fetched (raising the tokenizer's error if it is one). */
  protected peek(): Token {
    const index = this.mark;
    if (index >= this.fill) this.fetchUpTo(index);
    return this.tokens[index]!;
  }

  private fetchUpTo(index: number): void {
    while (this.fill <= index) {
      const token = this.tokens[this.fill]!;
      this.fill++;
      if (token.type === TokenType.Error) this.raiseTokenizerError(token);
    }
  }

  protected expectOp(op: string): Token | null {
    const token = this.peek();
    if (token.type === TokenType.Op && token.text === op) {
      this.mark++;
      return token;
    }
    return null;
  }

  protected expectKeyword(word: string): Token | null {
    const token = this.peek();
    if (token.type === TokenType.Name && token.isKeyword && token.text === word) {
      this.mark++;
      return token;
    }
    return null;
  }

  /** A soft keyword (`match`, `case`, `_`, `type`): a NAME spelled that way. */
  protected expectSoftKeyword(word: string): Token | null {
    const token = this.peek();
    if (token.type === TokenType.Name && !token.isKeyword && token.text === word) {
      this.mark++;
      return token;
    }
    return null;
  }

  protected expectType(type: TokenType): Token | null {
    const token = this.peek();
    if (token.type === type) {
      this.mark++;
      return token;
    }
    return null;
  }

  /**
   * `&&'x'`: the token must be there, else "expected 'x'" at the token found. Forced tokens
   * came with 3.10; before, this is a plain expectation that may fail (null).
   */
  protected expectForcedOp(op: string): Token | null {
    const token = this.peek();
    if (token.type === TokenType.Op && token.text === op) {
      this.mark++;
      return token;
    }
    if (!this.atLeast(3, 10)) return null;
    return this.raiseKnownLocation(tokenSpan(token), this.message("expected-token", op));
  }

  protected isOp(op: string): boolean {
    const token = this.peek();
    return token.type === TokenType.Op && token.text === op;
  }

  protected isKeyword(word: string): boolean {
    const token = this.peek();
    return token.type === TokenType.Name && token.isKeyword && token.text === word;
  }

  protected isType(type: TokenType): boolean {
    return this.peek().type === type;
  }

  /** A NAME token that is not a hard keyword. */
  protected nameToken(): Token | null {
    const token = this.peek();
    if (token.type === TokenType.Name && !token.isKeyword) {
      this.mark++;
      return token;
    }
    return null;
  }

  /** NAME as a Name node (Load), NFKC-normalised like CPython's _PyPegen_new_identifier. */
  protected name(): Name | null {
    const token = this.nameToken();
    return token === null ? null : this.nameFromToken(token);
  }

  protected nameFromToken(token: Token): Name {
    return {
      type: "Name",
      id: identifier(token.text),
      ctx: "Load",
      lineno: token.lineno,
      col_offset: token.col,
      end_lineno: token.endLineno,
      end_col_offset: token.endCol,
    };
  }

  /** Runs `parse` and puts the mark back: CPython's `&e` / `!e` lookaheads. */
  protected lookahead(parse: () => unknown): boolean {
    const mark = this.mark;
    const result = parse();
    this.mark = mark;
    return result !== null && result !== undefined && result !== false;
  }

  // ---- memoization --------------------------------------------------------------------------

  /** The memoized result at `mark` (moving past it), null for a memoized failure, undefined if none. */
  protected memoGet<T>(rule: Memo): T | null | undefined {
    const ends = this.memoEnds[rule];
    if (ends === undefined) return undefined;
    const end = ends[this.mark]!;
    if (end === 0) return undefined;
    if (end < 0) return null;
    const value = this.memoValues[rule]![this.mark] as T;
    this.mark = end - 1;
    return value;
  }

  protected memoSet<T>(rule: Memo, start: number, value: T | null): T | null {
    let ends = this.memoEnds[rule];
    if (ends === undefined) {
      ends = new Int32Array(this.tokens.length + 1);
      this.memoEnds[rule] = ends;
      this.memoValues[rule] = [];
    }
    ends[start] = value === null ? -1 : this.mark + 1;
    this.memoValues[rule]![start] = value;
    return value;
  }

  protected resetMemo(): void {
    for (const ends of this.memoEnds) ends?.fill(0);
  }

  // ---- recursion guard ----------------------------------------------------------------------

  protected enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      throw new ParseAbort(
        {
          type: "SyntaxError",
          msg: this.message("too-complex"),
          lineno: this.peek().lineno,
          offset: null,
          end_lineno: null,
          end_offset: null,
          text: null,
        },
        false,
      );
    }
  }

  protected leave(): void {
    this.depth--;
  }

  // ---- node positions -----------------------------------------------------------------------

  /** The last token before `mark` that is not NEWLINE, INDENT, DEDENT or ENDMARKER. */
  protected lastNonWhitespaceToken(): Token {
    for (let index = this.mark - 1; index >= 0; index--) {
      const type = this.tokens[index]!.type;
      if (type !== TokenType.Newline && type !== TokenType.Indent && type !== TokenType.Dedent && type !== TokenType.EndMarker) {
        return this.tokens[index]!;
      }
    }
    return this.tokens[0]!;
  }

  /** CPython's EXTRA: from the token at `startMark` to the last token consumed. */
  protected extra(startMark: number): Located {
    const first = this.tokens[startMark]!;
    const last = this.lastNonWhitespaceToken();
    return { lineno: first.lineno, col_offset: first.col, end_lineno: last.endLineno, end_col_offset: last.endCol };
  }

  /** CPython's EXTRA_EXPR(a, b): from the start of `a` to the end of `b`. */
  protected spanOf(first: Span, last: Span): Located {
    return {
      lineno: first.lineno,
      col_offset: first.col_offset,
      end_lineno: last.end_lineno,
      end_col_offset: last.end_col_offset,
    };
  }

  // ---- errors -------------------------------------------------------------------------------

  /** The tokenizer state after the furthest token fetched (CPython's p->tok). */
  protected tokenizerState(): Token {
    return this.tokens[Math.max(this.fill - 1, 0)]!;
  }

  private lineStarts(): number[] {
    if (this.lineStartsCache === undefined) {
      const starts = [0];
      for (let index = this.source.indexOf("\n"); index >= 0; index = this.source.indexOf("\n", index + 1)) {
        starts.push(index + 1);
      }
      this.lineStartsCache = starts;
    }
    return this.lineStartsCache;
  }

  /** Line `lineno` of the source, with or without its newline. */
  protected sourceLine(lineno: number, withNewline: boolean): string {
    const starts = this.lineStarts();
    const start = starts[lineno - 1];
    if (start === undefined) return "";
    const next = starts[lineno] ?? this.source.length;
    const end = withNewline || next === start ? next : this.source[next - 1] === "\n" ? next - 1 : next;
    return this.source.slice(start, end);
  }

  /**
   * CPython's _PyPegen_raise_error_known_location. Columns are CPython's 1-based byte values
   * (col_offset + 1), or CURRENT_POS, or -1/0 for "none"; `tokState` is where the tokenizer is.
   */
  protected raiseAt(
    type: PythonSyntaxError["type"],
    msg: string,
    lineno: number,
    col: number,
    endLineno: number,
    endCol: number,
    tokState: Token = this.tokenizerState(),
  ): never {
    throw new ParseAbort(this.buildError(type, msg, lineno, col, endLineno, endCol, tokState), false);
  }

  protected buildError(
    type: PythonSyntaxError["type"],
    msg: string,
    lineno: number,
    col: number,
    endLineno: number,
    endCol: number,
    tokState: Token,
  ): PythonSyntaxError {
    if (endLineno === CURRENT_POS) endLineno = tokState.cursorLineno;
    if (endCol === CURRENT_POS) endCol = this.byteColumnOf(tokState.cursorLineStart, tokState.cursor);
    // The text is the tokenizer's current line (with its newline) when the error is on it or
    // after it, else the error's line fetched from the source (without newline).
    const errorLine =
      tokState.cursorLineno <= lineno ? this.sourceLine(tokState.cursorLineno, true) : this.sourceLine(lineno, false);
    const offset = byteOffsetToCharOffset(errorLine, col);
    const endOffset = endCol > 0 ? byteOffsetToCharOffset(errorLine, endCol) : endCol;
    return { type, msg, lineno, offset, end_lineno: endLineno, end_offset: endOffset, text: errorLine };
  }

  protected byteColumnOf(lineStart: number, index: number): number {
    let bytes = 0;
    for (let position = lineStart; position < index; position++) {
      const code = this.source.charCodeAt(position);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code <= 0xdbff) {
        bytes += 4;
        position++;
      } else bytes += 3;
    }
    return bytes;
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg). */
  protected raiseKnownLocation(a: Span, msg: string, type: PythonSyntaxError["type"] = "SyntaxError"): never {
    return this.raiseAt(type, msg, a.lineno, a.col_offset + 1, a.end_lineno, a.end_col_offset + 1);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg). */
  protected raiseKnownRange(a: Span, b: Span, msg: string): never {
    return this.raiseAt("SyntaxError", msg, a.lineno, a.col_offset + 1, b.end_lineno, b.end_col_offset + 1);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg): up to where the tokenizer is. */
  protected raiseStartingFrom(a: Span, msg: string): never {
    return this.raiseAt("SyntaxError", msg, a.lineno, a.col_offset + 1, CURRENT_POS, CURRENT_POS);
  }

  /** RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN(msg): at the token at the current mark. */
  protected raiseOnNextToken(msg: string): never {
    return this.raiseKnownLocation(tokenSpan(this.peek()), msg);
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: CPython's _PyPegen_raise_error. */
  protected raiseError(msg: string, type: PythonSyntaxError["type"] = "SyntaxError"): never {
    const last = this.tokenizerState();
    const col = last.col === -1 ? this.byteColumnOf(last.cursorLineStart, last.cursor) : last.col + 1;
    const endCol = last.endCol === -1 ? -1 : last.endCol + 1;
    return this.raiseAt(type, msg, last.lineno, col, last.endLineno, endCol);
  }

  protected raiseIndentationError(msg: string): never {
    return this.raiseError(msg, "IndentationError");
  }

  /** The parser fetched a tokenizer error token: raise it as CPython's tokenizer_error does. */
  protected raiseTokenizerError(token: Token): never {
    const error = token.error!;
    switch (error.kind) {
      case "syntax":
        throw new ParseAbort(
          {
            type: error.errorType,
            msg: error.msg,
            lineno: error.lineno,
            offset: error.offset,
            end_lineno: error.endLineno,
            end_offset: error.endOffset,
            text: error.text,
          },
          true,
        );
      case "eof":
        if (error.paren && this.atLeast(3, 10)) throw new ParseAbort(this.unclosedBracketError(token), true);
        this.rethrowFromTokenizer(() => this.raiseError(this.message("unexpected-eof")));
        break;
      case "dedent":
        this.rethrowFromTokenizer(() => this.raiseError(this.message("unindent-mismatch"), "IndentationError"));
        break;
      case "tabspace":
        this.rethrowFromTokenizer(() =>
          this.raiseAt("TabError", this.message("inconsistent-tabs"), token.cursorLineno, 1, token.cursorLineno, 0),
        );
        break;
      case "toodeep":
        this.rethrowFromTokenizer(() =>
          this.raiseAt("IndentationError", this.message("too-deep"), token.cursorLineno, 1, token.cursorLineno, 0),
        );
        break;
      case "linecont":
        this.rethrowFromTokenizer(() =>
          this.raiseAt(
            "SyntaxError",
            this.message("line-continuation"),
            token.cursorLineno,
            error.byteOffset,
            token.cursorLineno,
            0,
          ),
        );
        break;
    }
    throw new Error("unreachable");
  }

  private rethrowFromTokenizer(raise: () => never): never {
    try {
      raise();
    } catch (caught) {
      if (caught instanceof ParseAbort) throw new ParseAbort(caught.error, true);
      throw caught;
    }
  }

  /** "'(' was never closed", at the innermost open bracket of `token`'s tokenizer state. */
  protected unclosedBracketError(token: Token): PythonSyntaxError {
    const error = token.error!;
    const paren = error.kind === "eof" || error.kind === "linecont" ? error.paren! : undefined!;
    return this.buildError(
      "SyntaxError",
      this.message("never-closed", paren.char),
      paren.lineno,
      paren.col + 1,
      paren.lineno,
      0,
      token,
    );
  }

  // ---- grammar rules defined in later layers ------------------------------------------------

  abstract expression(): Expr | null;
  abstract namedExpression(): Expr | null;
  abstract starExpressions(): Expr | null;
  abstract starExpression(): Expr | null;
  abstract starNamedExpression(): Expr | null;
  abstract bitwiseOr(): Expr | null;
  abstract disjunction(): Expr | null;
  abstract slices(): Expr | null;
  abstract atom(): Expr | null;
  abstract genexp(): Expr | null;
  abstract lambdef(): Expr | null;
  abstract strings(): Expr | null;
  abstract yieldExpr(): Expr | null;
  abstract annotatedRhs(): Expr | null;
}

/** CPython stores non-ASCII identifiers NFKC-normalised. */
export function identifier(text: string): string {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) >= 128) return text.normalize("NFKC");
  }
  return text;
}

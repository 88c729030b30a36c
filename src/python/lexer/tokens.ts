// Token shapes produced by the tokenizer: plain objects, positions as CPython reports them.

/** Token kinds, numbered like nothing in particular: compare by name, never by value. */
export const TokenType = {
  EndMarker: 0,
  Name: 1,
  Number: 2,
  String: 3,
  Newline: 4,
  Indent: 5,
  Dedent: 6,
  /** Operators and delimiters; `text` holds the operator (`"("`, `"**="`, `"..."`). */
  Op: 7,
  FStringStart: 8,
  FStringMiddle: 9,
  FStringEnd: 10,
  /** A tokenizer error; the stream stops after it (CPython stops at its first error). */
  Error: 11,
} as const;
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

/** An opening bracket still waiting for its partner (for "'(' was never closed"). */
export interface OpenBracket {
  readonly char: string;
  readonly lineno: number;
  /** UTF-8 byte column of the bracket. */
  readonly col: number;
}

/**
 * Why the tokenizer stopped. `syntax` errors carry their final SyntaxError fields, computed as
 * CPython's tokenizer does when it raises; the other kinds are CPython's `tok->done` codes that
 * the parser turns into an exception with its own location rules when it fetches the token.
 */
export type LexError =
  | {
      readonly kind: "syntax";
      readonly errorType: "SyntaxError" | "IndentationError" | "TabError";
      readonly msg: string;
      readonly lineno: number;
      readonly offset: number;
      readonly endLineno: number;
      readonly endOffset: number;
      readonly text: string;
      /** Raised while reading an f-string (CPython then keeps an earlier parser error). */
      readonly insideFString: boolean;
    }
  /** End of input inside brackets (`paren` set) or right after a line continuation. */
  | { readonly kind: "eof"; readonly paren: OpenBracket | undefined }
  | { readonly kind: "dedent" }
  | { readonly kind: "tabspace" }
  | { readonly kind: "toodeep" }
  /** Something after a `\` continuation; `byteOffset` is CPython's `cur - buf` of the line. */
  | { readonly kind: "linecont"; readonly byteOffset: number; readonly paren: OpenBracket | undefined };

export interface Token {
  readonly type: TokenType;
  /**
   * NAME: the identifier as written; OP: the operator; STRING / NUMBER / FSTRING_*: the
   * source text (an FSTRING_MIDDLE that ended on `{{` or `}}` keeps only one brace).
   */
  readonly text: string;
  /** Indices into the normalised source. */
  readonly start: number;
  readonly end: number;
  readonly lineno: number;
  /** UTF-8 byte column, or -1 where CPython's token has none (INDENT, DEDENT, ENDMARKER). */
  readonly col: number;
  readonly endLineno: number;
  readonly endCol: number;
  /** NAME spelled like a hard keyword of the chosen version (`if`, `None`, `await` on 3.7+). */
  readonly isKeyword: boolean;
  /** Bracket depth after this token (CPython's token->level). */
  readonly level: number;
  /** Tokenizer cursor after this token: CPython's `tok->cur`, `tok->line_start`, `tok->lineno`. */
  readonly cursor: number;
  readonly cursorLineStart: number;
  readonly cursorLineno: number;
  readonly error: LexError | undefined;
}

/** Hard keywords of 3.7+; `async`/`await` are plain names on 3.6. */
export const HARD_KEYWORDS: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
  "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
  "with", "yield",
]);

/** Three-character operators. */
export const THREE_CHAR_OPS: ReadonlySet<string> = new Set(["**=", "...", "//=", "<<=", ">>="]);

/**
 * Two-character operators. `:=` is one token only from 3.8; `<>` is a token that the parser
 * refuses (CPython accepts it only under barry_as_FLUFL).
 */
export const TWO_CHAR_OPS: ReadonlySet<string> = new Set([
  "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>", "==", ">=", ">>",
  "@=", "^=", "|=",
]);

// The parser's start rules and CPython's two-pass error strategy (Parser/pegen.c
// _PyPegen_run_parser, Parser/pegen_errors.c _Pypegen_set_syntax_error).
import type { Expr, Expression, Interactive, Located, Mod, Module, Stmt } from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import { utf8Length } from "../lexer/source-text.js";
import { tokenize } from "../lexer/tokenizer.js";
import { TokenType, type Token } from "../lexer/tokens.js";
import { CompoundStatementParser } from "./compound-statements.js";
import type { LanguageVersion } from "./language-version.js";
import { ParseAbort } from "./parser-base.js";
import { UnsupportedFeature } from "./strings.js";
import type { PythonSyntaxError, PythonSyntaxWarning } from "./syntax-error.js";

export type ParseMode = "exec" | "eval" | "single";

/** Internal mode for a pre-3.12 f-string expression: CPython's `fstring: star_expressions`. */
type InternalMode = ParseMode | "fstring";

/** How parsing ended inside the parser class (before being wrapped for callers). */
export type RunOutcome =
  | { readonly kind: "tree"; readonly tree: Mod }
  | { readonly kind: "error"; readonly error: PythonSyntaxError }
  | { readonly kind: "unsupported"; readonly feature: string; readonly lineno: number };

export class Parser extends CompoundStatementParser {
  private readonly mode: InternalMode;
  /** Whether the error returned by run() came from the tokenizer. */
  lastErrorFromTokenizer = false;

  constructor(
    source: string,
    tokens: readonly Token[],
    version: LanguageVersion,
    mode: InternalMode,
    private readonly allowIncompleteInput = false,
  ) {
    super(source, tokens, version);
    this.mode = mode;
  }

  get collectedWarnings(): readonly PythonSyntaxWarning[] {
    return this.warnings;
  }

  /** Runs CPython's two passes and picks the error CPython would report. */
  run(): RunOutcome {
    try {
      return this.runPasses();
    } catch (caught) {
      if (caught instanceof UnsupportedFeature) return { kind: "unsupported", feature: caught.feature, lineno: caught.lineno };
      if (caught instanceof RangeError) {
        // The JavaScript stack ran out before our depth guard: CPython would give up too.
        return {
          kind: "error",
          error: { type: "SyntaxError", msg: this.message("too-complex"), lineno: null, offset: null, end_lineno: null, end_offset: null, text: null },
        };
      }
      throw caught;
    }
  }

  private runPasses(): RunOutcome {
    const first = this.attempt();
    if (first.tree !== null) return this.checkSingleStatement(first.tree);
    if (this.allowIncompleteInput && this.atLeast(3, 10) && this.reachedEndOfSource()) {
      const type = this.atLeast(3, 13) ? "_IncompleteInputError" : "SyntaxError";
      return { kind: "error", error: this.capture(() => this.raiseError("incomplete input", type)) };
    }
    if (this.allowIncompleteInput && !this.atLeast(3, 9) && this.tokens[this.fill - 1]?.type === TokenType.EndMarker) {
      // 3.8's LL(1) parser with codeop's PyCF_DONT_IMPLY_DEDENT: a block header at the end meets
      // the end marker where an INDENT should be (E_EOF), not an IndentationError.
      return { kind: "error", error: this.capture(() => this.raiseError(this.message("unexpected-eof"))) };
    }
    if (first.abort !== null) return { kind: "error", error: this.settle(first.abort) };
    // Second pass: the invalid_* rules are tried too; memoized results must not be reused.
    const lastToken = this.tokens[this.fill - 1]!;
    this.resetMemo();
    this.mark = 0;
    this.callInvalidRules = true;
    const second = this.attempt();
    if (second.abort !== null) return { kind: "error", error: this.settle(second.abort) };
    if (!this.atLeast(3, 10)) return { kind: "error", error: this.olderGenericError(lastToken) };
    if (lastToken.type === TokenType.Indent || lastToken.type === TokenType.Dedent) {
      const message = lastToken.type === TokenType.Indent ? this.message("unexpected-indent") : this.message("unexpected-unindent");
      return { kind: "error", error: this.capture(() => this.raiseIndentationError(message)) };
    }
    const generic = this.capture(() =>
      this.raiseAt(
        "SyntaxError",
        this.message("invalid-syntax"),
        lastToken.lineno,
        lastToken.col + 1,
        lastToken.endLineno,
        lastToken.endCol === -1 ? 0 : lastToken.endCol + 1,
      ),
    );
    return { kind: "error", error: this.checkFullSource(generic) };
  }

  /**
   * _is_end_of_source: the first pass failed once the tokenizer had read to the end of the
   * input (tok->done is E_EOF: the end marker, a dedent at the end, or the end inside brackets
   * or after a line continuation; E_EOFS: an unterminated triple-quoted string).
   */
  private reachedEndOfSource(): boolean {
    const fetched = this.tokens[this.fill - 1];
    if (fetched === undefined) return false;
    switch (fetched.type) {
      case TokenType.EndMarker:
        return true;
      case TokenType.Dedent:
        return fetched.cursor >= this.source.length;
      case TokenType.Error: {
        const error = fetched.error!;
        if (error.kind === "eof") return true;
        return error.kind === "syntax" && !error.insideFString && error.msg.startsWith("unterminated triple-quoted string literal");
      }
      default:
        return false;
    }
  }

  /** A raised error stands; from 3.10, a parser error may still lose to a later tokenizer error. */
  private settle(abort: ParseAbort): PythonSyntaxError {
    this.lastErrorFromTokenizer = abort.fromTokenizer;
    if (abort.fromTokenizer || !this.atLeast(3, 10)) return abort.error;
    return this.checkFullSource(abort.error);
  }

  /**
   * The end of 3.9's _PyPegen_run_parser: "unexpected EOF while parsing" once the tokenizer hit
   * the end of the input, the INDENT/DEDENT checks on the last token fetched by either pass,
   * else "invalid syntax" at the last token of the first pass; no full-source check.
   */
  private olderGenericError(lastToken: Token): PythonSyntaxError {
    const fetched = this.tokens[this.fill - 1]!;
    const reachedEnd =
      fetched.type === TokenType.EndMarker || (fetched.type === TokenType.Dedent && fetched.cursor >= this.source.length);
    if (reachedEnd) return this.capture(() => this.raiseError(this.message("unexpected-eof")));
    if (fetched.type === TokenType.Indent) return this.capture(() => this.raiseIndentationError(this.message("unexpected-indent")));
    if (fetched.type === TokenType.Dedent) return this.capture(() => this.raiseIndentationError(this.message("unexpected-unindent")));
    return this.capture(() =>
      this.raiseAt("SyntaxError", this.message("invalid-syntax"), lastToken.lineno, lastToken.col + 1, lastToken.endLineno, lastToken.endCol + 1),
    );
  }

  private attempt(): { tree: Mod | null; abort: ParseAbort | null } {
    try {
      return { tree: this.startRule(), abort: null };
    } catch (caught) {
      if (caught instanceof ParseAbort) return { tree: null, abort: caught };
      throw caught;
    }
  }

  private capture(raise: () => never): PythonSyntaxError {
    try {
      raise();
    } catch (caught) {
      if (caught instanceof ParseAbort) return caught.error;
      throw caught;
    }
  }

  /**
   * CPython's _PyPegen_tokenize_full_source_to_check_for_errors: after a parser error the
   * rest of the source is tokenized, and a tokenizer error there wins (an unclosed bracket only
   * when it was opened before the line of the parser's error).
   */
  private checkFullSource(error: PythonSyntaxError): PythonSyntaxError {
    const currentErrorLine = this.tokens[this.fill - 1]!.lineno;
    for (let index = this.fill; index < this.tokens.length; index++) {
      const token = this.tokens[index]!;
      if (token.type === TokenType.EndMarker) break;
      if (token.type !== TokenType.Error) continue;
      const lexError = token.error!;
      if (lexError.kind === "syntax") {
        if (lexError.insideFString && this.atLeast(3, 12)) return error;
        return {
          type: lexError.errorType,
          msg: lexError.msg,
          lineno: lexError.lineno,
          offset: lexError.offset,
          end_lineno: lexError.endLineno,
          end_offset: lexError.endOffset,
          text: lexError.text,
        };
      }
      const paren = lexError.kind === "eof" || lexError.kind === "linecont" ? lexError.paren : undefined;
      if (paren !== undefined && currentErrorLine > paren.lineno) return this.unclosedBracketError(token);
      break;
    }
    return error;
  }

  private startRule(): Mod | null {
    switch (this.mode) {
      case "exec":
        return this.file();
      case "eval":
        return this.evalInput();
      case "single":
        return this.interactive();
      case "fstring": {
        // fstring[expr_ty]: star_expressions
        const body = this.starExpressions();
        return body === null ? null : { type: "Expression", body };
      }
    }
  }

  // file[mod_ty]: a=[statements] ENDMARKER { _PyPegen_make_module(p, a) }
  private file(): Module | null {
    const body = this.statements() ?? [];
    if (this.expectType(TokenType.EndMarker) === null) return null;
    return { type: "Module", body, type_ignores: [] };
  }

  // eval[mod_ty]: a=expressions NEWLINE* ENDMARKER { _PyAST_Expression(a, p->arena) }
  private evalInput(): Expression | null {
    const body = this.expressions();
    if (body === null) return null;
    while (this.expectType(TokenType.Newline) !== null) {
      // NEWLINE*
    }
    if (this.expectType(TokenType.EndMarker) === null) return null;
    return { type: "Expression", body };
  }

  // interactive[mod_ty]: a=statement_newline { _PyAST_Interactive(a, p->arena) }
  // statement_newline[asdl_stmt_seq*]:
  //     | a=compound_stmt NEWLINE { [a] }
  //     | simple_stmts
  //     | NEWLINE { [Pass(EXTRA)] }
  //     | ENDMARKER { _PyPegen_interactive_exit(p) }
  private interactive(): Interactive | null {
    const start = this.mark;
    const compound = this.compoundStmt();
    if (compound !== null) {
      if (this.expectType(TokenType.Newline) !== null || this.isType(TokenType.EndMarker)) return { type: "Interactive", body: [compound] };
    }
    this.mark = start;
    const simple = this.simpleStmts();
    if (simple !== null) return { type: "Interactive", body: simple };
    if (this.expectType(TokenType.Newline) !== null) {
      return { type: "Interactive", body: [{ type: "Pass", ...this.extra(start) } as Stmt] };
    }
    return null;
  }

  /** 'single' mode: anything but blank lines after the statement is an error. */
  private checkSingleStatement(tree: Mod): RunOutcome {
    if (this.mode !== "single") return { kind: "tree", tree };
    for (let index = this.mark; index < this.tokens.length; index++) {
      const type = this.tokens[index]!.type;
      if (type === TokenType.EndMarker) break;
      if (type === TokenType.Newline || type === TokenType.Dedent) continue;
      return { kind: "error", error: this.capture(() => this.raiseError(this.message("single-statement"))) };
    }
    return { kind: "tree", tree };
  }

  /**
   * Before 3.12 the expression of an f-string replacement field was compiled on its own, as
   * "(" + text + ")" (CPython's fstring_compile_expr): errors are located in that text and
   * prefixed "f-string: ", and the tree is then moved to where the text sits in the source.
   */
  protected compileFStringExpression(start: number, end: number): Expr {
    const text = "(" + this.source.slice(start, end) + ")\n";
    const { tokens } = tokenize(text, this.version);
    const inner = new Parser(text, tokens, this.version, "fstring");
    const outcome = inner.run();
    for (const warning of inner.warnings) this.warnings.push(warning);
    const lineShift = lineOf(this.source, start - 1) - 1;
    if (outcome.kind === "unsupported") throw new UnsupportedFeature(outcome.feature, outcome.lineno + lineShift);
    if (outcome.kind === "error") {
      const error = outcome.error;
      throw new ParseAbort(
        {
          ...error,
          msg: inner.lastErrorFromTokenizer ? error.msg : this.message("legacy-fstring-prefix", error.msg),
          lineno: error.lineno === null ? null : error.lineno + lineShift,
          end_lineno: error.end_lineno === null ? null : error.end_lineno + lineShift,
        },
        false,
      );
    }
    const expression = (outcome.tree as Expression).body;
    const braceColumn = byteColumnAt(this.source, start - 1);
    walk(expression, (node) => {
      const located = node as Partial<Located>;
      if (located.lineno === undefined) return;
      if (located.lineno === 1) located.col_offset! += braceColumn;
      if (located.end_lineno === 1) located.end_col_offset! += braceColumn;
      located.lineno += lineShift;
      located.end_lineno! += lineShift;
    });
    return expression;
  }
}

function lineOf(source: string, index: number): number {
  let line = 1;
  for (let position = source.indexOf("\n"); position >= 0 && position < index; position = source.indexOf("\n", position + 1)) line++;
  return line;
}

function byteColumnAt(source: string, index: number): number {
  const lineStart = source.lastIndexOf("\n", index - 1) + 1;
  return utf8Length(source, lineStart, index);
}

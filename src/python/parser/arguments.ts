// Call arguments (python.gram "FUNCTION CALL ARGUMENTS") with invalid_arguments / invalid_kwarg.
import type { Comprehension, Expr, Keyword } from "../ast/nodes.js";
import { AtomParser } from "./atoms.js";
import { Memo, tokenSpan } from "./parser-base.js";

/** What `arguments` yields: CPython wraps it in a dummy Call. */
export interface CallParts {
  args: Expr[];
  keywords: Keyword[];
}

/** A `kwargs` element: a keyword, or a starred expression among keywords. */
type KeywordOrStarred = { keyword: Keyword } | { starred: Expr };

/** The expression whose end bounds a this.message("genexp-parentheses") range. */
function lastComprehensionItem(clauses: Comprehension[]): Expr {
  const last = clauses[clauses.length - 1]!;
  return last.ifs.length > 0 ? last.ifs[last.ifs.length - 1]! : last.iter;
}

export abstract class CallParser extends AtomParser {
  // arguments[expr_ty] (memo):
  //     | a=args [','] &')' { a }
  //     | invalid_arguments
  argumentsRule(): CallParts | null {
    const cached = this.memoGet<CallParts>(Memo.Arguments);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result = this.args();
    if (result !== null) {
      this.expectOp(",");
      if (!this.isOp(")")) {
        result = null;
        this.mark = start;
      }
    }
    if (result === null && this.callInvalidRules) {
      this.invalidArguments();
      this.mark = start;
    }
    return this.memoSet(Memo.Arguments, start, result);
  }

  // args[expr_ty]:
  //     | a=','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ b=[',' k=kwargs {k}] {
  //         _PyPegen_collect_call_seqs(p, a, b, EXTRA) }
  //     | a=kwargs { Call(dummy, starred of a, keywords of a) }
  protected args(): CallParts | null {
    const start = this.mark;
    const positional = this.positionalArguments();
    if (positional !== null) {
      const save = this.mark;
      let rest: KeywordOrStarred[] | null = null;
      if (this.expectOp(",") !== null) rest = this.kwargs();
      if (rest === null) this.mark = save;
      return rest === null ? { args: positional, keywords: [] } : combine(positional, rest);
    }
    this.mark = start;
    const rest = this.kwargs();
    return rest === null ? null : combine([], rest);
  }

  /** `','.(starred_expression | ( assignment_expression | expression !':=') !'=')+` */
  private positionalArguments(): Expr[] | null {
    const first = this.positionalArgument();
    if (first === null) return null;
    const items = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.positionalArgument();
      if (next === null) {
        this.mark = save;
        break;
      }
      items.push(next);
    }
    return items;
  }

  private positionalArgument(): Expr | null {
    const start = this.mark;
    const starred = this.starredExpression();
    if (starred !== null) return starred;
    let value = this.assignmentExpression();
    if (value === null) {
      value = this.expression();
      if (value !== null && this.isOp(":=")) value = null;
    }
    if (value !== null && !this.isOp("=")) return value;
    this.mark = start;
    return null;
  }

  // kwargs[asdl_seq*]:
  //     | a=','.kwarg_or_starred+ ',' b=','.kwarg_or_double_starred+ { _PyPegen_join_sequences(p, a, b) }
  //     | ','.kwarg_or_starred+
  //     | ','.kwarg_or_double_starred+
  protected kwargs(): KeywordOrStarred[] | null {
    const start = this.mark;
    const first = this.separated(() => this.kwargOrStarred());
    if (first !== null) {
      const afterFirst = this.mark;
      if (this.expectOp(",") !== null) {
        const second = this.separated(() => this.kwargOrDoubleStarred());
        if (second !== null) return [...first, ...second];
      }
      this.mark = afterFirst;
      return first;
    }
    this.mark = start;
    return this.separated(() => this.kwargOrDoubleStarred());
  }

  /** `','.item+` */
  private separated<T>(item: () => T | null): T[] | null {
    const first = item();
    if (first === null) return null;
    const items = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = item();
      if (next === null) {
        this.mark = save;
        break;
      }
      items.push(next);
    }
    return items;
  }

  // starred_expression[expr_ty]:
  //     | '*' a=expression { _PyAST_Starred(a, Load, EXTRA) }
  //     | invalid_starred_expression (3.13+: '*' alone -> "Invalid star expression")
  starredExpression(): Expr | null {
    const start = this.mark;
    if (this.expectOp("*") === null) return null;
    const value = this.expression();
    if (value !== null) return { type: "Starred", value, ctx: "Load", ...this.extra(start) };
    this.mark = start;
    if (this.callInvalidRules && this.atLeast(3, 13)) {
      // invalid_starred_expression: '*' { RAISE_SYNTAX_ERROR("Invalid star expression") }
      this.mark++;
      this.raiseError(this.message("invalid-star-expression"));
    }
    return null;
  }

  // kwarg_or_starred[KeywordOrStarred*]:
  //     | invalid_kwarg
  //     | a=NAME '=' b=expression { keyword(a, b) }
  //     | a=starred_expression { a }
  private kwargOrStarred(): KeywordOrStarred | null {
    const start = this.mark;
    if (this.callInvalidRules) {
      this.invalidKwarg();
      this.mark = start;
    }
    const keyword = this.namedKeyword();
    if (keyword !== null) return { keyword };
    const starred = this.starredExpression();
    return starred === null ? null : { starred };
  }

  // kwarg_or_double_starred[KeywordOrStarred*]:
  //     | invalid_kwarg
  //     | a=NAME '=' b=expression { keyword(a, b) }
  //     | '**' a=expression { keyword(NULL, a) }
  private kwargOrDoubleStarred(): KeywordOrStarred | null {
    const start = this.mark;
    if (this.callInvalidRules) {
      this.invalidKwarg();
      this.mark = start;
    }
    const keyword = this.namedKeyword();
    if (keyword !== null) return { keyword };
    if (this.expectOp("**") !== null) {
      const value = this.expression();
      if (value !== null) return { keyword: { type: "keyword", arg: null, value, ...this.extra(start) } };
    }
    this.mark = start;
    return null;
  }

  /** `a=NAME '=' b=expression` */
  private namedKeyword(): Keyword | null {
    const start = this.mark;
    const name = this.name();
    if (name !== null && this.expectOp("=") !== null) {
      const value = this.expression();
      if (value !== null) return { type: "keyword", arg: name.id, value, ...this.extra(start) };
    }
    this.mark = start;
    return null;
  }

  // invalid_arguments:
  //     | ((','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ ',' kwargs) | kwargs) a=',' ','.(starred_expression !'=')+ {
  //         RAISE_SYNTAX_ERROR_STARTING_FROM(a, "iterable argument unpacking follows keyword argument unpacking") }
  //     | a=expression b=for_if_clauses ',' [args | expression for_if_clauses] {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, last comprehension item, "Generator expression must be parenthesized") }
  //     | a=NAME b='=' expression for_if_clauses {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")}
  //     | (args ',')? a=NAME b='=' &(',' | ')') { RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "expected argument value expression")}
  //     | a=args b=for_if_clauses { _PyPegen_nonparen_genexp_in_call(p, a, b) }
  //     | args ',' a=expression b=for_if_clauses {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, last comprehension item, "Generator expression must be parenthesized") }
  //     | a=args ',' args { _PyPegen_arguments_parsing_error(p, a) }
  private invalidArguments(): void {
    const start = this.mark;
    this.invalidUnpackingOrder(start);
    this.mark = start;
    const generator = this.expression();
    if (generator !== null) {
      const clauses = this.forIfClauses();
      if (clauses !== null && this.expectOp(",") !== null) {
        const save = this.mark;
        if (this.args() === null) {
          this.mark = save;
          if (!(this.expression() !== null && this.forIfClauses() !== null)) this.mark = save;
        }
        this.raiseKnownRange(generator, lastComprehensionItem(clauses), this.message("genexp-parentheses"));
      }
    }
    this.mark = start;
    if (this.atLeast(3, 10)) {
      const name = this.name();
      const equals = name !== null ? this.expectOp("=") : null;
      if (name !== null && equals !== null && this.expression() !== null && this.forIfClauses() !== null) {
        this.raiseKnownRange(name, tokenSpan(equals), this.message("maybe-equality"));
      }
      this.mark = start;
    }
    if (this.atLeast(3, 12)) {
      const save = this.mark;
      if (!(this.args() !== null && this.expectOp(",") !== null)) this.mark = save;
      const name = this.name();
      const equals = name !== null ? this.expectOp("=") : null;
      if (name !== null && equals !== null && (this.isOp(",") || this.isOp(")"))) {
        this.raiseKnownRange(name, tokenSpan(equals), this.message("expected-argument-value"));
      }
      this.mark = start;
    }
    const parts = this.args();
    if (parts !== null) {
      const clauses = this.forIfClauses();
      if (clauses !== null && parts.args.length > 1) {
        this.raiseKnownRange(parts.args[parts.args.length - 1]!, lastComprehensionItem(clauses), this.message("genexp-parentheses"));
      }
    }
    this.mark = start;
    if (this.args() !== null && this.expectOp(",") !== null) {
      const generatorArgument = this.expression();
      if (generatorArgument !== null) {
        const clauses = this.forIfClauses();
        if (clauses !== null) {
          this.raiseKnownRange(generatorArgument, lastComprehensionItem(clauses), this.message("genexp-parentheses"));
        }
      }
    }
    this.mark = start;
    const first = this.args();
    if (first !== null && this.expectOp(",") !== null && this.args() !== null) {
      const unpacking = first.keywords.some((keyword) => keyword.arg === null);
      this.raiseError(
        unpacking ? this.message("positional-after-keyword-unpacking") : this.message("positional-after-keyword"),
      );
    }
    this.mark = start;
  }

  /**
   * The first alternative of invalid_arguments, placed per version:
   *   3.10:      a=args ',' '*' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, ...) }
   *   3.11-3.12: (args_with_kwargs | kwargs) ',' a='*' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, ...) }
   *   3.13:      (args_with_kwargs | kwargs) a=',' ','.(starred_expression !'=')+ { RAISE_SYNTAX_ERROR_STARTING_FROM(a, ...) }
   */
  private invalidUnpackingOrder(start: number): void {
    const message = this.message("unpacking-order");
    if (!this.atLeast(3, 11)) {
      const parts = this.args();
      if (parts !== null) {
        const argsSpan = this.extra(start);
        if (this.expectOp(",") !== null && this.expectOp("*") !== null) {
          if (this.atLeast(3, 10)) this.raiseKnownLocation(argsSpan, message);
          this.raiseError(message);
        }
      }
      return;
    }
    let matched = false;
    const positional = this.positionalArguments();
    if (positional !== null && this.expectOp(",") !== null && this.kwargs() !== null) matched = true;
    if (!matched) {
      this.mark = start;
      matched = this.kwargs() !== null;
    }
    if (!matched) return;
    const comma = this.expectOp(",");
    if (comma === null) return;
    if (!this.atLeast(3, 13)) {
      const star = this.expectOp("*");
      if (star !== null) this.raiseKnownLocation(tokenSpan(star), message);
      return;
    }
    const starred = this.starredExpression();
    if (starred === null || this.isOp("=")) return;
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      if (this.starredExpression() === null || this.isOp("=")) {
        this.mark = save;
        break;
      }
    }
    this.raiseStartingFrom(tokenSpan(comma), message);
  }

  // invalid_kwarg:
  //     | a[Token*]=('True'|'False'|'None') b='=' { RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "cannot assign to %s", ...) }
  //     | a=NAME b='=' expression for_if_clauses {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")}
  //     | !(NAME '=') a=expression b='=' {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "expression cannot contain assignment, perhaps you meant \"==\"?") }
  //     | a='**' expression '=' b=expression { RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "cannot assign to keyword argument unpacking") }
  private invalidKwarg(): void {
    const start = this.mark;
    const token = this.peek();
    if (this.atLeast(3, 10) && (this.isKeyword("True") || this.isKeyword("False") || this.isKeyword("None"))) {
      this.mark++;
      const equals = this.expectOp("=");
      if (equals !== null) this.raiseKnownRange(tokenSpan(token), tokenSpan(equals), this.message("cannot-assign", token.text));
      this.mark = start;
    }
    if (this.atLeast(3, 10)) {
      const name = this.name();
      const equals = name !== null ? this.expectOp("=") : null;
      if (name !== null && equals !== null && this.expression() !== null && this.forIfClauses() !== null) {
        this.raiseKnownRange(name, tokenSpan(equals), this.message("maybe-equality"));
      }
      this.mark = start;
    }
    const isNameEquals = this.name() !== null && this.isOp("=");
    this.mark = start;
    if (!isNameEquals) {
      const target = this.expression();
      const equals = target !== null ? this.expectOp("=") : null;
      if (target !== null && equals !== null) {
        this.raiseKnownRange(target, tokenSpan(equals), this.message("keyword-expression-assign"));
      }
      this.mark = start;
    }
    if (this.atLeast(3, 12)) {
      const doubleStar = this.expectOp("**");
      if (doubleStar !== null && this.expression() !== null && this.expectOp("=") !== null) {
        const value = this.expression();
        if (value !== null) this.raiseKnownRange(tokenSpan(doubleStar), value, this.message("keyword-unpacking-assign"));
      }
      this.mark = start;
    }
  }
}

/** CPython's _PyPegen_collect_call_seqs: starred kwargs join the positionals. */
function combine(positional: Expr[], rest: KeywordOrStarred[]): CallParts {
  const args = [...positional];
  const keywords: Keyword[] = [];
  for (const item of rest) {
    if ("keyword" in item) keywords.push(item.keyword);
    else args.push(item.starred);
  }
  return { args, keywords };
}

// Atoms, displays, comprehensions and slices (python.gram "Primary elements", "LITERALS" minus
// strings, "Dicts", "Comprehensions & Generators"), with their invalid_* rules.
import type { Comprehension, Expr } from "../ast/nodes.js";
import { numberValue } from "../lexer/literals.js";
import { TokenType } from "../lexer/tokens.js";
import { ExpressionParser } from "./expressions.js";
import { tokenSpan } from "./parser-base.js";

/** A `key: value` or `**mapping` (key null) entry of a dict display. */
interface KeyValuePair {
  key: Expr | null;
  value: Expr;
}

/** Marks a for_if_clause that failed after its cut (`~`): no other alternative may be tried. */
const CUT = Symbol("cut");

export abstract class AtomParser extends ExpressionParser {
  // atom[expr_ty]:
  //     | NAME
  //     | 'True' | 'False' | 'None'
  //     | &(STRING|FSTRING_START) strings
  //     | NUMBER
  //     | &'(' (tuple | group | genexp)
  //     | &'[' (list | listcomp)
  //     | &'{' (dict | set | dictcomp | setcomp)
  //     | '...' { _PyAST_Constant(Py_Ellipsis, NULL, EXTRA) }
  atom(): Expr | null {
    const token = this.peek();
    const start = this.mark;
    switch (token.type) {
      case TokenType.Name:
        if (!token.isKeyword) {
          this.mark++;
          return this.nameFromToken(token);
        }
        if (token.text === "True" || token.text === "False") {
          this.mark++;
          return { type: "Constant", value: { kind: "bool", value: token.text === "True" }, ...this.extra(start) };
        }
        if (token.text === "None") {
          this.mark++;
          return { type: "Constant", value: { kind: "None" }, ...this.extra(start) };
        }
        return null;
      case TokenType.String:
      case TokenType.FStringStart:
        return this.strings();
      case TokenType.Number:
        this.mark++;
        return { type: "Constant", value: numberValue(token.text), ...this.extra(start) };
      case TokenType.Op:
        break;
      default:
        return null;
    }
    this.enter();
    try {
      switch (token.text) {
        case "(":
          return this.tuple() ?? this.group() ?? this.genexp();
        case "[":
          return this.list() ?? this.listcomp();
        case "{":
          return this.dict() ?? this.set() ?? this.dictcomp() ?? this.setcomp();
        case "...":
          this.mark++;
          return { type: "Constant", value: { kind: "Ellipsis" }, ...this.extra(start) };
        default:
          return null;
      }
    } finally {
      this.leave();
    }
  }

  // group[expr_ty]:
  //     | '(' a=(yield_expr | named_expression) ')' { a }
  //     | invalid_group
  protected group(): Expr | null {
    const start = this.mark;
    if (this.expectOp("(") !== null) {
      const inner = this.yieldExpr() ?? this.namedExpression();
      if (inner !== null && this.expectOp(")") !== null) return inner;
    }
    this.mark = start;
    if (this.callInvalidRules) {
      this.invalidGroup();
      this.mark = start;
    }
    return null;
  }

  // invalid_group:
  //     | '(' a=starred_expression ')' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use starred expression here") }
  //     | '(' a='**' expression ')' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use double starred expression here") }
  private invalidGroup(): void {
    const start = this.mark;
    if (this.expectOp("(") === null) return;
    const starred = this.starredExpression();
    if (starred !== null && this.expectOp(")") !== null) this.raiseKnownLocation(starred, this.message("starred-here"));
    if (!this.atLeast(3, 10)) return;
    this.mark = start + 1;
    const doubleStar = this.expectOp("**");
    if (doubleStar !== null && this.expression() !== null && this.expectOp(")") !== null) {
      this.raiseKnownLocation(tokenSpan(doubleStar), this.message("double-starred-here"));
    }
  }

  // tuple[expr_ty]:
  //     | '(' a=[y=star_named_expression ',' z=[star_named_expressions] { insert_in_front(y, z) } ] ')' {
  //         _PyAST_Tuple(a, Load, EXTRA) }
  tuple(): Expr | null {
    const start = this.mark;
    if (this.expectOp("(") === null) return null;
    let elements: Expr[] = [];
    const afterParen = this.mark;
    const first = this.starNamedExpression();
    if (first !== null && this.expectOp(",") !== null) {
      elements = [first, ...(this.starNamedExpressions() ?? [])];
    } else {
      this.mark = afterParen;
    }
    if (this.expectOp(")") !== null) return { type: "Tuple", elts: elements, ctx: "Load", ...this.extra(start) };
    this.mark = start;
    return null;
  }

  // list[expr_ty]: '[' a=[star_named_expressions] ']' { _PyAST_List(a, Load, EXTRA) }
  list(): Expr | null {
    const start = this.mark;
    if (this.expectOp("[") === null) return null;
    const elements = this.starNamedExpressions() ?? [];
    if (this.expectOp("]") !== null) return { type: "List", elts: elements, ctx: "Load", ...this.extra(start) };
    this.mark = start;
    return null;
  }

  // set[expr_ty]: '{' a=star_named_expressions '}' { _PyAST_Set(a, EXTRA) }
  private set(): Expr | null {
    const start = this.mark;
    if (this.expectOp("{") === null) return null;
    const elements = this.starNamedExpressions();
    if (elements !== null && this.expectOp("}") !== null) return { type: "Set", elts: elements, ...this.extra(start) };
    this.mark = start;
    return null;
  }

  // dict[expr_ty]:
  //     | '{' a=[double_starred_kvpairs] '}' { _PyAST_Dict(keys, values, EXTRA) }
  //     | '{' invalid_double_starred_kvpairs '}'
  private dict(): Expr | null {
    const start = this.mark;
    if (this.expectOp("{") === null) return null;
    const pairs = this.doubleStarredKvpairs() ?? [];
    if (this.expectOp("}") !== null) {
      return { type: "Dict", keys: pairs.map((pair) => pair.key), values: pairs.map((pair) => pair.value), ...this.extra(start) };
    }
    this.mark = start + 1;
    if (this.callInvalidRules) this.invalidDoubleStarredKvpairs();
    this.mark = start;
    return null;
  }

  // double_starred_kvpairs[asdl_seq*]: a=','.double_starred_kvpair+ [','] { a }
  private doubleStarredKvpairs(): KeyValuePair[] | null {
    const first = this.doubleStarredKvpair();
    if (first === null) return null;
    const pairs = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.doubleStarredKvpair();
      if (next === null) {
        this.mark = save;
        break;
      }
      pairs.push(next);
    }
    this.expectOp(",");
    return pairs;
  }

  // double_starred_kvpair[KeyValuePair*]:
  //     | '**' a=bitwise_or { _PyPegen_key_value_pair(p, NULL, a) }
  //     | kvpair
  private doubleStarredKvpair(): KeyValuePair | null {
    const start = this.mark;
    if (this.expectOp("**") !== null) {
      const value = this.bitwiseOr();
      if (value !== null) return { key: null, value };
      this.mark = start;
    }
    return this.kvpair();
  }

  // kvpair[KeyValuePair*]: a=expression ':' b=expression { _PyPegen_key_value_pair(p, a, b) }
  private kvpair(): KeyValuePair | null {
    const start = this.mark;
    const key = this.expression();
    if (key !== null && this.expectOp(":") !== null) {
      const value = this.expression();
      if (value !== null) return { key, value };
    }
    this.mark = start;
    return null;
  }

  // invalid_double_starred_kvpairs:
  //     | ','.double_starred_kvpair+ ',' invalid_kvpair
  //     | expression ':' a='*' bitwise_or { RAISE_SYNTAX_ERROR_STARTING_FROM(a, "cannot use a starred expression in a dictionary value") }
  //     | expression a=':' &('}'|',') { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "expression expected after dictionary key and ':'") }
  private invalidDoubleStarredKvpairs(): void {
    if (!this.atLeast(3, 10)) return;
    const start = this.mark;
    if (this.doubleStarredKvpair() !== null) {
      for (;;) {
        const save = this.mark;
        if (this.expectOp(",") === null) break;
        if (this.doubleStarredKvpair() === null) {
          this.mark = save;
          break;
        }
      }
      if (this.expectOp(",") !== null) this.invalidKvpair();
    }
    this.mark = start;
    if (this.expression() !== null && this.expectOp(":") !== null) {
      const star = this.expectOp("*");
      if (star !== null && this.bitwiseOr() !== null) {
        this.raiseStartingFrom(tokenSpan(star), this.message("dict-starred-value"));
      }
    }
    this.mark = start;
    if (this.expression() !== null) {
      const colon = this.expectOp(":");
      if (colon !== null && (this.isOp("}") || this.isOp(","))) {
        this.raiseKnownLocation(tokenSpan(colon), this.message("dict-expected-value"));
      }
    }
    this.mark = start;
  }

  // invalid_kvpair:
  //     | a=expression !(':') {
  //         RAISE_ERROR_KNOWN_LOCATION(p, PyExc_SyntaxError, a->lineno, a->end_col_offset - 1, a->end_lineno, -1, "':' expected after dictionary key") }
  //     | expression ':' a='*' bitwise_or { RAISE_SYNTAX_ERROR_STARTING_FROM(a, "cannot use a starred expression in a dictionary value") }
  //     | expression a=':' &('}'|',') {RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "expression expected after dictionary key and ':'") }
  private invalidKvpair(): void {
    const start = this.mark;
    const key = this.expression();
    if (key !== null && !this.isOp(":")) {
      this.raiseAt("SyntaxError", this.message("dict-expected-colon"), key.lineno, key.end_col_offset, key.end_lineno, 0);
    }
    this.mark = start;
    if (this.expression() !== null && this.expectOp(":") !== null) {
      const star = this.expectOp("*");
      if (star !== null && this.bitwiseOr() !== null) {
        this.raiseStartingFrom(tokenSpan(star), this.message("dict-starred-value"));
      }
    }
    this.mark = start;
    if (this.expression() !== null) {
      const colon = this.expectOp(":");
      if (colon !== null && (this.isOp("}") || this.isOp(","))) {
        this.raiseKnownLocation(tokenSpan(colon), this.message("dict-expected-value"));
      }
    }
    this.mark = start;
  }

  // for_if_clauses[asdl_comprehension_seq*]: a[asdl_comprehension_seq*]=for_if_clause+ { a }
  forIfClauses(): Comprehension[] | null {
    const clauses: Comprehension[] = [];
    for (;;) {
      const clause = this.forIfClause();
      if (clause === null || clause === CUT) break;
      clauses.push(clause);
    }
    return clauses.length > 0 ? clauses : null;
  }

  // for_if_clause[comprehension_ty]:
  //     | 'async' 'for' a=star_targets 'in' ~ b=disjunction c=('if' z=disjunction { z })* { comprehension(..., 1) }
  //     | 'for' a=star_targets 'in' ~ b=disjunction c=('if' z=disjunction { z })* { comprehension(..., 0) }
  //     | invalid_for_if_clause (3.13+)
  //     | invalid_for_target
  private forIfClause(): Comprehension | null | typeof CUT {
    const start = this.mark;
    const isAsync = this.expectKeyword("async") !== null;
    if (this.expectKeyword("for") !== null) {
      const target = this.starTargets();
      if (target !== null && this.expectKeyword("in") !== null) {
        const iter = this.disjunction();
        if (iter === null) {
          this.mark = start;
          return CUT;
        }
        const ifs: Expr[] = [];
        for (;;) {
          const save = this.mark;
          if (this.expectKeyword("if") === null) break;
          const condition = this.disjunction();
          if (condition === null) {
            this.mark = save;
            break;
          }
          ifs.push(condition);
        }
        return { type: "comprehension", target, iter, ifs, is_async: isAsync ? 1 : 0 };
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      if (this.atLeast(3, 13)) {
        this.invalidForIfClause();
        this.mark = start;
      }
      this.invalidForTarget();
      this.mark = start;
    }
    return null;
  }

  // invalid_for_if_clause:
  //     | 'async'? 'for' (bitwise_or (',' bitwise_or)* [',']) !'in' {
  //         RAISE_SYNTAX_ERROR("'in' expected after for-loop variables") }
  private invalidForIfClause(): void {
    this.expectKeyword("async");
    if (this.expectKeyword("for") === null) return;
    if (this.bitwiseOr() === null) return;
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null || this.bitwiseOr() === null) {
        this.mark = save;
        break;
      }
    }
    this.expectOp(",");
    if (!this.isKeyword("in")) this.raiseError(this.message("in-expected"));
  }

  // invalid_for_target:
  //     | 'async'? 'for' a=star_expressions { RAISE_SYNTAX_ERROR_INVALID_TARGET(FOR_TARGETS, a) }
  protected invalidForTarget(): void {
    this.expectKeyword("async");
    if (this.expectKeyword("for") === null) return;
    const target = this.starExpressions();
    if (target !== null) this.raiseInvalidTarget("for", target);
  }

  // listcomp[expr_ty]:
  //     | '[' a=named_expression b=for_if_clauses ']' { _PyAST_ListComp(a, b, EXTRA) }
  //     | invalid_comprehension
  private listcomp(): Expr | null {
    const start = this.mark;
    if (this.expectOp("[") !== null) {
      const elt = this.namedExpression();
      if (elt !== null) {
        const generators = this.forIfClauses();
        if (generators !== null && this.expectOp("]") !== null) {
          return { type: "ListComp", elt, generators, ...this.extra(start) };
        }
      }
    }
    this.mark = start;
    if (this.callInvalidRules) this.invalidComprehension();
    this.mark = start;
    return null;
  }

  // setcomp[expr_ty]:
  //     | '{' a=named_expression b=for_if_clauses '}' { _PyAST_SetComp(a, b, EXTRA) }
  //     | invalid_comprehension
  private setcomp(): Expr | null {
    const start = this.mark;
    if (this.expectOp("{") !== null) {
      const elt = this.namedExpression();
      if (elt !== null) {
        const generators = this.forIfClauses();
        if (generators !== null && this.expectOp("}") !== null) {
          return { type: "SetComp", elt, generators, ...this.extra(start) };
        }
      }
    }
    this.mark = start;
    if (this.callInvalidRules) this.invalidComprehension();
    this.mark = start;
    return null;
  }

  // genexp[expr_ty]:
  //     | '(' a=( assignment_expression | expression !':=') b=for_if_clauses ')' { _PyAST_GeneratorExp(a, b, EXTRA) }
  //     | invalid_comprehension
  genexp(): Expr | null {
    const start = this.mark;
    if (this.expectOp("(") !== null) {
      let elt = this.assignmentExpression();
      if (elt === null) {
        elt = this.expression();
        if (elt !== null && this.isOp(":=")) elt = null;
      }
      if (elt !== null) {
        const generators = this.forIfClauses();
        if (generators !== null && this.expectOp(")") !== null) {
          return { type: "GeneratorExp", elt, generators, ...this.extra(start) };
        }
      }
    }
    this.mark = start;
    if (this.callInvalidRules) this.invalidComprehension();
    this.mark = start;
    return null;
  }

  // dictcomp[expr_ty]:
  //     | '{' a=kvpair b=for_if_clauses '}' { _PyAST_DictComp(a->key, a->value, b, EXTRA) }
  //     | invalid_dict_comprehension
  private dictcomp(): Expr | null {
    const start = this.mark;
    if (this.expectOp("{") !== null) {
      const pair = this.kvpair();
      if (pair !== null) {
        const generators = this.forIfClauses();
        if (generators !== null && this.expectOp("}") !== null) {
          return { type: "DictComp", key: pair.key!, value: pair.value, generators, ...this.extra(start) };
        }
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      // invalid_dict_comprehension:
      //     | '{' a='**' bitwise_or for_if_clauses '}' {
      //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "dict unpacking cannot be used in dict comprehension") }
      if (this.expectOp("{") !== null) {
        const doubleStar = this.expectOp("**");
        if (doubleStar !== null && this.bitwiseOr() !== null && this.forIfClauses() !== null && this.expectOp("}") !== null) {
          this.raiseKnownLocation(tokenSpan(doubleStar), this.message("dict-comprehension-unpacking"));
        }
      }
      this.mark = start;
    }
    return null;
  }

  // invalid_comprehension:
  //     | ('[' | '(' | '{') a=starred_expression for_if_clauses {
  //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "iterable unpacking cannot be used in comprehension") }
  //     | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, PyPegen_last_item(b, expr_ty),
  //         "did you forget parentheses around the comprehension target?") }
  //     | ('[' | '{') a=star_named_expression b=',' for_if_clauses {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "did you forget parentheses around the comprehension target?") }
  private invalidComprehension(): void {
    const start = this.mark;
    const opening = this.expectOp("[") ?? this.expectOp("(") ?? this.expectOp("{");
    if (opening === null) return;
    const starred = this.starredExpression();
    if (starred !== null && this.forIfClauses() !== null) {
      this.raiseKnownLocation(starred, this.message("comprehension-unpacking"));
    }
    if (opening.text === "(" || !this.atLeast(3, 10)) return;
    this.mark = start + 1;
    const first = this.starNamedExpression();
    if (first !== null && this.expectOp(",") !== null) {
      const rest = this.starNamedExpressions();
      if (rest !== null && this.forIfClauses() !== null) {
        this.raiseKnownRange(first, rest[rest.length - 1]!, this.message("comprehension-parentheses"));
      }
    }
    this.mark = start + 1;
    const single = this.starNamedExpression();
    if (single !== null) {
      const comma = this.expectOp(",");
      if (comma !== null && this.forIfClauses() !== null) {
        this.raiseKnownRange(single, tokenSpan(comma), this.message("comprehension-parentheses"));
      }
    }
  }

  // slices[expr_ty]:
  //     | a=slice !',' { a }
  //     | a[asdl_expr_seq*]=','.(slice | starred_expression)+ [','] { _PyAST_Tuple(a, Load, EXTRA) }
  slices(): Expr | null {
    const start = this.mark;
    const first = this.slice();
    if (first !== null && !this.isOp(",")) return first;
    this.mark = start;
    const elements: Expr[] = [];
    const element = this.sliceOrStarred();
    if (element === null) return null;
    elements.push(element);
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.sliceOrStarred();
      if (next === null) {
        this.mark = save;
        break;
      }
      elements.push(next);
    }
    this.expectOp(",");
    return { type: "Tuple", elts: elements, ctx: "Load", ...this.extra(start) };
  }

  private sliceOrStarred(): Expr | null {
    return this.slice() ?? (this.atLeast(3, 11) ? this.starredExpression() : null);
  }

  // slice[expr_ty]:
  //     | a=[expression] ':' b=[expression] c=[':' d=[expression] { d }] { _PyAST_Slice(a, b, c, EXTRA) }
  //     | a=named_expression { a }
  private slice(): Expr | null {
    const start = this.mark;
    const lower = this.expression();
    if (this.expectOp(":") !== null) {
      const upper = this.expression();
      let step: Expr | null = null;
      const save = this.mark;
      if (this.expectOp(":") !== null) step = this.expression();
      else this.mark = save;
      return { type: "Slice", lower, upper, step, ...this.extra(start) };
    }
    this.mark = start;
    return this.namedExpression();
  }

  abstract starredExpression(): Expr | null;
}

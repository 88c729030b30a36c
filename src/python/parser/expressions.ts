// Expressions from `expressions` down to `primary` (python.gram "EXPRESSIONS"), with the
// invalid_* rules that give expression errors their CPython wording.
import type { CmpOperator, Expr, Name, Operator } from "../ast/nodes.js";
import { TokenType } from "../lexer/tokens.js";
import { exprName, setExprContext } from "./context.js";
import { Memo, tokenSpan } from "./parser-base.js";
import { TargetParser } from "./targets.js";

const SOFT_KEYWORDS: ReadonlySet<string> = new Set(["match", "case", "_", "type"]);

const SUM_OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ["+", "Add"],
  ["-", "Sub"],
]);
const TERM_OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ["*", "Mult"],
  ["/", "Div"],
  ["//", "FloorDiv"],
  ["%", "Mod"],
  ["@", "MatMult"],
]);
const SHIFT_OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ["<<", "LShift"],
  [">>", "RShift"],
]);
const COMPARISON_OPERATORS: ReadonlyMap<string, CmpOperator> = new Map([
  ["==", "Eq"],
  ["!=", "NotEq"],
  ["<=", "LtE"],
  ["<", "Lt"],
  [">=", "GtE"],
  [">", "Gt"],
]);

export abstract class ExpressionParser extends TargetParser {
  // expressions[expr_ty]:
  //     | a=expression b=(',' c=expression { c })+ [','] { _PyAST_Tuple(..., Load, EXTRA) }
  //     | a=expression ',' { _PyAST_Tuple(singleton, Load, EXTRA) }
  //     | expression
  expressions(): Expr | null {
    const start = this.mark;
    const first = this.expression();
    if (first === null) return null;
    if (!this.isOp(",")) return first;
    const elements = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.expression();
      if (next === null) {
        this.mark = save;
        break;
      }
      elements.push(next);
    }
    this.expectOp(",");
    return { type: "Tuple", elts: elements, ctx: "Load", ...this.extra(start) };
  }

  // expression[expr_ty] (memo):
  //     | invalid_expression
  //     | invalid_legacy_expression
  //     | a=disjunction 'if' b=disjunction 'else' c=expression { _PyAST_IfExp(b, a, c, EXTRA) }
  //     | disjunction
  //     | lambdef
  expression(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.Expression);
    if (cached !== undefined) return cached;
    const start = this.mark;
    this.enter();
    if (this.callInvalidRules) {
      this.invalidExpression();
      this.mark = start;
      this.invalidLegacyExpression();
      this.mark = start;
    }
    const result = this.conditionalOrDisjunction(start) ?? this.lambdef();
    this.leave();
    return this.memoSet(Memo.Expression, start, result);
  }

  /** `disjunction 'if' disjunction 'else' expression | disjunction`, sharing the memoized disjunction. */
  private conditionalOrDisjunction(start: number): Expr | null {
    const body = this.disjunction();
    if (body === null) return null;
    const afterBody = this.mark;
    if (this.expectKeyword("if") !== null) {
      const test = this.disjunction();
      if (test !== null && this.expectKeyword("else") !== null) {
        const orelse = this.expression();
        if (orelse !== null) return { type: "IfExp", test, body, orelse, ...this.extra(start) };
      }
    }
    this.mark = afterBody;
    return body;
  }

  // expression_without_invalid[expr_ty]:
  //     | a=disjunction 'if' b=disjunction 'else' c=expression { _PyAST_IfExp(b, a, c, EXTRA) }
  //     | disjunction
  //     | lambdef
  // (the "_without_invalid" suffix switches the invalid_* rules off below it)
  protected expressionWithoutInvalid(): Expr | null {
    const previous = this.callInvalidRules;
    this.callInvalidRules = false;
    try {
      const start = this.mark;
      return this.conditionalOrDisjunction(start) ?? this.lambdef();
    } finally {
      this.callInvalidRules = previous;
    }
  }

  // invalid_expression:
  //    | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid {
  //         _PyPegen_check_legacy_stmt(p, a) ? NULL : p->tokens[p->mark-1]->level == 0 ? NULL :
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "invalid syntax. Perhaps you forgot a comma?") }
  //    | a=disjunction 'if' b=disjunction !('else'|':') {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "expected 'else' after 'if' expression") }
  //    | a='lambda' [lambda_params] b=':' &(FSTRING_MIDDLE | fstring_replacement_field) {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "f-string: lambda expressions are not allowed without parentheses") }
  private invalidExpression(): void {
    const start = this.mark;
    if (!this.atLeast(3, 10)) return;
    if (!this.lookahead(() => this.nameStringOrSoftKeyword())) {
      const a = this.disjunction();
      if (a !== null) {
        const b = this.expressionWithoutInvalid();
        if (b !== null && !isLegacyStatementName(a) && this.tokens[this.mark - 1]!.level !== 0) {
          this.raiseKnownRange(a, b, this.message("forgot-comma"));
        }
      }
    }
    this.mark = start;
    const a = this.disjunction();
    if (a !== null && this.expectKeyword("if") !== null) {
      const b = this.disjunction();
      if (b !== null && !this.isKeyword("else") && !this.isOp(":")) {
        this.raiseKnownRange(a, b, this.message("expected-else"));
      }
    }
    this.mark = start;
    if (this.atLeast(3, 12)) {
      const lambdaToken = this.expectKeyword("lambda");
      if (lambdaToken !== null) {
        this.lambdaParams();
        const colon = this.expectOp(":");
        if (colon !== null && this.isType(TokenType.FStringMiddle)) {
          this.raiseKnownRange(
            tokenSpan(lambdaToken),
            tokenSpan(colon),
            this.message("fstring-lambda"),
          );
        }
      }
      this.mark = start;
    }
  }

  /** `NAME STRING | SOFT_KEYWORD` (the negative lookahead of invalid_expression). */
  private nameStringOrSoftKeyword(): boolean {
    const start = this.mark;
    if (this.nameToken() !== null) {
      const next = this.peek().type;
      if (next === TokenType.String || next === TokenType.FStringStart) return true;
    }
    this.mark = start;
    const token = this.peek();
    return token.type === TokenType.Name && !token.isKeyword && SOFT_KEYWORDS.has(token.text);
  }

  // invalid_legacy_expression:
  //     | a=NAME !'(' b=star_expressions {
  //         _PyPegen_check_legacy_stmt(p, a) ? RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b,
  //             "Missing parentheses in call to '%U'. Did you mean %U(...)?", a->v.Name.id, a->v.Name.id) : NULL}
  private invalidLegacyExpression(): void {
    if (!this.atLeast(3, 10)) return;
    const a = this.name();
    if (a === null || this.isOp("(")) return;
    const b = this.starExpressions();
    if (b !== null && isLegacyStatementName(a)) {
      this.raiseKnownRange(a, b, this.message("missing-parentheses-call", a.id));
    }
  }

  // yield_expr[expr_ty]:
  //     | 'yield' 'from' a=expression { _PyAST_YieldFrom(a, EXTRA) }
  //     | 'yield' a=[star_expressions] { _PyAST_Yield(a, EXTRA) }
  yieldExpr(): Expr | null {
    const start = this.mark;
    if (this.expectKeyword("yield") === null) return null;
    if (this.expectKeyword("from") !== null) {
      const value = this.expression();
      if (value !== null) return { type: "YieldFrom", value, ...this.extra(start) };
      this.mark = start + 1;
    }
    const value = this.starExpressions();
    return { type: "Yield", value, ...this.extra(start) };
  }

  // star_expressions[expr_ty]:
  //     | a=star_expression b=(',' c=star_expression { c })+ [','] { _PyAST_Tuple(..., Load, EXTRA) }
  //     | a=star_expression ',' { _PyAST_Tuple(singleton, Load, EXTRA) }
  //     | star_expression
  starExpressions(): Expr | null {
    const start = this.mark;
    const first = this.starExpression();
    if (first === null) return null;
    if (!this.isOp(",")) return first;
    const elements = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.starExpression();
      if (next === null) {
        this.mark = save;
        break;
      }
      elements.push(next);
    }
    this.expectOp(",");
    return { type: "Tuple", elts: elements, ctx: "Load", ...this.extra(start) };
  }

  // star_expression[expr_ty] (memo):
  //     | '*' a=bitwise_or { _PyAST_Starred(a, Load, EXTRA) }
  //     | expression
  starExpression(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.StarExpression);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result: Expr | null = null;
    if (this.expectOp("*") !== null) {
      const value = this.bitwiseOr();
      if (value !== null) result = { type: "Starred", value, ctx: "Load", ...this.extra(start) };
      else this.mark = start;
    }
    if (result === null) result = this.expression();
    return this.memoSet(Memo.StarExpression, start, result);
  }

  // star_named_expressions[asdl_expr_seq*]: a=','.star_named_expression+ [','] { a }
  protected starNamedExpressions(): Expr[] | null {
    const first = this.starNamedExpression();
    if (first === null) return null;
    const elements = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.starNamedExpression();
      if (next === null) {
        this.mark = save;
        break;
      }
      elements.push(next);
    }
    this.expectOp(",");
    return elements;
  }

  // star_named_expression[expr_ty]:
  //     | '*' a=bitwise_or { _PyAST_Starred(a, Load, EXTRA) }
  //     | named_expression
  starNamedExpression(): Expr | null {
    const start = this.mark;
    if (this.expectOp("*") !== null) {
      const value = this.bitwiseOr();
      if (value !== null) return { type: "Starred", value, ctx: "Load", ...this.extra(start) };
      this.mark = start;
    }
    return this.namedExpression();
  }

  // assignment_expression[expr_ty]:
  //     | a=NAME ':=' ~ b=expression { _PyAST_NamedExpr(set_expr_context(a, Store), b, EXTRA) }
  protected assignmentExpression(): Expr | null {
    const start = this.mark;
    if (!this.atLeast(3, 8)) return null;
    const target = this.name();
    if (target !== null && this.expectOp(":=") !== null) {
      const value = this.expression();
      if (value !== null) {
        return { type: "NamedExpr", target: setExprContext(target, "Store") as Name, value, ...this.extra(start) };
      }
    }
    this.mark = start;
    return null;
  }

  // named_expression[expr_ty]:
  //     | assignment_expression
  //     | invalid_named_expression
  //     | expression !':='
  namedExpression(): Expr | null {
    const start = this.mark;
    const assignment = this.assignmentExpression();
    if (assignment !== null) return assignment;
    if (this.callInvalidRules) {
      this.invalidNamedExpression();
      this.mark = start;
    }
    const value = this.expression();
    if (value !== null && !this.isOp(":=")) return value;
    this.mark = start;
    return null;
  }

  // invalid_named_expression(memo):
  //     | a=expression ':=' expression {
  //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use assignment expressions with %s", _PyPegen_get_expr_name(a)) }
  //     | a=NAME '=' b=bitwise_or !('='|':=') {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?") }
  //     | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=') {
  //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
  //                                           _PyPegen_get_expr_name(a)) }
  private invalidNamedExpression(): void {
    const cached = this.memoGet<boolean>(Memo.InvalidNamedExpression);
    if (cached !== undefined) return;
    const start = this.mark;
    const a = this.expression();
    if (a !== null && this.expectOp(":=") !== null && this.expression() !== null) {
      this.raiseKnownLocation(a, this.message("walrus-target", exprName(a, this.version)));
    }
    if (this.atLeast(3, 10)) {
      this.mark = start;
      const name = this.name();
      if (name !== null && this.expectOp("=") !== null) {
        const b = this.bitwiseOr();
        if (b !== null && !this.isOp("=") && !this.isOp(":=")) {
          this.raiseKnownRange(name, b, this.message("maybe-equality"));
        }
      }
      this.mark = start;
      if (!this.lookahead(() => this.listOrTupleOrGenexpOrSingleton())) {
        const target = this.bitwiseOr();
        if (target !== null && this.expectOp("=") !== null && this.bitwiseOr() !== null) {
          if (!this.isOp("=") && !this.isOp(":=")) {
            this.raiseKnownLocation(target, this.message("assign-here-maybe-equality", exprName(target, this.version)));
          }
        }
      }
    }
    this.mark = start;
    this.memoSet(Memo.InvalidNamedExpression, start, null);
  }

  private listOrTupleOrGenexpOrSingleton(): boolean {
    if (this.isKeyword("True") || this.isKeyword("None") || this.isKeyword("False")) return true;
    const start = this.mark;
    if (this.list() !== null) return true;
    this.mark = start;
    if (this.tuple() !== null) return true;
    this.mark = start;
    return this.genexp() !== null;
  }

  // disjunction[expr_ty] (memo):
  //     | a=conjunction b=('or' c=conjunction { c })+ { _PyAST_BoolOp(Or, ..., EXTRA) }
  //     | conjunction
  disjunction(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.Disjunction);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result = this.conjunction();
    if (result !== null && this.isKeyword("or")) {
      const values = [result];
      for (;;) {
        const save = this.mark;
        if (this.expectKeyword("or") === null) break;
        const next = this.conjunction();
        if (next === null) {
          this.mark = save;
          break;
        }
        values.push(next);
      }
      if (values.length > 1) result = { type: "BoolOp", op: "Or", values, ...this.extra(start) };
    }
    return this.memoSet(Memo.Disjunction, start, result);
  }

  // conjunction[expr_ty] (memo):
  //     | a=inversion b=('and' c=inversion { c })+ { _PyAST_BoolOp(And, ..., EXTRA) }
  //     | inversion
  protected conjunction(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.Conjunction);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result = this.inversion();
    if (result !== null && this.isKeyword("and")) {
      const values = [result];
      for (;;) {
        const save = this.mark;
        if (this.expectKeyword("and") === null) break;
        const next = this.inversion();
        if (next === null) {
          this.mark = save;
          break;
        }
        values.push(next);
      }
      if (values.length > 1) result = { type: "BoolOp", op: "And", values, ...this.extra(start) };
    }
    return this.memoSet(Memo.Conjunction, start, result);
  }

  // inversion[expr_ty] (memo):
  //     | 'not' a=inversion { _PyAST_UnaryOp(Not, a, EXTRA) }
  //     | comparison
  protected inversion(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.Inversion);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result: Expr | null = null;
    if (this.expectKeyword("not") !== null) {
      this.enter();
      const operand = this.inversion();
      this.leave();
      if (operand !== null) result = { type: "UnaryOp", op: "Not", operand, ...this.extra(start) };
      else this.mark = start;
    }
    if (result === null) result = this.comparison();
    return this.memoSet(Memo.Inversion, start, result);
  }

  // comparison[expr_ty]:
  //     | a=bitwise_or b=compare_op_bitwise_or_pair+ { _PyAST_Compare(a, ops, comparators, EXTRA) }
  //     | bitwise_or
  // compare_op_bitwise_or_pair: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is'
  //     each followed by a=bitwise_or
  protected comparison(): Expr | null {
    const start = this.mark;
    const left = this.bitwiseOr();
    if (left === null) return null;
    const ops: CmpOperator[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      const save = this.mark;
      const op = this.comparisonOperator();
      if (op === null) break;
      const right = this.bitwiseOr();
      if (right === null) {
        this.mark = save;
        break;
      }
      ops.push(op);
      comparators.push(right);
    }
    if (ops.length === 0) return left;
    return { type: "Compare", left, ops, comparators, ...this.extra(start) };
  }

  private comparisonOperator(): CmpOperator | null {
    const token = this.peek();
    if (token.type === TokenType.Op) {
      const op = COMPARISON_OPERATORS.get(token.text);
      if (op !== undefined) {
        this.mark++;
        return op;
      }
      return null;
    }
    if (token.type !== TokenType.Name || !token.isKeyword) return null;
    const save = this.mark;
    if (token.text === "in") {
      this.mark++;
      return "In";
    }
    if (token.text === "not") {
      this.mark++;
      if (this.expectKeyword("in") !== null) return "NotIn";
      this.mark = save;
      return null;
    }
    if (token.text === "is") {
      this.mark++;
      if (this.expectKeyword("not") !== null) return "IsNot";
      return "Is";
    }
    return null;
  }

  // bitwise_or[expr_ty]: a=bitwise_or '|' b=bitwise_xor { _PyAST_BinOp(a, BitOr, b, EXTRA) } | bitwise_xor
  bitwiseOr(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.BitwiseOr);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result = this.bitwiseXor();
    while (result !== null && this.isOp("|")) {
      const save = this.mark;
      this.mark++;
      const right = this.bitwiseXor();
      if (right === null) {
        this.mark = save;
        break;
      }
      result = { type: "BinOp", left: result, op: "BitOr", right, ...this.extra(start) };
    }
    return this.memoSet(Memo.BitwiseOr, start, result);
  }

  // bitwise_xor[expr_ty]: a=bitwise_xor '^' b=bitwise_and { _PyAST_BinOp(a, BitXor, b, EXTRA) } | bitwise_and
  private bitwiseXor(): Expr | null {
    const start = this.mark;
    let result = this.bitwiseAnd();
    while (result !== null && this.isOp("^")) {
      const save = this.mark;
      this.mark++;
      const right = this.bitwiseAnd();
      if (right === null) {
        this.mark = save;
        break;
      }
      result = { type: "BinOp", left: result, op: "BitXor", right, ...this.extra(start) };
    }
    return result;
  }

  // bitwise_and[expr_ty]: a=bitwise_and '&' b=shift_expr { _PyAST_BinOp(a, BitAnd, b, EXTRA) } | shift_expr
  private bitwiseAnd(): Expr | null {
    const start = this.mark;
    let result = this.shiftExpr();
    while (result !== null && this.isOp("&")) {
      const save = this.mark;
      this.mark++;
      const right = this.shiftExpr();
      if (right === null) {
        this.mark = save;
        break;
      }
      result = { type: "BinOp", left: result, op: "BitAnd", right, ...this.extra(start) };
    }
    return result;
  }

  // shift_expr[expr_ty]:
  //     | a=shift_expr '<<' b=sum { _PyAST_BinOp(a, LShift, b, EXTRA) }
  //     | a=shift_expr '>>' b=sum { _PyAST_BinOp(a, RShift, b, EXTRA) }
  //     | invalid_arithmetic (3.13+)
  //     | sum
  private shiftExpr(): Expr | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 13)) {
      this.invalidArithmetic();
      this.mark = start;
    }
    return this.binaryLoop(start, this.sum(), SHIFT_OPERATORS, () => this.sum());
  }

  // sum[expr_ty]:
  //     | a=sum '+' b=term { _PyAST_BinOp(a, Add, b, EXTRA) }
  //     | a=sum '-' b=term { _PyAST_BinOp(a, Sub, b, EXTRA) }
  //     | term
  private sum(): Expr | null {
    const start = this.mark;
    return this.binaryLoop(start, this.term(), SUM_OPERATORS, () => this.term());
  }

  // term[expr_ty]:
  //     | a=term '*' b=factor | a=term '/' b=factor | a=term '//' b=factor | a=term '%' b=factor
  //     | a=term '@' b=factor
  //     | invalid_factor (3.13+)
  //     | factor
  private term(): Expr | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 13)) {
      this.invalidFactor();
      this.mark = start;
    }
    return this.binaryLoop(start, this.factor(), TERM_OPERATORS, () => this.factor());
  }

  /** Grows a left-associative chain `first (op next)*` for the operators in `operators`. */
  private binaryLoop(start: number, first: Expr | null, operators: ReadonlyMap<string, Operator>, next: () => Expr | null): Expr | null {
    let result = first;
    while (result !== null) {
      const token = this.peek();
      if (token.type !== TokenType.Op) break;
      const op = operators.get(token.text);
      if (op === undefined) break;
      const save = this.mark;
      this.mark++;
      const right = next();
      if (right === null) {
        this.mark = save;
        break;
      }
      result = { type: "BinOp", left: result, op, right, ...this.extra(start) };
    }
    return result;
  }

  // invalid_arithmetic:
  //     | sum ('+'|'-'|'*'|'/'|'%'|'//'|'@') a='not' b=inversion {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "'not' after an operator must be parenthesized") }
  private invalidArithmetic(): void {
    if (this.sum() === null) return;
    const token = this.peek();
    if (token.type !== TokenType.Op || !(SUM_OPERATORS.has(token.text) || TERM_OPERATORS.has(token.text))) return;
    this.mark++;
    const notToken = this.expectKeyword("not");
    if (notToken === null) return;
    const operand = this.inversion();
    if (operand !== null) this.raiseKnownRange(tokenSpan(notToken), operand, this.message("not-after-operator"));
  }

  // invalid_factor:
  //     | ('+' | '-' | '~') a='not' b=factor {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "'not' after an operator must be parenthesized") }
  private invalidFactor(): void {
    if (this.expectOp("+") === null && this.expectOp("-") === null && this.expectOp("~") === null) return;
    const notToken = this.expectKeyword("not");
    if (notToken === null) return;
    const operand = this.factor();
    if (operand !== null) this.raiseKnownRange(tokenSpan(notToken), operand, this.message("not-after-operator"));
  }

  // factor[expr_ty] (memo):
  //     | '+' a=factor { _PyAST_UnaryOp(UAdd, a, EXTRA) }
  //     | '-' a=factor { _PyAST_UnaryOp(USub, a, EXTRA) }
  //     | '~' a=factor { _PyAST_UnaryOp(Invert, a, EXTRA) }
  //     | power
  protected factor(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.Factor);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result: Expr | null = null;
    const token = this.peek();
    if (token.type === TokenType.Op && (token.text === "+" || token.text === "-" || token.text === "~")) {
      this.mark++;
      this.enter();
      const operand = this.factor();
      this.leave();
      if (operand !== null) {
        const op = token.text === "+" ? "UAdd" : token.text === "-" ? "USub" : "Invert";
        result = { type: "UnaryOp", op, operand, ...this.extra(start) };
      } else {
        this.mark = start;
      }
    }
    if (result === null) result = this.power();
    return this.memoSet(Memo.Factor, start, result);
  }

  // power[expr_ty]:
  //     | a=await_primary '**' b=factor { _PyAST_BinOp(a, Pow, b, EXTRA) }
  //     | await_primary
  private power(): Expr | null {
    const start = this.mark;
    const left = this.awaitPrimary();
    if (left === null) return null;
    const afterLeft = this.mark;
    if (this.expectOp("**") !== null) {
      const right = this.factor();
      if (right !== null) return { type: "BinOp", left, op: "Pow", right, ...this.extra(start) };
    }
    this.mark = afterLeft;
    return left;
  }

  // await_primary[expr_ty] (memo):
  //     | 'await' a=primary { _PyAST_Await(a, EXTRA) }
  //     | primary
  private awaitPrimary(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.AwaitPrimary);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result: Expr | null = null;
    if (this.expectKeyword("await") !== null) {
      const value = this.primary();
      if (value !== null) result = { type: "Await", value, ...this.extra(start) };
      else this.mark = start;
    }
    if (result === null) result = this.primary();
    return this.memoSet(Memo.AwaitPrimary, start, result);
  }

  // primary[expr_ty]:
  //     | a=primary '.' b=NAME { _PyAST_Attribute(a, b->v.Name.id, Load, EXTRA) }
  //     | a=primary b=genexp { _PyAST_Call(a, [b], NULL, EXTRA) }
  //     | a=primary '(' b=[arguments] ')' { _PyAST_Call(a, ..., EXTRA) }
  //     | a=primary '[' b=slices ']' { _PyAST_Subscript(a, b, Load, EXTRA) }
  //     | atom
  protected primary(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.Primary);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result = this.atom();
    while (result !== null) {
      const save = this.mark;
      const token = this.peek();
      if (token.type !== TokenType.Op) break;
      if (token.text === ".") {
        this.mark++;
        const name = this.nameToken();
        if (name !== null) {
          result = { type: "Attribute", value: result, attr: this.nameFromToken(name).id, ctx: "Load", ...this.extra(start) };
          continue;
        }
        this.mark = save;
        break;
      }
      if (token.text === "(") {
        const generator = this.genexp();
        if (generator !== null) {
          result = { type: "Call", func: result, args: [generator], keywords: [], ...this.extra(start) };
          continue;
        }
        this.mark = save + 1;
        const call = this.argumentsRule();
        if (this.expectOp(")") !== null) {
          result = { type: "Call", func: result, args: call?.args ?? [], keywords: call?.keywords ?? [], ...this.extra(start) };
          continue;
        }
        this.mark = save;
        break;
      }
      if (token.text === "[") {
        this.mark++;
        const slice = this.slices();
        if (slice !== null && this.expectOp("]") !== null) {
          result = { type: "Subscript", value: result, slice, ctx: "Load", ...this.extra(start) };
          continue;
        }
        this.mark = save;
        break;
      }
      break;
    }
    return this.memoSet(Memo.Primary, start, result);
  }

  abstract list(): Expr | null;
  abstract tuple(): Expr | null;
  abstract lambdaParams(): unknown;
}

/** CPython's _PyPegen_check_legacy_stmt: `print` and `exec` used like Python 2 statements. */
export function isLegacyStatementName(expr: Expr): boolean {
  return expr.type === "Name" && (expr.id === "print" || expr.id === "exec");
}

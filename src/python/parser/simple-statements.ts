// Simple statements (python.gram "SIMPLE STATEMENTS", "Import statements", "Type statement").
import type { Alias, Expr, Name, Operator, Stmt, TypeParam } from "../ast/nodes.js";
import { TokenType } from "../lexer/tokens.js";
import { exprName, setExprContext } from "./context.js";
import { Memo, tokenSpan } from "./parser-base.js";
import { PatternParser } from "./patterns.js";

const AUGMENTED_OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ["+=", "Add"],
  ["-=", "Sub"],
  ["*=", "Mult"],
  ["@=", "MatMult"],
  ["/=", "Div"],
  ["%=", "Mod"],
  ["&=", "BitAnd"],
  ["|=", "BitOr"],
  ["^=", "BitXor"],
  ["<<=", "LShift"],
  [">>=", "RShift"],
  ["**=", "Pow"],
  ["//=", "FloorDiv"],
]);

/** Marks a rule that failed after its cut: the enclosing rule must fail too. */
export const CUT_FAILURE = Symbol("cut-failure");

export abstract class SimpleStatementParser extends PatternParser {
  // simple_stmts[asdl_stmt_seq*]:
  //     | a=simple_stmt !';' NEWLINE { [a] }
  //     | a[asdl_stmt_seq*]=';'.simple_stmt+ [';'] NEWLINE { a }
  protected simpleStmts(): Stmt[] | null {
    const start = this.mark;
    const first = this.simpleStmt();
    if (first === null) return null;
    if (!this.isOp(";") && this.expectType(TokenType.Newline) !== null) return [first];
    this.mark = start;
    const statements: Stmt[] = [];
    const firstAgain = this.simpleStmt();
    if (firstAgain === null) return null;
    statements.push(firstAgain);
    for (;;) {
      const save = this.mark;
      if (this.expectOp(";") === null) break;
      const next = this.simpleStmt();
      if (next === null) {
        this.mark = save;
        break;
      }
      statements.push(next);
    }
    this.expectOp(";");
    if (this.expectType(TokenType.Newline) !== null) return statements;
    this.mark = start;
    return null;
  }

  // simple_stmt[stmt_ty] (memo):
  //     | assignment
  //     | &"type" type_alias
  //     | e=star_expressions { _PyAST_Expr(e, EXTRA) }
  //     | &'return' return_stmt
  //     | &('import' | 'from') import_stmt
  //     | &'raise' raise_stmt
  //     | 'pass' { _PyAST_Pass(EXTRA) }
  //     | &'del' del_stmt
  //     | &'yield' yield_stmt
  //     | &'assert' assert_stmt
  //     | 'break' { _PyAST_Break(EXTRA) }
  //     | 'continue' { _PyAST_Continue(EXTRA) }
  //     | &'global' global_stmt
  //     | &'nonlocal' nonlocal_stmt
  protected simpleStmt(): Stmt | null {
    const cached = this.memoGet<Stmt>(Memo.SimpleStmt);
    if (cached !== undefined) return cached;
    const start = this.mark;
    const result = this.simpleStmtUncached(start);
    return this.memoSet(Memo.SimpleStmt, start, result);
  }

  private simpleStmtUncached(start: number): Stmt | null {
    const assignment = this.assignment();
    // A cut inside `assignment` only skips invalid_assignment; simple_stmt goes on.
    if (assignment !== null && assignment !== CUT_FAILURE) return assignment;
    if (this.atLeast(3, 12) && this.peek().text === "type" && this.isType(TokenType.Name)) {
      const alias = this.typeAlias();
      if (alias !== null) return alias;
    }
    const value = this.starExpressions();
    if (value !== null) return { type: "Expr", value, ...this.extra(start) };
    const token = this.peek();
    if (token.type !== TokenType.Name || !token.isKeyword) return null;
    switch (token.text) {
      case "return":
        return this.returnStmt();
      case "import":
      case "from":
        return this.importStmt();
      case "raise":
        return this.raiseStmt();
      case "pass":
        this.mark++;
        return { type: "Pass", ...this.extra(start) };
      case "del":
        return this.delStmt();
      case "yield": {
        const yieldValue = this.yieldExpr();
        return yieldValue === null ? null : { type: "Expr", value: yieldValue, ...this.extra(start) };
      }
      case "assert":
        return this.assertStmt();
      case "break":
        this.mark++;
        return { type: "Break", ...this.extra(start) };
      case "continue":
        this.mark++;
        return { type: "Continue", ...this.extra(start) };
      case "global":
      case "nonlocal":
        return this.globalOrNonlocal(token.text);
      default:
        return null;
    }
  }

  // assignment[stmt_ty]:
  //     | a=NAME ':' b=expression c=['=' d=annotated_rhs { d }] { _PyAST_AnnAssign(set_ctx(a, Store), b, c, 1, EXTRA) }
  //     | a=('(' b=single_target ')' { b } | single_subscript_attribute_target) ':' b=expression c=['=' d=annotated_rhs { d }] {
  //         _PyAST_AnnAssign(a, b, c, 0, EXTRA) }
  //     | a[asdl_expr_seq*]=(z=star_targets '=' { z })+ b=annotated_rhs !'=' tc=[TYPE_COMMENT] { _PyAST_Assign(a, b, tc, EXTRA) }
  //     | a=single_target b=augassign ~ c=annotated_rhs { _PyAST_AugAssign(a, b->kind, c, EXTRA) }
  //     | invalid_assignment
  private assignment(): Stmt | null | typeof CUT_FAILURE {
    const start = this.mark;
    const name = this.name();
    if (name !== null && this.expectOp(":") !== null) {
      const annotation = this.expression();
      if (annotation !== null) {
        const value = this.optionalAssignedValue();
        return {
          type: "AnnAssign",
          target: setExprContext(name, "Store") as Name,
          annotation,
          value,
          simple: 1,
          ...this.extra(start),
        };
      }
    }
    this.mark = start;
    let target: Expr | null = null;
    if (this.expectOp("(") !== null) {
      const inner = this.singleTarget();
      if (inner !== null && this.expectOp(")") !== null) target = inner;
    }
    if (target === null) {
      this.mark = start;
      target = this.singleSubscriptAttributeTarget();
    }
    if (target !== null && this.expectOp(":") !== null) {
      const annotation = this.expression();
      if (annotation !== null) {
        const value = this.optionalAssignedValue();
        return {
          type: "AnnAssign",
          target: target as Name,
          annotation,
          value,
          simple: 0,
          ...this.extra(start),
        };
      }
    }
    this.mark = start;
    const targets: Expr[] = [];
    for (;;) {
      const save = this.mark;
      const next = this.starTargets();
      if (next === null || this.expectOp("=") === null) {
        this.mark = save;
        break;
      }
      targets.push(next);
    }
    if (targets.length > 0) {
      const value = this.annotatedRhs();
      if (value !== null && !this.isOp("=")) return { type: "Assign", targets, value, type_comment: null, ...this.extra(start) };
    }
    this.mark = start;
    const augmentedTarget = this.singleTarget();
    if (augmentedTarget !== null) {
      const operator = this.augassign();
      if (operator !== null) {
        const value = this.annotatedRhs();
        if (value === null) {
          this.mark = start;
          return CUT_FAILURE;
        }
        return { type: "AugAssign", target: augmentedTarget as Name, op: operator, value, ...this.extra(start) };
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      this.invalidAssignment();
      this.mark = start;
    }
    return null;
  }

  /** `['=' d=annotated_rhs { d }]` */
  private optionalAssignedValue(): Expr | null {
    const save = this.mark;
    if (this.expectOp("=") !== null) {
      const value = this.annotatedRhs();
      if (value !== null) return value;
    }
    this.mark = save;
    return null;
  }

  // annotated_rhs[expr_ty]: yield_expr | star_expressions
  annotatedRhs(): Expr | null {
    return this.yieldExpr() ?? this.starExpressions();
  }

  private augassign(): Operator | null {
    const token = this.peek();
    if (token.type !== TokenType.Op) return null;
    const operator = AUGMENTED_OPERATORS.get(token.text);
    if (operator === undefined) return null;
    this.mark++;
    return operator;
  }

  // invalid_assignment:
  //     | a=invalid_ann_assign_target ':' expression {
  //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "only single target (not %s) can be annotated", name(a)) }
  //     | a=star_named_expression ',' star_named_expressions* ':' expression {
  //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "only single target (not tuple) can be annotated") }
  //     | a=expression ':' expression { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "illegal target for annotation") }
  //     | (star_targets '=')* a=star_expressions '=' { RAISE_SYNTAX_ERROR_INVALID_TARGET(STAR_TARGETS, a) }
  //     | (star_targets '=')* a=yield_expr '=' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "assignment to yield expression not possible") }
  //     | a=star_expressions augassign annotated_rhs {
  //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "'%s' is an illegal expression for augmented assignment", name(a)) }
  private invalidAssignment(): void {
    const start = this.mark;
    const annotated = this.invalidAnnAssignTarget();
    if (annotated !== null && this.expectOp(":") !== null && this.expression() !== null) {
      this.raiseKnownLocation(annotated, this.message("annotation-single-target", exprName(annotated, this.version)));
    }
    this.mark = start;
    const first = this.starNamedExpression();
    if (first !== null && this.expectOp(",") !== null) {
      while (this.starNamedExpressions() !== null) {
        // star_named_expressions*
      }
      if (this.expectOp(":") !== null && this.expression() !== null) {
        this.raiseKnownLocation(first, this.message("annotation-single-target", "tuple"));
      }
    }
    this.mark = start;
    const illegal = this.expression();
    if (illegal !== null && this.expectOp(":") !== null && this.expression() !== null) {
      this.raiseKnownLocation(illegal, this.message("annotation-illegal-target"));
    }
    this.mark = start;
    this.skipStarTargetsAssignments();
    const target = this.starExpressions();
    if (target !== null && this.expectOp("=") !== null) this.raiseInvalidTarget("star", target);
    this.mark = start;
    this.skipStarTargetsAssignments();
    const yielded = this.yieldExpr();
    if (yielded !== null && this.expectOp("=") !== null) {
      this.raiseKnownLocation(yielded, this.message("yield-assign"));
    }
    this.mark = start;
    const augmented = this.starExpressions();
    if (augmented !== null && this.augassign() !== null && this.annotatedRhs() !== null) {
      if (!this.atLeast(3, 9)) {
        // The pre-PEG compiler: tuples, lists and starred get no name; the rest "cannot assign to".
        const unnamed = augmented.type === "Tuple" || augmented.type === "List" || augmented.type === "Starred";
        this.raiseKnownLocation(augmented, unnamed ? "illegal expression for augmented assignment" : this.message("cannot-assign", exprName(augmented, this.version)));
      }
      this.raiseKnownLocation(augmented, this.message("augmented-illegal", exprName(augmented, this.version)));
    }
    this.mark = start;
  }

  /** `(star_targets '=')*` */
  private skipStarTargetsAssignments(): void {
    for (;;) {
      const save = this.mark;
      if (this.starTargets() === null || this.expectOp("=") === null) {
        this.mark = save;
        return;
      }
    }
  }

  // invalid_ann_assign_target[expr_ty]: list | tuple | '(' a=invalid_ann_assign_target ')' { a }
  private invalidAnnAssignTarget(): Expr | null {
    const start = this.mark;
    const display = this.list() ?? this.tuple();
    if (display !== null) return display;
    if (this.expectOp("(") !== null) {
      const inner = this.invalidAnnAssignTarget();
      if (inner !== null && this.expectOp(")") !== null) return inner;
    }
    this.mark = start;
    return null;
  }

  // return_stmt[stmt_ty]: 'return' a=[star_expressions] { _PyAST_Return(a, EXTRA) }
  private returnStmt(): Stmt | null {
    const start = this.mark;
    if (this.expectKeyword("return") === null) return null;
    const value = this.starExpressions();
    return { type: "Return", value, ...this.extra(start) };
  }

  // raise_stmt[stmt_ty]:
  //     | 'raise' a=expression b=['from' z=expression { z }] { _PyAST_Raise(a, b, EXTRA) }
  //     | 'raise' { _PyAST_Raise(NULL, NULL, EXTRA) }
  private raiseStmt(): Stmt | null {
    const start = this.mark;
    if (this.expectKeyword("raise") === null) return null;
    const exc = this.expression();
    if (exc !== null) {
      const save = this.mark;
      let cause: Expr | null = null;
      if (this.expectKeyword("from") !== null) cause = this.expression();
      if (cause === null) this.mark = save;
      return { type: "Raise", exc, cause, ...this.extra(start) };
    }
    return { type: "Raise", exc: null, cause: null, ...this.extra(start) };
  }

  // global_stmt[stmt_ty]: 'global' a[asdl_expr_seq*]=','.NAME+ { _PyAST_Global(names, EXTRA) }
  // nonlocal_stmt[stmt_ty]: 'nonlocal' a[asdl_expr_seq*]=','.NAME+ { _PyAST_Nonlocal(names, EXTRA) }
  private globalOrNonlocal(keyword: "global" | "nonlocal"): Stmt | null {
    const start = this.mark;
    this.mark++;
    const names: string[] = [];
    for (;;) {
      const save = this.mark;
      if (names.length > 0 && this.expectOp(",") === null) break;
      const name = this.name();
      if (name === null) {
        this.mark = save;
        break;
      }
      names.push(name.id);
    }
    if (names.length === 0) {
      this.mark = start;
      return null;
    }
    return keyword === "global" ? { type: "Global", names, ...this.extra(start) } : { type: "Nonlocal", names, ...this.extra(start) };
  }

  // del_stmt[stmt_ty]:
  //     | 'del' a=del_targets &(';' | NEWLINE) { _PyAST_Delete(a, EXTRA) }
  //     | invalid_del_stmt
  // invalid_del_stmt: 'del' a=star_expressions { RAISE_SYNTAX_ERROR_INVALID_TARGET(DEL_TARGETS, a) }
  private delStmt(): Stmt | null {
    const start = this.mark;
    if (this.expectKeyword("del") !== null) {
      const targets = this.delTargets();
      if (targets !== null && (this.isOp(";") || this.isType(TokenType.Newline))) {
        return { type: "Delete", targets, ...this.extra(start) };
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      if (this.expectKeyword("del") !== null) {
        const target = this.starExpressions();
        if (target !== null) this.raiseInvalidTarget("del", target);
      }
      this.mark = start;
    }
    return null;
  }

  // assert_stmt[stmt_ty]: 'assert' a=expression b=[',' z=expression { z }] { _PyAST_Assert(a, b, EXTRA) }
  private assertStmt(): Stmt | null {
    const start = this.mark;
    if (this.expectKeyword("assert") === null) return null;
    const test = this.expression();
    if (test === null) {
      this.mark = start;
      return null;
    }
    const save = this.mark;
    let msg: Expr | null = null;
    if (this.expectOp(",") !== null) msg = this.expression();
    if (msg === null) this.mark = save;
    return { type: "Assert", test, msg, ...this.extra(start) };
  }

  // import_stmt[stmt_ty] (memo): invalid_import (3.13+) | import_name | import_from
  private importStmt(): Stmt | null {
    const cached = this.memoGet<Stmt>(Memo.ImportStmt);
    if (cached !== undefined) return cached;
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 12)) {
      this.invalidImport();
      this.mark = start;
    }
    const result = this.importName() ?? this.importFrom();
    return this.memoSet(Memo.ImportStmt, start, result);
  }

  // invalid_import:
  //     | a='import' ','.dotted_name+ 'from' dotted_name {
  //         RAISE_SYNTAX_ERROR_STARTING_FROM(a, "Did you mean to use 'from ... import ...' instead?") }
  //     | 'import' token=NEWLINE {   (3.13+)
  //         RAISE_SYNTAX_ERROR_STARTING_FROM(token, "Expected one or more names after 'import'") }
  private invalidImport(): void {
    const importToken = this.expectKeyword("import");
    if (importToken === null) return;
    if (this.atLeast(3, 13)) {
      const newline = this.peek();
      if (newline.type === TokenType.Newline) {
        this.mark++;
        this.raiseStartingFrom(tokenSpan(newline), this.message("import-expected-names"));
      }
    }
    if (this.dottedName() === null) return;
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null || this.dottedName() === null) {
        this.mark = save;
        break;
      }
    }
    if (this.expectKeyword("from") !== null && this.dottedName() !== null) {
      this.raiseStartingFrom(tokenSpan(importToken), this.message("import-from-instead"));
    }
  }

  // import_name[stmt_ty]: 'import' a=dotted_as_names { _PyAST_Import(a, EXTRA) }
  // dotted_as_names[asdl_alias_seq*]: a=','.dotted_as_name+ { a }
  // dotted_as_name[alias_ty]: a=dotted_name b=['as' z=NAME { z }] { _PyAST_alias(a, b, EXTRA) }
  private importName(): Stmt | null {
    const start = this.mark;
    if (this.expectKeyword("import") === null) return null;
    const names: Alias[] = [];
    for (;;) {
      const save = this.mark;
      if (names.length > 0 && this.expectOp(",") === null) break;
      const aliasStart = this.mark;
      const dotted = this.dottedName();
      if (dotted === null) {
        this.mark = save;
        break;
      }
      const asname = this.optionalAsName();
      names.push({ type: "alias", name: dotted, asname, ...this.extra(aliasStart) });
    }
    if (names.length === 0) {
      this.mark = start;
      return null;
    }
    return { type: "Import", names, ...this.extra(start) };
  }

  /** `['as' z=NAME { z }]` */
  protected optionalAsName(): string | null {
    const save = this.mark;
    if (this.expectKeyword("as") !== null) {
      const name = this.name();
      if (name !== null) return name.id;
    }
    this.mark = save;
    return null;
  }

  // dotted_name[expr_ty]: a=dotted_name '.' b=NAME { _PyPegen_join_names_with_dot(p, a, b) } | NAME
  protected dottedName(): string | null {
    const first = this.name();
    if (first === null) return null;
    let dotted = first.id;
    for (;;) {
      const save = this.mark;
      if (this.expectOp(".") === null) break;
      const next = this.name();
      if (next === null) {
        this.mark = save;
        break;
      }
      dotted += "." + next.id;
    }
    return dotted;
  }

  // import_from[stmt_ty]:
  //     | 'from' a=('.' | '...')* b=dotted_name 'import' c=import_from_targets { _PyAST_ImportFrom(b, c, dots(a), EXTRA) }
  //     | 'from' a=('.' | '...')+ 'import' b=import_from_targets { _PyAST_ImportFrom(NULL, b, dots(a), EXTRA) }
  private importFrom(): Stmt | null {
    const start = this.mark;
    if (this.expectKeyword("from") === null) return null;
    let level = 0;
    for (;;) {
      if (this.expectOp(".") !== null) level += 1;
      else if (this.expectOp("...") !== null) level += 3;
      else break;
    }
    const afterDots = this.mark;
    const module = this.dottedName();
    if (module !== null && this.expectKeyword("import") !== null) {
      const names = this.importFromTargets();
      if (names !== null) return { type: "ImportFrom", module, names, level, ...this.extra(start) };
    }
    this.mark = afterDots;
    if (level > 0 && this.expectKeyword("import") !== null) {
      const names = this.importFromTargets();
      if (names !== null) return { type: "ImportFrom", module: null, names, level, ...this.extra(start) };
    }
    this.mark = start;
    return null;
  }

  // import_from_targets[asdl_alias_seq*]:
  //     | '(' a=import_from_as_names [','] ')' { a }
  //     | import_from_as_names !','
  //     | '*' { [alias('*')] }
  //     | invalid_import_from_targets
  private importFromTargets(): Alias[] | null {
    const start = this.mark;
    if (this.expectOp("(") !== null) {
      const names = this.importFromAsNames();
      if (names !== null) {
        this.expectOp(",");
        if (this.expectOp(")") !== null) return names;
      }
    }
    this.mark = start;
    const names = this.importFromAsNames();
    if (names !== null && !this.isOp(",")) return names;
    this.mark = start;
    if (this.expectOp("*") !== null) return [{ type: "alias", name: "*", asname: null, ...this.extra(start) }];
    if (this.callInvalidRules) {
      // invalid_import_from_targets:
      //     | import_from_as_names ',' NEWLINE { RAISE_SYNTAX_ERROR("trailing comma not allowed without surrounding parentheses") }
      //     | token=NEWLINE { RAISE_SYNTAX_ERROR_STARTING_FROM(token, "Expected one or more names after 'import'") }  (3.13+)
      if (this.importFromAsNames() !== null && this.expectOp(",") !== null && this.expectType(TokenType.Newline) !== null) {
        this.raiseError(this.message("import-trailing-comma"));
      }
      this.mark = start;
      if (this.atLeast(3, 13)) {
        const newline = this.expectType(TokenType.Newline);
        if (newline !== null) this.raiseStartingFrom(tokenSpan(newline), this.message("import-expected-names"));
      }
    }
    return null;
  }

  // import_from_as_names[asdl_alias_seq*]: a=','.import_from_as_name+ { a }
  // import_from_as_name[alias_ty]: a=NAME b=['as' z=NAME { z }] { _PyAST_alias(a, b, EXTRA) }
  private importFromAsNames(): Alias[] | null {
    const names: Alias[] = [];
    for (;;) {
      const save = this.mark;
      if (names.length > 0 && this.expectOp(",") === null) break;
      const aliasStart = this.mark;
      const name = this.name();
      if (name === null) {
        this.mark = save;
        break;
      }
      const asname = this.optionalAsName();
      names.push({ type: "alias", name: name.id, asname, ...this.extra(aliasStart) });
    }
    return names.length > 0 ? names : null;
  }

  // type_alias[stmt_ty]:
  //     | "type" n=NAME t=[type_params] '=' b=expression { _PyAST_TypeAlias(set_ctx(n, Store), t, b, EXTRA) }
  private typeAlias(): Stmt | null {
    const start = this.mark;
    if (this.expectSoftKeyword("type") === null) return null;
    const name = this.name();
    if (name !== null) {
      const typeParams = this.typeParams() ?? [];
      if (this.expectOp("=") !== null) {
        const value = this.expression();
        if (value !== null) {
          return { type: "TypeAlias", name: setExprContext(name, "Store") as Name, type_params: typeParams, value, ...this.extra(start) };
        }
      }
    }
    this.mark = start;
    return null;
  }

  // type_params[asdl_type_param_seq*]: '[' t=type_param_seq ']' { t }
  // type_param_seq[asdl_type_param_seq*]: a=','.type_param+ [','] { a }
  protected typeParams(): TypeParam[] | null {
    if (!this.atLeast(3, 12)) return null;
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 13)) {
      // invalid_type_params: '[' token=']' { RAISE_SYNTAX_ERROR_STARTING_FROM(token, "Type parameter list cannot be empty") }
      if (this.expectOp("[") !== null) {
        const close = this.expectOp("]");
        if (close !== null) this.raiseStartingFrom(tokenSpan(close), this.message("type-params-empty"));
      }
      this.mark = start;
    }
    if (this.expectOp("[") === null) return null;
    const params: TypeParam[] = [];
    for (;;) {
      const save = this.mark;
      if (params.length > 0 && this.expectOp(",") === null) break;
      const param = this.typeParam();
      if (param === null) {
        this.mark = save;
        break;
      }
      params.push(param);
    }
    if (params.length > 0) {
      this.expectOp(",");
      if (this.expectOp("]") !== null) return params;
    }
    this.mark = start;
    return null;
  }

  // type_param[type_param_ty] (memo):
  //     | a=NAME b=[type_param_bound] c=[type_param_default] { _PyAST_TypeVar(a->v.Name.id, b, c, EXTRA) }
  //     | '*' a=NAME colon=':' e=expression { "cannot use constraints/bound with TypeVarTuple" }
  //     | '*' a=NAME b=[type_param_starred_default] { _PyAST_TypeVarTuple(a->v.Name.id, b, EXTRA) }
  //     | '**' a=NAME colon=':' e=expression { "cannot use constraints/bound with ParamSpec" }
  //     | '**' a=NAME b=[type_param_default] { _PyAST_ParamSpec(a->v.Name.id, b, EXTRA) }
  // type_param_bound[expr_ty]: ':' e=expression { e }
  // type_param_default[expr_ty]: '=' e=expression { e }   (3.13+)
  // type_param_starred_default[expr_ty]: '=' e=star_expression { e }   (3.13+)
  private typeParam(): TypeParam | null {
    const cached = this.memoGet<TypeParam>(Memo.TypeParam);
    if (cached !== undefined) return cached;
    const start = this.mark;
    const result = this.typeParamUncached(start);
    return this.memoSet(Memo.TypeParam, start, result);
  }

  private typeParamUncached(start: number): TypeParam | null {
    const name = this.name();
    if (name !== null) {
      let bound: Expr | null = null;
      const save = this.mark;
      if (this.expectOp(":") !== null) bound = this.expression();
      if (bound === null) this.mark = save;
      const defaultValue = this.typeParamDefault(false);
      return { type: "TypeVar", name: name.id, bound, default_value: defaultValue, ...this.extra(start) };
    }
    const star = this.expectOp("*") ?? this.expectOp("**");
    if (star === null) return null;
    const starName = this.name();
    if (starName === null) {
      this.mark = start;
      return null;
    }
    const afterName = this.mark;
    const colon = this.expectOp(":");
    if (colon !== null) {
      const bound = this.expression();
      if (bound !== null) {
        const kind = star.text === "*" ? "TypeVarTuple" : "ParamSpec";
        const what = bound.type === "Tuple" ? "constraints" : "bound";
        this.raiseStartingFrom(tokenSpan(colon), this.message("type-param-bound", what, kind));
      }
    }
    this.mark = afterName;
    const defaultValue = this.typeParamDefault(star.text === "*");
    return star.text === "*"
      ? { type: "TypeVarTuple", name: starName.id, default_value: defaultValue, ...this.extra(start) }
      : { type: "ParamSpec", name: starName.id, default_value: defaultValue, ...this.extra(start) };
  }

  private typeParamDefault(starred: boolean): Expr | null {
    if (!this.atLeast(3, 13)) return null;
    const save = this.mark;
    if (this.expectOp("=") !== null) {
      const value = starred ? this.starExpression() : this.expression();
      if (value !== null) return value;
    }
    this.mark = save;
    return null;
  }
}

// Statements and compound statements (python.gram "GENERAL STATEMENTS", "COMPOUND STATEMENTS")
// with the invalid_* rules that word "expected ':'" and "expected an indented block after ...".
import type { Arguments, ExceptHandler, Expr, MatchCase, Stmt, WithItem } from "../ast/nodes.js";
import { TokenType, type Token } from "../lexer/tokens.js";
import { Memo, tokenSpan } from "./parser-base.js";
import { emptyArguments } from "./parameters.js";
import { SimpleStatementParser } from "./simple-statements.js";

type IndentedBlockOwner = string;

export abstract class CompoundStatementParser extends SimpleStatementParser {
  // statements[asdl_stmt_seq*]: a=statement+ { _PyPegen_seq_flatten(p, a) }
  protected statements(): Stmt[] | null {
    const statements: Stmt[] = [];
    for (;;) {
      const next = this.statement();
      if (next === null) break;
      for (const statement of next) statements.push(statement);
    }
    return statements.length > 0 ? statements : null;
  }

  // statement[asdl_stmt_seq*]: a=compound_stmt { [a] } | a[asdl_stmt_seq*]=simple_stmts { a }
  protected statement(): Stmt[] | null {
    const compound = this.compoundStmt();
    if (compound !== null) return [compound];
    return this.simpleStmts();
  }

  // compound_stmt[stmt_ty]:
  //     | &('def' | '@' | 'async') function_def
  //     | &'if' if_stmt
  //     | &('class' | '@') class_def
  //     | &('with' | 'async') with_stmt
  //     | &('for' | 'async') for_stmt
  //     | &'try' try_stmt
  //     | &'while' while_stmt
  //     | match_stmt
  protected compoundStmt(): Stmt | null {
    const token = this.peek();
    if (token.type === TokenType.Name && token.isKeyword) {
      switch (token.text) {
        case "def":
          return this.functionDef();
        case "async":
          return this.functionDef() ?? this.withStmt() ?? this.forStmt();
        case "if":
          return this.ifStmt("if");
        case "class":
          return this.classDef();
        case "with":
          return this.withStmt();
        case "for":
          return this.forStmt();
        case "try":
          return this.tryStmt();
        case "while":
          return this.whileStmt();
      }
    } else if (token.type === TokenType.Op && token.text === "@") {
      return this.functionDef() ?? this.classDef();
    }
    return this.atLeast(3, 10) ? this.matchStmt() : null;
  }

  // block[asdl_stmt_seq*] (memo):
  //     | NEWLINE INDENT a=statements DEDENT { a }
  //     | simple_stmts
  //     | invalid_block
  protected block(): Stmt[] | null {
    const cached = this.memoGet<Stmt[]>(Memo.Block);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result: Stmt[] | null = null;
    if (this.expectType(TokenType.Newline) !== null && this.expectType(TokenType.Indent) !== null) {
      this.enter();
      const body = this.statements();
      this.leave();
      if (body !== null && this.expectType(TokenType.Dedent) !== null) result = body;
    }
    if (result === null) {
      this.mark = start;
      result = this.simpleStmts();
    }
    if (result === null && this.callInvalidRules) {
      // invalid_block: NEWLINE !INDENT { RAISE_INDENTATION_ERROR("expected an indented block") }
      if (this.expectType(TokenType.Newline) !== null && !this.isType(TokenType.Indent)) {
        this.raiseIndentationError(this.message("indented-block"));
      }
      this.mark = start;
    }
    return this.memoSet(Memo.Block, start, result);
  }

  /**
   * The `NEWLINE !INDENT` check shared by the invalid_*_indent rules: raises
   * "expected an indented block after <owner> on line N".
   */
  private expectIndentedBlockAfter(owner: IndentedBlockOwner, keyword: Token): void {
    if (this.expectType(TokenType.Newline) !== null && !this.isType(TokenType.Indent)) {
      this.raiseIndentationError(this.message("indented-block-after", owner, keyword.lineno));
    }
  }

  // decorators[asdl_expr_seq*]: a[asdl_expr_seq*]=('@' f=named_expression NEWLINE { f })+ { a }
  private decorators(): Expr[] | null {
    const decorators: Expr[] = [];
    for (;;) {
      const save = this.mark;
      if (this.expectOp("@") === null) break;
      const decorator = this.atLeast(3, 9) ? this.namedExpression() : this.legacyDecorator();
      if (decorator === null || this.expectType(TokenType.Newline) === null) {
        this.mark = save;
        break;
      }
      decorators.push(decorator);
    }
    return decorators.length > 0 ? decorators : null;
  }

  /** Before 3.9 a decorator was `dotted_name [ '(' [arguments] ')' ]`. */
  private legacyDecorator(): Expr | null {
    const start = this.mark;
    let expr: Expr | null = this.name();
    if (expr === null) return null;
    for (;;) {
      const save = this.mark;
      if (this.expectOp(".") === null) break;
      const name = this.nameToken();
      if (name === null) {
        this.mark = save;
        break;
      }
      expr = { type: "Attribute", value: expr, attr: this.nameFromToken(name).id, ctx: "Load", ...this.extra(start) };
    }
    const save = this.mark;
    if (this.expectOp("(") !== null) {
      const call = this.argumentsRule();
      if (this.expectOp(")") !== null) {
        return { type: "Call", func: expr, args: call?.args ?? [], keywords: call?.keywords ?? [], ...this.extra(start) };
      }
      this.mark = save;
    }
    return expr;
  }

  // class_def[stmt_ty]: a=decorators b=class_def_raw { with decorators } | class_def_raw
  private classDef(): Stmt | null {
    const start = this.mark;
    const decorators = this.decorators();
    if (decorators !== null) {
      const raw = this.classDefRaw();
      if (raw !== null && raw.type === "ClassDef") return { ...raw, decorator_list: decorators };
      this.mark = start;
    }
    return this.classDefRaw();
  }

  // class_def_raw[stmt_ty]:
  //     | invalid_class_def_raw
  //     | 'class' a=NAME t=[type_params] b=['(' z=[arguments] ')' { z }] ':' c=block { _PyAST_ClassDef(...) }
  private classDefRaw(): Stmt | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      this.invalidClassDefRaw();
      this.mark = start;
    }
    if (this.expectKeyword("class") === null) return null;
    const name = this.name();
    if (name !== null) {
      const typeParams = this.typeParams() ?? [];
      const bases = this.optionalClassArguments();
      const colon = this.expectOp(":");
      if (colon !== null) {
        const body = this.block();
        if (body !== null) {
          return {
            type: "ClassDef",
            name: name.id,
            bases: bases?.args ?? [],
            keywords: bases?.keywords ?? [],
            body,
            decorator_list: [],
            type_params: typeParams,
            ...this.extra(start),
          };
        }
      }
    }
    this.mark = start;
    return null;
  }

  /** `['(' z=[arguments] ')' { z }]` */
  private optionalClassArguments(): { args: Expr[]; keywords: import("../ast/nodes.js").Keyword[] } | null {
    const save = this.mark;
    if (this.expectOp("(") !== null) {
      const call = this.argumentsRule();
      if (this.expectOp(")") !== null) return call ?? { args: [], keywords: [] };
    }
    this.mark = save;
    return null;
  }

  // invalid_class_def_raw:
  //     | 'class' NAME [type_params] ['(' [arguments] ')'] NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
  //     | a='class' NAME [type_params] ['(' [arguments] ')'] ':' NEWLINE !INDENT {
  //         RAISE_INDENTATION_ERROR("expected an indented block after class definition on line %d", a->lineno) }
  private invalidClassDefRaw(): void {
    const start = this.mark;
    const keyword = this.expectKeyword("class");
    if (keyword === null || this.name() === null) return;
    this.typeParams();
    this.optionalClassArguments();
    const afterHeader = this.mark;
    if (this.expectType(TokenType.Newline) !== null) this.raiseError(this.message("expected-colon"));
    this.mark = afterHeader;
    if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("class definition", keyword);
    this.mark = start;
  }

  // function_def[stmt_ty]: d=decorators f=function_def_raw { with decorators } | function_def_raw
  private functionDef(): Stmt | null {
    const start = this.mark;
    const decorators = this.decorators();
    if (decorators !== null) {
      const raw = this.functionDefRaw();
      if (raw !== null && (raw.type === "FunctionDef" || raw.type === "AsyncFunctionDef")) {
        return { ...raw, decorator_list: decorators };
      }
      this.mark = start;
    }
    return this.functionDefRaw();
  }

  // function_def_raw[stmt_ty]:
  //     | invalid_def_raw
  //     | 'def' n=NAME t=[type_params] &&'(' params=[params] ')' a=['->' z=expression { z }] &&':' tc=[func_type_comment] b=block
  //     | 'async' 'def' n=NAME t=[type_params] &&'(' params=[params] ')' a=['->' z=expression { z }] &&':' tc=[func_type_comment] b=block
  private functionDefRaw(): Stmt | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      this.invalidDefRaw();
      this.mark = start;
    }
    const isAsync = this.expectKeyword("async") !== null;
    if (this.expectKeyword("def") === null) {
      this.mark = start;
      return null;
    }
    const name = this.name();
    if (name === null) {
      this.mark = start;
      return null;
    }
    const typeParams = this.typeParams() ?? [];
    // 3.10 forced ':' here, 3.11 and 3.12 '(' and ':'; 3.13 moved both into invalid_def_raw.
    const forceParen = this.atLeast(3, 11) && !this.atLeast(3, 13);
    const forceColon = this.atLeast(3, 10) && !this.atLeast(3, 13);
    if ((forceParen ? this.expectForcedOp("(") : this.expectOp("(")) === null) {
      this.mark = start;
      return null;
    }
    const args: Arguments = this.params() ?? emptyArguments();
    if (this.expectOp(")") === null) {
      this.mark = start;
      return null;
    }
    let returns: Expr | null = null;
    const beforeArrow = this.mark;
    if (this.expectOp("->") !== null) returns = this.expression();
    if (returns === null) this.mark = beforeArrow;
    if ((forceColon ? this.expectForcedOp(":") : this.expectOp(":")) === null) {
      this.mark = start;
      return null;
    }
    const body = this.block();
    if (body === null) {
      this.mark = start;
      return null;
    }
    return {
      type: isAsync ? "AsyncFunctionDef" : "FunctionDef",
      name: name.id,
      args,
      body,
      decorator_list: [],
      returns,
      type_comment: null,
      type_params: typeParams,
      ...this.extra(start),
    };
  }

  // invalid_def_raw:
  //     | ['async'] a='def' NAME [type_params] '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT {
  //         RAISE_INDENTATION_ERROR("expected an indented block after function definition on line %d", a->lineno) }
  //     | ['async'] 'def' NAME [type_params] &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block  (3.13+)
  private invalidDefRaw(): void {
    this.expectKeyword("async");
    const keyword = this.expectKeyword("def");
    if (keyword === null || this.name() === null) return;
    this.typeParams();
    const afterTypeParams = this.mark;
    if (this.expectOp("(") !== null) {
      this.params();
      if (this.expectOp(")") !== null) {
        const save = this.mark;
        if (!(this.expectOp("->") !== null && this.expression() !== null)) this.mark = save;
        if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("function definition", keyword);
      }
    }
    if (!this.atLeast(3, 13)) return;
    this.mark = afterTypeParams;
    if (this.expectForcedOp("(") === null) return;
    this.params();
    if (this.expectOp(")") === null) return;
    const save = this.mark;
    if (!(this.expectOp("->") !== null && this.expression() !== null)) this.mark = save;
    if (this.expectForcedOp(":") === null) return;
    this.block();
  }

  // if_stmt[stmt_ty]:
  //     | invalid_if_stmt
  //     | 'if' a=named_expression ':' b=block c=elif_stmt { _PyAST_If(a, b, [c], EXTRA) }
  //     | 'if' a=named_expression ':' b=block c=[else_block] { _PyAST_If(a, b, c, EXTRA) }
  // elif_stmt[stmt_ty]: the same with 'elif' (and invalid_elif_stmt)
  private ifStmt(keywordText: "if" | "elif"): Stmt | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      // invalid_if_stmt / invalid_elif_stmt:
      //     | 'if' named_expression NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
      //     | a='if' a=named_expression ':' NEWLINE !INDENT {
      //         RAISE_INDENTATION_ERROR("expected an indented block after 'if' statement on line %d", a->lineno) }
      const keyword = this.expectKeyword(keywordText);
      if (keyword !== null && this.namedExpression() !== null) {
        const afterTest = this.mark;
        if (this.expectType(TokenType.Newline) !== null) this.raiseError(this.message("expected-colon"));
        this.mark = afterTest;
        if (this.expectOp(":") !== null) this.expectIndentedBlockAfter(`'${keywordText}' statement`, keyword);
      }
      this.mark = start;
    }
    if (this.expectKeyword(keywordText) === null) return null;
    const test = this.namedExpression();
    if (test !== null && this.expectOp(":") !== null) {
      const body = this.block();
      if (body !== null) {
        const afterBody = this.mark;
        if (this.isKeyword("elif")) {
          const elif = this.ifStmt("elif");
          if (elif !== null) return { type: "If", test, body, orelse: [elif], ...this.extra(start) };
        }
        this.mark = afterBody;
        const orelse = this.elseBlock() ?? [];
        return { type: "If", test, body, orelse, ...this.extra(start) };
      }
    }
    this.mark = start;
    return null;
  }

  // else_block[asdl_stmt_seq*]: invalid_else_stmt | 'else' &&':' b=block { b }
  private elseBlock(): Stmt[] | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      // invalid_else_stmt: a='else' ':' NEWLINE !INDENT { ... "expected an indented block after 'else' statement on line %d" }
      const keyword = this.expectKeyword("else");
      if (keyword !== null && this.expectOp(":") !== null) this.expectIndentedBlockAfter("'else' statement", keyword);
      this.mark = start;
    }
    if (this.expectKeyword("else") === null) return null;
    if (this.expectForcedOp(":") === null) {
      this.mark = start;
      return null;
    }
    const body = this.block();
    if (body === null) this.mark = start;
    return body;
  }

  // while_stmt[stmt_ty]:
  //     | invalid_while_stmt
  //     | 'while' a=named_expression ':' b=block c=[else_block] { _PyAST_While(a, b, c, EXTRA) }
  private whileStmt(): Stmt | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      // invalid_while_stmt:
      //     | 'while' named_expression NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
      //     | a='while' named_expression ':' NEWLINE !INDENT { ... after 'while' statement on line %d }
      const keyword = this.expectKeyword("while");
      if (keyword !== null && this.namedExpression() !== null) {
        const afterTest = this.mark;
        if (this.expectType(TokenType.Newline) !== null) this.raiseError(this.message("expected-colon"));
        this.mark = afterTest;
        if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("'while' statement", keyword);
      }
      this.mark = start;
    }
    if (this.expectKeyword("while") === null) return null;
    const test = this.namedExpression();
    if (test !== null && this.expectOp(":") !== null) {
      const body = this.block();
      if (body !== null) {
        const orelse = this.elseBlock() ?? [];
        return { type: "While", test, body, orelse, ...this.extra(start) };
      }
    }
    this.mark = start;
    return null;
  }

  // for_stmt[stmt_ty]:
  //     | invalid_for_stmt
  //     | 'for' t=star_targets 'in' ~ ex=star_expressions ':' tc=[TYPE_COMMENT] b=block el=[else_block] { _PyAST_For(...) }
  //     | 'async' 'for' t=star_targets 'in' ~ ex=star_expressions ':' tc=[TYPE_COMMENT] b=block el=[else_block] { _PyAST_AsyncFor(...) }
  //     | invalid_for_target
  private forStmt(): Stmt | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      this.invalidForStmt();
      this.mark = start;
    }
    const isAsync = this.expectKeyword("async") !== null;
    if (this.expectKeyword("for") !== null) {
      const target = this.starTargets();
      if (target !== null && this.expectKeyword("in") !== null) {
        // Cut: past 'in', no other alternative is tried.
        const iter = this.starExpressions();
        if (iter !== null && this.expectOp(":") !== null) {
          const body = this.block();
          if (body !== null) {
            const orelse = this.elseBlock() ?? [];
            return {
              type: isAsync ? "AsyncFor" : "For",
              target,
              iter,
              body,
              orelse,
              type_comment: null,
              ...this.extra(start),
            };
          }
        }
        this.mark = start;
        return null;
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      this.invalidForTarget();
      this.mark = start;
    }
    return null;
  }

  // invalid_for_stmt:
  //     | ['async'] 'for' star_targets 'in' star_expressions NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
  //     | ['async'] a='for' star_targets 'in' star_expressions ':' NEWLINE !INDENT { ... after 'for' statement on line %d }
  private invalidForStmt(): void {
    this.expectKeyword("async");
    const keyword = this.expectKeyword("for");
    if (keyword === null || this.starTargets() === null || this.expectKeyword("in") === null) return;
    if (this.starExpressions() === null) return;
    const afterIter = this.mark;
    if (this.expectType(TokenType.Newline) !== null) this.raiseError(this.message("expected-colon"));
    this.mark = afterIter;
    if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("'for' statement", keyword);
  }

  // with_stmt[stmt_ty]:
  //     | invalid_with_stmt_indent
  //     | 'with' '(' a=','.with_item+ ','? ')' ':' b=block { _PyAST_With(a, b, NULL, EXTRA) }
  //     | 'with' a=','.with_item+ ':' tc=[TYPE_COMMENT] b=block { _PyAST_With(a, b, tc, EXTRA) }
  //     | 'async' 'with' '(' a=','.with_item+ ','? ')' ':' b=block { _PyAST_AsyncWith(...) }
  //     | 'async' 'with' a=','.with_item+ ':' tc=[TYPE_COMMENT] b=block { _PyAST_AsyncWith(...) }
  //     | invalid_with_stmt
  private withStmt(): Stmt | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      this.invalidWithStmt(true);
      this.mark = start;
    }
    const isAsync = this.expectKeyword("async") !== null;
    if (this.expectKeyword("with") !== null) {
      const afterWith = this.mark;
      if (this.atLeast(3, 9) && this.expectOp("(") !== null) {
        const items = this.withItems();
        if (items !== null) {
          this.expectOp(",");
          if (this.expectOp(")") !== null && this.expectOp(":") !== null) {
            const body = this.block();
            if (body !== null) return this.withNode(isAsync, items, body, start);
          }
        }
      }
      this.mark = afterWith;
      const items = this.withItems();
      if (items !== null && this.expectOp(":") !== null) {
        const body = this.block();
        if (body !== null) return this.withNode(isAsync, items, body, start);
      }
    }
    this.mark = start;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      this.invalidWithStmt(false);
      this.mark = start;
    }
    return null;
  }

  private withNode(isAsync: boolean, items: WithItem[], body: Stmt[], start: number): Stmt {
    return isAsync
      ? { type: "AsyncWith", items, body, type_comment: null, ...this.extra(start) }
      : { type: "With", items, body, type_comment: null, ...this.extra(start) };
  }

  /** `','.with_item+` */
  private withItems(): WithItem[] | null {
    const items: WithItem[] = [];
    for (;;) {
      const save = this.mark;
      if (items.length > 0 && this.expectOp(",") === null) break;
      const item = this.withItem();
      if (item === null) {
        this.mark = save;
        break;
      }
      items.push(item);
    }
    return items.length > 0 ? items : null;
  }

  // with_item[withitem_ty]:
  //     | e=expression 'as' t=star_target &(',' | ')' | ':') { _PyAST_withitem(e, t, p->arena) }
  //     | invalid_with_item
  //     | e=expression { _PyAST_withitem(e, NULL, p->arena) }
  private withItem(): WithItem | null {
    const start = this.mark;
    const contextExpr = this.expression();
    if (contextExpr === null) return null;
    if (this.expectKeyword("as") !== null) {
      const target = this.starTarget();
      if (target !== null && (this.isOp(",") || this.isOp(")") || this.isOp(":"))) {
        return { type: "withitem", context_expr: contextExpr, optional_vars: target };
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      // invalid_with_item:
      //     | expression 'as' a=expression &(',' | ')' | ':') { RAISE_SYNTAX_ERROR_INVALID_TARGET(STAR_TARGETS, a) }
      if (this.expression() !== null && this.expectKeyword("as") !== null) {
        const target = this.expression();
        if (target !== null && (this.isOp(",") || this.isOp(")") || this.isOp(":"))) this.raiseInvalidTarget("star", target);
      }
      this.mark = start;
    }
    this.expression();
    return { type: "withitem", context_expr: contextExpr, optional_vars: null };
  }

  // invalid_with_stmt:
  //     | ['async'] 'with' ','.(expression ['as' star_target])+ NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
  //     | ['async'] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
  // invalid_with_stmt_indent:
  //     | ['async'] a='with' ','.(expression ['as' star_target])+ ':' NEWLINE !INDENT { ... after 'with' statement on line %d }
  //     | ['async'] a='with' '(' ','.(expressions ['as' star_target])+ ','? ')' ':' NEWLINE !INDENT { ... }
  private invalidWithStmt(indent: boolean): void {
    const start = this.mark;
    this.expectKeyword("async");
    const keyword = this.expectKeyword("with");
    if (keyword === null) return;
    const afterWith = this.mark;
    if (this.looseWithItems(false)) {
      if (indent) {
        if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("'with' statement", keyword);
      } else if (this.expectType(TokenType.Newline) !== null) {
        this.raiseError(this.message("expected-colon"));
      }
    }
    this.mark = afterWith;
    if (this.expectOp("(") !== null && this.looseWithItems(true)) {
      this.expectOp(",");
      if (this.expectOp(")") !== null) {
        if (indent) {
          if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("'with' statement", keyword);
        } else if (this.expectType(TokenType.Newline) !== null) {
          this.raiseError(this.message("expected-colon"));
        }
      }
    }
    this.mark = start;
  }

  /** `','.(expression ['as' star_target])+` (or with `expressions`). */
  private looseWithItems(parenthesized: boolean): boolean {
    let count = 0;
    for (;;) {
      const save = this.mark;
      if (count > 0 && this.expectOp(",") === null) break;
      const expr = parenthesized ? this.expressions() : this.expression();
      if (expr === null) {
        this.mark = save;
        break;
      }
      const afterExpr = this.mark;
      if (!(this.expectKeyword("as") !== null && this.starTarget() !== null)) this.mark = afterExpr;
      count++;
    }
    return count > 0;
  }

  // try_stmt[stmt_ty]:
  //     | invalid_try_stmt
  //     | 'try' &&':' b=block f=finally_block { _PyAST_Try(b, NULL, NULL, f, EXTRA) }
  //     | 'try' &&':' b=block ex=except_block+ el=[else_block] f=[finally_block] { _PyAST_Try(b, ex, el, f, EXTRA) }
  //     | 'try' &&':' b=block ex=except_star_block+ el=[else_block] f=[finally_block] { _PyAST_TryStar(...) }
  private tryStmt(): Stmt | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      this.invalidTryStmt();
      this.mark = start;
    }
    if (this.expectKeyword("try") === null) return null;
    if (this.expectForcedOp(":") === null) {
      this.mark = start;
      return null;
    }
    const body = this.block();
    if (body === null) {
      this.mark = start;
      return null;
    }
    const afterBody = this.mark;
    const finalOnly = this.finallyBlock();
    if (finalOnly !== null) return { type: "Try", body, handlers: [], orelse: [], finalbody: finalOnly, ...this.extra(start) };
    this.mark = afterBody;
    const handlers = this.repeatHandlers(false);
    if (handlers.length > 0) {
      const orelse = this.elseBlock() ?? [];
      const finalbody = this.finallyBlock() ?? [];
      return { type: "Try", body, handlers, orelse, finalbody, ...this.extra(start) };
    }
    this.mark = afterBody;
    if (this.atLeast(3, 11)) {
      const starHandlers = this.repeatHandlers(true);
      if (starHandlers.length > 0) {
        const orelse = this.elseBlock() ?? [];
        const finalbody = this.finallyBlock() ?? [];
        return { type: "TryStar", body, handlers: starHandlers, orelse, finalbody, ...this.extra(start) };
      }
    }
    this.mark = start;
    return null;
  }

  private repeatHandlers(star: boolean): ExceptHandler[] {
    const handlers: ExceptHandler[] = [];
    for (;;) {
      const handler = star ? this.exceptStarBlock() : this.exceptBlock();
      if (handler === null) return handlers;
      handlers.push(handler);
    }
  }

  // invalid_try_stmt:
  //     | a='try' ':' NEWLINE !INDENT { ... after 'try' statement on line %d }
  //     | 'try' ':' block !('except' | 'finally') { RAISE_SYNTAX_ERROR("expected 'except' or 'finally' block") }
  //     | 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':' {
  //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "cannot have both 'except' and 'except*' on the same 'try'") }
  //     | 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':' {
  //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot have both 'except' and 'except*' on the same 'try'") }
  private invalidTryStmt(): void {
    const start = this.mark;
    const keyword = this.expectKeyword("try");
    if (keyword === null || this.expectOp(":") === null) return;
    const afterColon = this.mark;
    this.expectIndentedBlockAfter("'try' statement", keyword);
    this.mark = afterColon;
    if (this.block() !== null && !this.isKeyword("except") && !this.isKeyword("finally")) {
      this.raiseError(this.message("try-needs-handler"));
    }
    if (!this.atLeast(3, 11)) return;
    const mixedMessage = this.message("except-mixed");
    this.mark = afterColon;
    while (this.block() !== null) {
      // block*
    }
    const afterBlocks = this.mark;
    if (this.repeatHandlers(false).length > 0) {
      const except = this.expectKeyword("except");
      const star = except !== null ? this.expectOp("*") : null;
      if (except !== null && star !== null && this.expression() !== null) {
        this.optionalAsName();
        if (this.expectOp(":") !== null) this.raiseKnownRange(tokenSpan(except), tokenSpan(star), mixedMessage);
      }
    }
    this.mark = afterBlocks;
    if (this.repeatHandlers(true).length > 0) {
      const except = this.expectKeyword("except");
      if (except !== null) {
        const save = this.mark;
        if (this.expression() !== null) this.optionalAsName();
        else this.mark = save;
        if (this.expectOp(":") !== null) this.raiseKnownLocation(tokenSpan(except), mixedMessage);
      }
    }
    this.mark = start;
  }

  // except_block[excepthandler_ty]:
  //     | invalid_except_stmt_indent
  //     | 'except' e=expression t=['as' z=NAME { z }] ':' b=block { _PyAST_ExceptHandler(e, t, b, EXTRA) }
  //     | 'except' ':' b=block { _PyAST_ExceptHandler(NULL, NULL, b, EXTRA) }
  //     | invalid_except_stmt
  private exceptBlock(): ExceptHandler | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      // invalid_except_stmt_indent:
      //     | a='except' expression ['as' NAME ] ':' NEWLINE !INDENT { ... after 'except' statement on line %d }
      //     | a='except' ':' NEWLINE !INDENT { ... }
      const keyword = this.expectKeyword("except");
      if (keyword !== null) {
        const save = this.mark;
        if (this.expression() !== null) this.optionalAsName();
        else this.mark = save;
        if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("'except' statement", keyword);
      }
      this.mark = start;
    }
    if (this.expectKeyword("except") === null) return null;
    const afterExcept = this.mark;
    const excType = this.expression();
    if (excType !== null) {
      const name = this.optionalAsName();
      if (this.expectOp(":") !== null) {
        const body = this.block();
        if (body !== null) return { type: "ExceptHandler", exc_type: excType, name, body, ...this.extra(start) };
      }
    }
    if (this.atLeast(3, 14)) {
      // PEP 758 (3.14): | 'except' e=expressions ':' b=block
      this.mark = afterExcept;
      const types = this.expressions();
      if (types !== null && this.expectOp(":") !== null) {
        const body = this.block();
        if (body !== null) return { type: "ExceptHandler", exc_type: types, name: null, body, ...this.extra(start) };
      }
    }
    this.mark = afterExcept;
    if (this.expectOp(":") !== null) {
      const body = this.block();
      if (body !== null) return { type: "ExceptHandler", exc_type: null, name: null, body, ...this.extra(start) };
    }
    this.mark = start;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      this.invalidExceptStmt();
      this.mark = start;
    }
    return null;
  }

  // except_star_block[excepthandler_ty]:
  //     | invalid_except_star_stmt_indent
  //     | 'except' '*' e=expression t=['as' z=NAME { z }] ':' b=block { _PyAST_ExceptHandler(e, t, b, EXTRA) }
  //     | invalid_except_stmt
  private exceptStarBlock(): ExceptHandler | null {
    const start = this.mark;
    if (this.callInvalidRules) {
      // invalid_except_star_stmt_indent:
      //     | a='except' '*' expression ['as' NAME ] ':' NEWLINE !INDENT { ... after 'except*' statement on line %d }
      const keyword = this.expectKeyword("except");
      if (keyword !== null && this.expectOp("*") !== null && this.expression() !== null) {
        this.optionalAsName();
        if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("'except*' statement", keyword);
      }
      this.mark = start;
    }
    if (this.expectKeyword("except") !== null && this.expectOp("*") !== null) {
      const excType = this.expression();
      if (excType !== null) {
        const name = this.optionalAsName();
        if (this.expectOp(":") !== null) {
          const body = this.block();
          if (body !== null) return { type: "ExceptHandler", exc_type: excType, name, body, ...this.extra(start) };
        }
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      this.invalidExceptStmt();
      this.mark = start;
    }
    return null;
  }

  // invalid_except_stmt:
  //     | 'except' '*'? a=expression ',' expressions ['as' NAME ] ':' {
  //         RAISE_SYNTAX_ERROR_STARTING_FROM(a, "multiple exception types must be parenthesized") }
  //     | a='except' '*'? expression ['as' NAME ] NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
  //     | a='except' NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
  //     | a='except' '*' (NEWLINE | ':') { RAISE_SYNTAX_ERROR("expected one or more exception types") }
  private invalidExceptStmt(): void {
    const start = this.mark;
    if (this.expectKeyword("except") === null) return;
    const afterExcept = this.mark;
    if (this.atLeast(3, 11)) this.expectOp("*");
    const first = this.expression();
    if (first !== null && this.expectOp(",") !== null && this.expressions() !== null) {
      // 3.14 accepts the list without parentheses unless 'as' follows.
      const named = this.optionalAsName() !== null;
      if ((named || !this.atLeast(3, 14)) && this.expectOp(":") !== null) this.raiseStartingFrom(first, this.message("except-parenthesized"));
    }
    this.mark = afterExcept;
    if (this.atLeast(3, 11)) this.expectOp("*");
    if (this.expression() !== null) {
      this.optionalAsName();
      if (this.expectType(TokenType.Newline) !== null) this.raiseError(this.message("expected-colon"));
    }
    this.mark = afterExcept;
    if (this.expectType(TokenType.Newline) !== null) this.raiseError(this.message("expected-colon"));
    this.mark = afterExcept;
    if (this.atLeast(3, 11) && this.expectOp("*") !== null) {
      if (this.expectType(TokenType.Newline) !== null || this.expectOp(":") !== null) {
        this.raiseError(this.message("except-star-types"));
      }
    }
    this.mark = start;
  }

  // finally_block[asdl_stmt_seq*]: invalid_finally_stmt | 'finally' &&':' a=block { a }
  private finallyBlock(): Stmt[] | null {
    const start = this.mark;
    if (this.callInvalidRules && this.atLeast(3, 10)) {
      // invalid_finally_stmt: a='finally' ':' NEWLINE !INDENT { ... after 'finally' statement on line %d }
      const keyword = this.expectKeyword("finally");
      if (keyword !== null && this.expectOp(":") !== null) this.expectIndentedBlockAfter("'finally' statement", keyword);
      this.mark = start;
    }
    if (this.expectKeyword("finally") === null) return null;
    if (this.expectForcedOp(":") === null) {
      this.mark = start;
      return null;
    }
    const body = this.block();
    if (body === null) this.mark = start;
    return body;
  }

  // match_stmt[stmt_ty]:
  //     | "match" subject=subject_expr ':' NEWLINE INDENT cases=case_block+ DEDENT { _PyAST_Match(subject, cases, EXTRA) }
  //     | invalid_match_stmt
  private matchStmt(): Stmt | null {
    const start = this.mark;
    if (this.expectSoftKeyword("match") === null) return null;
    const subject = this.subjectExpr();
    if (subject !== null && this.expectOp(":") !== null && this.expectType(TokenType.Newline) !== null && this.expectType(TokenType.Indent) !== null) {
      const cases: MatchCase[] = [];
      for (;;) {
        const next = this.caseBlock();
        if (next === null) break;
        cases.push(next);
      }
      if (cases.length > 0 && this.expectType(TokenType.Dedent) !== null) {
        return { type: "Match", subject, cases, ...this.extra(start) };
      }
    }
    this.mark = start;
    if (this.callInvalidRules) {
      // invalid_match_stmt:
      //     | "match" subject_expr NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
      //     | a="match" subject=subject_expr ':' NEWLINE !INDENT { ... after 'match' statement on line %d }
      const keyword = this.expectSoftKeyword("match");
      if (keyword !== null && this.subjectExpr() !== null) {
        const afterSubject = this.mark;
        if (this.expectType(TokenType.Newline) !== null) this.raiseError(this.message("expected-colon"));
        this.mark = afterSubject;
        if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("'match' statement", keyword);
      }
      this.mark = start;
    }
    return null;
  }

  // subject_expr[expr_ty]:
  //     | value=star_named_expression ',' values=star_named_expressions? { _PyAST_Tuple(..., Load, EXTRA) }
  //     | named_expression
  private subjectExpr(): Expr | null {
    const start = this.mark;
    const first = this.starNamedExpression();
    if (first !== null && this.expectOp(",") !== null) {
      const rest = this.starNamedExpressions() ?? [];
      return { type: "Tuple", elts: [first, ...rest], ctx: "Load", ...this.extra(start) };
    }
    this.mark = start;
    return this.namedExpression();
  }

  // case_block[match_case_ty]:
  //     | invalid_case_block
  //     | "case" pattern=patterns guard=guard? ':' body=block { _PyAST_match_case(pattern, guard, body, p->arena) }
  // guard[expr_ty]: 'if' guard=named_expression { guard }
  private caseBlock(): MatchCase | null {
    const start = this.mark;
    if (this.callInvalidRules) {
      // invalid_case_block:
      //     | "case" patterns guard? NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
      //     | a="case" patterns guard? ':' NEWLINE !INDENT { ... after 'case' statement on line %d }
      const keyword = this.expectSoftKeyword("case");
      if (keyword !== null && this.patterns() !== null) {
        this.guard();
        const afterGuard = this.mark;
        if (this.expectType(TokenType.Newline) !== null) this.raiseError(this.message("expected-colon"));
        this.mark = afterGuard;
        if (this.expectOp(":") !== null) this.expectIndentedBlockAfter("'case' statement", keyword);
      }
      this.mark = start;
    }
    if (this.expectSoftKeyword("case") === null) return null;
    const pattern = this.patterns();
    if (pattern !== null) {
      const guard = this.guard();
      if (this.expectOp(":") !== null) {
        const body = this.block();
        if (body !== null) return { type: "match_case", pattern, guard, body };
      }
    }
    this.mark = start;
    return null;
  }

  private guard(): Expr | null {
    const save = this.mark;
    if (this.expectKeyword("if") !== null) {
      const condition = this.namedExpression();
      if (condition !== null) return condition;
    }
    this.mark = save;
    return null;
  }
}

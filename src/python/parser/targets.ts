// Assignment and deletion targets (python.gram "ASSIGNMENT TARGETS" and "Targets for del").
import type { Expr, ExprContext } from "../ast/nodes.js";
import { exprName, invalidTarget, setExprContext, type TargetsType } from "./context.js";
import { Memo, ParserBase } from "./parser-base.js";

export abstract class TargetParser extends ParserBase {
  /** RAISE_SYNTAX_ERROR_INVALID_TARGET: raises at the offending part, or returns null. */
  protected raiseInvalidTarget(targetsType: TargetsType, expr: Expr | null): null {
    const invalid = invalidTarget(expr, targetsType);
    if (invalid === null) return null;
    return this.raiseKnownLocation(invalid, this.message(targetsType === "del" ? "cannot-delete" : "cannot-assign", exprName(invalid, this.version)));
  }

  // star_targets[expr_ty]:
  //     | a=star_target !',' { a }
  //     | a=star_target b=(',' c=star_target { c })* [','] { _PyAST_Tuple(..., Store, EXTRA) }
  starTargets(): Expr | null {
    const start = this.mark;
    const first = this.starTarget();
    if (first === null) return null;
    if (!this.isOp(",")) return first;
    const elements = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.starTarget();
      if (next === null) {
        this.mark = save;
        break;
      }
      elements.push(next);
    }
    this.expectOp(",");
    return { type: "Tuple", elts: elements, ctx: "Store", ...this.extra(start) };
  }

  // star_targets_list_seq[asdl_expr_seq*]: a=','.star_target+ [','] { a }
  protected starTargetsListSeq(): Expr[] | null {
    const first = this.starTarget();
    if (first === null) return null;
    const elements = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.starTarget();
      if (next === null) {
        this.mark = save;
        break;
      }
      elements.push(next);
    }
    this.expectOp(",");
    return elements;
  }

  // star_targets_tuple_seq[asdl_expr_seq*]:
  //     | a=star_target b=(',' c=star_target { c })+ [','] { ... }
  //     | a=star_target ',' { ... }
  protected starTargetsTupleSeq(): Expr[] | null {
    const start = this.mark;
    const first = this.starTarget();
    if (first === null) return null;
    const elements = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.starTarget();
      if (next === null) {
        this.mark = save;
        break;
      }
      elements.push(next);
    }
    if (elements.length > 1) {
      this.expectOp(",");
      return elements;
    }
    if (this.expectOp(",") !== null) return elements;
    this.mark = start;
    return null;
  }

  // star_target[expr_ty] (memo):
  //     | '*' a=(!'*' star_target) { _PyAST_Starred(set_expr_context(a, Store), Store, EXTRA) }
  //     | target_with_star_atom
  starTarget(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.StarTarget);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result: Expr | null = null;
    if (this.expectOp("*") !== null) {
      if (!this.isOp("*")) {
        this.enter();
        const inner = this.starTarget();
        this.leave();
        if (inner !== null) {
          result = { type: "Starred", value: setExprContext(inner, "Store"), ctx: "Store", ...this.extra(start) };
        }
      }
      if (result === null) this.mark = start;
    }
    if (result === null) result = this.targetWithStarAtom();
    return this.memoSet(Memo.StarTarget, start, result);
  }

  // target_with_star_atom[expr_ty] (memo):
  //     | a=t_primary '.' b=NAME !t_lookahead { _PyAST_Attribute(a, b->v.Name.id, Store, EXTRA) }
  //     | a=t_primary '[' b=slices ']' !t_lookahead { _PyAST_Subscript(a, b, Store, EXTRA) }
  //     | star_atom
  protected targetWithStarAtom(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.TargetWithStarAtom);
    if (cached !== undefined) return cached;
    const start = this.mark;
    const result = this.subscriptAttributeTarget("Store") ?? this.starAtom();
    return this.memoSet(Memo.TargetWithStarAtom, start, result);
  }

  /** The shared first two alternatives of the target rules: `t_primary '.' NAME` / `t_primary '[' slices ']'`. */
  private subscriptAttributeTarget(ctx: ExprContext): Expr | null {
    const start = this.mark;
    const primary = this.tPrimary();
    if (primary !== null) {
      const afterPrimary = this.mark;
      if (this.expectOp(".") !== null) {
        const name = this.nameToken();
        if (name !== null && !this.tLookahead()) {
          return { type: "Attribute", value: primary, attr: this.nameFromToken(name).id, ctx, ...this.extra(start) };
        }
      }
      this.mark = afterPrimary;
      if (this.expectOp("[") !== null) {
        const slice = this.slices();
        if (slice !== null && this.expectOp("]") !== null && !this.tLookahead()) {
          return { type: "Subscript", value: primary, slice, ctx, ...this.extra(start) };
        }
      }
    }
    this.mark = start;
    return null;
  }

  // star_atom[expr_ty]:
  //     | a=NAME { _PyPegen_set_expr_context(p, a, Store) }
  //     | '(' a=target_with_star_atom ')' { _PyPegen_set_expr_context(p, a, Store) }
  //     | '(' a=[star_targets_tuple_seq] ')' { _PyAST_Tuple(a, Store, EXTRA) }
  //     | '[' a=[star_targets_list_seq] ']' { _PyAST_List(a, Store, EXTRA) }
  protected starAtom(): Expr | null {
    const start = this.mark;
    const name = this.name();
    if (name !== null) return setExprContext(name, "Store");
    if (this.expectOp("(") !== null) {
      this.enter();
      const inner = this.targetWithStarAtom();
      this.leave();
      if (inner !== null && this.expectOp(")") !== null) return setExprContext(inner, "Store");
      this.mark = start + 1;
      const elements = this.starTargetsTupleSeq() ?? [];
      if (this.expectOp(")") !== null) return { type: "Tuple", elts: elements, ctx: "Store", ...this.extra(start) };
      this.mark = start;
      return null;
    }
    if (this.expectOp("[") !== null) {
      this.enter();
      const elements = this.starTargetsListSeq() ?? [];
      this.leave();
      if (this.expectOp("]") !== null) return { type: "List", elts: elements, ctx: "Store", ...this.extra(start) };
    }
    this.mark = start;
    return null;
  }

  // single_target[expr_ty]:
  //     | single_subscript_attribute_target
  //     | a=NAME { _PyPegen_set_expr_context(p, a, Store) }
  //     | '(' a=single_target ')' { a }
  singleTarget(): Expr | null {
    const start = this.mark;
    const target = this.singleSubscriptAttributeTarget();
    if (target !== null) return target;
    const name = this.name();
    if (name !== null) return setExprContext(name, "Store");
    if (this.expectOp("(") !== null) {
      const inner = this.singleTarget();
      if (inner !== null && this.expectOp(")") !== null) return inner;
    }
    this.mark = start;
    return null;
  }

  // single_subscript_attribute_target[expr_ty]:
  //     | a=t_primary '.' b=NAME !t_lookahead { _PyAST_Attribute(a, b->v.Name.id, Store, EXTRA) }
  //     | a=t_primary '[' b=slices ']' !t_lookahead { _PyAST_Subscript(a, b, Store, EXTRA) }
  singleSubscriptAttributeTarget(): Expr | null {
    return this.subscriptAttributeTarget("Store");
  }

  // t_primary[expr_ty]:
  //     | a=t_primary '.' b=NAME &t_lookahead { _PyAST_Attribute(a, b->v.Name.id, Load, EXTRA) }
  //     | a=t_primary '[' b=slices ']' &t_lookahead { _PyAST_Subscript(a, b, Load, EXTRA) }
  //     | a=t_primary b=genexp &t_lookahead { _PyAST_Call(a, [b], NULL, EXTRA) }
  //     | a=t_primary '(' b=[arguments] ')' &t_lookahead { _PyAST_Call(a, ..., EXTRA) }
  //     | a=atom &t_lookahead { a }
  // Left-recursive: grown in a loop, which yields what CPython's seed growing yields.
  protected tPrimary(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.TPrimary);
    if (cached !== undefined) return cached;
    const start = this.mark;
    let result = this.atom();
    if (result === null || !this.tLookahead()) {
      this.mark = start;
      return this.memoSet(Memo.TPrimary, start, null);
    }
    for (;;) {
      const save = this.mark;
      if (this.expectOp(".") !== null) {
        const name = this.nameToken();
        if (name !== null && this.tLookahead()) {
          result = { type: "Attribute", value: result, attr: this.nameFromToken(name).id, ctx: "Load", ...this.extra(start) };
          continue;
        }
      }
      this.mark = save;
      if (this.expectOp("[") !== null) {
        const slice = this.slices();
        if (slice !== null && this.expectOp("]") !== null && this.tLookahead()) {
          result = { type: "Subscript", value: result, slice, ctx: "Load", ...this.extra(start) };
          continue;
        }
      }
      this.mark = save;
      const generator = this.genexp();
      if (generator !== null && this.tLookahead()) {
        result = { type: "Call", func: result, args: [generator], keywords: [], ...this.extra(start) };
        continue;
      }
      this.mark = save;
      if (this.expectOp("(") !== null) {
        const call = this.argumentsRule();
        if (this.expectOp(")") !== null && this.tLookahead()) {
          result = {
            type: "Call",
            func: result,
            args: call?.args ?? [],
            keywords: call?.keywords ?? [],
            ...this.extra(start),
          };
          continue;
        }
      }
      this.mark = save;
      break;
    }
    return this.memoSet(Memo.TPrimary, start, result);
  }

  // t_lookahead: '(' | '[' | '.'
  protected tLookahead(): boolean {
    return this.isOp("(") || this.isOp("[") || this.isOp(".");
  }

  // del_targets[asdl_expr_seq*]: a=','.del_target+ [','] { a }
  protected delTargets(): Expr[] | null {
    const first = this.delTarget();
    if (first === null) return null;
    const targets = [first];
    for (;;) {
      const save = this.mark;
      if (this.expectOp(",") === null) break;
      const next = this.delTarget();
      if (next === null) {
        this.mark = save;
        break;
      }
      targets.push(next);
    }
    this.expectOp(",");
    return targets;
  }

  // del_target[expr_ty] (memo):
  //     | a=t_primary '.' b=NAME !t_lookahead { _PyAST_Attribute(a, b->v.Name.id, Del, EXTRA) }
  //     | a=t_primary '[' b=slices ']' !t_lookahead { _PyAST_Subscript(a, b, Del, EXTRA) }
  //     | del_t_atom
  protected delTarget(): Expr | null {
    const cached = this.memoGet<Expr>(Memo.DelTarget);
    if (cached !== undefined) return cached;
    const start = this.mark;
    const result = this.subscriptAttributeTarget("Del") ?? this.delTAtom();
    return this.memoSet(Memo.DelTarget, start, result);
  }

  // del_t_atom[expr_ty]:
  //     | a=NAME { _PyPegen_set_expr_context(p, a, Del) }
  //     | '(' a=del_target ')' { _PyPegen_set_expr_context(p, a, Del) }
  //     | '(' a=[del_targets] ')' { _PyAST_Tuple(a, Del, EXTRA) }
  //     | '[' a=[del_targets] ']' { _PyAST_List(a, Del, EXTRA) }
  private delTAtom(): Expr | null {
    const start = this.mark;
    const name = this.name();
    if (name !== null) return setExprContext(name, "Del");
    if (this.expectOp("(") !== null) {
      this.enter();
      const inner = this.delTarget();
      this.leave();
      if (inner !== null && this.expectOp(")") !== null) return setExprContext(inner, "Del");
      this.mark = start + 1;
      const targets = this.delTargets() ?? [];
      if (this.expectOp(")") !== null) return { type: "Tuple", elts: targets, ctx: "Del", ...this.extra(start) };
      this.mark = start;
      return null;
    }
    if (this.expectOp("[") !== null) {
      const targets = this.delTargets() ?? [];
      if (this.expectOp("]") !== null) return { type: "List", elts: targets, ctx: "Del", ...this.extra(start) };
    }
    this.mark = start;
    return null;
  }

  /** arguments, as the Call parts it yields (defined with the call rules). */
  abstract argumentsRule(): { args: Expr[]; keywords: import("../ast/nodes.js").Keyword[] } | null;
}

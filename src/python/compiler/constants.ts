// Compile-time constants: literals made by the parser and values made by constant folding.
//
// A literal is identified by its AST node: in CPython every literal occurrence is its own
// object (except cached small ints and one-character strings), and the compiler's constant
// table keeps the first equal one. A folded value is new; a folded tuple holds the objects of
// its element literals.
import type * as ast from "../ast/nodes.js";

export type ScalarValue = ast.ConstantValue | { kind: "complexFull"; real: number; imag: number };

export type ConstRef =
  | { readonly origin: "literal"; readonly node: ast.Constant }
  | { readonly origin: "folded"; readonly value: ScalarValue }
  | {
      readonly origin: "tuple";
      readonly items: readonly ConstRef[];
      /** Built by the code generator (3.9+ list displays), not by the AST optimiser: no arena reference. */
      readonly byCompiler?: boolean;
    }
  | { readonly origin: "frozenset"; readonly items: readonly ConstRef[]; readonly byCompiler?: boolean };

export function scalarOf(ref: ConstRef): ScalarValue | undefined {
  if (ref.origin === "literal") return ref.node.value;
  if (ref.origin === "folded") return ref.value;
  return undefined;
}

/**
 * _PyCode_ConstantKey: two constants share a co_consts slot only when they are equal *and* of
 * the same type (1, 1.0 and True stay apart; 0.0 and -0.0 stay apart). Returns a string key.
 */
export function constantKey(ref: ConstRef): string {
  switch (ref.origin) {
    case "tuple":
      return `t(${ref.items.map(constantKey).join(",")})`;
    case "frozenset":
      return `f(${ref.items.map(constantKey).sort().join(",")})`;
    default:
      return scalarKey(scalarOf(ref)!);
  }
}

function scalarKey(value: ScalarValue): string {
  switch (value.kind) {
    case "int":
      return `i${value.value}`;
    case "float":
      return `d${Object.is(value.value, -0) ? "-0" : String(value.value)}`;
    case "complex":
      return `c0,${Object.is(value.imag, -0) ? "-0" : value.imag}`;
    case "complexFull":
      return `c${Object.is(value.real, -0) ? "-0" : value.real},${Object.is(value.imag, -0) ? "-0" : value.imag}`;
    case "str":
      return `s${value.value}`;
    case "bytes":
      return `b${Array.from(value.value).join(".")}`;
    case "bool":
      return value.value ? "T" : "F";
    case "None":
      return "N";
    case "Ellipsis":
      return "E";
  }
}

// The SyntaxWarnings CPython's compiler emits (3.8+): `is` with a literal, and subscripts or
// calls that cannot work ("perhaps you missed a comma?"), found in the order it compiles.
import type * as ast from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import type { Profile } from "../profiles/profile.js";
import { Folder } from "./fold.js";
import type { ConstRef } from "./constants.js";
import { scalarOf } from "./constants.js";

export interface CompileWarning {
  /** Line of the expression, relative to the compiled text. */
  readonly lineno: number;
  readonly message: string;
}

/** The warnings compiling `root` prints, in compile order (empty before 3.8). */
export function syntaxWarnings(root: ast.Node, profile: Profile): CompileWarning[] {
  if (profile.compileWarnings === "none") return [];
  const folder = new Folder(profile);
  const warnings: CompileWarning[] = [];
  walk(root, (node) => {
    let message: string | null = null;
    if (node.type === "Compare") message = checkCompare(node, folder, profile);
    else if (node.type === "Subscript" && node.ctx === "Load") message = checkSubscripter(node.value, folder) ?? checkIndex(node.value, node.slice, folder);
    else if (node.type === "Call") message = checkCaller(node.func, folder);
    if (message !== null) warnings.push({ lineno: (node as ast.Located).lineno, message });
  });
  return warnings;
}

/** check_compare: the first `is`/`is not` with a literal operand (not None/True/False/...). */
function checkCompare(node: ast.Compare, folder: Folder, profile: Profile): string | null {
  let left: ast.Expr = node.left;
  for (let index = 0; index < node.ops.length; index++) {
    const op = node.ops[index]!;
    const right = node.comparators[index]!;
    if (op === "Is" || op === "IsNot") {
      const literal = isLiteral(left, folder) ? left : isLiteral(right, folder) ? right : null;
      if (literal !== null) {
        const [word, suggestion] = op === "Is" ? ['"is"', '"=="'] : ['"is not"', '"!="'];
        const kind = profile.compileWarnings === "typed" ? `'${inferredType(literal, folder)}' literal` : "a literal";
        return `${word} with ${kind}. Did you mean ${suggestion}?`;
      }
    }
    left = right;
  }
  return null;
}

/** check_is_arg's opposite: an operand that folds to a constant other than the singletons. */
function isLiteral(node: ast.Expr, folder: Folder): boolean {
  const folded = folder.fold(node);
  if (folded === undefined) return false;
  const scalar = scalarOf(folded);
  return scalar === undefined || (scalar.kind !== "None" && scalar.kind !== "bool" && scalar.kind !== "Ellipsis");
}

/** check_subscripter: `5[0]`, `{1}[0]`, `(lambda: 0)[0]`. */
function checkSubscripter(value: ast.Expr, folder: Folder): string | null {
  const folded = folder.fold(value);
  let subscriptable = true;
  if (folded !== undefined) {
    const scalar = scalarOf(folded);
    const kind = scalar?.kind;
    subscriptable = !(kind === "None" || kind === "Ellipsis" || kind === "int" || kind === "bool" || kind === "float" || kind === "complex" || kind === "complexFull" || folded.origin === "frozenset");
  } else {
    subscriptable = !(value.type === "Set" || value.type === "SetComp" || value.type === "GeneratorExp" || value.type === "Lambda");
  }
  if (subscriptable) return null;
  return `'${inferredType(value, folder)}' object is not subscriptable; perhaps you missed a comma?`;
}

/** check_index: `[1, 2]['a']`, `'abc'['x']` — a sequence indexed by a non-integer literal. */
function checkIndex(value: ast.Expr, index: ast.Expr, folder: Folder): string | null {
  const indexType = inferredTypeOrNull(index, folder);
  if (indexType === null || indexType === "int" || indexType === "bool" || indexType === "slice") return null;
  const folded = folder.fold(value);
  if (folded !== undefined) {
    const kind = scalarOf(folded)?.kind;
    if (!(kind === "str" || kind === "bytes" || folded.origin === "tuple")) return null;
  } else if (!(value.type === "Tuple" || value.type === "List" || value.type === "ListComp" || value.type === "JoinedStr" || value.type === "FormattedValue")) {
    return null;
  }
  return `${inferredType(value, folder)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`;
}

/** check_caller: `(1, 2)(3)`, `[1](2)`, `'text'(x)`. */
function checkCaller(func: ast.Expr, folder: Folder): string | null {
  const callable =
    folder.fold(func) === undefined &&
    !["Tuple", "List", "ListComp", "Dict", "DictComp", "Set", "SetComp", "GeneratorExp", "JoinedStr", "FormattedValue"].includes(func.type);
  if (callable) return null;
  return `'${inferredType(func, folder)}' object is not callable; perhaps you missed a comma?`;
}

/** infer_type's tp_name. */
function inferredType(node: ast.Expr, folder: Folder): string {
  return inferredTypeOrNull(node, folder) ?? "object";
}

function inferredTypeOrNull(node: ast.Expr, folder: Folder): string | null {
  const folded = folder.fold(node);
  if (folded !== undefined) return constantTypeName(folded);
  switch (node.type) {
    case "Tuple":
      return "tuple";
    case "List":
    case "ListComp":
      return "list";
    case "Dict":
    case "DictComp":
      return "dict";
    case "Set":
    case "SetComp":
      return "set";
    case "GeneratorExp":
      return "generator";
    case "Lambda":
      return "function";
    case "JoinedStr":
    case "FormattedValue":
      return "str";
    case "Slice":
      return "slice";
    default:
      return null;
  }
}

function constantTypeName(ref: ConstRef): string {
  if (ref.origin === "tuple") return "tuple";
  if (ref.origin === "frozenset") return "frozenset";
  const scalar = scalarOf(ref)!;
  switch (scalar.kind) {
    case "complexFull":
      return "complex";
    case "None":
      return "NoneType";
    case "Ellipsis":
      return "ellipsis";
    default:
      return scalar.kind;
  }
}

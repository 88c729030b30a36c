// 3.11+: `'...' % (a, b)` with only %s, %r and %a units compiles as the f-string it equals
// (ast_opt.c's optimize_format), so its results are the objects FORMAT_VALUE makes.
import type * as ast from "../ast/nodes.js";
import type { Profile } from "../profiles/profile.js";
import { compilerMadeConstants, type Folder } from "./fold.js";

/** Width and precision take at most this many digits minus one (MAXDIGITS). */
const MAX_DIGITS = 3;

/** The JoinedStr a `%` expression becomes, or null when it stays a `%` operation. */
export function percentAsJoinedStr(node: ast.BinOp, profile: Profile, folder: Folder): ast.JoinedStr | null {
  if (profile.minor < 11 || node.op !== "Mod") return null;
  const left = node.left;
  const right = node.right;
  if (left.type !== "Constant" || left.value.kind !== "str" || right.type !== "Tuple") return null;
  // Before 3.14 a tuple of constants was folded into one constant first: no longer a display.
  if (profile.folding !== "cfg" && folder.fold(right) !== undefined) return null;
  if (right.elts.some((element) => element.type === "Starred")) return null;
  const template = left.value.value;
  const items = right.elts;
  const parts: ast.Expr[] = [];
  let at = 0;
  let used = 0;
  for (;;) {
    const literal = readLiteral(template, at);
    at = literal.end;
    if (literal.text !== "") parts.push(constant(literal.text));
    if (at >= template.length) break;
    // More units than items: left for the run-time error.
    if (used >= items.length) return null;
    const unit = readUnit(template, at + 1);
    if (unit === null) return null;
    at = unit.end;
    const item = items[used++]!;
    parts.push(formattedValue(item, unit.conversion, unit.spec));
  }
  // More items than units: left for the run-time error.
  if (used < items.length) return null;
  return { type: "JoinedStr", values: parts, lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
}

/** Text up to the next lone '%', with each '%%' read as '%'. */
function readLiteral(template: string, start: number): { text: string; end: number } {
  let at = start;
  let text = "";
  while (at < template.length) {
    if (template[at] !== "%") {
      text += template[at++];
    } else if (template[at + 1] === "%") {
      text += "%";
      at += 2;
    } else {
      break;
    }
  }
  return { text, end: at };
}

/** One `%` unit after its '%': flags, up to two digits of width and of precision, then s, r or a. */
function readUnit(template: string, start: number): { conversion: ast.Conversion; spec: string; end: number } | null {
  let at = start;
  let leftJustify = false;
  while (at < template.length && "-+ #0".includes(template[at]!)) {
    if (template[at] === "-") leftJustify = true;
    at++;
  }
  const width = readDigits(template, at);
  if (width === null) return null;
  at = width.end;
  let precision: { digits: string; end: number } | null = { digits: "", end: at };
  const hasPrecision = template[at] === ".";
  if (hasPrecision) {
    precision = readDigits(template, at + 1);
    if (precision === null) return null;
    at = precision.end;
  }
  if (at >= template.length) return null;
  const code = template[at]!;
  const conversion = code === "s" ? 115 : code === "r" ? 114 : code === "a" ? 97 : null;
  if (conversion === null) return null;
  let spec = "";
  const widthValue = width.digits === "" ? -1 : Number(width.digits);
  if (!leftJustify && widthValue > 0) spec += ">";
  if (widthValue >= 0) spec += String(widthValue);
  if (hasPrecision) spec += `.${precision.digits === "" ? 0 : Number(precision.digits)}`;
  return { conversion, spec, end: at + 1 };
}

/** A run of digits, null when it reaches MAX_DIGITS or the template ends inside it. */
function readDigits(template: string, start: number): { digits: string; end: number } | null {
  let at = start;
  while (at < template.length && template[at]! >= "0" && template[at]! <= "9") {
    at++;
    if (at - start >= MAX_DIGITS || at >= template.length) return null;
  }
  return { digits: template.slice(start, at), end: at };
}

/** The literal parts carry no position (-1), as CPython's do, and are built like folded constants. */
function constant(text: string): ast.Constant {
  const node: ast.Constant = { type: "Constant", value: { kind: "str", value: text }, lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
  compilerMadeConstants.add(node);
  return node;
}

function formattedValue(item: ast.Expr, conversion: ast.Conversion, spec: string): ast.FormattedValue {
  const formatSpec: ast.JoinedStr | null = spec === "" ? null : { type: "JoinedStr", values: [constant(spec)], lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
  return { type: "FormattedValue", value: item, conversion, format_spec: formatSpec, lineno: item.lineno, col_offset: item.col_offset, end_lineno: item.end_lineno, end_col_offset: item.end_col_offset };
}

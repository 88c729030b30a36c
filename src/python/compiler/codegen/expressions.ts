// Expressions: each compiles to code that pushes exactly one owned reference.
import { percentAsJoinedStr } from "../percent-format.js";
import type * as ast from "../../ast/nodes.js";
import type { CodeUnit } from "../code-unit.js";
import type { ConstRef } from "../constants.js";
import { loadName, attributeNameRef, attributeCacheRef } from "./names.js";
import { compileCall } from "./calls.js";
import { compileCondition } from "./conditions.js";
import { constantTest, truthOfConstant, staticOutcome, compileUnreachable, isDebugName } from "../reachability.js";
import { compileLambda } from "./functions.js";
import { compileComprehension, compileGeneratorExpression } from "./comprehensions.js";
import { UnsupportedSyntax } from "./unsupported.js";
import { storeTarget } from "./assignments.js";
import { openBorrowedBinary, closeBorrowed } from "./borrowed-operands.js";
import { compileIterableOperand } from "./iterable-operand.js";

export const BINARY_OPERATOR_CODES: ReadonlyMap<ast.Operator, number> = new Map([
  ["Add", 0],
  ["Sub", 1],
  ["Mult", 2],
  ["MatMult", 3],
  ["Div", 4],
  ["FloorDiv", 5],
  ["Mod", 6],
  ["Pow", 7],
  ["LShift", 8],
  ["RShift", 9],
  ["BitAnd", 10],
  ["BitXor", 11],
  ["BitOr", 12],
]);

export const COMPARE_CODES: ReadonlyMap<ast.CmpOperator, number> = new Map([
  ["Lt", 0],
  ["LtE", 1],
  ["Eq", 2],
  ["NotEq", 3],
  ["Gt", 4],
  ["GtE", 5],
]);

/** The generated call for `left OP right`: the commonest operators have entry points of their own. */
export function binaryCall(op: ast.Operator, left: string, right: string): string {
  if (op === "Add") return `binaryAdd(${left}, ${right})`;
  if (op === "Sub") return `binarySub(${left}, ${right})`;
  if (op === "Mult") return `binaryMul(${left}, ${right})`;
  if (op === "Mod") return `binaryMod(${left}, ${right})`;
  return `binary(${left}, ${right}, ${BINARY_OPERATOR_CODES.get(op)})`;
}

/** The generated call for `left OP= right` (see binaryCall). */
export function inplaceCall(op: ast.Operator, left: string, right: string): string {
  if (op === "Add") return `inplaceAdd(${left}, ${right})`;
  return `inplace(${left}, ${right}, ${BINARY_OPERATOR_CODES.get(op)})`;
}

/** Pushes a constant: LOAD_CONST (3.6's peephole appends folded values after every other constant). */
export function pushConstant(unit: CodeUnit, ref: ConstRef, node: ast.Expr): void {
  if (ref.origin !== "literal" && unit.profile.folding === "peephole" && node.type !== "Constant" && !isDebugName(node)) {
    // 3.6: the operands were compiled first (their constants stay in co_consts).
    registerOperands(unit, node);
    const late = unit.lateConstRef(ref);
    unit.emitter.push(`(${late}.refcount++, ${late})`);
    return;
  }
  if (unit.profile.folding === "cfg" && node.type !== "Constant" && !isDebugName(node)) {
    // 3.14: codegen loaded every operand before flowgraph.c folded them; their slots stay in
    // co_consts (until remove_unused_consts) and the result is appended after them.
    registerCfgOperands(unit, node);
    const folded = unit.cfgConstRef(ref);
    unit.emitter.push(`(${folded}.refcount++, ${folded})`);
    return;
  }
  const index = unit.constIndex(ref);
  unit.emitter.push(`(K${index}.refcount++, K${index})`);
}

/** 3.14: the constants codegen loads for a folded expression, in instruction order. */
function registerCfgOperands(unit: CodeUnit, node: ast.Expr): void {
  switch (node.type) {
    case "Constant":
      unit.operandConst({ origin: "literal", node });
      return;
    case "BinOp":
      registerCfgOperands(unit, node.left);
      registerCfgOperands(unit, node.right);
      return;
    case "UnaryOp":
      registerCfgOperands(unit, node.operand);
      return;
    case "Subscript":
      registerCfgOperands(unit, node.value);
      registerCfgOperands(unit, node.slice);
      return;
    case "Tuple":
    case "List":
    case "Set":
      for (const element of node.elts) registerCfgOperands(unit, element);
      return;
    default:
      return;
  }
}

function registerOperands(unit: CodeUnit, node: ast.Expr, top = true): void {
  switch (node.type) {
    case "Constant":
      unit.constIndex({ origin: "literal", node });
      return;
    case "BinOp":
      registerOperands(unit, node.left, false);
      registerOperands(unit, node.right, false);
      break;
    case "UnaryOp":
      registerOperands(unit, node.operand, false);
      break;
    case "Subscript":
      registerOperands(unit, node.value, false);
      registerOperands(unit, node.slice, false);
      break;
    case "Tuple":
    case "List":
    case "Set":
      for (const element of node.elts) registerOperands(unit, element, false);
      break;
    default:
      return;
  }
  // Folding runs bottom-up over the bytecode: each inner result is appended to co_consts
  // before the outer one (24 * 60 * 60 leaves 1440 behind as well as 86400).
  if (!top && node.type !== "List" && node.type !== "Set") {
    const folded = unit.context.folder.fold(node);
    if (folded !== undefined) unit.lateConstRef(folded);
  }
}

export function compileExpression(unit: CodeUnit, node: ast.Expr): void {
  const emitter = unit.emitter;
  if (node.type === "Constant" || node.type === "Tuple" || node.type === "BinOp" || node.type === "UnaryOp" || node.type === "Subscript" || isDebugName(node)) {
    const folded = unit.context.folder.fold(node);
    if (folded !== undefined) {
      pushConstant(unit, folded, node);
      return;
    }
  }
  switch (node.type) {
    case "Constant":
      throw new Error("compiler bug: constant not folded");
    case "Name":
      loadName(unit, node.id);
      return;
    case "Attribute": {
      compileExpression(unit, node.value);
      const object = emitter.pop();
      emitter.line(`{ const r = getAttr(${object}, ${attributeNameRef(unit, node.attr)}, ${attributeCacheRef(unit, node.attr)}); dec(${object}); ${object} = r; }`);
      emitter.reserve();
      return;
    }
    case "BinOp": {
      const joined = percentAsJoinedStr(node, unit.profile, unit.context.folder);
      if (joined !== null) {
        compileJoinedStr(unit, joined);
        return;
      }
      const borrowed = openBorrowedBinary(unit, node.op, node.left, node.right);
      compileExpression(unit, node.left);
      compileExpression(unit, node.right);
      const right = emitter.pop();
      const left = emitter.pop();
      emitter.line(`{ const r = ${binaryCall(node.op, left, right)}; dec(${right}); ${right} = null; dec(${left}); ${left} = r; }`);
      if (borrowed) closeBorrowed(unit);
      emitter.reserve();
      return;
    }
    case "UnaryOp": {
      compileExpression(unit, node.operand);
      const operand = emitter.pop();
      if (node.op === "Not") {
        emitter.line(`{ const r = isTrue(${operand}) ? False : True; dec(${operand}); r.refcount++; ${operand} = r; }`);
      } else {
        const helper = node.op === "USub" ? "negative" : node.op === "UAdd" ? "positive" : "invert";
        emitter.line(`{ const r = ${helper}(${operand}); dec(${operand}); ${operand} = r; }`);
      }
      emitter.reserve();
      return;
    }
    case "BoolOp":
      compileBoolOp(unit, node);
      return;
    case "Compare":
      compileCompare(unit, node);
      return;
    case "IfExp": {
      // 3.10+: the branch a constant test never takes is unreachable.
      const outcome = staticOutcome(unit, node.test);
      const condition = compileCondition(unit, node.test);
      const result = emitter.reserve();
      const depth = emitter.depth;
      emitter.open(`if (${condition}) {`);
      emitter.depth = depth - 1;
      if (outcome === false) compileUnreachable(unit, () => compileExpression(unit, node.body));
      else compileExpression(unit, node.body);
      emitter.middle("} else {");
      emitter.depth = depth - 1;
      if (outcome === true) compileUnreachable(unit, () => compileExpression(unit, node.orelse));
      else compileExpression(unit, node.orelse);
      emitter.close();
      emitter.depth = depth;
      void result;
      return;
    }
    case "Call":
      compileCall(unit, node);
      return;
    case "Tuple":
      compileSequenceDisplay(unit, node.elts, "tuple");
      return;
    case "List":
      compileSequenceDisplay(unit, node.elts, "list");
      return;
    case "Set":
      compileSequenceDisplay(unit, node.elts, "set");
      return;
    case "Dict":
      compileDictDisplay(unit, node);
      return;
    case "Subscript": {
      compileExpression(unit, node.value);
      compileSubscriptKey(unit, node.slice);
      const key = emitter.pop();
      const container = emitter.pop();
      emitter.line(`{ const r = getItem(${container}, ${key}); dec(${key}); ${key} = null; dec(${container}); ${container} = r; }`);
      emitter.reserve();
      return;
    }
    case "Slice":
      compileSlice(unit, node);
      return;
    case "Lambda":
      compileLambda(unit, node);
      return;
    case "ListComp":
    case "SetComp":
    case "DictComp":
      compileComprehension(unit, node);
      return;
    case "GeneratorExp":
      compileGeneratorExpression(unit, node);
      return;
    case "JoinedStr":
      compileJoinedStr(unit, node);
      return;
    case "FormattedValue":
      compileFormattedValue(unit, node);
      return;
    case "NamedExpr": {
      compileExpression(unit, node.value);
      const value = emitter.pop();
      emitter.line(`${value}.refcount++;`);
      emitter.reserve();
      // Duplicate: one reference stored, one left as the expression's value.
      const copy = emitter.push(value);
      void copy;
      storeTarget(unit, node.target);
      return;
    }
    case "Yield":
      compileYield(unit, node);
      return;
    case "YieldFrom":
      compileYieldFrom(unit, node);
      return;
    case "Starred":
      throw new UnsupportedSyntax("a starred expression here", node.lineno);
    case "Await":
      throw new UnsupportedSyntax("await", node.lineno);
  }
}

function compileBoolOp(unit: CodeUnit, node: ast.BoolOp, index = 0): void {
  const emitter = unit.emitter;
  const value = node.values[index]!;
  if (index === node.values.length - 1) {
    compileExpression(unit, value);
    return;
  }
  // 3.10+: a constant operand is decided at compile time. One that does not decide the result
  // is dropped (its slot stays unloaded); one that does is the result, and the rest is unreachable.
  const constant = unit.profile.unusedConstants === "kept" ? undefined : constantTest(unit, value);
  if (constant !== undefined) {
    if (truthOfConstant(constant) !== (node.op === "Or")) {
      unit.operandConst(constant);
      compileBoolOp(unit, node, index + 1);
      return;
    }
    compileExpression(unit, value);
    const depth = emitter.depth;
    emitter.open("if (false) {");
    compileUnreachable(unit, () => {
      for (const rest of node.values.slice(index + 1)) {
        compileExpression(unit, rest);
        emitter.depth = depth;
      }
    });
    emitter.close();
    return;
  }
  compileExpression(unit, value);
  const result = emitter.pop();
  const depth = emitter.depth;
  let truth = `isTrue(${result})`;
  // 3.12–3.13 test a COPY of the value (COPY 1; [TO_BOOL;] POP_JUMP_IF_*), which holds it while
  // __bool__ runs.
  if (unit.profile.minor === 12 || unit.profile.minor === 13) {
    truth = emitter.temporary("truth");
    emitter.line(`let ${truth}; ${result}.refcount++; try { ${truth} = isTrue(${result}); } finally { dec(${result}); }`);
  }
  const test = node.op === "Or" ? `!${truth}` : truth;
  emitter.open(`if (${test}) {`);
  emitter.line(`dec(${result}); ${result} = null;`);
  compileBoolOp(unit, node, index + 1);
  emitter.close();
  emitter.depth = depth;
  emitter.reserve();
}

function compileCompare(unit: CodeUnit, node: ast.Compare): void {
  const emitter = unit.emitter;
  compileExpression(unit, node.left);
  if (node.ops.length === 1) {
    compileComparand(unit, node.ops[0]!, node.comparators[0]!);
    const right = emitter.pop();
    const left = emitter.pop();
    emitter.line(`{ const r = ${comparisonValue(node.ops[0]!, left, right)}; dec(${right}); ${right} = null; dec(${left}); ${left} = r; }`);
    emitter.reserve();
    return;
  }
  // Chained: a < b < c evaluates b once and stops at the first false comparison.
  const result = emitter.pop();
  const resultDepth = emitter.depth;
  emitter.reserve();
  const done = emitter.temporary("chain");
  emitter.open(`${done}: {`);
  let left = result;
  for (let index = 0; index < node.ops.length; index++) {
    const op = node.ops[index]!;
    const last = index === node.ops.length - 1;
    // Only the chain's last operand is an iterable operand (fold_compare looks at no other).
    if (last) compileComparand(unit, op, node.comparators[index]!);
    else compileExpression(unit, node.comparators[index]!);
    const right = emitter.pop();
    if (last) {
      emitter.line(`{ const r = ${comparisonValue(op, left, right)}; dec(${right}); ${right} = null; dec(${left}); ${result} = r; }`);
    } else {
      emitter.line(`{ const r = ${comparisonValue(op, left, right)}; dec(${left}); ${left} = null;`);
      emitter.line(`  if (!isTrue(r)) { dec(${right}); ${right} = null; ${result} = r; break ${done}; }`);
      emitter.line(`  dec(r); ${result} = ${right}; ${right} = null; }`);
      left = result;
    }
  }
  emitter.close();
  emitter.depth = resultDepth + 1;
}

/** The right operand of a comparison; `in [1, 2]` and `in {1, 2}` fold to constants. */
function compileComparand(unit: CodeUnit, op: ast.CmpOperator, node: ast.Expr): void {
  if (op === "In" || op === "NotIn") compileIterableOperand(unit, node);
  else compileExpression(unit, node);
}

/** A JS expression producing a new reference to the comparison's result. */
function comparisonValue(op: ast.CmpOperator, left: string, right: string): string {
  switch (op) {
    case "Is":
      return `newBool(${left} === ${right})`;
    case "IsNot":
      return `newBool(${left} !== ${right})`;
    case "In":
      return `newBool(contains(${right}, ${left}))`;
    case "NotIn":
      return `newBool(!contains(${right}, ${left}))`;
    default:
      return `compare(${left}, ${right}, ${COMPARE_CODES.get(op)})`;
  }
}

/** A JS boolean for a comparison (condition context), consuming both operands. */
export function comparisonTest(op: ast.CmpOperator, left: string, right: string): string {
  switch (op) {
    case "Is":
      return `(${left} === ${right})`;
    case "IsNot":
      return `(${left} !== ${right})`;
    case "In":
      return `contains(${right}, ${left})`;
    case "NotIn":
      return `!contains(${right}, ${left})`;
    case "Lt":
      return `lessThan(${left}, ${right})`;
    case "Gt":
      return `greaterThan(${left}, ${right})`;
    default:
      return `compareBool(${left}, ${right}, ${COMPARE_CODES.get(op)})`;
  }
}

export { compileComparand };

function hasStarred(elements: readonly ast.Expr[]): boolean {
  return elements.some((element) => element.type === "Starred");
}

/** Tuple/list/set displays, including starred items and 3.9+'s constant-tuple form. */
function compileSequenceDisplay(unit: CodeUnit, elements: readonly ast.Expr[], kind: "tuple" | "list" | "set"): void {
  const emitter = unit.emitter;
  if (kind !== "tuple" && elements.length >= 3 && unit.profile.constantDisplays && !hasStarred(elements)) {
    // BUILD_LIST 0 + LIST_EXTEND (const tuple) / BUILD_SET 0 + SET_UPDATE (const frozenset).
    const items: ConstRef[] = [];
    for (const element of elements) {
      const folded = unit.context.folder.fold(element);
      if (folded === undefined) break;
      items.push(folded);
    }
    if (items.length === elements.length) {
      const ref: ConstRef = kind === "list" ? { origin: "tuple", items, byCompiler: true } : { origin: "frozenset", items, byCompiler: true };
      let constant: string;
      if (unit.profile.folding === "cfg") {
        // 3.14 makes the constant tuple in flowgraph.c, after codegen loaded each element.
        for (const element of elements) registerCfgOperands(unit, element);
        constant = unit.cfgConstRef(ref);
      } else {
        constant = `K${unit.constIndex(ref)}`;
      }
      emitter.push(kind === "list" ? `buildList([])` : `buildSet([])`);
      const container = emitter.pop();
      emitter.line(kind === "list" ? `listExtend(${container}, ${constant});` : `setUpdate(${container}, ${constant});`);
      emitter.reserve();
      return;
    }
  }
  if (!hasStarred(elements)) {
    const start = emitter.depth;
    for (const element of elements) compileExpression(unit, element);
    const slots: string[] = [];
    for (let index = 0; index < elements.length; index++) slots.unshift(emitter.pop());
    const builder = kind === "tuple" ? "buildTuple" : kind === "list" ? "buildList" : "buildSet";
    const target = emitter.slot(start);
    const nulls = slots.map((slot) => `${slot} = null;`).join(" ");
    emitter.line(`{ const items = [${slots.join(", ")}]; ${nulls} ${target} = ${builder}(items); }`);
    emitter.depth = start;
    emitter.reserve();
    return;
  }
  // With starred items: build a list and extend it, then convert (BUILD_LIST + LIST_EXTEND).
  const container = emitter.push(kind === "set" ? "buildSet([])" : "buildList([])");
  const runs = kind === "set" ? null : new ConstantRuns(unit);
  for (const element of elements) {
    runs?.add(element);
    if (element.type === "Starred") {
      compileExpression(unit, element.value);
      const iterable = emitter.pop();
      emitter.line(`${kind === "set" ? "setUpdate" : "listExtend"}(${container}, ${iterable}); dec(${iterable}); ${iterable} = null;`);
    } else {
      compileExpression(unit, element);
      const item = emitter.pop();
      emitter.line(`${kind === "set" ? "setAdd" : "listAppend"}(${container}, ${item}); ${item} = null;`);
    }
  }
  runs?.end();
  if (kind === "tuple") emitter.line(`{ const r = listToTuple(${container}); ${container} = r; }`);
}

/**
 * ≤3.8 (starunpack_helper): the items between starred ones are packed by BUILD_TUPLE, and the
 * peephole optimiser folds a run of constants into a tuple constant appended to co_consts. The
 * generated code still appends the items one by one; only the constant is registered. Call
 * `add` before compiling each item and `end` after the last.
 */
export class ConstantRuns {
  private run: ConstRef[] | null = [];

  constructor(private readonly unit: CodeUnit) {}

  add(element: ast.Expr): void {
    if (this.unit.profile.minor > 8) return;
    if (element.type === "Starred") {
      this.end();
      return;
    }
    const ref = this.unit.context.folder.fold(element);
    if (ref === undefined) this.run = null;
    else this.run?.push(ref);
  }

  end(): void {
    if (this.run !== null && this.run.length > 0) this.unit.lateConstRef({ origin: "tuple", items: this.run, byCompiler: true });
    this.run = [];
  }
}

/** One part of a dict display as CPython's compiler cuts it: a run of `key: value` items, or a `**` entry. */
type DictDisplayPart = { readonly begin: number; readonly end: number; readonly itemByItem: boolean } | { readonly unpacked: number };

/** STACK_USE_GUIDELINE: how many stack entries a 3.10+ display may use before it builds in steps. */
const DICT_RUN_STACK_GUIDELINE = 30;

/**
 * compiler_dict's cuts: runs end at each `**` entry; 3.10+ also ends a run at its 17th item and
 * builds a run of 16 or more items one item at a time (BUILD_MAP 0 + MAP_ADD).
 */
function dictDisplayParts(unit: CodeUnit, node: ast.Dict): DictDisplayPart[] {
  const cutsLongRuns = unit.profile.minor >= 10;
  const run = (begin: number, end: number): DictDisplayPart => ({ begin, end, itemByItem: cutsLongRuns && (end - begin) * 2 > DICT_RUN_STACK_GUIDELINE });
  const parts: DictDisplayPart[] = [];
  let elements = 0;
  for (let index = 0; index < node.keys.length; index++) {
    const key = node.keys[index];
    if (key === null || key === undefined) {
      if (elements > 0) parts.push(run(index - elements, index));
      elements = 0;
      parts.push({ unpacked: index });
    } else if (cutsLongRuns && elements * 2 > DICT_RUN_STACK_GUIDELINE) {
      parts.push(run(index - elements, index + 1));
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements > 0) parts.push(run(node.keys.length - elements, node.keys.length));
  return parts;
}

/**
 * A dict display. Each run is its own dict, made after its items are evaluated (BUILD_MAP n).
 * ≤3.8 evaluates every part first and then merges them all into a new dict (BUILD_MAP_UNPACK);
 * 3.9+ merges each later part into the first dict as soon as it is evaluated (DICT_UPDATE).
 */
function compileDictDisplay(unit: CodeUnit, node: ast.Dict): void {
  const emitter = unit.emitter;
  const parts = dictDisplayParts(unit, node);
  if (parts.length === 0) {
    emitter.push("buildDict(0)");
    return;
  }
  const start = emitter.depth;
  if (unit.profile.minor <= 8) {
    for (const part of parts) compileDictDisplayPart(unit, node, part);
    if (parts.length === 1 && !("unpacked" in parts[0]!)) return;
    const slots = parts.map((_part, index) => emitter.slot(start + index));
    const releases = slots.slice(1).reverse().map((slot) => `dec(${slot}); ${slot} = null;`);
    emitter.line(`{ const d = mergeMappings([${slots.join(", ")}]); ${releases.join(" ")} dec(${slots[0]}); ${slots[0]} = d; }`);
    emitter.depth = start;
    emitter.reserve();
    return;
  }
  parts.forEach((part, index) => {
    if (index === 0 && "unpacked" in part) emitter.push("buildDict(0)");
    compileDictDisplayPart(unit, node, part);
    if (emitter.depth === start + 1) return;
    const update = emitter.pop();
    emitter.line(`dictUpdate(${emitter.slot(start)}, ${update}); dec(${update}); ${update} = null;`);
  });
}

/** Pushes one part of a dict display: the mapping of a `**` entry, or a run built into a new dict. */
function compileDictDisplayPart(unit: CodeUnit, node: ast.Dict, part: DictDisplayPart): void {
  const emitter = unit.emitter;
  if ("unpacked" in part) {
    compileExpression(unit, node.values[part.unpacked]!);
    return;
  }
  const { begin, end } = part;
  if (part.itemByItem) {
    const container = emitter.push("buildDict(0)");
    for (let index = begin; index < end; index++) {
      compileExpression(unit, node.keys[index]!);
      compileExpression(unit, node.values[index]!);
      const value = emitter.pop();
      const keySlot = emitter.pop();
      emitter.line(`mapAdd(${container}, ${keySlot}, ${value}); ${keySlot} = null; ${value} = null;`);
    }
    return;
  }
  if (end - begin > 1 && compileConstKeyRun(unit, node, begin, end)) return;
  const start = emitter.depth;
  for (let index = begin; index < end; index++) {
    compileExpression(unit, node.keys[index]!);
    compileExpression(unit, node.values[index]!);
  }
  const slots: string[] = [];
  for (let index = begin; index < end; index++) {
    const value = emitter.pop();
    slots.unshift(emitter.pop(), value);
  }
  // CPython pops the pairs from the top once all are inserted.
  const releases = slots.slice(1).reverse().map((slot) => `dec(${slot}); ${slot} = null;`);
  emitter.line(`{ const d = buildMap([${slots.join(", ")}]); ${releases.join(" ")} dec(${slots[0]}); ${slots[0]} = d; }`);
  emitter.depth = start;
  emitter.reserve();
}

/**
 * ≤3.13 (compiler_subdict): two or more items whose keys are all constants evaluate only the
 * values; the keys are one tuple constant (BUILD_CONST_KEY_MAP), loaded after the values.
 */
function compileConstKeyRun(unit: CodeUnit, node: ast.Dict, begin: number, end: number): boolean {
  if (!unit.profile.buildConstKeyMap) return false;
  const keys: ConstRef[] = [];
  for (let index = begin; index < end; index++) {
    const key = constantTest(unit, node.keys[index]!);
    if (key === undefined) return false;
    keys.push(key);
  }
  const emitter = unit.emitter;
  const start = emitter.depth;
  for (let index = begin; index < end; index++) compileExpression(unit, node.values[index]!);
  const values: string[] = [];
  for (let index = begin; index < end; index++) values.unshift(emitter.pop());
  const tuple = unit.constIndex({ origin: "tuple", items: keys, byCompiler: true });
  const inserts = values.map((value, index) => `{ const k = K${tuple}.items[${index}]; k.refcount++; dictSetItem(d, k, ${value}); ${value} = null; }`);
  emitter.line(`{ const d = buildDict(${values.length}); ${inserts.join(" ")} ${emitter.slot(start)} = d; }`);
  emitter.depth = start;
  emitter.reserve();
  return true;
}

export function compileSubscriptKey(unit: CodeUnit, node: ast.Expr): void {
  compileExpression(unit, node);
}

function compileSlice(unit: CodeUnit, node: ast.Slice): void {
  const emitter = unit.emitter;
  const start = emitter.depth;
  for (const part of [node.lower, node.upper, node.step]) {
    if (part === null || part === undefined) emitter.push(`(None.refcount++, None)`);
    else compileExpression(unit, part);
  }
  const step = emitter.pop();
  const upper = emitter.pop();
  const lower = emitter.pop();
  emitter.line(`{ const r = buildSlice(${lower}, ${upper}, ${step}); ${upper} = null; ${step} = null; ${lower} = r; }`);
  emitter.depth = start;
  emitter.reserve();
}

function compileJoinedStr(unit: CodeUnit, node: ast.JoinedStr): void {
  // One part needs no BUILD_STRING: f'{x}' is the object x.__format__ returned.
  if (node.values.length === 1) {
    compileExpression(unit, node.values[0]!);
    return;
  }
  const emitter = unit.emitter;
  const start = emitter.depth;
  for (const part of node.values) compileExpression(unit, part);
  const slots: string[] = [];
  for (let index = 0; index < node.values.length; index++) slots.unshift(emitter.pop());
  const target = emitter.slot(start);
  emitter.line(`{ const parts = [${slots.join(", ")}]; ${slots.map((slot) => `${slot} = null;`).join(" ")} ${target} = joinStrings(parts); }`);
  emitter.depth = start;
  emitter.reserve();
}

function compileFormattedValue(unit: CodeUnit, node: ast.FormattedValue): void {
  const emitter = unit.emitter;
  compileExpression(unit, node.value);
  let spec = "null";
  if (node.format_spec !== null) {
    compileExpression(unit, node.format_spec);
    spec = emitter.pop();
  }
  const value = emitter.pop();
  const releaseSpec = spec === "null" ? "" : `dec(${spec}); ${spec} = null;`;
  emitter.line(`{ const r = formatValue(${value}, ${node.conversion}, ${spec}); ${releaseSpec} dec(${value}); ${value} = r; }`);
  emitter.reserve();
}

/**
 * 3.13: what close() finds at this yield (PyGenerator.pausedAt): 0 no handler protects it,
 * 1 one does, 2 a finally clause encloses it (protected or not depends on how it was entered).
 */
function yieldProtection(unit: CodeUnit): number {
  if (unit.protection.handlers > 0) return 1;
  return unit.protection.finallies > 0 ? 2 : 0;
}

/**
 * The line a generator paused at this yield reports (f_lineno): 3.8+ give the instruction the
 * yield's own line. ≤3.7 line numbers only grow within a statement, so a yield spanning lines
 * gets the last line its operand's instructions reached (which folding changes): 0, refused.
 */
function yieldLine(unit: CodeUnit, node: ast.Yield | ast.YieldFrom): number {
  if (unit.profile.minor <= 7 && node.end_lineno !== node.lineno) return 0;
  return node.lineno;
}

function compileYield(unit: CodeUnit, node: ast.Yield): void {
  const emitter = unit.emitter;
  if (unit.kind !== "generator") throw new UnsupportedSyntax("yield outside a generator function", node.lineno);
  if (node.value === null) emitter.push(`(None.refcount++, None)`);
  else compileExpression(unit, node.value);
  const value = emitter.pop();
  if (unit.profile.minor === 13) emitter.line(`GEN.pausedAt = ${yieldProtection(unit)};`);
  emitter.line(`GEN.pausedLine = ${yieldLine(unit, node)};`);
  // The yielded reference goes to the consumer; what send() passes in comes back owned.
  emitter.line(`{ const v = ${value}; ${value} = null; ${value} = sentValue(yield v); }`);
  emitter.reserve();
}

function compileYieldFrom(unit: CodeUnit, node: ast.YieldFrom): void {
  const emitter = unit.emitter;
  if (unit.kind !== "generator") throw new UnsupportedSyntax("yield from outside a generator function", node.lineno);
  compileExpression(unit, node.value);
  const iterable = emitter.pop();
  emitter.line(`{ const it = yieldFromIter(${iterable}); dec(${iterable}); ${iterable} = it; }`);
  // close() while delegating goes the GeneratorExit way (the delegate is closed first).
  if (unit.profile.minor === 13) emitter.line(`GEN.pausedAt = 1;`);
  emitter.line(`GEN.pausedLine = ${yieldLine(unit, node)};`);
  emitter.line(`{ let sent = null; for (;;) { const step = yieldFromStep(${iterable}, sent); if (step === null) { const r = yieldFromResult(); dec(${iterable}); ${iterable} = r; break; } sent = yield step; } }`);
  emitter.reserve();
}

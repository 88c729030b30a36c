// Comprehensions: list/set/dict comprehensions inlined (as CPython 3.12 does), generator
// expressions as nested generator code objects.
import type * as ast from "../../ast/nodes.js";
import { CodeUnit } from "../code-unit.js";
import { scopeOf } from "../symtable.js";
import { compileExpression } from "./expressions.js";
import { compileCondition } from "./conditions.js";
import { storeTarget } from "./assignments.js";
import { compileIterableOperand } from "./iterable-operand.js";
import { staticOutcome, compileUnreachable } from "../reachability.js";

type InlineComprehension = ast.ListComp | ast.SetComp | ast.DictComp;

export function compileComprehension(unit: CodeUnit, node: InlineComprehension): void {
  const emitter = unit.emitter;
  const scope = scopeOf.get(node);
  if (scope === undefined) throw new Error("compiler bug: comprehension without scope");
  const inner = unit.inlineScope(scope);
  const start = emitter.depth;
  // The first iterable is evaluated in the enclosing scope.
  compileIterableOperand(unit, node.generators[0]!.iter);
  const firstIterator = emitter.slot(start);
  emitter.line(`{ const it = getIter(${firstIterator}); dec(${firstIterator}); ${firstIterator} = it; }`);
  // ≤3.10 the comprehension is a call with a frame of its own (runtime/memory/frame-memory.ts).
  const frameBlock = unit.profile.minor <= 10 ? emitter.temporary("cf") : null;
  if (frameBlock !== null) emitter.open(`{ const ${frameBlock} = enterInlineFrame(CODE, "${frameBlock}", ${scope.access.size + 1}); try {`);
  // ≤3.11 that frame holds the iterator twice more, as its `.0` parameter and as the copy FOR_ITER
  // works on; 3.11's frame takes over the caller's stack reference for the first.
  const frameHeld = unit.profile.minor <= 10 ? 2 : unit.profile.minor === 11 ? 1 : 0;
  if (frameHeld > 0) emitter.open(`${firstIterator}.refcount += ${frameHeld}; try {`);
  const result = emitter.push(node.type === "ListComp" ? "buildList([])" : node.type === "SetComp" ? "buildSet([])" : "buildDict(0)");
  // A variable an inner function captures lives in one cell for the whole comprehension.
  for (const [name, access] of scope.access) {
    if (access === "cell") emitter.line(`${inner.localVariable(name)} = newCell(null);`);
  }
  compileGenerators(inner, node, 0, firstIterator, result);
  // Release the comprehension's variables now: they do not outlive it.
  for (const variable of inner.localVariables.values()) emitter.line(`if (${variable} !== null) { const o = ${variable}; ${variable} = null; dec(o); }`);
  if (frameHeld > 0) emitter.close(`} finally { ${firstIterator}.refcount -= ${frameHeld}; }`);
  if (frameBlock !== null) emitter.close(`} finally { leaveInlineFrame(CODE, "${frameBlock}", ${frameBlock}); } }`);
  emitter.line(`dec(${firstIterator}); ${firstIterator} = ${result}; ${result} = null;`);
  emitter.depth = start;
  emitter.reserve();
}

function compileGenerators(unit: CodeUnit, node: InlineComprehension, index: number, iterator: string, result: string): void {
  const emitter = unit.emitter;
  const generator = node.generators[index]!;
  const label = emitter.temporary("comp");
  emitter.open(`${label}: for (;;) {`);
  emitter.line("loopStep(R);");
  emitter.line(`{ const v = ${iterator}.type.iternext(${iterator}); if (v === null) break; ${emitter.reserve()} = v; }`);
  storeTarget(unit, generator.target);
  let filteredOut = false;
  for (const condition of generator.ifs) {
    const test = compileCondition(unit, condition);
    emitter.line(`if (!${test}) continue ${label};`);
    if (staticOutcome(unit, condition) === false) filteredOut = true;
  }
  // After a constant false filter the rest is unreachable: its constants are not kept.
  if (filteredOut) compileUnreachable(unit, () => compileComprehensionRest(unit, node, index, result));
  else compileComprehensionRest(unit, node, index, result);
  emitter.close();
}

/** What follows generator `index`'s filters: the next generator, or the element added to `result`. */
function compileComprehensionRest(unit: CodeUnit, node: InlineComprehension, index: number, result: string): void {
  const emitter = unit.emitter;
  if (index + 1 < node.generators.length) {
    const next = node.generators[index + 1]!;
    compileIterableOperand(unit, next.iter);
    const innerIterator = emitter.slot(emitter.depth - 1);
    emitter.line(`{ const it = getIter(${innerIterator}); dec(${innerIterator}); ${innerIterator} = it; }`);
    compileGenerators(unit, node, index + 1, innerIterator, result);
    emitter.pop();
    emitter.line(`dec(${innerIterator}); ${innerIterator} = null;`);
  } else if (node.type === "DictComp") {
    // ≤3.7 evaluates the value before the key (MAP_ADD's operands swapped in 3.8, PEP 572).
    const valueFirst = unit.profile.minor <= 7;
    compileExpression(unit, valueFirst ? node.value : node.key);
    compileExpression(unit, valueFirst ? node.key : node.value);
    const second = emitter.pop();
    const first = emitter.pop();
    const [key, value] = valueFirst ? [second, first] : [first, second];
    emitter.line(`mapAdd(${result}, ${key}, ${value}); ${key} = null; ${value} = null;`);
  } else {
    compileExpression(unit, node.elt);
    const element = emitter.pop();
    emitter.line(`${node.type === "ListComp" ? "listAppend" : "setAdd"}(${result}, ${element}); ${element} = null;`);
  }
}

/** (elt for … in …): a generator code object called with the first iterator. */
export function compileGeneratorExpression(unit: CodeUnit, node: ast.GeneratorExp): void {
  const emitter = unit.emitter;
  const scope = scopeOf.get(node);
  if (scope === undefined) throw new Error("compiler bug: generator expression without scope");
  const child = new CodeUnit(unit.context, "generator", scope, "<genexpr>", qualifiedGenexpr(unit), node.lineno, unit);
  unit.children.push(child);
  child.argCount = 1;
  if (child.profile.functionConstsLeadingNone) child.noneIndex();
  compileGeneratorBody(child, node, 0, child.localVariable(".0"));
  // 3.14: no leading None; the body always reaches the implicit `return None` codegen adds last.
  if (!child.profile.functionConstsLeadingNone) child.noneIndex();
  const start = emitter.depth;
  const frees = scope.frees;
  let closure = "null";
  if (frees.length > 0) {
    const cells = frees.map((name) => unit.localVariable(name));
    closure = emitter.push(`buildTuple([${cells.map((cell) => `(${cell}.refcount++, ${cell})`).join(", ")}])`);
  }
  const codeIndex = unit.codeConstIndex(child);
  const qualname = unit.profile.minor <= 10 ? unit.strConstRef(child.qualname) : "null";
  const functionSlot = emitter.slot(start);
  emitter.line(`{ const f = makeFunction(K${codeIndex}, G, B, null, null, ${closure}, null, ${qualname}); ${closure === "null" ? "" : `${closure} = null;`} ${functionSlot} = f; }`);
  emitter.depth = start + 1;
  compileIterableOperand(unit, node.generators[0]!.iter);
  const iterable = emitter.pop();
  emitter.line(`{ const it = getIter(${iterable}); dec(${iterable}); ${iterable} = null; const g = call(${functionSlot}, [it], null); dec(${functionSlot}); ${functionSlot} = g; }`);
}

function qualifiedGenexpr(unit: CodeUnit): string {
  if (unit.kind === "module") return "<genexpr>";
  if (unit.kind === "class") return `${unit.qualname}.<genexpr>`;
  return `${unit.qualname}.<locals>.<genexpr>`;
}

function compileGeneratorBody(unit: CodeUnit, node: ast.GeneratorExp, index: number, iteratorExpression: string): void {
  const emitter = unit.emitter;
  const generator = node.generators[index]!;
  const label = emitter.temporary("gen");
  let iterator = iteratorExpression;
  // The generator iterates a copy of its `.0` parameter on its stack (up to 3.13, whose LOAD_FAST counts it).
  const copiesParameter = index === 0 && unit.profile.minor <= 13;
  if (copiesParameter) iterator = emitter.push(`(${iteratorExpression}.refcount++, ${iteratorExpression})`);
  if (index > 0) {
    compileIterableOperand(unit, generator.iter);
    iterator = emitter.slot(emitter.depth - 1);
    emitter.line(`{ const it = getIter(${iterator}); dec(${iterator}); ${iterator} = it; }`);
  }
  emitter.open(`${label}: for (;;) {`);
  emitter.line("loopStep(R);");
  emitter.line(`{ const v = ${iterator}.type.iternext(${iterator}); if (v === null) break; ${emitter.reserve()} = v; }`);
  storeTarget(unit, generator.target);
  for (const condition of generator.ifs) {
    const test = compileCondition(unit, condition);
    emitter.line(`if (!${test}) continue ${label};`);
  }
  if (index + 1 < node.generators.length) {
    compileGeneratorBody(unit, node, index + 1, "");
  } else {
    compileExpression(unit, node.elt);
    const element = emitter.pop();
    // Which line a paused multi-line generator expression reports differs per version: 0 refuses it.
    emitter.line(`GEN.pausedLine = ${node.lineno === node.end_lineno ? node.lineno : 0};`);
    emitter.line(`{ const v = ${element}; ${element} = null; const sent = yield v; if (sent !== null) dec(sent); }`);
  }
  emitter.close();
  if (index > 0 || copiesParameter) {
    emitter.pop();
    emitter.line(`dec(${iterator}); ${iterator} = null;`);
  }
}
